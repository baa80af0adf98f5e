import type { CaseData } from '../../schemas/case.ts';
import type { Organization } from '../../schemas/organization.ts';
import { workdaysBetween } from '../../lib/calendar/calendar.ts';
import { beyondDecreedDays, decreedDaysCaveatText } from '../../lib/calendar/decreed-days.ts';
import type { CaseRecord } from '../../lib/cases/case-file.ts';
import { checkCaseFile } from '../../lib/cases/validate.ts';
import { caseDeadline, type CaseDeadline } from '../../lib/deadlines/deadlines.ts';
import { DOCUMENT_KINDS, type DocumentKind } from '../../lib/documents/kinds.ts';
import { complaintSection, confirmedComplaintSection } from '../../lib/documents/markdown.ts';
import { formatDate, type IsoDate } from '../../lib/dates/iso-date.ts';
import { organizerName } from '../../lib/organization/organizers.ts';
import type { Problem } from '../../lib/problems/problems.ts';
import { changeCase } from '../../actions/change-case.ts';
import { caseFileOf } from '../../actions/workspace.ts';
import { readTextIfExists, textHash } from '../../io/case-write.ts';
import { shown } from '../../io/files.ts';
import { CASE_ID } from '../../schemas/case.ts';
import type { KnownHistory } from '../../io/case-history.ts';
import { historyDay, historyLines } from '../../lib/cases/history.ts';
import { HttpError, type Context, type Werkplek } from '../context.ts';
import { checkboxes, EMPTY_FORM, field, formProblems, hidden, select, type FieldErrors, type FormState } from '../form-controls.ts';
import { planDossierForm } from '../forms/dossier-forms.ts';
import { errorsByField, readDates, str } from '../forms/form-values.ts';
import { html, type Html, type HtmlValue } from '../html.ts';
import { CHECKLIST_STEPS, missingInWerkplek, notApplicable, warningInWerkplek } from '../labels.ts';
import { vocabulary } from '../../lib/vocabulary/index.ts';
import { notFoundPage, notice, page } from '../layout.ts';
import { pageReply, redirect, type Reply, type Request } from '../reply.ts';
import { sharingView, shareStatusHtml, statusIn } from '../sharing-view.ts';
import { dateHtml as d } from './dates.ts';
import { NEW_CASE_FIELDS } from './new-case.ts';
import { commitWords, writeFailedWords } from './saved-words.ts';

/** The words the page shows (lib/vocabulary). */
const nl = vocabulary('nl');

/** A case file read and checked for a page; undefined when there is no such case. */
export function readCase(app: Werkplek, id: string, ctx: Context) {
  const path = CASE_ID.test(id) ? caseFileOf(app.o.cases, id) : undefined;
  const text = path && readTextIfExists(path);
  if (!path || text === undefined) return undefined;
  return { path, text, check: checkCaseFile({ path: shown(path), text }, ctx.schema, ctx.org, ctx.cal) };
}

/** GET /dossier/ID, with its share status (gedeeld, wordt gedeeld, niet gedeeld and why). */
export async function showDossier(app: Werkplek, req: Request): Promise<Reply> {
  const id = req.params[0]!;
  const view = await sharingView(app);
  const share = html`<p class="delen">Delen met de anderen: ${shareStatusHtml(statusIn(view, id))}</p>`;
  return dossierReply(app, id, { notice: html`${app.takeFlash(req.url)}${view.notices}${share}` });
}

