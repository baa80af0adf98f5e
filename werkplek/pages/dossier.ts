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
import { listAttachments, type StoredAttachment } from '../../io/attachments.ts';
import { attachmentsSection } from './attachments.ts';
import { CASE_ID } from '../../schemas/case.ts';
import type { KnownHistory } from '../../io/case-history.ts';
import { historyDay, historyLines } from '../../lib/cases/history.ts';
import { HttpError, type Context, type Werkplek } from '../context.ts';
import {
  checkboxes,
  confirmBox,
  EMPTY_FORM,
  errorSummary,
  field,
  formProblems,
  hidden,
  select,
  SUMMARY_ID,
  type FieldErrors,
  type FormState,
} from '../form-controls.ts';
import { planDossierForm } from '../forms/dossier-forms.ts';
import { errorsByField, readDates, str } from '../forms/form-values.ts';
import { html, raw, type Html, type HtmlValue } from '../html.ts';
import { markdownHtml } from '../../lib/documents/markdown.ts';
import { CHECKLIST_STEPS, missingInWerkplek, notApplicable, warningInWerkplek } from '../labels.ts';
import { vocabulary } from '../../lib/vocabulary/index.ts';
import { notFoundPage, notice, page, why } from '../layout.ts';
import { pageReply, redirect, type Reply, type Request } from '../reply.ts';
import { sharingView, shareStatusHtml, statusIn } from '../sharing-view.ts';
import { dateHtml as d } from './dates.ts';
import { NEW_CASE_FIELDS } from './new-case.ts';
import { commitWords, writeFailedWords } from './saved-words.ts';

/** The words the page shows (lib/vocabulary). */
const nl = vocabulary('nl');

