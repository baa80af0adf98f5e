import type { CaseData } from '../schemas/case.ts';
import type { Organization } from '../schemas/organization.ts';
import type { CaseDeadline } from '../lib/deadlines/deadlines.ts';
import { deadlineStateText } from '../lib/deadlines/state-names.ts';
import type { DocumentKind } from '../lib/documents/kinds.ts';
import { complaintSection, confirmedComplaintSection } from '../lib/documents/markdown.ts';
import { beyondDecreedDays, decreedDaysCaveatText } from '../lib/calendar/decreed-days.ts';
import { formatDate, type IsoDate } from '../lib/dates/iso-date.ts';
import { organizerName } from '../lib/organization/organizers.ts';
import type { Problem } from '../lib/problems/problems.ts';
import type { RetentionAction } from '../lib/cases/retention-plan.ts';
import { checkboxes, esc, field, formProblems, page, select, type FormState, EMPTY_FORM } from './html.ts';
import {
  CHANNEL_NL,
  missingInWerkplek,
  notApplicable,
  removedInWords,
  STATUS_NL,
  STEP_KINDS_NL,
  stepLabel,
  warningInWerkplek,
} from './labels.ts';

const d = (date: IsoDate | undefined | null) => (date ? `<time datetime="${date}">${formatDate(date)}</time>` : '—');
const hidden = (name: string, value: string) => `<input type="hidden" name="${esc(name)}" value="${esc(value)}">`;

/** The filters of the Overzicht, as read from the query string. */
export interface OverviewFilter {
  begeleider?: string;
  status?: string;
  jaar?: string;
  zoek?: string;
  pagina: number;
}

export const PAGE_SIZE = 100;

/** Overzicht: every case, most urgent first (art. 2.1, 5.4, 6.2). */
export function overviewPage(o: {
  org: Organization;
  rows: readonly CaseDeadline[];
  total: number;
  years: readonly string[];
  filter: OverviewFilter;
  invalid: readonly Problem[];
  notice?: string;
  today: IsoDate;
}): string {
  const f = o.filter;
  const s: FormState = {
    values: { begeleider: f.begeleider ?? '', status: f.status ?? '', jaar: f.jaar ?? '', zoek: f.zoek ?? '' },
    errors: {},
  };
  const filters = `<form method="get" action="/" class="filters" aria-label="Filters">
${select(s, 'begeleider', 'Begeleider', [['', 'alle'], ...o.org.organizers.map((x) => [x.key, x.name] as const)])}
${select(s, 'status', 'Status', [['', 'alle'], ...Object.entries(STATUS_NL)])}
${select(s, 'jaar', 'Jaar', [['', 'alle'], ...o.years.map((y) => [y, y] as const)])}
${field(s, 'zoek', 'Dossiernummer', { hint: 'bijv. K-2026-005' })}
<div class="veld"><button type="submit">Tonen</button></div></form>`;
  const pages = Math.max(1, Math.ceil(o.total / PAGE_SIZE));
  const shown = o.rows
    .map(
      (r) =>
        `<tr><td><a href="/dossier/${esc(r.id)}">${esc(r.id)}</a></td><td class="staat-${r.state}">${esc(deadlineStateText(r.state, r.workdays_left))}</td><td>${d(r.due)}${beyondDecreedDays(r.due) ? ' *' : ''}</td><td>${esc(organizerName(o.org.organizers, r.organizer))}</td><td>${esc(STATUS_NL[r.status])}</td><td>${d(r.received)}</td></tr>`,
    )
    .join('\n');
  const query = (p: number) => {
    const q = new URLSearchParams();
    for (const k of ['begeleider', 'status', 'jaar', 'zoek'] as const) if (f[k]) q.set(k, f[k]!);
    q.set('pagina', String(p));
    return `/?${q}`;
  };
  const pager =
    pages > 1
      ? `<nav aria-label="Pagina's"><p>Pagina ${f.pagina} van ${pages}. ${f.pagina > 1 ? `<a href="${esc(query(f.pagina - 1))}">Vorige</a>` : ''} ${f.pagina < pages ? `<a href="${esc(query(f.pagina + 1))}">Volgende</a>` : ''}</p></nav>`
      : '';
  const invalid = o.invalid.length
    ? `<div class="melding fout-melding" role="alert"><p>${o.invalid.length} fout(en) in dossierbestanden: deze dossiers staan niet in de lijst. Herstel ze in een editor (<code>npm run validate</code> toont dezelfde lijst).</p><ul>${o.invalid
        .slice(0, 20)
        .map((p) => `<li><code>${esc(p.file)}:${p.line}</code> ${esc(p.field)}</li>`)
        .join('')}</ul></div>`
    : '';
  return page({
    title: 'Overzicht',
    article: `Alle klachten, de meest dringende eerst. Afhandeling binnen ${o.org.deadlines.handling_workdays} werkdagen (art. 2.1, 5.4, 6.2). Vandaag: ${formatDate(o.today)}.`,
    current: '/',
    notice: (o.notice ?? '') + invalid,
    body: `${filters}
<p>${o.total} klacht(en) gevonden. <a class="knop" href="/nieuw">Nieuwe klacht registreren</a></p>
<div class="tabel"><table><caption class="skip">Klachten</caption><thead><tr><th scope="col">Dossier</th><th scope="col">Termijn</th><th scope="col">Uiterlijk</th><th scope="col">Begeleider</th><th scope="col">Status</th><th scope="col">Ontvangen</th></tr></thead>
<tbody>${shown}</tbody></table></div>${o.rows.some((r) => beyondDecreedDays(r.due)) ? `<p class="hint">* ${esc(decreedDaysCaveatText())}</p>` : ''}${pager}`,
  });
}