/** The Dossier page of case `id`, with a refused form's values and messages, or a notice. */
function dossierReply(
  app: Werkplek,
  id: string,
  extra: { notice?: Html; refused?: { action: string; state: FormState }; status?: number },
): Reply {
  const ctx = app.context();
  const found = readCase(app, id, ctx);
  if (!found) return pageReply(notFoundPage(`Er is geen dossier ${id}.`), 404);
  const { check, text, path } = found;
  if (!check.record) {
    const list = check.problems.map((p) => `${p.file}:${p.line}: ${p.field}: ${p.message}`).join('\n');
    return pageReply(
      notFoundPage(
        `Het bestand van ${id} is niet geldig en kan hier niet worden getoond. Herstel het in een editor (npm run validate toont dezelfde lijst):\n${list}`,
      ),
    );
  }
  const record = check.record;
  const data = record.data;
  return pageReply(
    dossierPage({
      history: app.history.known(id),
      org: ctx.org,
      data,
      body: record.body,
      file: shown(path),
      hash: textHash(text),
      deadline: caseDeadline(data, ctx.cal, ctx.org.deadlines, ctx.today),
      today: ctx.today,
      dayOfTerm: ctx.today > data.received ? workdaysBetween(ctx.cal, data.received, ctx.today) : 0,
      warnings: check.problems.filter((p) => p.severity === 'warning'),
      documents: documentsOf(app, record, ctx),
      noPdf: app.pdfUnavailable(),
      refused: extra.refused,
      notice: extra.notice,
    }),
    extra.status ?? (extra.refused ? 422 : 200),
  );
}

/** Each document kind of the case: made, or what it lacks; the date it was sent, if it records one. */
function documentsOf(app: Werkplek, record: CaseRecord, ctx: Context): DossierDocument[] {
  return DOCUMENT_KINDS.map((kind) => {
    const made = app.makeDocument(kind, record, ctx);
    return { kind, missing: made.ok ? undefined : made.missing, recorded: kind.records ? record.data[kind.records] : undefined };
  });
}

/** POST /dossier/ID: one Dossier form, saved through the action layer; a refused save writes nothing and keeps the input. */
export function postDossier(app: Werkplek, req: Request): Promise<Reply> {
  return app.serial(() => saveDossier(app, req.params[0]!, req.values));
}

async function saveDossier(app: Werkplek, id: string, raw: Request['values']): Promise<Reply> {
  const ctx = app.context();
  const action = str(raw, 'actie');
  const refuse = (errors: FieldErrors, message?: string, status = 422) =>
    dossierReply(app, id, {
      refused: { action, state: { values: raw, errors } },
      notice: message ? notice(message, 'fout') : undefined,
      status,
    });
  const dates = readDates(raw);
  if (Object.keys(dates.errors).length) return refuse(dates.errors);
  let unknown = false;
  const r = await changeCase(
    app.workspace(ctx),
    id,
    (current) => {
      const plan = planDossierForm(action, dates.values, current);
      if (plan) return plan;
      unknown = true;
      return { errors: {} };
    },
    { expectedHash: str(raw, 'hash') },
  );
  if (unknown) throw new HttpError(400, 'Onbekende handeling.');
  const nothing = () => redirect(`/dossier/${id}?melding=${app.flash(`${id}: niets gewijzigd; er is niets opgeslagen.`)}`);
  switch (r.kind) {
    case 'not-found':
      return pageReply(notFoundPage(`Er is geen dossier ${id}.`), 404);
    case 'stale':
      return refuse(
        {},
        'Het dossier is intussen gewijzigd (in een editor, of door Synchroniseren). Er is niets opgeslagen. Uw invoer staat hieronder nog; het dossier toont nu de nieuwste versie. Sla opnieuw op als uw invoer nog klopt.',
        409,
      );
    case 'invalid-file':
      return refuse({}, 'Het bestand is niet geldig; herstel het eerst in een editor (npm run validate).');
    case 'input':
      return refuse(r.errors);
    case 'refused':
      return refuse(errorsByField(r.problems, r.inputOf));
    case 'unchanged':
      return nothing();
    case 'write-failed':
      return refuse({}, writeFailedWords(r.code), 507);
    case 'saved':
      app.index.saved(r.path);
      app.history.changed();
      return redirect(`/dossier/${id}?melding=${app.flash(`${id}: ${r.message}. ${commitWords(r.commit)}`)}`);
  }
}

/**
 * GET /dossier/ID/geschiedenis: the history section alone, for the Dossier's script (static/geschiedenis.js) while
 * it was being loaded. Waits at most 5 s for the look into Git that runs in the background; the Dossier never waits.
 */
