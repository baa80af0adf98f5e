import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { caseSchemaFor } from '../schemas/case.ts';
import type { Organization } from '../schemas/organization.ts';
import { calendarFor } from '../lib/calendar/holidays.ts';
import type { WorkCalendar } from '../lib/calendar/calendar.ts';
import type { CaseRecord } from '../lib/cases/case-file.ts';
import { todayIn, type IsoDate } from '../lib/dates/iso-date.ts';
import type { DocumentKind, DocumentResult } from '../lib/documents/kinds.ts';
import type { AtomicWriteFs } from '../io/atomic-write.ts';
import { readTextIfExists } from '../io/case-write.ts';
import { htmlToPdf, launchChromium, localChromium } from '../io/chromium.ts';
import { readConfigText, shown } from '../io/files.ts';
import { Git, type NetworkLimits } from '../io/git.ts';
import { Sharing } from '../io/sharing.ts';
import { caseFactsMemo, type CaseFactsMemo } from '../io/case-facts-memo.ts';
import { caseTextIndex, type CaseTextIndex } from '../io/case-text-index.ts';
import { CaseHistory } from '../io/case-history.ts';
import type { Workspace } from '../actions/workspace.ts';
import type { GuardEnv } from './guard.ts';
import type { Html } from './html.ts';
import { notice } from './layout.ts';

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
  /** Time limits of the commands that reach the shared remote (default: io/git.ts). */
  gitLimits?: Partial<NetworkLimits>;
  /** The environment the guard reads GitHub Codespaces' forwarded host from (werkplek/guard.ts); default `process.env`. */
  env?: GuardEnv;
  /** The file-system calls of the werkplek's writes; default Node's (tests pass failing ones to simulate a full disk). */
  fs?: AtomicWriteFs;
  /** GitHub for the check under Instellingen › GitHub: the repository (`owner/name`) to offer, and the API address. */
  github?: { repository?: string; apiUrl?: string };
}

/** The organization's rules for one request: read again when organization.yml changed. */
export interface Context {
  org: Organization;
  cal: WorkCalendar;
  schema: ReturnType<typeof caseSchemaFor>;
  today: IsoDate;
}

/** werkplek/rules.ts, once a page that needs it has loaded it (`Werkplek.loadRules`). */
let rules: typeof import('./rules.ts') | undefined;
const loadedRules = () => {
  if (!rules) throw new Error('werkplek/rules.ts is not loaded: a route to this page must load it first (later() in routes.ts)');
  return rules;
};

/** A request the werkplek refuses, with its status and a Dutch message. */
export class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** What every page of the werkplek shares: its options, the organization's rules, Git, the Overzicht's index, PDFs. */
export class Werkplek {
  readonly o: WerkplekOptions;
  /** The cases folder's Git and its sharing with the remote, off the request path. */
  readonly sharing: Sharing;
  /** The Overzicht's facts, from the check cache, kept while the cases folder does not change. */
  readonly index: CaseFactsMemo;
  /** The cases' names, contact details and complaint texts for the search and the subjects: in memory only. */
  readonly texts: CaseTextIndex;
  /** Each case's history from Git, brought up to date in the background (never on a page's request). */
  readonly history: CaseHistory;
  private readonly flashes = new Map<string, string>();
  private flashCounter = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private browser: Promise<Browser> | undefined;
  private orgCache: { text: string; org: Organization; cal: WorkCalendar; schema: ReturnType<typeof caseSchemaFor> } | undefined;

  constructor(o: WerkplekOptions) {
    this.o = o;
    this.sharing = new Sharing({ cases: o.cases, config: o.config, git: new Git(o.cases, { limits: o.gitLimits }) });
    this.index = caseFactsMemo({ cases: o.cases, config: o.config, today: o.today });
    this.texts = caseTextIndex(o.cases, this.index);
    this.history = new CaseHistory(this.sharing.git, () => this.context().org.time_zone);
    // what an earlier session left unshared (the remote was out of reach) is shared now, in the background
    void this.sharing.share();
  }

  /** Load what `context()` and `makeDocument` need (werkplek/rules.ts); every page but the Overzicht does, first. */
  async loadRules(): Promise<void> {
    rules ??= await import('./rules.ts');
  }

  /** The organization's rules and today's date (in the organization's time zone). */
  context(): Context {
    const text = readConfigText(this.o.config);
    if (this.orgCache?.text !== text) {
      const { parseOrganization, caseSchemaFor } = loadedRules();
      const org = parseOrganization(shown(this.o.config), text);
      this.orgCache = { text, org, cal: calendarFor(org), schema: caseSchemaFor(org) };
    }
    const today = this.o.today?.() ?? todayIn(new Date(), this.orgCache.org.time_zone);
    return { ...this.orgCache, today };
  }

  /** The action layer's workspace for this request. */
  workspace(ctx = this.context()): Workspace {
    return { cases: this.o.cases, ...ctx, sharing: this.sharing, fs: this.o.fs };
  }

  /** A one-time message for the page a save redirects to. Holds case ids and actions only. */
  flash(text: string): string {
    const key = `m${++this.flashCounter}`;
    this.flashes.set(key, text);
    if (this.flashes.size > 50) this.flashes.delete(this.flashes.keys().next().value!);
    return key;
  }

  /** The flash message a redirect named (`?melding=`), once. */
  takeFlash(url: URL): Html | undefined {
    const key = url.searchParams.get('melding');
    const text = key ? this.flashes.get(key) : undefined;
    if (key) this.flashes.delete(key);
    return text ? notice(text) : undefined;
  }

  /** Saves one at a time: two forms posted at once never interleave their writes and commits. */
  serial<T>(work: () => Promise<T> | T): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** One document of a case, made from the templates beside organization.yml (`templates/`), or what it lacks. */
  makeDocument(kind: DocumentKind, record: CaseRecord, ctx: Context): DocumentResult {
    const templates: Record<string, string> = {};
    for (const t of loadedRules().templatesOf(kind)) {
      const text = readTextIfExists(join(dirname(this.o.config), 'templates', t));
      if (text !== undefined) templates[t] = text; // a missing one: the kind names it, never a blank letter
    }
    return kind.make({ record, org: ctx.org, cal: ctx.cal, today: ctx.today, templates });
  }

  /**
   * A page printed to a tagged A4 PDF by the organizer's Chrome, Edge or Chromium (io/chromium.ts), started on the first
   * PDF and kept for the next. No browser: a BrowserUnavailableError with its Dutch message, and the next PDF looks
   * again (she may have installed one meanwhile).
   */
  async pdf(html: string): Promise<Buffer> {
    const browser = (this.browser ??= launchChromium());
    browser.catch(() => {
      if (this.browser === browser) this.browser = undefined;
    });
    return htmlToPdf(await browser, html);
  }

  /** Why no PDF can be made on this computer, in Dutch (no Chrome, Edge or Chromium found), or undefined. */
  pdfUnavailable(): string | undefined {
    const found = localChromium();
    return found.found ? undefined : found.message;
  }

  async close(): Promise<void> {
    this.index.close();
    await this.sharing.close();
    if (this.browser) await (await this.browser).close().catch(() => undefined);
  }
}