/** The registration form's fields, in order (names are frontmatter paths; `klacht` is the Markdown body). */
export const NEW_CASE_FIELDS = [
  'organizer',
  'received',
  'channel',
  'written_confirmation',
  'assignment_completed',
  'client_informed',
  'complainant.name',
  'complainant.email',
  'complainant.phone',
  'complainant.address',
  'complainant.representative.name',
  'complainant.representative.relation',
  'complainant.representative.email',
  'complainant.representative.phone',
  'complainant.representative.address',
  'categories',
  'klacht',
] as const;

const EML_SCRIPT = `
const drop = document.querySelector('.drop'), input = document.getElementById('f-eml');
input.addEventListener('change', () => input.form.requestSubmit());
for (const t of ['dragover', 'dragenter']) document.addEventListener(t, (e) => { e.preventDefault(); drop.classList.add('over'); });
document.addEventListener('dragleave', () => drop.classList.remove('over'));
document.addEventListener('drop', (e) => { e.preventDefault(); if (e.dataTransfer.files.length) { input.files = e.dataTransfer.files; input.form.requestSubmit(); } });`;

/** Nieuwe klacht: the registration form (art. 1.5, 4.5), with e-mail intake (art. 4.1). */
export function newCasePage(o: { org: Organization; state: FormState; today: IsoDate; notice?: string }): string {
  const s = o.state;
  const form = `<form method="post" action="/nieuw" enctype="multipart/form-data" class="drop" aria-labelledby="eml-kop">
<h2 id="eml-kop">E-mail inlezen</h2>
<p class="hint">Sleep een opgeslagen e-mail (.eml) hierheen, of kies het bestand: naam, e-mailadres, datum en tekst worden ingevuld (art. 4.1). Er wordt nog niets opgeslagen.</p>
<div class="veld"><label for="f-eml">E-mailbestand (.eml)</label><input type="file" id="f-eml" name="eml" accept=".eml,message/rfc822"></div>
<input type="hidden" name="actie" value="eml"><button type="submit" class="secundair">E-mail inlezen</button></form>
<form method="post" action="/nieuw" novalidate>
${hidden('actie', 'registreren')}
${formProblems(s, NEW_CASE_FIELDS as unknown as string[])}
<h2>De klacht</h2>
${select(
  s,
  'organizer',
  'Verantwoordelijke begeleider (art. 6.1)',
  o.org.organizers.map((x) => [x.key, x.name] as const),
)}
${field(s, 'received', 'Ontvangen op', { type: 'date', required: true, value: o.today, hint: 'Dag 0 van de afhandeltermijn. Standaard vandaag.' })}
${select(s, 'channel', 'Binnengekomen via (art. 1.1, 4.1)', Object.entries(CHANNEL_NL), { value: 'email' })}
${field(s, 'written_confirmation', 'Bij een mondelinge klacht: schriftelijk bevestigd op', { type: 'date', hint: 'Art. 4.1: een klacht wordt schriftelijk ingediend; bevestig een mondelinge klacht op schrift.' })}
${field(s, 'assignment_completed', 'Opdracht afgerond op', { type: 'date', hint: `Art. 4.1: een klacht kan tot ${o.org.deadlines.filing_workdays} werkdagen na afronding worden ingediend. Een klacht tijdens de opdracht is op tijd: de datum mag ook na de ontvangstdatum liggen.` })}
${field(s, 'client_informed', 'Wanneer heeft u de cliënt op de klachtenregeling gewezen?', { type: 'date', hint: `Art. 3: bij de start van de opdracht, meestal in de opdrachtbevestiging. Vul die datum in; laat leeg als u het niet weet.` })}
${checkboxes(
  s,
  'categories',
  'Categorie (minstens één)',
  o.org.categories.map((c) => [c.key, c.label] as const),
  [],
)}
<h2>De klager (art. 1.2)</h2>
${field(s, 'complainant.name', 'Naam van de cliënt', { required: true, autocomplete: 'off' })}
${field(s, 'complainant.email', 'E-mailadres', { type: 'email', autocomplete: 'off' })}
${field(s, 'complainant.phone', 'Telefoonnummer', { type: 'tel', autocomplete: 'off' })}
${field(s, 'complainant.address', 'Postadres', { type: 'textarea', hint: 'Voor de antwoordbrief.' })}
<details${Object.keys(s.values).some((k) => k.startsWith('complainant.representative.') && s.values[k]) ? ' open' : ''}><summary>Klaagt een vertegenwoordiger namens de cliënt?</summary>
${field(s, 'complainant.representative.name', 'Naam van de vertegenwoordiger', { autocomplete: 'off' })}
${field(s, 'complainant.representative.relation', 'Relatie tot de cliënt', { hint: 'bijv. dochter, bewindvoerder' })}
${field(s, 'complainant.representative.email', 'E-mailadres van de vertegenwoordiger', { type: 'email', autocomplete: 'off' })}
${field(s, 'complainant.representative.phone', 'Telefoonnummer van de vertegenwoordiger', { type: 'tel', autocomplete: 'off' })}
${field(s, 'complainant.representative.address', 'Postadres van de vertegenwoordiger', { type: 'textarea', hint: 'De antwoordbrief gaat naar de vertegenwoordiger.' })}
</details>
<h2>De klacht zoals ontvangen</h2>
${field(s, 'klacht', 'Tekst van de klacht', { type: 'textarea', hint: 'Plak de e-mail, brief of het formulier. Elk teken blijft bewaard zoals getypt.' })}
<button type="submit">Klacht registreren</button>
</form>`;
  return page({
    title: 'Nieuwe klacht',
    article: 'Registratie met het klachtregistratieformulier (art. 1.5, 4.5).',
    current: '/nieuw',
    notice: o.notice,
    body: form,
    script: EML_SCRIPT,
  });
}