export async function showHistory(app: Werkplek, req: Request): Promise<Reply> {
  const id = req.params[0]!;
  if (!CASE_ID.test(id)) return pageReply(notFoundPage(`Er is geen dossier ${id}.`), 404);
  const ctx = app.context();
  return pageReply(historySection(id, await app.history.settled(id, 5000), ctx.org, ctx.today));
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
  /** What is known of the case's history (io/case-history.ts); without it, no history section. */
  history?: KnownHistory;
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
  notice?: Html;
  /** Why no PDF can be made on this computer (no Chrome, Edge or Chromium), in Dutch; the previews still work. */
  noPdf?: string;
}

/** Dossier: facts, deadline, checklist, forms for each step, documents (art. 3, 4.3–4.7, 5.1–5.5, 2.2, 2.4). */
export function dossierPage(v: DossierView): Html {
  const c = v.data;
  const isOpen = c.status === 'open' || c.status === 'resolved';
  return page({
    title: `Dossier ${c.id}`,
    article: 'De behandeling van één klacht: art. 3, 4.3–4.7, 5.1–5.5; oorzaken en verbeteringen art. 2.2, 2.4.',
    current: '',
    script: v.history && 'geschiedenis.js',
    notice: [v.notice, warningsOf(v)],
    body: html`<h2>Feiten</h2>
      ${factsOf(v)}${c.anonymized ? '' : registrationForm(v)}
      <h2>Termijn (art. 5.4, 6.2)</h2>
      ${timelineOf(v)}
      <h2>Stappen van de regeling</h2>
      <ul class="lijst-stappen">
        ${checklistOf(v)}
      </ul>
      ${c.anonymized ? '' : stepForm(v)}${isOpen && [responseForm(v), closeForm(v), escalateForm(v), withdrawForm(v)]}${reopenForm(v)}
      <h2>Oorzaken en verbeteringen (art. 2.2, 2.4)</h2>
      ${improvementsOf(v)} ${causesForm(v)}${improvementForm(v)}
      <h2>Documenten</h2>
      <ul>
        ${documentsList(v)}
      </ul>
      ${
        v.noPdf
          ? html`<div class="melding fout-melding">
            <p>${v.noPdf} Tot dan: open een document met "bekijken" en druk het af vanuit de browser.</p>
          </div>`
          : ''
      }
      <p class="hint">Documenten bevatten persoonsgegevens: bewaar ze niet buiten het dossier.</p>
      <h2>De klacht zoals ontvangen</h2>
      <div class="tekst">${v.body.trim()}</div>
      ${v.history && historySection(c.id, v.history, v.org, v.today)}`,
  });
}

/**
 * The case's history, newest first: who recorded what, when (the audit trail that is kept of every change).
 * While it loads, `data-geschiedenis` names the address the script fetches it from.
 */
export function historySection(id: string, h: KnownHistory, org: Organization, today: IsoDate): Html {
  const lines = h.commits && historyLines(h.commits, org);
  return html`<section id="geschiedenis" aria-labelledby="geschiedenis-kop" ${h.loading && html`data-geschiedenis="/dossier/${id}/geschiedenis"`}>
    <h2 id="geschiedenis-kop">Geschiedenis</h2>
    ${
      h.none
        ? html`<p>Van dit dossier is geen geschiedenis bewaard: in deze map met dossiers worden wijzigingen niet bijgehouden.</p>`
        : html`${
            lines &&
            lines.length > 0 &&
            html`<p class="hint">Elke wijziging wordt bewaard. Hier staat wie wat vastlegde, de nieuwste bovenaan.</p>
              <ul class="geschiedenis">
                ${lines.map((l) => html`<li><time datetime="${l.date}">${historyDay(l.date, today)}</time>, ${l.who}: ${l.what}</li>`)}
              </ul>`
          }
          ${lines && lines.length === 0 && !h.loading && html`<p>Nog geen vastgelegde wijzigingen.</p>`}
          ${h.loading && html`<p class="hint" role="status">Geschiedenis wordt geladen…${lines && ' Nieuwere wijzigingen kunnen nog volgen.'} <a href="/dossier/${id}#geschiedenis">Vernieuwen</a></p>`}`
    }
  </section>`;
}

