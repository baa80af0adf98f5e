import { readdirSync, readFileSync, renameSync, watch, type FSWatcher } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, relative } from 'node:path';
import PostalMime from 'postal-mime';
import type { Browser } from 'playwright-core';
import { caseSchemaFor, CASE_ID, type CaseData } from '../schemas/case.ts';
import type { Organization } from '../schemas/organization.ts';
import { calendarFor } from '../lib/calendar/holidays.ts';
import { workdaysBetween, type WorkCalendar } from '../lib/calendar/calendar.ts';
import { editCaseText, renumberCaseText, replaceBodySection, replaceComplaintSection, type CaseEdit } from '../lib/cases/edit.ts';
import { complaintSection, confirmedComplaintSection } from '../lib/documents/markdown.ts';
import { CONFIRMED_HEADING } from '../lib/cases/body.ts';
import { nextCaseId } from '../lib/cases/case-number.ts';
import { newCaseFileText, type NewCaseAnswers } from '../lib/cases/new-case.ts';
import { planRetention } from '../lib/cases/retention-plan.ts';
import { accessExport, casesOf, type AccessSubject } from '../lib/cases/subject-access.ts';
import { accessReportHtml } from '../lib/documents/access-report.ts';
import { InputError } from '../lib/problems/problems.ts';
import { checkCaseFile, validateCases } from '../lib/cases/validate.ts';
import { parseDateInput } from '../lib/dates/date-input.ts';
import { todayIn, type IsoDate } from '../lib/dates/iso-date.ts';
import { caseDeadline, caseDeadlines, compareUrgency, type CaseDeadline } from '../lib/deadlines/deadlines.ts';
import { DOCUMENT_KINDS, templatesOf, type DocumentKind, type DocumentResult } from '../lib/documents/kinds.ts';
import type { CaseRecord } from '../lib/cases/case-file.ts';
import { recordCaseDate } from '../lib/cases/record-date.ts';
import { parseOrganization } from '../lib/organization/organization.ts';
import type { Problem } from '../lib/problems/problems.ts';
import { loadCaseFacts } from '../io/case-facts.ts';
import { loadCaseFiles } from '../io/case-files.ts';
import { writeFileAtomicSync as writeFileAtomic } from '../io/atomic-write.ts';
import { readTextIfExists, textHash } from '../io/case-write.ts';
import { launchChromium } from '../io/chromium.ts';
import { caseFileNames, readConfigText, shown } from '../io/files.ts';
import { Git } from '../io/git.ts';
import { notice, type FieldErrors, type FormState, type FormValues } from './html.ts';
import { formMessage, missingInWerkplek, STEP_KINDS_NL } from './labels.ts';
import {
  dossierPage,
  type DossierDocument,
  newCasePage,
  notFoundPage,
  overviewPage,
  PAGE_SIZE,
  privacyPage,
  retentionPage,
  type PrivacyView,
  type OverviewFilter,
} from './pages.ts';

/** How the werkplek is started. */
export interface WerkplekOptions {
  /** The cases folder. */
  cases: string;
  /** organization.yml; the letter templates are read from `templates/` beside it. */
  config: string;
  /** Today's date; default: the date in the organization's time zone, read per request. */
  today?: () => IsoDate;
  /** One line per request: method, path (case ids only, never personal data), status, time. */
  log?: (line: string) => void;
}

/** Where the werkplek listens, and how to stop it. */
export interface RunningWerkplek {
  url: string;
  close(): Promise<void>;
}

class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

interface Context {
  org: Organization;
  cal: WorkCalendar;
  schema: ReturnType<typeof caseSchemaFor>;
  today: IsoDate;
}

const ARRAY_FIELDS = new Set(['categories', 'causes']);
const DATE_FIELDS = /(^|\.)(received|assignment_completed|client_informed|written_confirmation|date|withdrawn_on|due|done)$/;

/** Form values from a submitted body; textarea line ends (CRLF) become `\n`, so text reads back as typed. */
function valuesOf(form: FormData): { values: Record<string, string | string[]>; files: Record<string, File> } {
  const values: Record<string, string | string[]> = {};
  const files: Record<string, File> = {};
  for (const [k, v] of form.entries()) {
    if (typeof v !== 'string') {
      files[k] = v;
      continue;
    }
    const text = v.replace(/\r\n?/g, '\n');
    if (ARRAY_FIELDS.has(k)) values[k] = [...((values[k] as string[] | undefined) ?? []), text];
    else values[k] = text;
  }
  return { values, files };
}

const str = (values: FormValues, k: string): string => {
  const v = values[k];
  return typeof v === 'string' ? v : '';
};
/** A submitted text, or undefined when left empty (an empty field removes the value). */
const opt = (values: FormValues, k: string): string | undefined => (str(values, k).trim() === '' ? undefined : str(values, k));

/**
 * Read date fields as people type them (`24-11-2026` as well as the date picker's `2026-11-24`); a date that
 * cannot be read gets a Dutch message with an example.
 */
function readDates(
  values: FormValues,
  names: readonly string[],
): { values: Record<string, string | readonly string[]>; errors: Record<string, string[]> } {
  const out: Record<string, string | readonly string[]> = { ...values };
  const errors: Record<string, string[]> = {};
  for (const k of names) {
    const raw = str(values, k);
    if (!DATE_FIELDS.test(k) || raw.trim() === '') continue;
    const d = parseDateInput(raw);
    if (d.ok) out[k] = d.date;
    else
      errors[k] = [
        d.reason === 'nonexistent'
          ? `"${raw}" bestaat niet in de kalender; schrijf dag-maand-jaar, bijv. 24-11-2026`
          : `"${raw}" is geen datum; schrijf dag-maand-jaar, bijv. 24-11-2026`,
      ];
  }
  return { values: out, errors };
}

/** Problems of a refused save, per form field: `categories.0` belongs to `categories`, unknown paths to the form. */
function errorsByField(problems: readonly Problem[], fieldOf: (path: string) => string): FieldErrors {
  const out: Record<string, string[]> = {};
  for (const p of problems) {
    if (p.severity !== 'error') continue;
    const f = fieldOf(p.field.replace(/\.\d+$/, (m) => (/^(categories|causes)\.\d+$/.test(p.field) ? '' : m)));
    (out[f] ??= []).push(formMessage(p.message));
  }
  return out;
}