/** A document of the case as the Dossier offers it: made, or what the case still lacks; the date it was sent, if it records one. */
export interface DossierDocument {
  kind: DocumentKind;
  /** What the case lacks for it (Dutch), when it cannot be made yet. */
  missing?: readonly string[];
  /** For a kind that records a date (`records`): that date in the case file, once sent. */
  recorded?: IsoDate;
}

/** What the Dossier page needs about one case. */
export interface DossierView {
  org: Organization;
  data: CaseData;
  body: string;
  file: string;
  hash: string;
  deadline: CaseDeadline;
  today: IsoDate;
  /** Working days from received to today (day N of the handling term). */
  dayOfTerm: number;
  warnings: readonly Problem[];
  documents: readonly DossierDocument[];
  /** The form that was refused, with its values and messages. */
  refused?: { action: string; state: FormState };
  notice?: string;
}

/** Dossier: facts, deadline, checklist, forms for each step, documents (art. 3, 4.3–4.7, 5.1–5.5, 2.2, 2.4). */
export function dossierPage(v: DossierView): string {
  const c = v.data;
  const st = (action: string): FormState => (v.refused?.action === action ? v.refused.state : EMPTY_FORM);
  const open = (action: string) => (v.refused?.action === action ? ' open' : '');
  const base = (action: string) => `${hidden('actie', action)}${hidden('hash', v.hash)}`;
  const p = c.complainant;
  const rep = p?.representative;
  const contact = (x: { email?: string; phone?: string; address?: string } | undefined) =>
    [x?.email, x?.phone, x?.address]
      .filter(Boolean)
      .map((t) => esc(t))
      .join('<br>') || '—';
  const facts = `<dl class="feiten">
<dt>Status</dt><dd>${esc(STATUS_NL[c.status])}</dd>
<dt>Begeleider</dt><dd>${esc(organizerName(v.org.organizers, c.organizer))}</dd>
<dt>Ontvangen</dt><dd>${d(c.received)} via ${esc(CHANNEL_NL[c.channel])}</dd>
<dt>Opdracht afgerond</dt><dd>${d(c.assignment_completed)}${v.deadline.filing_deadline ? ` (indienen kon tot ${d(v.deadline.filing_deadline)}${v.deadline.filed_late ? ', <strong>te laat ingediend</strong>' : ''}, art. 4.1)` : ''}</dd>
<dt>Klager</dt><dd>${p ? `${esc(p.name)}<br>${contact(p)}` : 'verwijderd (bewaartermijn)'}</dd>
${rep ? `<dt>Vertegenwoordiger</dt><dd>${esc(rep.name)}${rep.relation ? ` (${esc(rep.relation)})` : ''}<br>${contact(rep)}</dd>` : ''}
<dt>Categorie</dt><dd>${c.categories.map((k) => esc(v.org.categories.find((x) => x.key === k)?.label ?? k)).join(', ')}</dd>
<dt>Oorzaken (art. 2.2)</dt><dd>${c.causes.map((k) => esc(v.org.causes.find((x) => x.key === k)?.label ?? k)).join(', ') || '—'}</dd>
<dt>Bestand</dt><dd><code>${esc(v.file)}</code></dd>
</dl>`;
  const warnings = v.warnings.length
    ? `<div class="melding fout-melding" role="status"><p>Let op:</p><ul>${v.warnings.map((w) => `<li>${esc(warningInWerkplek(w.message, v.org))}</li>`).join('')}</ul></div>`
    : '';
  const dl = v.deadline;
  const timeline = `<ol class="tijdlijn" aria-label="Termijn">
<li><strong>Ontvangen</strong><br>${d(c.received)}<br>dag 0</li>
<li class="nu"><strong>Vandaag</strong><br>${d(v.today)}<br>${dl.closed_on ? 'afgesloten' : `werkdag ${v.dayOfTerm}`}</li>
<li><strong>Uiterlijk (dag ${v.org.deadlines.handling_workdays})</strong><br>${d(dl.due)}${beyondDecreedDays(dl.due) ? `<br><span class="hint">${esc(decreedDaysCaveatText())}</span>` : ''}</li>
<li><strong>Stand</strong><br><span class="staat-${dl.state}">${esc(deadlineStateText(dl.state, dl.workdays_left))}</span>${c.response ? `<br>schriftelijk afgehandeld op ${d(c.response.date)}` : ''}${dl.closed_on && dl.closed_on !== c.response?.date ? `<br>afgesloten op ${d(dl.closed_on)}` : ''}</li>
</ol>`;
  const dateOf = (k: string): IsoDate | undefined => {
    if (k === 'acknowledged' || k === 'written_confirmation' || k === 'client_informed') return c[k];
    return c.steps
      .filter((s) => s.kind === k)
      .map((s) => s.date)
      .sort()[0];
  };
  const checklist = [
    ...STEP_KINDS_NL.filter((k) => k.key !== 'written_confirmation' || c.channel === 'oral').map((k) => {
      const steps = k.field === 'step' ? c.steps.filter((s) => s.kind === k.key) : [];
      const when = k.field === 'date' ? dateOf(k.key) : steps.map((s) => s.date).join(', ');
      const notes = steps
        .filter((s) => s.note)
        .map((s) => `<br><span class="hint">${d(s.date)}: ${esc(s.note)}</span>`)
        .join('');
      return `<li class="${when ? 'gedaan' : 'open-stap'}">${esc(stepLabel(k, v.org))} (${esc(k.article)}): ${when ? (k.field === 'date' ? d(when) : steps.map((s) => d(s.date)).join(', ')) : 'nog niet'}${notes}</li>`;
    }),
    `<li class="${c.response?.findings && c.response.conclusions ? 'gedaan' : 'open-stap'}">Schriftelijke afhandeling met bevindingen en conclusies (art. 4.6, 5.5): ${c.response ? d(c.response.date) : 'nog niet'}</li>`,
    `<li class="${c.escalation ? 'gedaan' : 'open-stap'}">Voorgelegd aan de ${esc(v.org.escalation.committee)} (art. 4.7): ${c.escalation ? `${d(c.escalation.date)}${c.escalation.reference ? `, kenmerk ${esc(c.escalation.reference)}` : ''}` : 'niet (alleen als de klager niet tevreden is)'}</li>`,
  ].join('\n');

  const regValues = (): FormState => {
    const values: Record<string, string | string[]> = {
      organizer: c.organizer,
      received: c.received,
      channel: c.channel,
      written_confirmation: c.written_confirmation ?? '',
      assignment_completed: c.assignment_completed ?? '',
      client_informed: c.client_informed ?? '',
      categories: [...c.categories],
      klacht: complaintSection(v.body),
      klacht_bevestigd: confirmedComplaintSection(v.body),
    };
    for (const k of ['name', 'email', 'phone', 'address'] as const) values[`complainant.${k}`] = p?.[k] ?? '';
    for (const k of ['name', 'relation', 'email', 'phone', 'address'] as const) values[`complainant.representative.${k}`] = rep?.[k] ?? '';
    return { values, errors: {} };
  };
  const rs = v.refused?.action === 'registratie' ? st('registratie') : regValues();
  const r0 = 'reg-';
  const registrationForm = c.anonymized
    ? ''
    : `<details${open('registratie')}><summary>Registratie wijzigen (naam, datums, kanaal, categorie, vertegenwoordiger, klachttekst)</summary>
<form method="post" action="/dossier/${esc(c.id)}">${base('registratie')}${formProblems(rs, NEW_CASE_FIELDS as unknown as string[])}
<p class="hint">Herstel hier een tikfout of een verkeerd gegeven uit de registratie (art. 1.5, 4.5). Alleen wat u wijzigt, wordt opgeslagen.</p>
${select(
  rs,
  'organizer',
  'Verantwoordelijke begeleider (art. 6.1)',
  v.org.organizers.map((x) => [x.key, x.name] as const),
  { prefix: r0 },
)}
${field(rs, 'received', 'Ontvangen op', { type: 'date', required: true, prefix: r0, hint: 'Dag 0 van de afhandeltermijn: de termijn schuift mee.' })}
${select(rs, 'channel', 'Binnengekomen via (art. 1.1, 4.1)', Object.entries(CHANNEL_NL), { prefix: r0 })}
${field(rs, 'written_confirmation', 'Bij een mondelinge klacht: schriftelijk bevestigd op', { type: 'date', prefix: r0 })}
${field(rs, 'assignment_completed', 'Opdracht afgerond op', { type: 'date', prefix: r0 })}
${field(rs, 'client_informed', 'Wanneer heeft u de cliënt op de klachtenregeling gewezen?', { type: 'date', prefix: r0, hint: 'Art. 3: bij de start van de opdracht, meestal in de opdrachtbevestiging.' })}
${checkboxes(
  rs,
  'categories',
  'Categorie (minstens één)',
  v.org.categories.map((x) => [x.key, x.label] as const),
  c.categories,
  r0,
)}
${field(rs, 'complainant.name', 'Naam van de cliënt', { required: true, autocomplete: 'off', prefix: r0 })}
${field(rs, 'complainant.email', 'E-mailadres', { type: 'email', autocomplete: 'off', prefix: r0 })}
${field(rs, 'complainant.phone', 'Telefoonnummer', { type: 'tel', autocomplete: 'off', prefix: r0 })}
${field(rs, 'complainant.address', 'Postadres', { type: 'textarea', prefix: r0 })}
<fieldset class="veld"><legend>Vertegenwoordiger (art. 1.2; laat alles leeg als de cliënt zelf klaagt)</legend>
${field(rs, 'complainant.representative.name', 'Naam van de vertegenwoordiger', { autocomplete: 'off', prefix: r0 })}
${field(rs, 'complainant.representative.relation', 'Relatie tot de cliënt', { prefix: r0, hint: 'bijv. dochter, bewindvoerder' })}
${field(rs, 'complainant.representative.email', 'E-mailadres van de vertegenwoordiger', { type: 'email', autocomplete: 'off', prefix: r0 })}
${field(rs, 'complainant.representative.phone', 'Telefoonnummer van de vertegenwoordiger', { type: 'tel', autocomplete: 'off', prefix: r0 })}
${field(rs, 'complainant.representative.address', 'Postadres van de vertegenwoordiger', { type: 'textarea', prefix: r0 })}
</fieldset>
${field(rs, 'klacht', 'Tekst van de klacht zoals ontvangen', { type: 'textarea', prefix: r0, hint: 'Uw notities onder "Notities" in het dossierbestand blijven staan.' })}
${field(rs, 'klacht_bevestigd', 'Klacht zoals bevestigd aan de klager (alleen bij een mondelinge klacht)', { type: 'textarea', prefix: r0, hint: 'Art. 4.1: schrijf de klacht op zoals de klager haar vertelde, in woorden voor de klager. Deze tekst staat in de "Bevestiging mondelinge klacht"; uw eigen aantekening hierboven niet.' })}
<button type="submit">Registratie opslaan</button></form></details>`;

  const stepForm = `<details${open('stap')}><summary>Stap vastleggen</summary>
<form method="post" action="/dossier/${esc(c.id)}">${base('stap')}${formProblems(st('stap'), ['stap.kind', 'stap.date', 'stap.note'])}
${select(
  st('stap'),
  'stap.kind',
  'Welke stap',
  // art. 3 is a fact of the assignment (Registratie wijzigen), not a step of today
  STEP_KINDS_NL.filter((k) => k.key !== 'client_informed').map((k) => [k.key, `${stepLabel(k, v.org)} (${k.article})`] as const),
  { prefix: 'stap-' },
)}
${field(st('stap'), 'stap.date', 'Datum', { type: 'date', value: v.today, prefix: 'stap-' })}
${field(st('stap'), 'stap.note', 'Korte notitie (optioneel)', { type: 'textarea', prefix: 'stap-', hint: 'Blijft in het dossier; wordt na de bewaartermijn verwijderd.' })}
<button type="submit">Stap opslaan</button></form></details>`;

  const r = c.response;
  const responseState =
    v.refused?.action === 'antwoord'
      ? st('antwoord')
      : {
          values: {
            'response.date': r?.date ?? v.today,
            'response.findings': r?.findings ?? '',
            'response.conclusions': r?.conclusions ?? '',
            'response.mediation': r?.mediation ?? '',
          },
          errors: {},
        };
  const responseForm = `<details${open('antwoord') || (!r && c.status === 'open' ? '' : '')}><summary>${r ? 'Schriftelijke afhandeling bewerken' : 'Schriftelijke afhandeling schrijven'}</summary>
<form method="post" action="/dossier/${esc(c.id)}">${base('antwoord')}${formProblems(responseState, ['response.date', 'response.findings', 'response.conclusions', 'response.mediation'])}
${field(responseState, 'response.date', 'Datum van de afhandeling', { type: 'date', prefix: 'antw-' })}
${field(responseState, 'response.findings', 'Bevindingen (art. 5.5)', { type: 'textarea', prefix: 'antw-' })}
${field(responseState, 'response.conclusions', 'Conclusies (art. 5.5)', { type: 'textarea', prefix: 'antw-' })}
${field(responseState, 'response.mediation', 'Hoe bemiddeling de klacht heeft opgelost (als dat zo is)', { type: 'textarea', prefix: 'antw-' })}
<button type="submit">Afhandeling opslaan</button></form></details>`;

  const satisfiedOpts = [
    ['', 'onbekend'],
    ['ja', 'ja, tevreden'],
    ['nee', 'nee, niet tevreden'],
  ] as const;
  const closeState: FormState =
    v.refused?.action === 'afsluiten'
      ? st('afsluiten')
      : {
          values: {
            satisfied: c.satisfied === true ? 'ja' : c.satisfied === false ? 'nee' : '',
            no_escalation_reason: c.no_escalation_reason ?? '',
          },
          errors: {},
        };
  const closeForm =
    c.status === 'open' || c.status === 'resolved'
      ? `<details${open('afsluiten')}><summary>${c.status === 'open' ? 'Afsluiten (afgehandeld)' : 'Uitkomst bewerken (tevredenheid, reden om niet voor te leggen)'}</summary>
<form method="post" action="/dossier/${esc(c.id)}">${base('afsluiten')}${formProblems(closeState, ['satisfied', 'no_escalation_reason'])}
<p class="hint">Kan pas als de schriftelijke afhandeling met bevindingen en conclusies is opgeslagen (art. 4.6, 5.5).</p>
${select(closeState, 'satisfied', 'Is de klager tevreden? (art. 2.3)', satisfiedOpts, { prefix: 'afs-' })}
${field(closeState, 'no_escalation_reason', 'Niet tevreden, maar niet naar de klachtencommissie: waarom niet? (art. 4.7)', { type: 'textarea', prefix: 'afs-', hint: 'Alleen invullen als de klager niet tevreden is en afziet van voorleggen, bijv. "Klager ziet af van voorleggen aan de commissie."' })}
<button type="submit">${c.status === 'open' ? 'Klacht afsluiten' : 'Uitkomst opslaan'}</button></form></details>`
      : '';
  const escalateForm =
    c.status === 'open' || c.status === 'resolved'
      ? `<details${open('escaleren')}><summary>Voorleggen aan de klachtencommissie (art. 4.7)</summary>
<form method="post" action="/dossier/${esc(c.id)}">${base('escaleren')}${formProblems(st('escaleren'), ['escalation.date', 'escalation.reference'])}
<p class="hint">Als de klager niet tevreden is met de afhandeling gaat de klacht naar de ${esc(v.org.escalation.committee)}. Eerst moet de schriftelijke afhandeling er zijn.</p>
${field(st('escaleren'), 'escalation.date', 'Voorgelegd op', { type: 'date', value: v.today, prefix: 'esc-' })}
${field(st('escaleren'), 'escalation.reference', `Kenmerk bij ${v.org.escalation.name} (optioneel)`, { prefix: 'esc-' })}
<button type="submit">Voorleggen vastleggen</button></form></details>`
      : '';
  const withdrawForm =
    c.status === 'open'
      ? `<details${open('intrekken')}><summary>Klacht ingetrokken</summary>
<form method="post" action="/dossier/${esc(c.id)}">${base('intrekken')}${formProblems(st('intrekken'), ['withdrawn_on'])}
${field(st('intrekken'), 'withdrawn_on', 'Ingetrokken op', { type: 'date', value: v.today, prefix: 'int-' })}
<button type="submit">Intrekking vastleggen</button></form></details>`
      : '';
  const causesForm = `<details${open('oorzaken')}><summary>Oorzaken (art. 2.2)</summary>
<form method="post" action="/dossier/${esc(c.id)}">${base('oorzaken')}${formProblems(st('oorzaken'), ['causes'])}
${checkboxes(
  st('oorzaken'),
  'causes',
  'Oorzaken van de klacht',
  v.org.causes.map((x) => [x.key, x.label] as const),
  c.causes,
  'oorz-',
)}
<button type="submit">Oorzaken opslaan</button></form></details>`;
  const improvements = c.improvements
    .map(
      (a, i) =>
        `<li>${esc(a.action)} — ${esc(organizerName(v.org.organizers, a.owner))}${a.due ? `, streefdatum ${d(a.due)}` : ''}: ${a.done ? `gedaan op ${d(a.done)}` : `<form method="post" action="/dossier/${esc(c.id)}" class="inline">${base('verbetering-gedaan')}${hidden('index', String(i))}${hidden('done', v.today)}<button type="submit" class="secundair" aria-label="Verbeteractie ${i + 1} gedaan op ${formatDate(v.today)}">Gedaan (vandaag)</button></form>`}</li>`,
    )
    .join('');
  const improvementForm = `<details${open('verbetering')}><summary>Verbeteractie toevoegen (art. 2.4)</summary>
<form method="post" action="/dossier/${esc(c.id)}">${base('verbetering')}${formProblems(st('verbetering'), ['improvement.action', 'improvement.owner', 'improvement.due'])}
${field(st('verbetering'), 'improvement.action', 'Wat wordt er verbeterd', { prefix: 'verb-' })}
${select(
  st('verbetering'),
  'improvement.owner',
  'Wie voert het uit',
  v.org.organizers.map((x) => [x.key, x.name] as const),
  { value: c.organizer, prefix: 'verb-' },
)}
${field(st('verbetering'), 'improvement.due', 'Streefdatum (optioneel)', { type: 'date', prefix: 'verb-' })}
<button type="submit">Verbeteractie toevoegen</button></form></details>`;

  const documents = v.documents
    .map(({ kind: k, missing, recorded }) => {
      const head = `<strong>${esc(k.title)}</strong> (${esc(k.articles)})`;
      if (missing && notApplicable(missing)) return `<li>${head}: niet nodig; alleen bij een mondelinge klacht (art. 4.1).</li>`;
      if (missing)
        return `<li>${head}: nog niet te maken. Vul eerst in:<ul class="ontbreekt">${missing.map((m) => `<li>${esc(missingInWerkplek(m))}</li>`).join('')}</ul></li>`;
      const links = `<a href="/dossier/${esc(c.id)}/document/${esc(k.key)}">bekijken</a> · <a href="/dossier/${esc(c.id)}/document/${esc(k.key)}.pdf" download="${esc(c.id)}-${esc(k.key)}.pdf">PDF downloaden</a>`;
      if (!k.records) return `<li>${head}: ${links}</li>`;
      if (recorded) return `<li>${head}: ${links}<br><span class="hint">Verstuurd op ${d(recorded)}.</span></li>`;
      const action = `verstuurd-${k.key}`;
      const s = st(action);
      const prefix = `${k.key}-`;
      return `<li>${head}: ${links}
<form method="post" action="/dossier/${esc(c.id)}" class="verstuurd">${base(action)}${formProblems(s, ['verstuurd.date'])}
${field(s, 'verstuurd.date', 'Verstuurd op', {
  type: 'date',
  value: v.today,
  prefix,
  hint: `Na het versturen: de checklist toont dan "${stepLabel(
    STEP_KINDS_NL.find((x) => x.key === k.records)!,
    v.org,
  )}" met deze datum.`,
})}
<button type="submit" class="secundair">${esc(k.title)} is verstuurd</button></form></li>`;
    })
    .join('\n');
  return page({
    title: `Dossier ${c.id}`,
    article: 'De behandeling van één klacht: art. 3, 4.3–4.7, 5.1–5.5; oorzaken en verbeteringen art. 2.2, 2.4.',
    current: '',
    notice: (v.notice ?? '') + warnings,
    body: `<h2>Feiten</h2>${facts}${registrationForm}