const stateOf = (v: DossierView, action: string): FormState => (v.refused?.action === action ? v.refused.state : EMPTY_FORM);
const openIf = (v: DossierView, action: string) => v.refused?.action === action && 'open';
/** A form of the Dossier: it posts its action and the file's hash (a file changed meanwhile is never overwritten). */
const dossierForm = (v: DossierView, action: string, body: HtmlValue, cls?: string): Html =>
  html`<form method="post" action="/dossier/${v.data.id}" ${cls && html`class="${cls}"`}>${hidden('actie', action)}${hidden('hash', v.hash)}${body}</form>`;

function warningsOf(v: DossierView): Html | false {
  return (
    v.warnings.length > 0 &&
    html`<div class="melding fout-melding" role="status">
      <p>Let op:</p>
      <ul>
        ${v.warnings.map((w) => html`<li>${warningInWerkplek(w.message, v.org)}</li>`)}
      </ul>
    </div>`
  );
}

function factsOf(v: DossierView): Html {
  const c = v.data;
  const p = c.complainant;
  const rep = p?.representative;
  const contact = (x: { email?: string; phone?: string; address?: string } | undefined) => {
    const lines = [x?.email, x?.phone, x?.address].filter((t): t is string => Boolean(t));
    return lines.length ? lines.map((t, i) => html`${i > 0 && html`<br />`}${t}`) : '—';
  };
  const labelOf = (list: readonly { key: string; label: string }[], k: string) => list.find((x) => x.key === k)?.label ?? k;
  return html`<dl class="feiten">
    <dt>Status</dt>
    <dd>${nl.status[c.status]}</dd>
    <dt>Begeleider</dt>
    <dd>${organizerName(v.org.organizers, c.organizer)}</dd>
    <dt>Ontvangen</dt>
    <dd>${d(c.received)} via ${nl.channel[c.channel]}</dd>
    <dt>Opdracht afgerond</dt>
    <dd>
      ${d(c.assignment_completed)}${v.deadline.filing_deadline && html` (indienen kon tot ${d(v.deadline.filing_deadline)}${v.deadline.filed_late && html`, <strong>te laat ingediend</strong>`}, art. 4.1)`}
    </dd>
    <dt>Klager</dt>
    <dd>${p ? html`${p.name}<br />${contact(p)}` : 'verwijderd (bewaartermijn)'}</dd>
    ${
      rep &&
      html`<dt>Vertegenwoordiger</dt>
        <dd>${rep.name}${rep.relation && ` (${rep.relation})`}<br />${contact(rep)}</dd>`
    }
    <dt>Categorie</dt>
    <dd>${c.categories.map((k) => labelOf(v.org.categories, k)).join(', ')}</dd>
    <dt>Oorzaken (art. 2.2)</dt>
    <dd>${c.causes.map((k) => labelOf(v.org.causes, k)).join(', ') || '—'}</dd>
    <dt>Bestand</dt>
    <dd><code>${v.file}</code></dd>
  </dl>`;
}

function timelineOf(v: DossierView): Html {
  const c = v.data;
  const dl = v.deadline;
  return html`<ol class="tijdlijn" aria-label="Termijn">
    <li><strong>Ontvangen</strong><br />${d(c.received)}<br />dag 0</li>
    <li class="nu"><strong>Vandaag</strong><br />${d(v.today)}<br />${dl.closed_on ? 'afgesloten' : `werkdag ${v.dayOfTerm}`}</li>
    <li>
      <strong>Uiterlijk (dag ${v.org.deadlines.handling_workdays})</strong><br />${d(dl.due)}${beyondDecreedDays(dl.due) && html`<br /><span class="hint">${decreedDaysCaveatText()}</span>`}
    </li>
    <li>
      <strong>Stand</strong><br /><span class="staat-${dl.state}">${nl.deadlineStanding(dl.state, dl.workdays_left)}</span
      >${c.response && html`<br />schriftelijk afgehandeld op ${d(c.response.date)}`}${dl.closed_on && dl.closed_on !== c.response?.date && html`<br />afgesloten op ${d(dl.closed_on)}`}
    </li>
  </ol>`;
}

