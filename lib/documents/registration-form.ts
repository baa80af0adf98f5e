import type { CaseData } from '../../schemas/case.ts';
import type { Organization } from '../../schemas/organization.ts';
import type { WorkCalendar } from '../calendar/calendar.ts';
import type { CaseRecord } from '../cases/case-file.ts';
import { caseDeadline } from '../deadlines/deadlines.ts';
import { documentPage, escapeHtml } from './html.ts';
import { markdownHtml } from './markdown.ts';
import { formatDate, type IsoDate } from '../dates/iso-date.ts';
import { findOrganizer, organizerName } from '../organization/organizers.ts';
import { vocabulary, type StepKind } from '../vocabulary/index.ts';

/** The article each handling step fulfils, as printed beside it. */
const STEP_ARTICLES: Record<StepKind, string> = {
  information_given: 'art. 5.1',
  complainant_heard: 'art. 5.2',
  third_party_information: 'art. 5.3',
  mediation: 'art. 4.3, 5.5',
  // not a step of the procedure: the dossier taken up again, its reason in the note
  reopened: '',
};

const date = (d: IsoDate | undefined) => (d ? formatDate(d) : '');
const yesNo = (b: boolean | undefined) => (b === undefined ? '' : b ? 'ja' : 'nee');

/** One table row; an empty value prints as a dash so a blank on the form is visibly blank. */
const row = (label: string, value: string, opts: { html?: boolean; text?: boolean } = {}) =>
  `<tr><th scope="row">${escapeHtml(label)}</th><td${opts.text ? ' class="text"' : ''}>${value === '' ? '<span class="muted">–</span>' : opts.html ? value : escapeHtml(value)}</td></tr>`;

const section = (title: string, rows: string[]) => `<h2>${escapeHtml(title)}</h2>\n<table>\n${rows.join('\n')}\n</table>`;

const labelOf = (list: { key: string; label: string }[], key: string) => list.find((x) => x.key === key)?.label ?? key;

/** The contact rows of the complainant or the representative, labelled as the vocabulary names their fields. */
function contactRows(
  who: { email?: string; phone?: string; address?: string },
  label: Record<'email' | 'phone' | 'address', string>,
): string[] {
  return [row(label.email, who.email ?? ''), row(label.phone, who.phone ?? ''), row(label.address, who.address ?? '', { text: true })];
}

/**
 * The klachtenregistratieformulier (art. 1.5, 4.5) of a case: every registered fact in a printable A4 page.
 * Holds personal data: it is written only to the git-ignored documents folder.
 */