<h2>Termijn (art. 5.4, 6.2)</h2>${timeline}
<h2>Stappen van de regeling</h2><ul class="lijst-stappen">${checklist}</ul>
${c.anonymized ? '' : stepForm}${c.status === 'open' || c.status === 'resolved' ? responseForm + closeForm + escalateForm + withdrawForm : ''}
<h2>Oorzaken en verbeteringen (art. 2.2, 2.4)</h2>
${improvements ? `<ul>${improvements}</ul>` : '<p>Nog geen verbeteracties.</p>'}
${causesForm}${improvementForm}
<h2>Documenten</h2><ul>${documents}</ul>
<p class="hint">Documenten bevatten persoonsgegevens: bewaar ze niet buiten het dossier.</p>
<h2>De klacht zoals ontvangen</h2><div class="tekst">${esc(v.body.trim())}</div>`,
  });
}

/** Bewaartermijn: the retention dry run, and apply after explicit confirmation (AVG; art. 4.4). */
export function retentionPage(o: {
  org: Organization;
  plan: readonly RetentionAction[];
  today: IsoDate;
  notice?: string;
  error?: string;
}): string {
  const list = o.plan
    .map(
      (a) =>
        `<li><a href="/dossier/${esc(a.id)}">${esc(a.id)}</a>: afgesloten ${d(a.closed_on)}, bewaren tot ${d(a.keep_until)}. Wordt verwijderd: ${a.removed.map((r) => `<code>${esc(removedInWords(r))}</code>`).join(', ')}</li>`,
    )
    .join('');
  const confirm = o.plan.length
    ? `<form method="post" action="/bewaartermijn">