function checklistOf(v: DossierView): Html[] {
  const c = v.data;
  const steps = CHECKLIST_STEPS.filter((k) => k.key !== 'written_confirmation' || c.channel === 'oral').map((k) => {
    const own = k.field === 'step' ? c.steps.filter((s) => s.kind === k.key) : [];
    const date =
      k.field === 'date' ? (c[k.key as 'acknowledged' | 'written_confirmation' | 'client_informed'] as IsoDate | undefined) : undefined;
    const done = k.field === 'date' ? Boolean(date) : own.length > 0;
    const notes = own.filter((s) => s.note).map((s) => html`<br /><span class="hint">${d(s.date)}: ${s.note}</span>`);
    const when = k.field === 'date' ? d(date) : own.map((s, i) => html`${i > 0 && ', '}${d(s.date)}`);
    return html`<li class="${done ? 'gedaan' : 'open-stap'}">
      ${vocabulary('nl', v.org).step[k.key]} (${k.article}): ${done ? when : 'nog niet'}${notes}
    </li> `;
  });
  return [
    ...steps,
    html`<li class="${c.response?.findings && c.response.conclusions ? 'gedaan' : 'open-stap'}">
      ${nl.regulationStep.written_response} (art. 4.6, 5.5): ${c.response ? d(c.response.date) : 'nog niet'}
    </li> `,
    html`<li class="${c.escalation ? 'gedaan' : 'open-stap'}">
      Voorgelegd aan de ${v.org.escalation.committee} (art. 4.7):
      ${c.escalation ? html`${d(c.escalation.date)}${c.escalation.reference && `, kenmerk ${c.escalation.reference}`}` : 'niet (alleen als de klager niet tevreden is)'}
    </li>`,
  ];
}

function registrationForm(v: DossierView): Html {
  const c = v.data;
  const p = c.complainant;
  const rep = p?.representative;
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
  const rs = v.refused?.action === 'registratie' ? stateOf(v, 'registratie') : { values, errors: {} };
  const prefix = 'reg-';
  return html`<details ${openIf(v, 'registratie')}><summary>Registratie wijzigen (naam, datums, kanaal, categorie, vertegenwoordiger, klachttekst)</summary>
${dossierForm(
  v,
  'registratie',
  html`${formProblems(rs, [...NEW_CASE_FIELDS, 'klacht_bevestigd'])}
<p class="hint">Herstel hier een tikfout of een verkeerd gegeven uit de registratie (art. 1.5, 4.5). Alleen wat u wijzigt, wordt opgeslagen.</p>
${select(
  rs,
  'organizer',
  `${nl.field.organizer} (art. 6.1)`,
  v.org.organizers.map((x) => [x.key, x.name] as const),
  { prefix },
)}
${field(rs, 'received', nl.field.received, { type: 'date', required: true, prefix, hint: 'Dag 0 van de afhandeltermijn: de termijn schuift mee.' })}
${select(rs, 'channel', `${nl.field.channel} (art. 1.1, 4.1)`, Object.entries(nl.channel), { prefix })}
${field(rs, 'written_confirmation', nl.field.written_confirmation, { type: 'date', prefix })}
${field(rs, 'assignment_completed', nl.field.assignment_completed, { type: 'date', prefix })}
${field(rs, 'client_informed', 'Wanneer heeft u de cliënt op de klachtenregeling gewezen?', { type: 'date', prefix, hint: 'Art. 3: bij de start van de opdracht, meestal in de opdrachtbevestiging.' })}
${checkboxes(
  rs,
  'categories',
  'Categorie (minstens één)',
  v.org.categories.map((x) => [x.key, x.label] as const),
  c.categories,
  prefix,
)}
${field(rs, 'complainant.name', nl.field['complainant.name'], { required: true, autocomplete: 'off', prefix })}
${field(rs, 'complainant.email', nl.field['complainant.email'], { type: 'email', autocomplete: 'off', prefix })}
${field(rs, 'complainant.phone', nl.field['complainant.phone'], { type: 'tel', autocomplete: 'off', prefix })}
${field(rs, 'complainant.address', nl.field['complainant.address'], { type: 'textarea', prefix })}
<fieldset class="veld"><legend>Vertegenwoordiger (art. 1.2; laat alles leeg als de cliënt zelf klaagt)</legend>
${field(rs, 'complainant.representative.name', nl.field['complainant.representative.name'], { autocomplete: 'off', prefix })}
${field(rs, 'complainant.representative.relation', nl.field['complainant.representative.relation'], { prefix, hint: 'bijv. dochter, bewindvoerder' })}
${field(rs, 'complainant.representative.email', nl.field['complainant.representative.email'], { type: 'email', autocomplete: 'off', prefix })}
${field(rs, 'complainant.representative.phone', nl.field['complainant.representative.phone'], { type: 'tel', autocomplete: 'off', prefix })}
${field(rs, 'complainant.representative.address', nl.field['complainant.representative.address'], { type: 'textarea', prefix })}
</fieldset>
${field(rs, 'klacht', 'Tekst van de klacht zoals ontvangen', { type: 'textarea', prefix, hint: 'Uw notities onder "Notities" in het dossierbestand blijven staan.' })}
${field(rs, 'klacht_bevestigd', 'Klacht zoals bevestigd aan de klager (alleen bij een mondelinge klacht)', { type: 'textarea', prefix, hint: 'Art. 4.1: schrijf de klacht op zoals de klager haar vertelde, in woorden voor de klager. Deze tekst staat in de "Bevestiging mondelinge klacht"; uw eigen aantekening hierboven niet.' })}
<button type="submit">Registratie opslaan</button>`,
)}</details>`;
}

