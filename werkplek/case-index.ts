import { watch, type FSWatcher } from 'node:fs';
import { join, relative } from 'node:path';
import type { CaseData } from '../schemas/case.ts';
import type { Organization } from '../schemas/organization.ts';
import { checkCaseFile } from '../lib/cases/validate.ts';
import type { IsoDate } from '../lib/dates/iso-date.ts';
import { caseDeadline, caseDeadlines, compareUrgency, type CaseDeadline } from '../lib/deadlines/deadlines.ts';
import type { Problem } from '../lib/problems/problems.ts';
import { loadCaseFacts } from '../io/case-facts.ts';
import { readTextIfExists } from '../io/case-write.ts';
import { shown } from '../io/files.ts';
import type { Context } from './context.ts';

/** The Overzicht's rows: every valid case's deadline, the years, and the files with errors. */
export interface CaseRows {
  rows: CaseDeadline[];
  years: string[];
  invalid: Problem[];
}

/**
 * The Overzicht's facts (from io/case-facts.ts, no personal data), kept in memory until a file under the cases
 * folder changes (a save here, an editor, a pull): the watcher bumps the version. Where watching is not
 * possible, every Overzicht reloads.
 */
export class CaseIndex {
  private readonly cases: string;
  private readonly config: string;
  private version = 0;
  private readonly selfWritten = new Set<string>();
  private readonly dirty = new Set<string>();
  private watcher: FSWatcher | undefined;
  private memo: (CaseRows & { version: number; org: Organization; today: IsoDate }) | undefined;

  constructor(cases: string, config: string) {
    this.cases = cases;
    this.config = config;
    try {
      this.watcher = watch(cases, { recursive: true }, (_event, name) => this.reported(String(name ?? '')));
      this.watcher.on('error', () => this.stopWatching());
    } catch {
      this.watcher = undefined;
    }
  }

  private reported(f: string): void {
    // our own writes update the memo themselves (see `saved`); temporary files and .git are no case
    if (f.endsWith('.tmp') || /(^|[\\/])\.git([\\/]|$)/.test(f) || this.selfWritten.has(f)) return;
    // a case file at its usual place is checked again on its own; anything else reloads everything
    if (/^\d{4}[\\/]K-[^\\/]+\.md$/.test(f) && this.dirty.size < 50) this.dirty.add(f);
    else this.version++;
  }

  private stopWatching(): void {
    this.watcher?.close();
    this.watcher = undefined;
  }

  /** Check the files the watcher reported on their own; false when only a full reload will do. */
  private refreshDirty(ctx: Context): boolean {
    const memo = this.memo!;
    for (const f of [...this.dirty]) {
      this.dirty.delete(f);
      const full = join(this.cases, f);
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
  }

  /** The rows for `ctx` (its organization and today). */
  async rows(ctx: Context): Promise<CaseRows> {
    const m = this.memo;
    if (this.watcher && m && m.version === this.version && m.org === ctx.org && m.today === ctx.today && this.refreshDirty(ctx)) return m;
    this.dirty.clear();
    const seen = this.version;
    const facts = await loadCaseFacts(this.cases, this.config);
    const all = facts.validation.cases.map((r) => r.data);
    this.memo = {
      version: seen,
      org: ctx.org,
      today: ctx.today,
      rows: caseDeadlines(all, ctx.cal, ctx.org.deadlines, ctx.today),
      years: [...new Set(all.map((c) => c.received.slice(0, 4)))].sort().reverse(),
      invalid: facts.validation.problems.filter((p) => p.severity === 'error'),
    };
    return this.memo;
  }

  /** After a write here that the memo cannot follow row by row: the Overzicht reloads even before the watcher reports it. */
  changed(): void {
    this.version++;
  }

  /** After a save here of one valid case: its row is replaced, no reload (the watcher ignores the write). */
  saved(path: string, data: CaseData, ctx: Context): void {
    const name = relative(this.cases, path);
    this.selfWritten.add(name);
    setTimeout(() => this.selfWritten.delete(name), 2000).unref();
    const m = this.memo;
    if (!m) return;
    const row = caseDeadline(data, ctx.cal, ctx.org.deadlines, m.today);
    m.rows = [...m.rows.filter((r) => r.id !== data.id), row].sort(compareUrgency);
    if (!m.years.includes(data.received.slice(0, 4))) m.years = [...m.years, data.received.slice(0, 4)].sort().reverse();
  }

  close(): void {
    this.stopWatching();
  }
}