${o.error ? `<p class="fout" id="bevestig-fout">${esc(o.error)}</p>` : ''}
<div class="vinkje"><input type="checkbox" id="f-bevestig" name="bevestig" value="ja"${o.error ? ' aria-describedby="bevestig-fout" aria-invalid="true"' : ''}><label for="f-bevestig">Ik begrijp dat deze persoonsgegevens definitief uit ${o.plan.length} dossier(s) worden verwijderd.</label></div>
<p><button type="submit">Persoonsgegevens verwijderen</button></p></form>`
    : '<p>Geen dossier is over de bewaartermijn heen. Er hoeft niets te gebeuren.</p>';
  return page({
    title: 'Bewaartermijn',
    article: `Persoonsgegevens van een afgesloten klacht worden ${o.org.retention.years_after_closing} jaar na afsluiting verwijderd (AVG; vertrouwelijkheid art. 4.4). Stand op ${formatDate(o.today)}.`,
    current: '/bewaartermijn',
    notice: o.notice,
    body: `<p>Er is nog niets veranderd: u ziet eerst wat er zou gebeuren. Datums, begeleider, kanaal, categorieën, oorzaken, de soorten stappen met hun data, tevredenheid, uitkomst en verbeteracties blijven bewaard; bevindingen, conclusies en bemiddelingstekst worden vervangen door &quot;(verwijderd op …)&quot;.</p>${list ? `<ul>${list}</ul>` : ''}${confirm}`,
  });
}

/** A page for a missing case or address. */
export function notFoundPage(what: string): string {
  return page({
    title: 'Niet gevonden',
    article: '',
    current: '',
    body: `<p>${esc(what)}</p><p><a href="/">Terug naar het overzicht</a></p>`,
  });
}

/** What the Privacyverzoeken page shows: the forms, and the answer to the last one. */
export interface PrivacyView {
  org: Organization;
  today: IsoDate;
  /** The access request's form (email or name) and, once searched, the cases found. */
  access: FormState & { found?: readonly string[] };
  /** The erasure request's form (case id) and, after the dry run, what would be removed. */
  erasure: FormState & { plan?: RetentionAction; error?: string };
  notice?: string;
}

/** Privacyverzoeken: access (AVG art. 15) as PDF/JSON, and erasure on request (AVG art. 17) after a dry run and a confirmation. */
export function privacyPage(v: PrivacyView): string {
  const a = v.access;
  const subject = ['email', 'naam'].map((k) => hidden(k, typeof a.values[k] === 'string' ? (a.values[k] as string) : '')).join('');
  const found =
    a.found === undefined
      ? ''
      : a.found.length === 0
        ? '<p role="status">Geen dossier gevonden. Er is niets gemaakt. Laat de persoon weten dat het klachtenregister geen gegevens van hem of haar bevat.</p>'
        : `<div role="status"><p>${a.found.length} dossier(s) gevonden: ${a.found.map((id) => `<a href="/dossier/${esc(id)}">${esc(id)}</a>`).join(', ')}.</p>