function stepForm(v: DossierView): Html {
  const s = stateOf(v, 'stap');
  return html`<details ${openIf(v, 'stap')}><summary>Stap vastleggen</summary>
${dossierForm(
  v,
  'stap',
  html`${formProblems(s, ['stap.kind', 'stap.date', 'stap.note'])}
${select(
  s,
  'stap.kind',
  'Welke stap',
  // art. 3 is a fact of the assignment (Registratie wijzigen), not a step of today
  CHECKLIST_STEPS.filter((k) => k.key !== 'client_informed').map(
    (k) => [k.key, `${vocabulary('nl', v.org).step[k.key]} (${k.article})`] as const,
  ),
  { prefix: 'stap-' },
)}
${field(s, 'stap.date', 'Datum', { type: 'date', value: v.today, prefix: 'stap-' })}
${field(s, 'stap.note', 'Korte notitie (optioneel)', { type: 'textarea', prefix: 'stap-', hint: 'Blijft in het dossier; wordt na de bewaartermijn verwijderd.' })}
<button type="submit">Stap opslaan</button>`,
)}</details>`;
}

function responseForm(v: DossierView): Html {
  const r = v.data.response;
  const s =
    v.refused?.action === 'antwoord'
      ? stateOf(v, 'antwoord')
      : {
          values: {
            'response.date': r?.date ?? v.today,
            'response.findings': r?.findings ?? '',
            'response.conclusions': r?.conclusions ?? '',
            'response.mediation': r?.mediation ?? '',
          },
          errors: {},
        };
  return html`<details ${openIf(v, 'antwoord')}><summary>${r ? 'Schriftelijke afhandeling bewerken' : 'Schriftelijke afhandeling schrijven'}</summary>
${dossierForm(
  v,
  'antwoord',
  html`${formProblems(s, ['response.date', 'response.findings', 'response.conclusions', 'response.mediation'])}
${field(s, 'response.date', nl.field['response.date'], { type: 'date', prefix: 'antw-' })}
${field(s, 'response.findings', `${nl.field['response.findings']} (art. 5.5)`, { type: 'textarea', prefix: 'antw-' })}
${field(s, 'response.conclusions', `${nl.field['response.conclusions']} (art. 5.5)`, { type: 'textarea', prefix: 'antw-' })}
${field(s, 'response.mediation', `${nl.field['response.mediation']} (als dat zo is)`, { type: 'textarea', prefix: 'antw-' })}
<button type="submit">Afhandeling opslaan</button>`,
)}</details>`;
}