/** Start the werkplek on 127.0.0.1 (never another interface). */
export async function startWerkplek(o: WerkplekOptions & { port: number }): Promise<RunningWerkplek> {
  const app = createWerkplek(o);
  const server = createServer((req, res) => void app.handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await app.close();
    },
  };
}

/** The werkplek's request handler (no listening socket): routes, the origin check, one save at a time. */
export function createWerkplek(o: WerkplekOptions) {
  const git = new Git(o.cases);
  const flashes = new Map<string, string>();
  let flashCounter = 0;
  let queue: Promise<unknown> = Promise.resolve();
  let browser: Promise<Browser> | undefined;
  let orgCache: { text: string; org: Organization; cal: WorkCalendar; schema: ReturnType<typeof caseSchemaFor> } | undefined;

  const context = (): Context => {
    const text = readConfigText(o.config);
    if (orgCache?.text !== text) {
      const org = parseOrganization(shown(o.config), text);
      orgCache = { text, org, cal: calendarFor(org), schema: caseSchemaFor(org) };
    }
    const today = o.today?.() ?? todayIn(new Date(), orgCache.org.time_zone);
    return { ...orgCache, today };
  };

  /** A one-time message for the page a save redirects to. Holds case ids and actions only. */
  const flash = (text: string) => {
    const key = `m${++flashCounter}`;
    flashes.set(key, text);
    if (flashes.size > 50) flashes.delete(flashes.keys().next().value!);
    return key;
  };
  const takeFlash = (url: URL) => {
    const key = url.searchParams.get('melding');
    const text = key ? flashes.get(key) : undefined;
    if (key) flashes.delete(key);
    return text ? notice(text) : '';
  };

  /** The file of case `id`: cases/YYYY/ID.md, or wherever under the cases folder it lives. */
  const fileOf = (id: string): string | undefined => {
    const usual = join(o.cases, id.slice(2, 6), `${id}.md`);
    if (readTextIfExists(usual) !== undefined) return usual;
    const found = caseFileNames(o.cases).find((n) => n.replace(/^.*[\\/]/, '') === `${id}.md`);
    return found && join(o.cases, found);
  };

  // Git's state (work tree? upstream?) is read once and again at each Synchroniseren, not per save.
  let knownGitState: ReturnType<Git['state']> | undefined;
  const gitState = () => (knownGitState ??= git.state());

  // The Overzicht's facts stay in memory until a file under the cases folder changes (a save here, an editor,
  // a pull): fs.watch bumps the version. Where watching is not possible, every Overzicht reloads.
  let version = 0;
  const selfWritten = new Set<string>();
  const dirty = new Set<string>();
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(o.cases, { recursive: true }, (_event, name) => {
      const f = String(name ?? '');
      // our own writes update the memo themselves (see `saved`); temporary files and .git are no case
      if (f.endsWith('.tmp') || /(^|[\\/])\.git([\\/]|$)/.test(f) || selfWritten.has(f)) return;
      // a case file at its usual place is checked again on its own; anything else reloads everything
      if (/^\d{4}[\\/]K-[^\\/]+\.md$/.test(f) && dirty.size < 50) dirty.add(f);
      else version++;
    });
    watcher.on('error', () => {
      watcher?.close();
      watcher = undefined;
    });
  } catch {
    watcher = undefined;
  }
  let factsMemo:
    { version: number; org: Organization; today: IsoDate; rows: CaseDeadline[]; years: string[]; invalid: Problem[] } | undefined;
  /** Check the files the watcher reported on their own; false when only a full reload will do. */
  const refreshDirty = (ctx: Context): boolean => {
    const memo = factsMemo!;
    for (const f of [...dirty]) {
      dirty.delete(f);
      const full = join(o.cases, f);
      const id = f.slice(5, -3);
      const text = readTextIfExists(full);
      if (text === undefined) {
        memo.rows = memo.rows.filter((r) => r.id !== id);
        continue;
      }
      const check = checkCaseFile({ path: shown(full), text }, ctx.schema, ctx.org, ctx.cal);
      if (!check.record || check.record.data.id !== id || !id.startsWith(`K-${f.slice(0, 4)}-`)) return false;
      memo.invalid = memo.invalid.filter((p) => p.file !== shown(full));
      memo.rows = [...memo.rows.filter((r) => r.id !== id), caseDeadline(check.record.data, ctx.cal, ctx.org.deadlines, memo.today)].sort(
        compareUrgency,
      );
    }
    return true;
  };
  const overviewRows = async (ctx: Context) => {
    if (
      watcher &&
      factsMemo &&
      factsMemo.version === version &&
      factsMemo.org === ctx.org &&
      factsMemo.today === ctx.today &&
      refreshDirty(ctx)
    )
      return factsMemo;
    dirty.clear();
    const seen = version;
    const facts = await loadCaseFacts(o.cases, o.config);
    const all = facts.validation.cases.map((r) => r.data);
    factsMemo = {
      version: seen,
      org: ctx.org,
      today: ctx.today,
      rows: caseDeadlines(all, ctx.cal, ctx.org.deadlines, ctx.today),
      years: [...new Set(all.map((c) => c.received.slice(0, 4)))].sort().reverse(),
      invalid: facts.validation.problems.filter((p) => p.severity === 'error'),
    };
    return factsMemo;
  };
  /** After a write here: the Overzicht reloads even before the watcher reports it. */
  const changed = () => version++;
  /** After a save here of one valid case: its row in the memo is replaced, no reload (the watcher ignores the write). */
  const saved = (path: string, data: CaseData) => {
    const name = relative(o.cases, path);
    selfWritten.add(name);
    setTimeout(() => selfWritten.delete(name), 2000).unref();
    if (!factsMemo) return;
    const ctx = context();
    const row = caseDeadline(data, ctx.cal, ctx.org.deadlines, factsMemo.today);
    factsMemo.rows = [...factsMemo.rows.filter((r) => r.id !== data.id), row].sort(compareUrgency);
    if (!factsMemo.years.includes(data.received.slice(0, 4)))
      factsMemo.years = [...factsMemo.years, data.received.slice(0, 4)].sort().reverse();
  };

  /** Commit one saved file; returns what to tell the organizer about Git. */
  const commit = (paths: string[], message: string): string => {
    const state = gitState();
    if (!state.repo) return 'Opgeslagen. (De dossiermap staat niet in Git: er wordt geen geschiedenis bijgehouden.)';
    const r = git.commit(
      paths.map((p) => relative(o.cases, p)),
      message,
    );
    if (!r.ok) return 'Opgeslagen, maar Git kon de wijziging niet vastleggen. Vraag hulp; het bestand zelf is in orde.';
    return state.upstream
      ? 'Opgeslagen en vastgelegd in Git. Klik op Synchroniseren om het te delen.'
      : 'Opgeslagen en vastgelegd in Git. (Er is geen gedeelde opslag (remote) ingesteld: niets wordt gedeeld.)';
  };

  // ---- pages

  async function overview(url: URL): Promise<string> {
    const ctx = context();
    const facts = await overviewRows(ctx);
    const filter: OverviewFilter = {
      begeleider: url.searchParams.get('begeleider') || undefined,
      status: url.searchParams.get('status') || undefined,
      jaar: url.searchParams.get('jaar') || undefined,
      zoek: url.searchParams.get('zoek')?.trim().toUpperCase() || undefined,
      pagina: Math.max(1, Number(url.searchParams.get('pagina')) || 1),
    };
    const rows = facts.rows.filter(
      (c) =>
        (!filter.begeleider || c.organizer === filter.begeleider) &&
        (!filter.status || c.status === filter.status) &&
        (!filter.jaar || c.received.startsWith(filter.jaar)) &&
        (!filter.zoek || c.id.includes(filter.zoek)),
    );
    return overviewPage({
      org: ctx.org,
      rows: rows.slice((filter.pagina - 1) * PAGE_SIZE, filter.pagina * PAGE_SIZE),
      total: rows.length,
      years: facts.years,
      filter,
      invalid: facts.invalid,
      notice: takeFlash(url),
      today: ctx.today,
    });
  }

  function dossier(
    id: string,
    extra: { notice?: string; refused?: { action: string; state: FormState } } = {},
  ): { status: number; html: string } {
    const ctx = context();
    const path = id && CASE_ID.test(id) ? fileOf(id) : undefined;
    const text = path && readTextIfExists(path);
    if (!path || text === undefined) return { status: 404, html: notFoundPage(`Er is geen dossier ${id}.`) };
    const check = checkCaseFile({ path: shown(path), text }, ctx.schema, ctx.org, ctx.cal);
    if (!check.record) {
      const list = check.problems.map((p) => `${p.file}:${p.line}: ${p.field}: ${p.message}`).join('\n');
      return {
        status: 200,
        html: notFoundPage(
          `Het bestand van ${id} is niet geldig en kan hier niet worden getoond. Herstel het in een editor (npm run validate toont dezelfde lijst):\n${list}`,
        ),
      };
    }
    const data = check.record.data;
    const deadline = caseDeadline(data, ctx.cal, ctx.org.deadlines, ctx.today);
    return {
      status: extra.refused ? 422 : 200,
      html: dossierPage({
        org: ctx.org,
        data,
        body: check.record.body,
        file: shown(path),
        hash: textHash(text),
        deadline,
        today: ctx.today,
        dayOfTerm: ctx.today > data.received ? workdaysBetween(ctx.cal, data.received, ctx.today) : 0,
        warnings: check.problems.filter((p) => p.severity === 'warning'),
        documents: DOCUMENT_KINDS.map((kind): DossierDocument => {
          const made = makeDocument(kind, check.record!, ctx);
          return { kind, missing: made.ok ? undefined : made.missing, recorded: kind.records ? data[kind.records] : undefined };
        }),
        refused: extra.refused,
        notice: extra.notice,
      }),
    };
  }

  // ---- saves

  type Built = {
    edits: CaseEdit[];
    /** A change the edits cannot say (a date placed where `npm run documents` puts it); replaces the edits. */
    apply?: (text: string) => ReturnType<typeof editCaseText>;
    /** The new Markdown body (the complaint as received), when the form changes it. */
    body?: string;
    message: string;
    fieldOf?: (path: string) => string;
    errors?: Record<string, string[]>;
  };

  /** The edits and commit message of one Dossier form. */
  function build(action: string, v: FormValues, c: CaseData, body: string): Built {
    const set = (path: (string | number)[], value: unknown): CaseEdit =>
      value === undefined ? { op: 'delete', path } : { op: 'set', path, value };
    if (action.startsWith('verstuurd-')) {
      // the letter went out: record its date (art. 4.5 ontvangstbevestiging, art. 4.1 mondelinge klacht), as npm run documents does
      const kind = DOCUMENT_KINDS.find((k) => k.key === action.slice('verstuurd-'.length));
      const field = kind?.records;
      if (!kind || !field) throw new HttpError(400, 'Onbekend document.');
      const date = str(v, 'verstuurd.date');
      if (!date) return { edits: [], message: '', errors: { 'verstuurd.date': ['vul de verzenddatum in, bijv. 24-11-2026'] } };
      if (c[field]) return { edits: [], message: '', errors: { 'verstuurd.date': [`al vastgelegd: verstuurd op ${c[field]}`] } };
      return {
        edits: [],
        apply: (text) => {
          const r = recordCaseDate(text, field, date);
          return r.changed ? { ok: true, text: r.text } : { ok: false, message: `al vastgelegd: verstuurd op ${r.current}` };
        },
        message: `${kind.title.toLowerCase()} verstuurd (${kind.articles})`,
        fieldOf: (p) => (p === field ? 'verstuurd.date' : p),
      };
    }
    switch (action) {
      case 'stap': {
        const kind = STEP_KINDS_NL.find((k) => k.key === str(v, 'stap.kind'));
        if (!kind) return { edits: [], message: '', errors: { 'stap.kind': ['kies een stap uit de lijst'] } };
        const date = str(v, 'stap.date');
        if (!date) return { edits: [], message: '', errors: { 'stap.date': ['vul de datum van de stap in, bijv. 24-11-2026'] } };
        const note = opt(v, 'stap.note');
        if (kind.field === 'date') {
          return {
            edits: [set([kind.key], date)],
            message: `${kind.done} (${kind.article})`,
            fieldOf: (p) => (p === kind.key ? 'stap.date' : p),
            errors: note ? { 'stap.note': ['bij deze stap wordt alleen de datum bewaard; laat de notitie leeg'] } : undefined,
          };
        }
        const i = c.steps.length;
        return {
          edits: [{ op: 'append', path: ['steps'], value: { kind: kind.key, date, ...(note ? { note } : {}) } }],
          message: `${kind.done} (${kind.article})`,
          fieldOf: (p) => (p.startsWith(`steps.${i}.`) ? `stap.${p.slice(`steps.${i}.`.length)}` : p),
        };
      }
      case 'antwoord':
        return {
          edits: [
            set(['response', 'date'], opt(v, 'response.date')),
            set(['response', 'findings'], opt(v, 'response.findings')),
            set(['response', 'conclusions'], opt(v, 'response.conclusions')),
            set(['response', 'mediation'], opt(v, 'response.mediation')),
          ],
          message: 'schriftelijke afhandeling vastgelegd (art. 4.6, 5.5)',
          fieldOf: (p) => (p === 'response' ? 'response.date' : p),
        };
      case 'afsluiten': {
        const s = str(v, 'satisfied');
        return {
          edits: [
            set(['status'], 'resolved'),
            set(['satisfied'], s === 'ja' ? true : s === 'nee' ? false : undefined),
            // art. 4.7: not satisfied, yet not to the committee: why (validate warns without it)
            set(['no_escalation_reason'], opt(v, 'no_escalation_reason')),
          ],
          message: c.status === 'open' ? 'afgehandeld (art. 5.5)' : 'uitkomst gewijzigd (art. 2.3, 4.7)',
          fieldOf: (p) => (p.startsWith('response') ? '' : p),
        };
      }
      case 'escaleren':
        return {
          edits: [
            set(['escalation'], { date: opt(v, 'escalation.date'), reference: opt(v, 'escalation.reference') }),
            set(['status'], 'escalated'),
            set(['satisfied'], false),
          ],
          message: 'voorgelegd aan de klachtencommissie (art. 4.7)',
          fieldOf: (p) => (p === 'escalation' ? 'escalation.date' : p.startsWith('response') ? '' : p),
        };
      case 'intrekken':
        return {
          edits: [set(['withdrawn_on'], opt(v, 'withdrawn_on')), set(['status'], 'withdrawn')],
          message: 'ingetrokken door de klager',
        };
      case 'oorzaken': {
        const causes = (v.causes as string[] | undefined) ?? [];
        return { edits: [set(['causes'], causes.length ? causes : undefined)], message: 'oorzaken vastgelegd (art. 2.2)' };
      }
      case 'verbetering': {
        const i = c.improvements.length;
        return {
          edits: [
            {
              op: 'append',
              path: ['improvements'],
              value: { action: opt(v, 'improvement.action') ?? '', owner: str(v, 'improvement.owner'), due: opt(v, 'improvement.due') },
            },
          ],
          message: 'verbeteractie toegevoegd (art. 2.4)',
          fieldOf: (p) => (p.startsWith(`improvements.${i}.`) ? `improvement.${p.slice(`improvements.${i}.`.length)}` : p),
        };
      }
      case 'verbetering-gedaan': {
        const i = Number(str(v, 'index'));
        if (!Number.isInteger(i) || !c.improvements[i]) throw new HttpError(400, 'Onbekende verbeteractie.');
        return { edits: [set(['improvements', i, 'done'], str(v, 'done'))], message: 'verbeteractie afgerond (art. 2.4)' };
      }
      case 'registratie': {
        // art. 1.5, 4.5: the registered facts, corrected; only the fields that changed are written (comments stay)
        const edits: CaseEdit[] = [];
        const change = (path: string[], value: unknown) => {
          const now = path.reduce<unknown>((x, k) => (x as Record<string, unknown> | undefined)?.[k], c);
          if (JSON.stringify(now) !== JSON.stringify(value)) edits.push(set(path, value));
        };
        for (const k of ['organizer', 'received', 'channel', 'assignment_completed', 'client_informed', 'written_confirmation'] as const)
          change([k], opt(v, k));
        const categories = (v.categories as string[] | undefined) ?? [];
        change(['categories'], categories);
        for (const k of ['name', 'email', 'phone', 'address'] as const)
          change(['complainant', k], k === 'name' ? str(v, 'complainant.name').trim() : opt(v, `complainant.${k}`));
        const repKeys = ['name', 'relation', 'email', 'phone', 'address'] as const;
        if (repKeys.every((k) => opt(v, `complainant.representative.${k}`) === undefined))
          change(['complainant', 'representative'], undefined);
        else
          for (const k of repKeys)
            change(
              ['complainant', 'representative', k],
              k === 'name' ? str(v, `complainant.representative.name`).trim() : opt(v, `complainant.representative.${k}`),
            );
        const complaint = str(v, 'klacht');
        const withComplaint = complaint.trim() !== complaintSection(body) ? replaceComplaintSection(body, complaint) : body;
        const confirmed = str(v, 'klacht_bevestigd'); // art. 4.1: the text the oral complaint's confirmation prints
        const withConfirmed =
          confirmed.trim() !== confirmedComplaintSection(withComplaint)
            ? replaceBodySection(withComplaint, CONFIRMED_HEADING, confirmed)
            : withComplaint;
        const newBody = withConfirmed !== body ? withConfirmed : undefined;
        return {
          edits,
          body: newBody,
          message: 'registratie gewijzigd (art. 1.5, 4.5)',
          fieldOf: (p) =>
            p === 'complainant' ? 'complainant.name' : p === 'complainant.representative' ? 'complainant.representative.name' : p,
        };
      }
      default:
        throw new HttpError(400, 'Onbekende handeling.');
    }
  }

  /** Save one Dossier form: same parse-and-validate as `npm run validate`; a refused save writes nothing. */
  function saveDossier(id: string, raw: FormValues): { redirect?: string; status?: number; html?: string } {
    const ctx = context();
    const action = str(raw, 'actie');
    const path = CASE_ID.test(id) ? fileOf(id) : undefined;
    const text = path && readTextIfExists(path);
    if (!path || text === undefined) return { status: 404, html: notFoundPage(`Er is geen dossier ${id}.`) };
    const refuse = (errors: FieldErrors, message?: string) => {
      const r = dossier(id, { refused: { action, state: { values: raw, errors } }, notice: message ? notice(message, 'fout') : undefined });
      return { status: message?.startsWith('Het dossier is intussen') ? 409 : 422, html: r.html };
    };
    if (str(raw, 'hash') !== textHash(text))
      return refuse(
        {},
        'Het dossier is intussen gewijzigd (in een editor, of door Synchroniseren). Er is niets opgeslagen. Uw invoer staat hieronder nog; het dossier toont nu de nieuwste versie. Sla opnieuw op als uw invoer nog klopt.',
      );
    const current = checkCaseFile({ path: shown(path), text }, ctx.schema, ctx.org, ctx.cal).record;
    if (!current) return refuse({}, 'Het bestand is niet geldig; herstel het eerst in een editor (npm run validate).');
    const dates = readDates(raw, Object.keys(raw));
    if (Object.keys(dates.errors).length) return refuse(dates.errors);
    const built = build(action, dates.values, current.data, current.body);
    if (built.errors) return refuse(built.errors);
    if (!built.apply && built.edits.length === 0 && built.body === undefined)
      return { redirect: `/dossier/${id}?melding=${flash(`${id}: niets gewijzigd; er is niets opgeslagen.`)}` };
    const edited = built.apply ? built.apply(text) : editCaseText(text, built.edits, built.body);
    if (!edited.ok) return refuse({ '': [edited.message] });
    if (edited.text === text) return { redirect: `/dossier/${id}?melding=${flash(`${id}: niets gewijzigd; er is niets opgeslagen.`)}` };
    const check = checkCaseFile({ path: shown(path), text: edited.text }, ctx.schema, ctx.org, ctx.cal);
    if (!check.record) return refuse(errorsByField(check.problems, built.fieldOf ?? ((p) => p)));
    saved(path, check.record.data);
    writeFileAtomic(path, edited.text);
    const said = commit([path], `${id}: ${built.message}`);
    return { redirect: `/dossier/${id}?melding=${flash(`${id}: ${built.message}. ${said}`)}` };
  }

  /** The answers of the registration form; `representative` with its contact details (art. 1.2). */
  function answersOf(v: FormValues): { answers: NewCaseAnswers; extra: CaseEdit[] } {
    const rep = opt(v, 'complainant.representative.name');
    const repContact = (['email', 'phone', 'address'] as const).flatMap((k) => {
      const value = opt(v, `complainant.representative.${k}`);
      return value !== undefined ? [{ op: 'set' as const, path: ['complainant', 'representative', k], value }] : [];
    });
    const repExtra = opt(v, 'complainant.representative.relation');
    return {
      answers: {
        organizer: str(v, 'organizer'),
        received: str(v, 'received'),
        channel: str(v, 'channel') as NewCaseAnswers['channel'],
        name: str(v, 'complainant.name'),
        email: opt(v, 'complainant.email'),
        phone: opt(v, 'complainant.phone'),
        address: opt(v, 'complainant.address'),
        representative: rep ? { name: rep, relation: repExtra } : undefined,
        assignment_completed: opt(v, 'assignment_completed'),
        client_informed: opt(v, 'client_informed'),
        categories: (v.categories as string[] | undefined) ?? [],
        complaint: opt(v, 'klacht'),
      },
      extra: [
        ...(rep ? repContact : []),
        ...(opt(v, 'written_confirmation')
          ? [{ op: 'set' as const, path: ['written_confirmation'], value: str(v, 'written_confirmation') }]
          : []),
        // a representative's contact fields without a name: keep them so the check below names the missing name
        ...(!rep && repContact.length
          ? [{ op: 'set' as const, path: ['complainant', 'representative', 'name'], value: '' }, ...repContact]
          : []),
      ],
    };
  }

  /** The file text of a new case with this id, or the edit's failure. */
  function newCaseText(id: string, v: FormValues): string {
    const { answers, extra } = answersOf(v);
    const base = newCaseFileText(id, answers, context().org);
    const edited = editCaseText(base, extra);
    return edited.ok ? edited.text : base;
  }

  /**
   * Register a new case (art. 1.5, 4.5): check it as `npm run validate` would, then number it (local and remote
   * cases), write it, commit it and push it, so the number is taken; if another machine took it first, renumber.
   */
  function register(raw: FormValues): { redirect?: string; status?: number; html?: string } {
    const ctx = context();
    const dates = readDates(raw, Object.keys(raw));
    const refuse = (errors: FieldErrors, message?: string) => ({
      status: 422,
      html: newCasePage({
        org: ctx.org,
        state: { values: raw, errors },
        today: ctx.today,
        notice: message ? notice(message, 'fout') : undefined,
      }),
    });
    if (Object.keys(dates.errors).length)
      return refuse(dates.errors, 'Niet geregistreerd: controleer de velden met een melding. Er is niets opgeslagen.');
    const v = dates.values;
    const year = Number(str(v, 'received').slice(0, 4)) || Number(ctx.today.slice(0, 4));
    const local = () => caseFileNames(o.cases);
    // check first, with the number it would get here: nothing is numbered or written for an invalid form
    const probe = nextCaseId(local(), year);
    const text = newCaseText(probe, v);
    const check = checkCaseFile({ path: join(o.cases, String(year), `${probe}.md`), text }, ctx.schema, ctx.org, ctx.cal);
    if (!check.record) {
      const errors = errorsByField(check.problems, (p) =>
        p === 'complainant' ? 'complainant.name' : p === 'complainant.representative' ? 'complainant.representative.name' : p,
      );
      return refuse(errors, 'Niet geregistreerd: controleer de velden met een melding. Er is niets opgeslagen.');
    }

    const state = gitState();
    const remoteNames = (): string[] => (state.repo && state.upstream && git.fetch() ? git.caseNamesOn(state.upstream) : []);
    let id = nextCaseId([...local(), ...remoteNames()], year);
    let path = join(o.cases, String(year), `${id}.md`);
    changed();
    while (!writeFileAtomic(path, newCaseText(id, v), true)) {
      id = nextCaseId([...local(), id], year);
      path = join(o.cases, String(year), `${id}.md`);
    }
    changed();
    let said = commit([path], `${id}: klacht geregistreerd (art. 4.5)`);
    let renumbered = '';
    if (state.repo && state.upstream) {
      // push now, so the number is taken; when another machine took it first, renumber before pushing again
      for (let attempt = 0; attempt < 5; attempt++) {
        if (git.push().ok) {
          said = `${renumbered}Geregistreerd, vastgelegd in Git en gedeeld.`;
          break;
        }
        if (!git.fetch()) {
          said =
            'Geregistreerd en vastgelegd in Git, maar de gedeelde opslag is niet bereikbaar: klik later op Synchroniseren. Het dossiernummer kan dan nog veranderen.';
          break;
        }
        const taken = git.hasOn(state.upstream, relative(o.cases, path));
        if (taken) {
          const old = id;
          git.uncommitLast(relative(o.cases, path));
          id = nextCaseId([...local(), ...git.caseNamesOn(state.upstream)], year);
          const renamed = join(o.cases, String(year), `${id}.md`);
          const r = renumberCaseText(readFileSync(path, 'utf8'), id);
          if (!r.ok) break;
          writeFileAtomic(path, r.text);
          renameSync(path, renamed);
          path = renamed;
          if (!git.commit([relative(o.cases, path)], `${id}: klacht geregistreerd (art. 4.5)`).ok) {
            said = `Geregistreerd als ${id}, maar Git kon het niet vastleggen. Vraag hulp; het bestand zelf is in orde.`;
            break;
          }
          renumbered = `Let op: nummer ${old} was intussen op een andere computer gebruikt. Deze klacht heeft nu nummer ${id}. `;
        }
        if (!git.pullRebase().ok) {
          said = 'Geregistreerd en vastgelegd, maar niet gedeeld: Synchroniseren lukte niet. Vraag hulp.';
          break;
        }
      }
    }
    return { redirect: `/dossier/${id}?melding=${flash(`${id}: klacht geregistreerd (art. 4.5). ${said}`)}` };
  }

  /** E-mail intake (art. 4.1): prefill the form from a dropped .eml; nothing is written. */
  async function intake(file: File | undefined): Promise<string> {
    const ctx = context();
    if (!file || file.size === 0)
      return newCasePage({
        org: ctx.org,
        state: { values: {}, errors: {} },
        today: ctx.today,
        notice: notice('Kies eerst een .eml-bestand.', 'fout'),
      });
    const mail = await PostalMime.parse(await file.arrayBuffer());
    const when = mail.date ? new Date(mail.date) : undefined;
    const values: Record<string, string> = {
      channel: 'email',
      'complainant.name': mail.from?.name ?? '',
      'complainant.email': mail.from?.address ?? '',
      received: when && !Number.isNaN(when.getTime()) ? todayIn(when, ctx.org.time_zone) : ctx.today,
      klacht: [mail.subject ? `Onderwerp: ${mail.subject}` : '', (mail.text ?? '').trim()].filter(Boolean).join('\n\n'),
    };
    return newCasePage({
      org: ctx.org,
      state: { values, errors: {} },
      today: ctx.today,
      notice: notice('De gegevens uit de e-mail zijn ingevuld. Controleer ze, vul de rest aan en klik op Klacht registreren.'),
    });
  }

  async function retention(confirm: boolean | undefined): Promise<{ status: number; html: string }> {
    const ctx = context();
    const files = await loadCaseFiles(o.cases);
    const result = validateCases(files, ctx.org, ctx.cal);
    const plan = result.errorCount ? [] : planRetention(files, result.cases, ctx.org, ctx.today);
    const blocked = result.errorCount
      ? notice(`${result.errorCount} fout(en) in de dossierbestanden: herstel ze eerst (npm run validate).`, 'fout')
      : undefined;
    if (confirm === undefined) return { status: 200, html: retentionPage({ org: ctx.org, plan, today: ctx.today, notice: blocked }) };
    if (!confirm)
      return {
        status: 422,
        html: retentionPage({
          org: ctx.org,
          plan,
          today: ctx.today,
          error: 'Vink eerst aan dat u het verwijderen bevestigt. Er is niets veranderd.',
        }),
      };
    const said: string[] = [];
    for (const a of plan) {
      writeFileAtomic(a.file, a.text);
      changed();
      said.push(`${a.id}: ${commit([a.file], `${a.id}: persoonsgegevens verwijderd (bewaartermijn)`)}`);
    }
    return {
      status: 200,
      html: retentionPage({
        org: ctx.org,
        plan: [],
        today: ctx.today,
        notice: notice(`Persoonsgegevens verwijderd uit ${plan.length} dossier(s).\n${said.join('\n')}`),
      }),
    };
  }

  /** Every case file, validated; or the page's refusal when one is invalid (an export must miss nothing). */
  async function allCases(ctx: Context) {
    const files = await loadCaseFiles(o.cases);
    const result = validateCases(files, ctx.org, ctx.cal);
    return { files, result };
  }

  type PrivacyAnswer = { status: number; html?: string; body?: Buffer | string; type?: string; filename?: string };

  /**
   * Privacyverzoeken: inzage (AVG art. 15, the export of `npm run inzage`: lib/cases/subject-access.ts and
   * lib/documents/access-report.ts) and erasure on request (AVG art. 17, `npm run retention -- --case K-… --now`:
   * planRetention), a dry run first, applied only after an explicit confirmation.
   */
  async function privacy(raw: FormValues | undefined): Promise<PrivacyAnswer> {
    const ctx = context();
    const view: PrivacyView = { org: ctx.org, today: ctx.today, access: { values: {}, errors: {} }, erasure: { values: {}, errors: {} } };
    const show = (status = 200): PrivacyAnswer => ({ status, html: privacyPage(view) });
    if (!raw) return show();
    const action = str(raw, 'actie');
    const { files, result } = await allCases(ctx);
    if (result.errorCount) {
      view.notice = notice(
        `${result.errorCount} fout(en) in de dossierbestanden: herstel ze eerst (npm run validate), zodat niets wordt gemist.`,
        'fout',
      );
      return show(422);
    }
    if (action.startsWith('inzage')) {
      view.access.values = { email: str(raw, 'email'), naam: str(raw, 'naam') };
      const email = opt(raw, 'email')?.trim();
      const name = opt(raw, 'naam')?.trim();
      if (!email === !name) {
        view.access.errors = email
          ? { naam: ['vul óf het e-mailadres óf de naam in, niet allebei'] }
          : { email: ['vul het e-mailadres in, bijv. naam@example.org, of de volledige naam'] };
        return show(422);
      }
      const subject: AccessSubject = email ? { email } : { name: name! };
      const records = casesOf(result.cases, subject);
      view.access.found = records.map((r) => r.data.id);
      if (action === 'inzage-zoeken' || records.length === 0) return show();
      let made: string[] = [];
      try {
        made = readdirSync(join(dirname(o.config), 'documents'));
      } catch {
        // no documents folder: nothing made for these cases
      }
      const exp = accessExport(records, ctx.org, ctx.today, (id) => made.filter((f) => f.startsWith(`${id}-`)).sort());
      // the file name names the date and the cases, never the person
      const filename = `inzage-${ctx.today}-${records.map((r) => r.data.id).join('-')}`;
      if (action === 'inzage-json')
        return {
          status: 200,
          body: `${JSON.stringify(exp, null, 2)}\n`,
          type: 'application/json; charset=utf-8',
          filename: `${filename}.json`,
        };
      if (action === 'inzage-pdf')
        return {
          status: 200,
          body: await pdfOf(accessReportHtml(exp, records, ctx.org, ctx.cal, ctx.today)),
          type: 'application/pdf',
          filename: `${filename}.pdf`,
        };
      throw new HttpError(400, 'Onbekende handeling.');
    }
    if (action === 'verwijderen-proef' || action === 'verwijderen') {
      const id = str(raw, 'dossier').trim().toUpperCase();
      view.erasure.values = { dossier: id };
      if (!CASE_ID.test(id)) {
        view.erasure.errors = { dossier: [`vul een dossiernummer in zoals K-2026-003${id ? `, niet "${id}"` : ''}`] };
        return show(422);
      }
      let plan;
      try {
        plan = planRetention(files, result.cases, ctx.org, ctx.today, id);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        // art. 17 only for a closed case: the message says what to do first
        view.erasure.errors = {
          dossier: [
            / is nog open/.test(error.message)
              ? `dossier ${id} is nog open; sluit het eerst af (in het dossier: "Afsluiten" of "Klacht ingetrokken") en verwijder dan de persoonsgegevens`
              : error.message,
          ],
        };
        return show(422);
      }
      if (plan.length === 0) {
        view.notice = notice(`${id} is al geanonimiseerd: er zijn geen persoonsgegevens meer te verwijderen.`);
        return show();
      }
      const a = plan[0]!;
      view.erasure.plan = a;
      if (action === 'verwijderen-proef') return show();
      if (str(raw, 'bevestig') !== 'ja') {
        view.erasure.error = 'Vink eerst aan dat u het verwijderen bevestigt. Er is niets veranderd.';
        return show(422);
      }
      writeFileAtomic(a.file, a.text);
      changed();
      const said = commit([a.file], `${a.id}: persoonsgegevens verwijderd op verzoek (AVG art. 17)`);
      view.erasure = { values: {}, errors: {} };
      view.notice = notice(
        `${a.id}: persoonsgegevens verwijderd op verzoek (AVG art. 17). ${said}\nLet op: de Git-geschiedenis bevat de oude tekst nog; vraag hulp als die ook weg moet.`,
      );
      return show();
    }
    throw new HttpError(400, 'Onbekende handeling.');
  }

  function sync(): string {
    knownGitState = undefined;
    changed();
    const state = gitState();
    if (!state.repo) return 'De dossiermap staat niet in Git: er is niets te synchroniseren. Alles wordt alleen op deze computer bewaard.';
    if (!state.upstream)
      return 'Er is geen gedeelde opslag (remote) ingesteld: er is niets te synchroniseren. Alles staat in Git op deze computer.';
    const unreachable =
      'Synchroniseren lukte niet: de gedeelde opslag is niet bereikbaar, of iemand anders wijzigde hetzelfde dossier. Er is niets samengevoegd en geen bestand beschadigd. Probeer het later opnieuw of vraag hulp.';
    if (!git.fetch()) return unreachable;
    // a case registered here while the remote was out of reach may carry a number another machine has shared
    // since: renumber it (file and id) before anything is merged, so no file ever holds two cases
    const renumbered = renumberCollisions(state.upstream);
    if (renumbered === undefined)
      return 'Synchroniseren lukte niet: een dossier dat hier is geregistreerd, kon niet worden hernummerd. Er is niets samengevoegd. Vraag hulp.';
    const told = renumbered
      .map(
        ([old, id]) =>
          `Let op: nummer ${old} was intussen op een andere computer gebruikt voor een andere klacht. Uw klacht heeft nu nummer ${id}.`,
      )
      .join('\n');
    if (!(renumbered.length ? git.pullMerge() : git.pullRebase()).ok) return [told, unreachable].filter(Boolean).join('\n');
    if (!git.push().ok) return [told, 'Binnengehaald, maar versturen lukte niet. Probeer het later opnieuw.'].filter(Boolean).join('\n');
    return [told, 'Gesynchroniseerd: de wijzigingen van anderen zijn binnengehaald en de uwe gedeeld.'].filter(Boolean).join('\n');
  }

  /**
   * Renumber every case added here since the last share whose file name the remote already holds (another
   * case): the next free number over the local and the remote cases, the `id` field and the file name, one
   * commit. Returns [old, new] ids, or undefined when a file could not be renumbered (nothing further is done).
   */
  function renumberCollisions(upstream: string): [string, string][] | undefined {
    const done: [string, string][] = [];
    for (const rel of git.addedSince(upstream)) {
      const m = /^(?:(.*)[\\/])?(K-(\d{4})-\d+)\.md$/.exec(rel);
      if (!m || !git.hasOn(upstream, rel)) continue;
      const [, folder, old, year] = m;
      const path = join(o.cases, rel);
      const text = readTextIfExists(path);
      if (text === undefined) continue;
      const id = nextCaseId([...caseFileNames(o.cases), ...git.caseNamesOn(upstream)], Number(year));
      const renamed = join(o.cases, folder ?? '', `${id}.md`);
      const r = renumberCaseText(text, id);
      if (!r.ok || readTextIfExists(renamed) !== undefined) return undefined;
      writeFileAtomic(path, r.text);
      renameSync(path, renamed);
      if (!git.commit([relative(o.cases, path), relative(o.cases, renamed)], `${id}: hernummerd, was ${old!} (nummer al in gebruik)`).ok)
        return undefined;
      done.push([old!, id]);
    }
    return done;
  }

  async function pdfOf(html: string): Promise<Buffer> {
    browser ??= launchChromium();
    const page = await (await browser).newPage();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    } finally {
      await page.close();
    }
  }

  /** One document of a case, made from the templates beside organization.yml (`templates/`), or what it lacks. */
  function makeDocument(kind: DocumentKind, record: CaseRecord, ctx: Context): DocumentResult {
    const templates: Record<string, string> = {};
    for (const t of templatesOf(kind)) {
      const text = readTextIfExists(join(dirname(o.config), 'templates', t));
      if (text !== undefined) templates[t] = text; // a missing one: the kind names it, never a blank letter
    }
    return kind.make({ record, org: ctx.org, cal: ctx.cal, today: ctx.today, templates });
  }

  /** A document of case `id` (HTML; the route prints it to PDF), or the Dutch list of what the case still lacks. */
  function document(id: string, key: string): { status: number; html?: string; missing?: string[] } {
    const ctx = context();
    const kind = DOCUMENT_KINDS.find((k) => k.key === key);
    const path = CASE_ID.test(id) ? fileOf(id) : undefined;
    const text = path && readTextIfExists(path);
    if (!kind || !path || text === undefined) return { status: 404 };
    const check = checkCaseFile({ path: shown(path), text }, ctx.schema, ctx.org, ctx.cal);
    if (!check.record) return { status: 404 };
    const made = makeDocument(kind, check.record, ctx);
    return made.ok ? { status: 200, html: made.html } : { status: 422, missing: made.missing };
  }

  // ---- HTTP

  const send = (
    res: ServerResponse,
    status: number,
    body: string | Buffer,
    type = 'text/html; charset=utf-8',
    extra: Record<string, string> = {},
  ) => {
    res.writeHead(status, {
      'Content-Type': type,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'same-origin',
      'X-Frame-Options': 'SAMEORIGIN',
      ...extra,
    });
    res.end(body);
  };

  /** Cross-site requests are refused: a POST must come from a page of the werkplek itself. */
  const sameOrigin = (req: IncomingMessage): boolean => {
    const origin = req.headers.origin;
    if (req.headers['sec-fetch-site'] && req.headers['sec-fetch-site'] !== 'same-origin') return false;
    if (!origin) return false;
    try {
      const host = new URL(origin).host;
      return host === req.headers.host || host === req.headers['x-forwarded-host'];
    } catch {
      return false;
    }
  };

  async function readForm(req: IncomingMessage) {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > 20 * 1024 * 1024) throw new HttpError(413, 'Het bestand is te groot (meer dan 20 MB).');
      chunks.push(chunk as Buffer);
    }
    const request = new Request('http://werkplek.local/', {
      method: 'POST',
      headers: { 'content-type': req.headers['content-type'] ?? '' },
      body: Buffer.concat(chunks),
    });
    return valuesOf(await request.formData());
  }

  /** Saves one at a time: two forms posted at once never interleave their writes and commits. */
  const serial = <T>(work: () => Promise<T> | T): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://werkplek.local');
    const path = decodeURIComponent(url.pathname);
    if (req.method === 'POST') {
      if (!sameOrigin(req)) return send(res, 403, 'Geweigerd: dit formulier kwam niet van de werkplek zelf.', 'text/plain; charset=utf-8');
      const { values, files } = await readForm(req);
      const done = (r: { redirect?: string; status?: number; html?: string }) =>
        r.redirect ? send(res, 303, '', 'text/plain', { Location: r.redirect }) : send(res, r.status ?? 200, r.html ?? '');
      if (path === '/nieuw') {
        if (str(values, 'actie') === 'eml') return send(res, 200, await intake(files.eml));
        return done(await serial(() => register(values)));
      }
      const m = /^\/dossier\/([^/]+)$/.exec(path);
      if (m) return done(await serial(() => saveDossier(m[1]!, values)));
      if (path === '/bewaartermijn') {
        const r = await serial(() => retention(str(values, 'bevestig') === 'ja'));
        return send(res, r.status, r.html);
      }
      if (path === '/privacy') {
        const r = await serial(() => privacy(values));
        if (r.html !== undefined) return send(res, r.status, r.html);
        return send(res, r.status, r.body!, r.type, { 'Content-Disposition': `attachment; filename="${r.filename}"` });
      }
      if (path === '/synchroniseren') {
        const said = await serial(() => sync());
        return send(res, 303, '', 'text/plain', { Location: `/?melding=${flash(said)}` });
      }
      return send(res, 404, notFoundPage('Deze pagina bestaat niet.'));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, 'Niet toegestaan.', 'text/plain; charset=utf-8', { Allow: 'GET, POST' });
    if (path === '/') return send(res, 200, await overview(url));
    if (path === '/nieuw') {
      const ctx = context();
      return send(res, 200, newCasePage({ org: ctx.org, state: { values: {}, errors: {} }, today: ctx.today }));
    }
    if (path === '/bewaartermijn') {
      const r = await retention(undefined);
      return send(res, r.status, r.html);
    }
    if (path === '/privacy') {
      const r = await privacy(undefined);
      return send(res, r.status, r.html!);
    }
    const doc = /^\/dossier\/([^/]+)\/document\/([a-z0-9-]+?)(\.pdf)?$/.exec(path);
    if (doc) {
      const [, id, key, pdf] = doc;
      const made = document(id!, key!);
      if (made.status === 404) return send(res, 404, notFoundPage('Dit document bestaat niet.'));
      if (made.missing)
        return send(
          res,
          422,
          notFoundPage(
            `Dit document kan nog niet worden gemaakt. Vul eerst in het dossier in: ${made.missing.map(missingInWerkplek).join('; ')}.`,
          ),
        );
      if (pdf)
        return send(res, 200, await pdfOf(made.html!), 'application/pdf', {
          'Content-Disposition': `attachment; filename="${id}-${key}.pdf"`,
        });
      return send(res, 200, made.html!);
    }
    const m = /^\/dossier\/([^/]+)$/.exec(path);
    if (m) {
      const r = dossier(m[1]!, { notice: takeFlash(url) });
      return send(res, r.status, r.html);
    }
    return send(res, 404, notFoundPage('Deze pagina bestaat niet.'));
  }

  return {
    async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
      const start = performance.now();
      try {
        await route(req, res);
      } catch (error) {
        const status = error instanceof HttpError ? error.status : 500;
        const message =
          error instanceof HttpError ? error.message : 'Er ging iets mis. Er is niets half opgeslagen; probeer het opnieuw of vraag hulp.';
        // the log names the kind of error only: its message could quote a file's contents
        if (!(error instanceof HttpError))
          o.log?.(`fout: ${(error as Error)?.name ?? 'onbekend'}${process.env.DEBUG ? ` ${(error as Error)?.stack}` : ''}`);
        if (!res.headersSent) send(res, status, notFoundPage(message));
        else res.end();
      } finally {
        // method, path (ids only) and status: never a query (a search could hold a name) or form content
        o.log?.(`${req.method} ${(req.url ?? '/').split('?')[0]} ${res.statusCode} ${(performance.now() - start).toFixed(0)}ms`);
      }
    },
    async close(): Promise<void> {
      watcher?.close();
      if (browser) await (await browser).close().catch(() => undefined);
    },
  };
}