<p>Download de export en stuur hem aan de persoon (binnen een maand, art. 12 AVG). Bewaar hem niet elders en zet hem niet in Git.</p></div>
<form method="post" action="/privacy" class="inline">${hidden('actie', 'inzage-pdf')}${subject}<button type="submit">Inzage als PDF downloaden</button></form>
<form method="post" action="/privacy" class="inline">${hidden('actie', 'inzage-json')}${subject}<button type="submit" class="secundair">Inzage als JSON downloaden</button></form>`;
  const access = `<h2>Inzage (AVG art. 15)</h2>
<p>Zoek alle dossiers waarin iemand klager of vertegenwoordiger is (hoofdletters maken niet uit; een naam moet volledig zijn). De export bevat alles wat over de persoon is vastgelegd, en waarom, hoe lang en wie het ontvangt; dezelfde als <code>npm run inzage</code> maakt.</p>
<form method="post" action="/privacy">${hidden('actie', 'inzage-zoeken')}${formProblems(a, ['email', 'naam'])}
${field(a, 'email', 'E-mailadres van de persoon', { type: 'email', autocomplete: 'off', prefix: 'inz-' })}
${field(a, 'naam', 'Of: volledige naam, zoals in het dossier', { autocomplete: 'off', prefix: 'inz-' })}
<button type="submit">Dossiers zoeken</button></form>${found}`;
  const e = v.erasure;
  const plan = e.plan;
  const dryRun = plan
    ? `<div role="status"><p>Er is nog niets veranderd: u ziet eerst wat er zou gebeuren. Uit <a href="/dossier/${esc(plan.id)}">${esc(plan.id)}</a> (afgesloten ${d(plan.closed_on)}) wordt verwijderd:</p>