function closeForm(v: DossierView): Html {
  const c = v.data;
  const s: FormState =
    v.refused?.action === 'afsluiten'
      ? stateOf(v, 'afsluiten')
      : {
          values: {
            satisfied: c.satisfied === true ? 'ja' : c.satisfied === false ? 'nee' : '',
            no_escalation_reason: c.no_escalation_reason ?? '',
          },
          errors: {},
        };
  const satisfied = [
    ['', 'onbekend'],
    ['ja', 'ja, tevreden'],
    ['nee', 'nee, niet tevreden'],
  ] as const;
  return html`<details ${openIf(v, 'afsluiten')}><summary>${c.status === 'open' ? 'Afsluiten (afgehandeld)' : 'Uitkomst bewerken (tevredenheid, reden om niet voor te leggen)'}</summary>
${dossierForm(
  v,
  'afsluiten',
  html`${formProblems(s, ['satisfied', 'no_escalation_reason'])}
<p class="hint">Kan pas als de schriftelijke afhandeling met bevindingen en conclusies is opgeslagen (art. 4.6, 5.5).</p>
${select(s, 'satisfied', `${nl.field.satisfied} (art. 2.3)`, satisfied, { prefix: 'afs-' })}
${field(s, 'no_escalation_reason', 'Niet tevreden, maar niet naar de klachtencommissie: waarom niet? (art. 4.7)', { type: 'textarea', prefix: 'afs-', hint: 'Alleen invullen als de klager niet tevreden is en afziet van voorleggen, bijv. "Klager ziet af van voorleggen aan de commissie."' })}
<button type="submit">${c.status === 'open' ? 'Klacht afsluiten' : 'Uitkomst opslaan'}</button>`,
)}</details>`;
}

function escalateForm(v: DossierView): Html {
  const s = stateOf(v, 'escaleren');
  return html`<details ${openIf(v, 'escaleren')}><summary>Voorleggen aan de klachtencommissie (art. 4.7)</summary>
${dossierForm(
  v,
  'escaleren',
  html`${formProblems(s, ['escalation.date', 'escalation.reference'])}
<p class="hint">Als de klager niet tevreden is met de afhandeling gaat de klacht naar de ${v.org.escalation.committee}. Eerst moet de schriftelijke afhandeling er zijn.</p>
${field(s, 'escalation.date', nl.field['escalation.date'], { type: 'date', value: v.today, prefix: 'esc-' })}
${field(s, 'escalation.reference', `${vocabulary('nl', v.org).field['escalation.reference']} (optioneel)`, { prefix: 'esc-' })}
<button type="submit">Voorleggen vastleggen</button>`,
)}</details>`;
}

function withdrawForm(v: DossierView): Html | '' {
  if (v.data.status !== 'open') return '';
  const s = stateOf(v, 'intrekken');
  return html`<details ${openIf(v, 'intrekken')}><summary>Klacht ingetrokken</summary>
${dossierForm(
  v,
  'intrekken',
  html`${formProblems(s, ['withdrawn_on'])}
${field(s, 'withdrawn_on', nl.field.withdrawn_on, { type: 'date', value: v.today, prefix: 'int-' })}
<button type="submit">Intrekking vastleggen</button>`,
)}</details>`;
}

/** A closed or withdrawn case taken up again (a closing or withdrawal recorded by mistake). */
function reopenForm(v: DossierView): Html | '' {
  const c = v.data;
  if (c.status === 'open' || c.anonymized) return '';
  return html`<details ${openIf(v, 'heropenen')}><summary>Dossier heropenen</summary>
${dossierForm(
  v,
  'heropenen',
  html`${formProblems(stateOf(v, 'heropenen'), [])}
<p class="hint">Zet de status terug op "${nl.status.open}", bijvoorbeeld als de afsluiting of intrekking per vergissing is vastgelegd. De afhandeling, de stappen en een voorleggen blijven staan.</p>
<button type="submit" class="secundair">Dossier heropenen</button>`,
)}</details>`;
}