export function registrationFormHtml(record: CaseRecord, org: Organization, cal: WorkCalendar, today: IsoDate): string {
  const c: CaseData = record.data;
  const w = vocabulary('nl', org);
  const f = w.field;
  const d = caseDeadline(c, cal, org.deadlines, today);
  const organizer = findOrganizer(org.organizers, c.organizer);
  const filing = d.filing_deadline
    ? `${date(d.filing_deadline)}: ${d.filed_late ? 'te laat ingediend (gesignaleerd, niet geweigerd)' : 'binnen de termijn ingediend'}`
    : 'onbekend (geen einddatum van de opdracht)';

  const parts: string[] = [];
  parts.push(`<h1>${escapeHtml(w.document.registratieformulier)}</h1>
<p class="muted">${escapeHtml(org.organization.name)} · art. 1.5 en 4.5 van de klachtenregeling · vertrouwelijk (art. 4.4) · afgedrukt op ${escapeHtml(formatDate(today))}</p>`);

  parts.push(
    section('Registratie', [
      row(f.id, c.id),
      row(f.status, w.status[c.status]),
      row(`${f.organizer} (art. 6.1)`, organizer ? organizer.name : c.organizer),
      row(f.received, date(c.received)),
      row(`${f.channel} (art. 1.1, 4.1)`, w.channel[c.channel]),
      row(`${f.written_confirmation} (art. 4.1)`, date(c.written_confirmation)),
      row(f.acknowledged, date(c.acknowledged)),
      row(`${f.client_informed} (art. 3, bij de start van de opdracht)`, date(c.client_informed)),
      row(f.assignment_completed, date(c.assignment_completed)),
      row(`Indieningstermijn (${org.deadlines.filing_workdays} werkdagen, art. 4.1)`, filing),
      row(`Afhandeltermijn (${org.deadlines.handling_workdays} werkdagen, art. 5.4, 6.2)`, date(d.due)),
      row(f.categories, c.categories.map((k) => labelOf(org.categories, k)).join(', ')),
    ]),
  );

  if (c.complainant) {
    const r = c.complainant.representative;
    parts.push(
      section(`${f.complainant} (art. 1.2)`, [
        row(f['complainant.name'], c.complainant.name),
        ...contactRows(c.complainant, { email: f['complainant.email'], phone: f['complainant.phone'], address: f['complainant.address'] }),
      ]),
    );
    if (r)
      parts.push(
        section(`${f['complainant.representative']} (art. 1.2)`, [
          row(f['complainant.representative.name'], r.name),
          row(f['complainant.representative.relation'], r.relation ?? ''),
          ...contactRows(r, {
            email: f['complainant.representative.email'],
            phone: f['complainant.representative.phone'],
            address: f['complainant.representative.address'],
          }),
        ]),
      );
  } else
    parts.push(section(`${f.complainant} (art. 1.2)`, [row('Persoonsgegevens', `verwijderd op ${date(c.anonymized)} (bewaartermijn)`)]));

  const body = record.body.trim();
  parts.push(
    `<h2>De klacht zoals ontvangen, en notities</h2>\n<div class="markdown">${body ? markdownHtml(body) : '<span class="muted">–</span>'}</div>`,
  );

  parts.push(
    section(
      `${f.steps} (art. 5.1–5.3)`,
      c.steps.length
        ? c.steps.map((s) =>
            row(
              `${formatDate(s.date)}`,
              `${w.step[s.kind]}${STEP_ARTICLES[s.kind] ? ` (${STEP_ARTICLES[s.kind]})` : ''}${s.note ? `\n${s.note}` : ''}`,
              { text: true },
            ),
          )
        : [row(f.steps, '')],
    ),
  );

  parts.push(
    section(`${f.response} (art. 4.6, 5.5)`, [
      row(f['response.date'], date(c.response?.date)),
      row(f['response.findings'], c.response?.findings ?? '', { text: true }),
      row(f['response.conclusions'], c.response?.conclusions ?? '', { text: true }),
      row(f['response.mediation'], c.response?.mediation ?? '', { text: true }),
      row(`${f.satisfied} (art. 2.3, 4.7)`, yesNo(c.satisfied)),
      row(
        `${f.escalation} (art. 4.7)`,
        c.escalation ? `${date(c.escalation.date)}${c.escalation.reference ? `, kenmerk ${c.escalation.reference}` : ''}` : '',
      ),
      row(f.withdrawn_on, date(c.withdrawn_on)),
    ]),
  );

  parts.push(
    section('Oorzaken en verbeteringen (art. 2.2, 2.4)', [
      row(f.causes, c.causes.map((k) => labelOf(org.causes, k)).join(', ')),
      ...(c.improvements.length
        ? c.improvements.map((a, i) =>
            row(
              `Verbeteractie ${i + 1}`,
              `${a.action}\nDoor: ${organizerName(org.organizers, a.owner)}${a.due ? ` · streefdatum ${formatDate(a.due)}` : ''}${a.done ? ` · gedaan op ${formatDate(a.done)}` : ''}`,
              { text: true },
            ),
          )
        : [row(f.improvements, '')]),
    ]),
  );

  return documentPage(`${w.document.registratieformulier} ${c.id}`, parts.join('\n\n'));
}