/** The page where a dossier that cannot be read is repaired. */
export const repairAddress = (id: string): string => `/dossier/${id}/herstellen`;

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
export function dossierReply(
  app: Werkplek,
  id: string,
  extra: { notice?: Html; refused?: { action: string; state: FormState }; status?: number },
): Reply {
  const ctx = app.context();
  const found = readCase(app, id, ctx);
  if (!found) return pageReply(notFoundPage(`Er is geen dossier ${id}.`), 404);
  const { check, text, path } = found;
  // a dossier that cannot be read opens where it can be repaired
  if (!check.record) return redirect(repairAddress(id));
  const record = check.record;
  const data = record.data;
  return pageReply(
    dossierPage({
      history: app.history.known(id),
      org: ctx.org,
      data,
      body: record.body,
      hash: textHash(text),
      deadline: caseDeadline(data, ctx.cal, ctx.org.deadlines, ctx.today),
      today: ctx.today,
      dayOfTerm: ctx.today > data.received ? workdaysBetween(ctx.cal, data.received, ctx.today) : 0,
      warnings: check.problems.filter((p) => p.severity === 'warning'),
      documents: documentsOf(app, record, ctx),
      attachments: listAttachments(path),
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
      return redirect(repairAddress(id));
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
  hash: string;
  deadline: CaseDeadline;
  today: IsoDate;
  /** Working days from received to today (day N of the handling term). */
  dayOfTerm: number;
  warnings: readonly Problem[];
  documents: readonly DossierDocument[];
  /** The files kept with the case (its folder beside the file); none when left out. */
  attachments?: readonly StoredAttachment[];
  /** The form that was refused, with its values and messages. */
  refused?: { action: string; state: FormState };
  notice?: Html;
  /** Why no PDF can be made on this computer (no Chrome, Edge or Chromium), in Dutch; the previews still work. */
  noPdf?: string;
}

/** Dossier: facts, deadline, checklist, forms for each step, documents (art. 3, 4.3–4.7, 5.1–5.5, 2.2, 2.4). */
export function dossierPage(v: DossierView): Html {
  const c = v.data;
  // a resolved, escalated or withdrawn case shows only what still applies: no step forms, no letters of the handling
  const isOpen = c.status === 'open';
  const editable = !c.anonymized;
  const body = html`<h2>Feiten</h2>
    ${factsOf(v)}${editable && registrationForm(v)}
    <h2>Termijn</h2>
    ${why(`De afhandeltermijn: uiterlijk ${v.org.deadlines.handling_workdays} werkdagen na ontvangst (art. 5.4, 6.2).`)} ${timelineOf(v)}
    <h2>Stappen van de regeling</h2>
    ${why(checklistWhy(v))}
    <ul class="lijst-stappen">
      ${checklistOf(v)}
    </ul>
    ${editable && isOpen && [stepForm(v), responseForm(v), closeForm(v), escalateForm(v), withdrawForm(v)]}${editable && !isOpen && [c.status === 'resolved' && [closeForm(v), escalateForm(v)], reopenForm(v)]}
    <h2>Oorzaken en verbeteringen</h2>
    ${why('Oorzaken van klachten vaststellen (art. 2.2) en de dienstverlening verbeteren (art. 2.4).')} ${improvementsOf(v)} ${editable && [causesForm(v), improvementForm(v)]}
    <h2>Documenten</h2>
    ${why(documentsWhy(v))}
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
    ${attachmentsSection(c.id, v.attachments ?? [], Boolean(c.anonymized))}
    <h2>De klacht zoals ontvangen</h2>
    ${complaintText(v.body)} ${v.history && historySection(c.id, v.history, v.org, v.today)}`;
  return page({
    title: `Dossier ${c.id}`,
    article: 'De behandeling van één klacht: art. 3, 4.3–4.7, 5.1–5.5; oorzaken en verbeteringen art. 2.2, 2.4.',
    current: '',
    errors: errorSummary(v.refused?.state),
    script: v.history && 'geschiedenis.js',
    notice: [v.notice, warningsOf(v)],
    body,
  });
}

/**
 * The text of the dossier (the complaint, the notes) as text: paragraphs, lists and its own headings (`## Klacht`)
 * as headings under the page's section. micromark escapes any HTML in it (`allowDangerousHtml` stays off), so its
 * output is markup made from escaped text, like the `html` tag's.
 */
function complaintText(body: string): Html {
  const shifted = markdownHtml(body.trim()).replace(/<(\/?)h([1-5])>/g, (_, close: string, n: string) => `<${close}h${Number(n) + 1}>`);
  return html`<div class="tekst">${raw(shifted)}</div>`;
}

/** Why the checklist lists these steps: each step's article. */
function checklistWhy(v: DossierView): string {
  const words = vocabulary('nl', v.org);
  const steps = CHECKLIST_STEPS.map((k) => `${words.step[k.key]}: ${k.article}`);
  return `${steps.join('; ')}; ${nl.regulationStep.written_response}: art. 4.6, 5.5; voorleggen aan de ${v.org.escalation.committee}: art. 4.7.`;
}

/** Why each document exists: its articles. */
const documentsWhy = (v: DossierView): string => v.documents.map(({ kind }) => `${kind.title}: ${kind.articles}`).join('; ') + '.';

/** A field the form does not show, named in a message by the vocabulary's word (never its key). */
const FIELD_WORDS: Readonly<Record<string, string>> = { ...nl.field, '': '' };

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
/**
 * A form of the Dossier: it posts its action and the file's hash (a file changed meanwhile is never overwritten).
 * `novalidate`: the werkplek's own messages in the error summary, not the browser's bubbles in the browser's language.
 */
const dossierForm = (v: DossierView, action: string, body: HtmlValue, cls?: string): Html =>
  html`<form method="post" action="/dossier/${v.data.id}#${SUMMARY_ID}" novalidate ${cls && html`class="${cls}"`}>${hidden('actie', action)}${hidden('hash', v.hash)}${body}</form>`;

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
    <dd>${d(c.received)}, ${nl.channelReceived[c.channel]}</dd>
    <dt>Opdracht afgerond</dt>
    <dd>
      ${d(c.assignment_completed)}${v.deadline.filing_deadline && html` (indienen kon tot ${d(v.deadline.filing_deadline)}${v.deadline.filed_late && html`, <strong>te laat ingediend</strong>`})`}
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
    <dt>Oorzaken</dt>
    <dd>${c.causes.map((k) => labelOf(v.org.causes, k)).join(', ') || '—'}</dd>
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
      ${vocabulary('nl', v.org).step[k.key]}: ${done ? when : 'nog niet'}${notes}
    </li> `;
  });
  return [
    ...steps,
    html`<li class="${c.response?.findings && c.response.conclusions ? 'gedaan' : 'open-stap'}">
      ${nl.regulationStep.written_response}: ${c.response ? d(c.response.date) : 'nog niet'}
    </li> `,
    html`<li class="${c.escalation ? 'gedaan' : 'open-stap'}">
      Voorgelegd aan de ${v.org.escalation.committee}:
      ${c.escalation ? html`${d(c.escalation.date)}${c.escalation.reference && `, kenmerk ${c.escalation.reference}`}` : 'niet (alleen als de klager niet tevreden is)'}
    </li>`,
    ...c.steps
      .filter((s) => s.kind === 'reopened')
      .map(
        (s) =>
          html`<li class="gedaan">${nl.step.reopened}: ${d(s.date)}${s.note && html`<br /><span class="hint">Waarom: ${s.note}</span>`}</li>`,
      ),
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
  html`${formProblems(rs, [...NEW_CASE_FIELDS, 'klacht_bevestigd'], 'registratie-meldingen', FIELD_WORDS)}
<p class="hint">Herstel hier een tikfout of een verkeerd gegeven uit de registratie. Alleen wat u wijzigt, wordt opgeslagen.</p>
${why('De registratie met het klachtregistratieformulier (art. 1.5, 4.5); de klager of een vertegenwoordiger (art. 1.2); een klacht kan mondeling of schriftelijk binnenkomen (art. 1.1, 4.1); de verantwoordelijke begeleider (art. 6.1); de cliënt wordt bij de start op de regeling gewezen (art. 3).')}
${select(
  rs,
  'organizer',
  nl.field.organizer,
  v.org.organizers.map((x) => [x.key, x.name] as const),
  { prefix },
)}
${field(rs, 'received', nl.field.received, { type: 'date', required: true, prefix, hint: 'Dag 0 van de afhandeltermijn: de termijn schuift mee.' })}
${select(rs, 'channel', nl.field.channel, Object.entries(nl.channel), { prefix })}
${field(rs, 'written_confirmation', nl.field.written_confirmation, { type: 'date', prefix })}
${field(rs, 'assignment_completed', nl.field.assignment_completed, { type: 'date', prefix })}
${field(rs, 'client_informed', 'Wanneer heeft u de cliënt op de klachtenregeling gewezen?', { type: 'date', prefix, hint: 'Bij de start van de opdracht, meestal in de opdrachtbevestiging.' })}
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
<fieldset class="veld"><legend>Vertegenwoordiger (laat alles leeg als de cliënt zelf klaagt)</legend>
${field(rs, 'complainant.representative.name', nl.field['complainant.representative.name'], { autocomplete: 'off', prefix })}
${field(rs, 'complainant.representative.relation', nl.field['complainant.representative.relation'], { prefix, hint: 'bijv. dochter, bewindvoerder' })}
${field(rs, 'complainant.representative.email', nl.field['complainant.representative.email'], { type: 'email', autocomplete: 'off', prefix })}
${field(rs, 'complainant.representative.phone', nl.field['complainant.representative.phone'], { type: 'tel', autocomplete: 'off', prefix })}
${field(rs, 'complainant.representative.address', nl.field['complainant.representative.address'], { type: 'textarea', prefix })}
</fieldset>
${field(rs, 'klacht', 'Tekst van de klacht zoals ontvangen', { type: 'textarea', prefix, hint: 'Uw notities in het dossier blijven staan.' })}
${field(rs, 'klacht_bevestigd', 'Klacht zoals bevestigd aan de klager (alleen bij een mondelinge klacht)', { type: 'textarea', prefix, hint: 'Schrijf de klacht op zoals de klager haar vertelde, in woorden voor de klager. Deze tekst staat in de "Bevestiging mondelinge klacht"; uw eigen aantekening hierboven niet.' })}
<button type="submit">Registratie opslaan</button>`,
)}</details>`;
}

function stepForm(v: DossierView): Html {
  const s = stateOf(v, 'stap');
  return html`<details ${openIf(v, 'stap')}><summary>Stap vastleggen</summary>
${dossierForm(
  v,
  'stap',
  html`${formProblems(s, ['stap.kind', 'stap.date', 'stap.note'], 'stap-meldingen', FIELD_WORDS)}
${select(
  s,
  'stap.kind',
  'Welke stap',
  // art. 3 is a fact of the assignment (Registratie wijzigen), not a step of today
  CHECKLIST_STEPS.filter((k) => k.key !== 'client_informed').map((k) => [k.key, vocabulary('nl', v.org).step[k.key]] as const),
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
  html`${formProblems(s, ['response.date', 'response.findings', 'response.conclusions', 'response.mediation'], 'antwoord-meldingen', FIELD_WORDS)}
${field(s, 'response.date', nl.field['response.date'], { type: 'date', prefix: 'antw-' })}
${why('De begeleider handelt de klacht schriftelijk af (art. 4.6), met bevindingen en conclusies, en hoe bemiddeling de klacht oploste (art. 5.5).')}
${field(s, 'response.findings', nl.field['response.findings'], { type: 'textarea', prefix: 'antw-' })}
${field(s, 'response.conclusions', nl.field['response.conclusions'], { type: 'textarea', prefix: 'antw-' })}
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
  html`${formProblems(s, ['satisfied', 'no_escalation_reason'], 'afsluiten-meldingen', FIELD_WORDS)}
<p class="hint">Kan pas als de schriftelijke afhandeling met bevindingen en conclusies is opgeslagen.</p>
${why('Afsluiten vraagt de schriftelijke afhandeling (art. 4.6, 5.5); de tevredenheid van de klager (art. 2.3); wie niet tevreden is, kan naar de klachtencommissie (art. 4.7).')}
${select(s, 'satisfied', nl.field.satisfied, satisfied, { prefix: 'afs-' })}
${field(s, 'no_escalation_reason', 'Niet tevreden, maar niet naar de klachtencommissie: waarom niet?', { type: 'textarea', prefix: 'afs-', hint: 'Alleen invullen als de klager niet tevreden is en afziet van voorleggen, bijv. "Klager ziet af van voorleggen aan de commissie."' })}
<button type="submit">${c.status === 'open' ? 'Klacht afsluiten' : 'Uitkomst opslaan'}</button>`,
)}</details>`;
}

function escalateForm(v: DossierView): Html {
  const s = stateOf(v, 'escaleren');
  return html`<details ${openIf(v, 'escaleren')}><summary>Voorleggen aan de klachtencommissie</summary>
${dossierForm(
  v,
  'escaleren',
  html`${formProblems(s, ['escalation.date', 'escalation.reference'], 'escaleren-meldingen', FIELD_WORDS)}
<p class="hint">Als de klager niet tevreden is met de afhandeling gaat de klacht naar de ${v.org.escalation.committee}. Eerst moet de schriftelijke afhandeling er zijn.</p>
${why('Art. 4.7: niet naar tevredenheid opgelost, dan gaat de klacht naar de klachtencommissie.')}
${field(s, 'escalation.date', nl.field['escalation.date'], { type: 'date', value: v.today, prefix: 'esc-' })}
${field(s, 'escalation.reference', `${vocabulary('nl', v.org).field['escalation.reference']} (optioneel)`, { prefix: 'esc-' })}
<button type="submit">Voorleggen vastleggen</button>`,
)}</details>`;
}

function withdrawForm(v: DossierView): Html {
  const s = stateOf(v, 'intrekken');
  return html`<details ${openIf(v, 'intrekken')}><summary>Klacht ingetrokken</summary>
${dossierForm(
  v,
  'intrekken',
  html`${formProblems(s, ['withdrawn_on', 'bevestig'], 'intrekken-meldingen', FIELD_WORDS)}
<p class="hint">Alleen als de klager de klacht zelf intrekt. De behandeling stopt dan; u kunt het dossier later heropenen.</p>
${field(s, 'withdrawn_on', nl.field.withdrawn_on, { type: 'date', value: v.today, prefix: 'int-' })}
${confirmBox('int-bevestig', 'De klager heeft de klacht ingetrokken.', s.errors.bevestig?.[0], s)}
<button type="submit">Intrekking vastleggen</button>`,
)}</details>`;
}

/** A resolved or withdrawn case taken up again, with the reason, recorded as a step (an escalated case is the committee's). */
function reopenForm(v: DossierView): Html | '' {
  const c = v.data;
  if (c.status === 'escalated') return '';
  const s = stateOf(v, 'heropenen');
  return html`<details ${openIf(v, 'heropenen')}><summary>Dossier heropenen</summary>
${dossierForm(
  v,
  'heropenen',
  html`${formProblems(s, ['reopen.date', 'reopen.note'], 'heropenen-meldingen', FIELD_WORDS)}
<p class="hint">Zet de status terug op "${nl.status.open}", bijvoorbeeld als de afsluiting of intrekking per vergissing is vastgelegd, of als de klager terugkomt. De afhandeling en de stappen blijven staan; het heropenen komt met uw reden bij de stappen.</p>
${field(s, 'reopen.date', 'Heropend op', { type: 'date', value: v.today, prefix: 'her-' })}
${field(s, 'reopen.note', 'Waarom gaat het dossier weer open?', { type: 'textarea', required: true, prefix: 'her-' })}
<button type="submit" class="secundair">Dossier heropenen</button>`,
)}</details>`;
}

function causesForm(v: DossierView): Html {
  const s = stateOf(v, 'oorzaken');
  return html`<details ${openIf(v, 'oorzaken')}><summary>Oorzaken</summary>
${dossierForm(
  v,
  'oorzaken',
  html`${formProblems(s, ['causes'], 'oorzaken-meldingen', FIELD_WORDS)}
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
  return html`<details ${openIf(v, 'verbetering')}><summary>Verbeteractie toevoegen</summary>
${dossierForm(
  v,
  'verbetering',
  html`${formProblems(s, ['improvement.action', 'improvement.owner', 'improvement.due'], 'verbetering-meldingen', FIELD_WORDS)}
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

/**
 * The documents of the case: each with its links, or what it still lacks. A closed case (resolved, escalated,
 * withdrawn) lists only the documents it has: no letter of a handling that has ended, nor one never sent.
 */
function documentsList(v: DossierView): Html[] {
  const id = v.data.id;
  const closed = v.data.status !== 'open';
  const applies = ({ kind, missing, recorded }: DossierDocument) => !closed || (!missing && (!kind.records || recorded));
  return v.documents.filter(applies).map(({ kind: k, missing, recorded }) => {
    const head = html`<strong>${k.title}</strong>`;
    if (missing && notApplicable(missing)) return html`<li>${head}: niet nodig; alleen bij een mondelinge klacht.</li> `;
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
  html`${formProblems(s, ['verstuurd.date'], `${action}-meldingen`, FIELD_WORDS)}
${field(s, 'verstuurd.date', 'Verstuurd op', { type: 'date', value: v.today, prefix: `${k.key}-`, hint: `Na het versturen: de checklist toont dan "${vocabulary('nl', v.org).step[k.records]}" met deze datum.` })}
<button type="submit" class="secundair">${k.title} is verstuurd</button>`,
  'verstuurd',
)}</li>\n`;
  });
}