function causesForm(v: DossierView): Html {
  const s = stateOf(v, 'oorzaken');
  return html`<details ${openIf(v, 'oorzaken')}><summary>Oorzaken (art. 2.2)</summary>
${dossierForm(
  v,
  'oorzaken',
  html`${formProblems(s, ['causes'])}
${checkboxes(
  s,
  'causes',
  'Oorzaken van de klacht',
  v.org.causes.map((x) => [x.key, x.label] as const),
  v.data.causes,
  'oorz-',
)}
<button type="submit">Oorzaken opslaan</button>`,
)}</details>`;
}

function improvementsOf(v: DossierView): Html {
  const c = v.data;
  if (!c.improvements.length) return html`<p>Nog geen verbeteracties.</p>`;
  return html`<ul>
    ${c.improvements.map(
      (a, i) =>
        html`<li>
          ${a.action} — ${organizerName(v.org.organizers, a.owner)}${a.due && html`, streefdatum ${d(a.due)}`}:
          ${
            a.done
              ? html`gedaan op ${d(a.done)}`
              : html`${dossierForm(v, 'verbetering-gedaan', html`${hidden('index', String(i))}${hidden('done', v.today)}<button type="submit" class="secundair" aria-label="Verbeteractie ${i + 1} gedaan op ${formatDate(v.today)}">Gedaan (vandaag)</button>`, 'inline')}`
          }
        </li>`,
    )}
  </ul>`;
}

function improvementForm(v: DossierView): Html {
  const s = stateOf(v, 'verbetering');
  return html`<details ${openIf(v, 'verbetering')}><summary>Verbeteractie toevoegen (art. 2.4)</summary>
${dossierForm(
  v,
  'verbetering',
  html`${formProblems(s, ['improvement.action', 'improvement.owner', 'improvement.due'])}
${field(s, 'improvement.action', nl.field['improvements.action'], { prefix: 'verb-' })}
${select(
  s,
  'improvement.owner',
  'Wie voert het uit',
  v.org.organizers.map((x) => [x.key, x.name] as const),
  { value: v.data.organizer, prefix: 'verb-' },
)}
${field(s, 'improvement.due', `${nl.field['improvements.due']} (optioneel)`, { type: 'date', prefix: 'verb-' })}
<button type="submit">Verbeteractie toevoegen</button>`,
)}</details>`;
}

function documentsList(v: DossierView): Html[] {
  const id = v.data.id;
  return v.documents.map(({ kind: k, missing, recorded }) => {
    const head = html`<strong>${k.title}</strong> (${k.articles})`;
    if (missing && notApplicable(missing)) return html`<li>${head}: niet nodig; alleen bij een mondelinge klacht (art. 4.1).</li> `;
    if (missing)
      return html`<li>
        ${head}: nog niet te maken. Vul eerst in:
        <ul class="ontbreekt">
          ${missing.map((m) => html`<li>${missingInWerkplek(m)}</li>`)}
        </ul>
      </li> `;
    const links = v.noPdf
      ? html`<a href="/dossier/${id}/document/${k.key}">bekijken</a> (PDF: niet mogelijk, zie hieronder)`
      : html`<a href="/dossier/${id}/document/${k.key}">bekijken</a> ·
      <a href="/dossier/${id}/document/${k.key}.pdf" download="${id}-${k.key}.pdf">PDF downloaden</a>`;
    if (!k.records) return html`<li>${head}: ${links}</li> `;
    if (recorded) return html`<li>${head}: ${links}<br /><span class="hint">Verstuurd op ${d(recorded)}.</span></li> `;
    const action = `verstuurd-${k.key}`;
    const s = stateOf(v, action);
    return html`<li>${head}: ${links}
${dossierForm(
  v,
  action,
  html`${formProblems(s, ['verstuurd.date'])}
${field(s, 'verstuurd.date', 'Verstuurd op', { type: 'date', value: v.today, prefix: `${k.key}-`, hint: `Na het versturen: de checklist toont dan "${vocabulary('nl', v.org).step[k.records]}" met deze datum.` })}
<button type="submit" class="secundair">${k.title} is verstuurd</button>`,
  'verstuurd',
)}</li>\n`;
  });
}
