import type { CaseData } from '../../schemas/case.ts';
import type { Organization } from '../../schemas/organization.ts';
import type { WorkCalendar } from '../calendar/calendar.ts';
import type { CaseRecord } from '../cases/case-file.ts';
import { caseDeadline } from '../deadlines/deadlines.ts';
import { documentPage, escapeHtml } from './html.ts';
import { markdownHtml } from './markdown.ts';
import { formatDate, type IsoDate } from '../dates/iso-date.ts';
import { findOrganizer, organizerName } from '../organization/organizers.ts';

/** Dutch words for the case's coded values, as printed on the forms. */
export const LABELS_NL = {
  channel: { email: 'e-mail', letter: 'brief', form: 'klachtenformulier', oral: 'mondeling' },
  status: { open: 'in behandeling', resolved: 'afgehandeld', escalated: 'voorgelegd aan de klachtencommissie', withdrawn: 'ingetrokken' },
  step: {
    information_given: 'Informatie verstrekt aan de klager (art. 5.1)',
    complainant_heard: 'Klager in de gelegenheid gesteld de klacht toe te lichten (art. 5.2)',
    third_party_information: 'Informatie opgevraagd bij derden (art. 5.3)',
    mediation: 'Bemiddeling (art. 4.3, 5.5)',
  },
} as const;

const date = (d: IsoDate | undefined) => (d ? `${formatDate(d)} (${d})` : '');
const yesNo = (b: boolean | undefined) => (b === undefined ? '' : b ? 'ja' : 'nee');

/** One table row; an empty value prints as a dash so a blank on the form is visibly blank. */
const row = (label: string, value: string, opts: { html?: boolean; text?: boolean } = {}) =>
  `<tr><th scope="row">${escapeHtml(label)}</th><td${opts.text ? ' class="text"' : ''}>${value === '' ? '<span class="muted">–</span>' : opts.html ? value : escapeHtml(value)}</td></tr>`;

const section = (title: string, rows: string[]) => `<h2>${escapeHtml(title)}</h2>\n<table>\n${rows.join('\n')}\n</table>`;

const labelOf = (list: { key: string; label: string }[], key: string) => list.find((x) => x.key === key)?.label ?? key;

function contactRows(who: { email?: string; phone?: string; address?: string }): string[] {
  return [row('E-mail', who.email ?? ''), row('Telefoon', who.phone ?? ''), row('Adres', who.address ?? '', { text: true })];
}

/**
 * The klachtenregistratieformulier (art. 1.5, 4.5) of a case: every registered fact in a printable A4 page.
 * Holds personal data: it is written only to the git-ignored documents folder.
 */
export function registrationFormHtml(record: CaseRecord, org: Organization, cal: WorkCalendar, today: IsoDate): string {
  const c: CaseData = record.data;
  const d = caseDeadline(c, cal, org.deadlines, today);
  const organizer = findOrganizer(org.organizers, c.organizer);
  const filing = d.filing_deadline
    ? `${date(d.filing_deadline)}: ${d.filed_late ? 'te laat ingediend (gesignaleerd, niet geweigerd)' : 'binnen de termijn ingediend'}`
    : 'onbekend (geen einddatum van de opdracht)';

  const parts: string[] = [];
  parts.push(`<h1>Klachtenregistratieformulier</h1>
<p class="muted">${escapeHtml(org.organization.name)} · art. 1.5 en 4.5 van de klachtenregeling · vertrouwelijk (art. 4.4) · afgedrukt op ${escapeHtml(formatDate(today))}</p>`);

  parts.push(
    section('Registratie', [
      row('Dossiernummer', c.id),
      row('Status', LABELS_NL.status[c.status]),
      row('Verantwoordelijke begeleider (art. 6.1)', organizer ? organizer.name : c.organizer),
      row('Ontvangen op', date(c.received)),
      row('Ontvangen via (art. 1.1, 4.1)', LABELS_NL.channel[c.channel]),
      row('Schriftelijk bevestigd op (art. 4.1)', date(c.written_confirmation)),
      row('Ontvangst bevestigd op', date(c.acknowledged)),
      row(
        `Cliënt gewezen op de klachtenregeling en ${org.escalation.name} (art. 3, bij de start van de opdracht)`,
        date(c.client_informed),
      ),
      row('Opdracht afgerond op', date(c.assignment_completed)),
      row(`Indieningstermijn (${org.deadlines.filing_workdays} werkdagen, art. 4.1)`, filing),
      row(`Afhandeltermijn (${org.deadlines.handling_workdays} werkdagen, art. 5.4, 6.2)`, date(d.due)),
      row('Categorieën', c.categories.map((k) => labelOf(org.categories, k)).join(', ')),
    ]),
  );

  if (c.complainant) {
    const r = c.complainant.representative;
    parts.push(section('Klager (art. 1.2)', [row('Naam cliënt', c.complainant.name), ...contactRows(c.complainant)]));
    if (r)
      parts.push(
        section('Vertegenwoordiger (art. 1.2)', [row('Naam', r.name), row('Relatie tot de cliënt', r.relation ?? ''), ...contactRows(r)]),
      );
  } else parts.push(section('Klager (art. 1.2)', [row('Persoonsgegevens', `verwijderd op ${date(c.anonymized)} (bewaartermijn)`)]));

  const body = record.body.trim();
  parts.push(
    `<h2>De klacht zoals ontvangen, en notities</h2>\n<div class="markdown">${body ? markdownHtml(body) : '<span class="muted">–</span>'}</div>`,
  );

  parts.push(
    section(
      'Behandeling (art. 5.1–5.3)',
      c.steps.length
        ? c.steps.map((s) => row(`${formatDate(s.date)}`, `${LABELS_NL.step[s.kind]}${s.note ? `\n${s.note}` : ''}`, { text: true }))
        : [row('Stappen', '')],
    ),
  );

  parts.push(
    section('Schriftelijke afhandeling (art. 4.6, 5.5)', [
      row('Datum', date(c.response?.date)),
      row('Bevindingen', c.response?.findings ?? '', { text: true }),
      row('Conclusies', c.response?.conclusions ?? '', { text: true }),
      row('Bemiddeling (art. 5.5)', c.response?.mediation ?? '', { text: true }),
      row('Klager tevreden (art. 2.3, 4.7)', yesNo(c.satisfied)),
      row(
        'Voorgelegd aan de klachtencommissie (art. 4.7)',
        c.escalation ? `${date(c.escalation.date)}${c.escalation.reference ? `, kenmerk ${c.escalation.reference}` : ''}` : '',
      ),
      row('Ingetrokken op', date(c.withdrawn_on)),
    ]),
  );

  parts.push(
    section('Oorzaken en verbeteringen (art. 2.2, 2.4)', [
      row('Oorzaken', c.causes.map((k) => labelOf(org.causes, k)).join(', ')),
      ...(c.improvements.length
        ? c.improvements.map((a, i) =>
            row(
              `Verbeteractie ${i + 1}`,
              `${a.action}\nDoor: ${organizerName(org.organizers, a.owner)}${a.due ? ` · streefdatum ${formatDate(a.due)}` : ''}${a.done ? ` · gedaan op ${formatDate(a.done)}` : ''}`,
              { text: true },
            ),
          )
        : [row('Verbeteracties', '')]),
    ]),
  );

  return documentPage(`Klachtenregistratieformulier ${c.id}`, parts.join('\n\n'));
}
