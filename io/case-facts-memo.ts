import { basename, isAbsolute, join, relative } from 'node:path';
import type { Organization } from '../schemas/organization.ts';
import type { WorkCalendar } from '../lib/calendar/calendar.ts';
import { isCaseFileName } from '../lib/cases/case-set.ts';
import type { FileCheck } from '../lib/cases/case-set.ts';
import { todayIn, type IsoDate } from '../lib/dates/iso-date.ts';
import { caseDeadline, caseDeadlines, compareUrgency, type CaseDeadline } from '../lib/deadlines/deadlines.ts';
import type { Problem } from '../lib/problems/problems.ts';
import { loadCaseFacts } from './case-facts.ts';
import { watchCaseFolders, type CaseWatch } from './case-watch.ts';
import { decodeUtf8, readConfigText, readRegularFile, shown } from './files.ts';

/** What the Overzicht shows: every case's deadlines and the files with an error; no personal data, no free text. */
export interface OverviewFacts {
  org: Organization;
  cal: WorkCalendar;
  /** The date the rows are counted for. */
  today: IsoDate;
  /** The deadlines of every valid case, most urgent first. */
  rows: readonly CaseDeadline[];
  /** The years cases were received in, newest first. */
  years: readonly string[];
  /** The errors of the case files that are not valid, and the entries named like a case that are no file. */
  invalid: readonly Problem[];
  /** The fields each valid case has a warning about (a late filing, a late acknowledgement, …), by case id. */
  warnings: ReadonlyMap<string, readonly string[]>;
  /** The last time every file was loaded: how many case files, and how many of their checks came from the check cache. */
  loaded: { files: number; fromCache: number };
  /** How often every file was loaded since the memo was made (a change outside a year folder, a new day, …). */
  loads: number;
}

/** A year folder's case file, where the werkplek and `npm run new-case` put it: `2026/K-2026-003.md`. */
const AT_HOME = /^(\d{4})[\\/](K-\1-[^\\/]+)\.md$/;
/** More changed files than this at once (a pull): every file is loaded again instead. */
const MAX_DIRTY = 50;

interface Memo extends OverviewFacts {
  rows: CaseDeadline[];
  years: string[];
  invalid: Problem[];
  warnings: Map<string, string[]>;
  /** The change count it was loaded at, and the text of organization.yml it was loaded with. */
  version: number;
  configText: string;
}

/** The Overzicht's facts of a cases folder, kept in memory (see {@link caseFactsMemo}). */
export interface CaseFactsMemo {
  /** The facts as the files are now. */
  overview(): Promise<OverviewFacts>;
  /** A case file saved here: the next Overzicht shows it, even when the watcher has not yet said so. */
  saved(path: string): void;
  /** Anything may have changed (a registration, Synchroniseren, retention): the next Overzicht loads every file. */
  changed(): void;
  /**
   * Be told of every change the watcher sees or the werkplek reports: a case file's path relative to the cases
   * folder, or undefined when anything may have changed (a folder, a pull, watching given up).
   */
  listen(listener: (name: string | undefined) => void): void;
  /** Whether the folder is being watched: if not, nothing is reported and every file must be looked at. */
  watching(): boolean;
  close(): void;
}

/** The fields with a warning, per case id (`idOf` maps a problem's file to its case). */
function warningFields(problems: readonly Problem[], idOf: (file: string) => string | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of problems) {
    const id = p.severity === 'warning' ? idOf(p.file) : undefined;
    if (id === undefined) continue;
    const fields = out.get(id) ?? out.set(id, []).get(id)!;
    if (!fields.includes(p.field)) fields.push(p.field);
  }
  return out;
}

/**
 * The Overzicht's facts, from the same cached checks `npm run check` uses (io/case-facts.ts): with the check cache
 * filled, the first Overzicht reads no case file and loads neither zod nor the YAML parsers. The facts then stay in
 * memory while io/case-watch.ts reports nothing; a changed case file in a year folder (a save here, an editor) is
 * checked again on its own, anything else (a folder, a file elsewhere, many files at once, a changed
 * organization.yml, a new day) loads every file again, from the cache where they did not change. Where the folder
 * cannot be watched, every Overzicht loads.
 */