<ul>${plan.removed.map((r) => `<li><code>${esc(removedInWords(r))}</code></li>`).join('')}</ul>
<p>Datums, begeleider, categorieën, oorzaken, de stappen (zonder notities), tevredenheid en verbeteracties blijven, zodat het rapport de klacht blijft tellen. Het dossier krijgt <code>anonymized</code> met de datum van vandaag.</p></div>
<form method="post" action="/privacy">${hidden('actie', 'verwijderen')}${hidden('dossier', plan.id)}
${e.error ? `<p class="fout" id="verw-bevestig-fout">${esc(e.error)}</p>` : ''}
<div class="vinkje"><input type="checkbox" id="verw-bevestig" name="bevestig" value="ja"${e.error ? ' aria-describedby="verw-bevestig-fout" aria-invalid="true"' : ''}><label for="verw-bevestig">Ik begrijp dat deze persoonsgegevens definitief uit ${esc(plan.id)} worden verwijderd.</label></div>
<p><button type="submit">Persoonsgegevens van ${esc(plan.id)} verwijderen</button></p></form>`
    : '';
  const erasure = `<h2>Verwijderen op verzoek (AVG art. 17)</h2>
<p>Verwijdert nu de persoonsgegevens uit één afgesloten dossier, precies zoals de bewaartermijn dat later zou doen. Een open klacht sluit u eerst af (of legt de intrekking vast). U ziet eerst wat er verwijderd wordt.</p>
<form method="post" action="/privacy">${hidden('actie', 'verwijderen-proef')}${formProblems(e, ['dossier'])}
${field(e, 'dossier', 'Dossiernummer', { hint: 'bijv. K-2026-003', prefix: 'verw-' })}
<button type="submit">Tonen wat er verwijderd wordt</button></form>${dryRun}`;
  return page({
    title: 'Privacyverzoeken',
    article: `Inzage en verwijderen op verzoek van de klager (AVG art. 15 en 17; vertrouwelijkheid art. 4.4). Verwerkingsverantwoordelijke: ${v.org.organization.name}. Stand op ${formatDate(v.today)}.`,
    current: '/privacy',
    notice: v.notice,
    body: access + erasure,
  });
}