export function caseFactsMemo(o: { cases: string; config: string; today?: () => IsoDate }): CaseFactsMemo {
  let version = 0;
  const dirty = new Set<string>();
  let memo: Memo | undefined;
  let loading: Promise<Memo> | undefined;
  let loads = 0;
  const todayOf = (org: Organization) => o.today?.() ?? todayIn(new Date(), org.time_zone);

  const listeners: ((name: string | undefined) => void)[] = [];
  const tell = (name: string | undefined) => listeners.forEach((l) => l(name));
  const seen = (name: string, folder: boolean) => {
    if (!folder && !isCaseFileName(basename(name))) return; // a temporary file, an editor's backup, a README
    tell(folder ? undefined : name);
    if (folder || !AT_HOME.test(name) || dirty.size >= MAX_DIRTY) version++;
    else dirty.add(name);
  };
  let watch: CaseWatch | undefined;
  try {
    watch = watchCaseFolders(o.cases, seen, () => {
      watch = undefined;
      tell(undefined);
    });
  } catch {
    watch = undefined; // a folder that cannot be watched: every Overzicht loads
  }

  async function load(configText: string): Promise<Memo> {
    const at = version;
    dirty.clear();
    const facts = await loadCaseFacts(o.cases, o.config);
    const { org, cal } = facts;
    const today = todayOf(org);
    const all = facts.validation.cases.map((r) => r.data);
    const idOf = new Map(facts.validation.cases.map((r) => [r.file, r.data.id]));
    return {
      version: at,
      configText,
      org,
      cal,
      today,
      rows: caseDeadlines(all, cal, org.deadlines, today),
      years: [...new Set(all.map((c) => c.received.slice(0, 4)))].sort().reverse(),
      // the errors, and what is named like a case but is no file (a pipe): skipped unread, named here
      invalid: facts.validation.problems.filter((p) => p.severity === 'error' || p.field === '(file)'),
      warnings: warningFields(facts.validation.problems, (file) => idOf.get(file)),
      loaded: { files: facts.fileCount, fromCache: facts.cacheHits },
      loads: ++loads,
    };
  }

  /** Check the files the watcher named, each on its own; false when only loading every file will do. */
  async function refresh(m: Memo): Promise<boolean> {
    if (dirty.size === 0) return true;
    // zod and the YAML parsers load here, at the first change, not at start-up
    const [{ checkCaseFile }, { caseSchemaFor }] = await Promise.all([import('../lib/cases/validate.ts'), import('../schemas/case.ts')]);
    const schema = caseSchemaFor(m.org);
    for (const name of [...dirty]) {
      dirty.delete(name);
      const [, year, id] = AT_HOME.exec(name)!;
      const path = join(o.cases, name);
      let bytes: Buffer | undefined;
      try {
        bytes = readRegularFile(path);
      } catch {
        return false; // no regular file (a pipe named like a case): loading every file names it, unread
      }
      const text = bytes && decodeUtf8(bytes);
      if (bytes && text === undefined) return false; // not UTF-8: the error comes with the others
      const check: FileCheck | undefined =
        text === undefined ? undefined : checkCaseFile({ path: shown(path), text }, schema, m.org, m.cal);
      // an error comes with the others, in their order
      if (check && (!check.record || check.record.data.id !== id)) return false;
      const at = m.rows.findIndex((r) => r.id === id);
      if (at >= 0) m.rows.splice(at, 1);
      m.warnings.delete(id!);
      m.invalid = m.invalid.filter((p) => p.file !== shown(path));
      if (!check?.record) continue; // removed
      const row = caseDeadline(check.record.data, m.cal, m.org.deadlines, m.today);
      for (const [k, v] of warningFields(check.problems, () => id!)) m.warnings.set(k, v);
      let lo = 0;
      for (let hi = m.rows.length; lo < hi;) {
        const mid = (lo + hi) >>> 1;
        if (compareUrgency(m.rows[mid]!, row) <= 0) lo = mid + 1;
        else hi = mid;
      }
      m.rows.splice(lo, 0, row);
      if (!m.years.includes(year!)) m.years = [...m.years, year!].sort().reverse();
    }
    return true;
  }

  return {
    async overview() {
      const configText = readConfigText(o.config);
      if (watch && memo && memo.version === version && memo.configText === configText && memo.today === todayOf(memo.org)) {
        if (await refresh(memo)) return memo;
        version++; // another request meanwhile loads too
      }
      loading ??= load(configText).finally(() => (loading = undefined));
      memo = await loading;
      return memo;
    },
    saved(path) {
      const name = relative(o.cases, path);
      if (name.startsWith('..') || isAbsolute(name)) {
        version++;
        tell(undefined);
      } else seen(name, false);
    },
    changed() {
      version++;
      tell(undefined);
    },
    listen(listener) {
      listeners.push(listener);
    },
    watching: () => watch !== undefined,
    close() {
      watch?.close();
      watch = undefined;
    },
  };
}
