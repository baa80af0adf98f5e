import { appendFile } from 'node:fs/promises';
import type { Organization } from '../../schemas/organization.ts';
import type { WorkCalendar } from '../../lib/calendar/calendar.ts';
import { BASE_LABEL, type TrackedIssue } from '../../lib/github/issue.ts';
import { flagSubjects, invalidFiles, invalidFilesSubject, type InvalidFile, type SubjectCase } from '../../lib/github/desired-issues.ts';
import type { Validation } from '../../lib/cases/case-set.ts';
import { planSync, planWrites, withMissingLabels, type SyncPlan } from '../../lib/github/plan.ts';
import type { IsoDate } from '../../lib/dates/iso-date.ts';
import { overdueAnnotations, renderSummary, type ActionResult } from '../../lib/github/summary.ts';
import { applyPlan } from './apply.ts';
import { createGitHubTracker, type IssueTracker } from './client.ts';
import { UsageError } from '../cli.ts';

/** The environment variables the sync reads (GitHub Actions sets all but the last). */
export interface SyncEnvironment {
  GITHUB_TOKEN?: string;
  GITHUB_REPOSITORY?: string;
  GITHUB_API_URL?: string;
  GITHUB_STEP_SUMMARY?: string;
  GITHUB_ACTIONS?: string;
  /** Milliseconds one second of GitHub's waiting lasts (retry-after, back-off, write spacing); tests set 1. */
  DEADLINES_GITHUB_SECOND_MS?: string;
  /** Milliseconds before one request is given up (default 30000); tests shorten it. */
  DEADLINES_GITHUB_TIMEOUT_MS?: string;
}

/** Input of {@link syncGitHub}. */
export interface SyncInput {
  /** The valid cases. */
  cases: readonly SubjectCase[];
  /** The case files that do not validate: named in one "Ongeldig dossier" issue; their own issues stay as they are. */
  invalid?: readonly InvalidFile[];
  org: Organization;
  cal: WorkCalendar;
  today: IsoDate;
  dryRun: boolean;
  maxWrites: number;
  env: SyncEnvironment;
  /** Every line of output: plan, progress, annotations. */
  log: (line: string) => void;
}

/**
 * Sync the valid cases of a check (`deadlines --github`, `check --github`): one invalid file never silences the
 * alerts; the invalid files are named (file and field, never a value) in one "Ongeldig dossier" issue.
 */
export function syncCheckedCases(
  validation: Validation,
  input: Omit<SyncInput, 'cases' | 'invalid' | 'env' | 'log'>,
): Promise<SyncOutcome> {
  return syncGitHub({
    ...input,
    cases: validation.cases.map((r) => ({ file: r.file, data: r.data })),
    invalid: invalidFiles(validation.problems.filter((p) => p.severity === 'error')),
    env: process.env,
    log: (line) => console.log(line),
  });
}

/** What a sync did, for tests and the benchmark. */
export interface SyncOutcome {
  exitCode: number;
  reads: number;
  writes: number;
}

const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

/**
 * `npm run deadlines -- --github`: plan the flag issues from the cases, read GitHub's, apply the plan
 * (or print it), write the step summary and the annotations. A failure that stops the run is thrown
 * after the summary says what was done.
 */
export async function syncGitHub(input: SyncInput): Promise<SyncOutcome> {
  const { env, log } = input;
  const token = env.GITHUB_TOKEN?.trim() || undefined;
  const repository = env.GITHUB_REPOSITORY?.trim() || (token ? undefined : '(no repository)');
  if (!repository) throw new UsageError('GITHUB_REPOSITORY is not set: expected owner/repo (GitHub Actions sets it)');
  if (token && !REPOSITORY.test(repository)) throw new UsageError(`GITHUB_REPOSITORY must be owner/repo, got "${repository}"`);
  const secondMs = env.DEADLINES_GITHUB_SECOND_MS === undefined ? undefined : Number(env.DEADLINES_GITHUB_SECOND_MS);
  if (secondMs !== undefined && !(secondMs >= 0))
    throw new UsageError(`DEADLINES_GITHUB_SECOND_MS must be a number of milliseconds, got "${env.DEADLINES_GITHUB_SECOND_MS}"`);

  const timeoutMs = env.DEADLINES_GITHUB_TIMEOUT_MS === undefined ? undefined : Number(env.DEADLINES_GITHUB_TIMEOUT_MS);
  if (timeoutMs !== undefined && !(timeoutMs > 0))
    throw new UsageError(`DEADLINES_GITHUB_TIMEOUT_MS must be a number of milliseconds, got "${env.DEADLINES_GITHUB_TIMEOUT_MS}"`);

  const notes: string[] = [];
  const dryRun = input.dryRun || !token;
  if (!token)
    notes.push('GITHUB_TOKEN is not set: dry run. Nothing was read from or written to GitHub; the plan is what a first run would do.');
  else if (input.dryRun) notes.push('Dry run (--dry-run): the issues were read, nothing was written.');

  const invalid = input.invalid ?? [];
  if (invalid.length)
    notes.push(
      `${invalid.length} case file(s) do not validate (npm run validate): the valid cases are synced; one issue "Ongeldig dossier" names the files and fields.`,
    );
  const subjects = [...flagSubjects(input.cases, input.org, input.cal, input.today), invalidFilesSubject(invalid)];
  // case ids of the invalid files (by file name): their deadline issues are neither closed nor changed
  const held = new Set(invalid.map((f) => f.file.replace(/^.*[\\/]/, '').replace(/\.md$/, '')));
  const tracker: IssueTracker | null = token
    ? createGitHubTracker({ token, repository, baseUrl: env.GITHUB_API_URL?.trim() || 'https://api.github.com', secondMs, timeoutMs, log })
    : null;
  const flagged = subjects.filter((s) => s.flag).length;
  log(`GitHub sync for ${repository} on ${input.today} (${input.org.time_zone}): ${flagged} flag(s).`);
  for (const n of notes) log(n);
  let shown = notes.length;
  const summarize = async (results: ActionResult[], writes: number) => {
    for (const n of notes.slice(shown)) log(n);
    shown = notes.length;
    const reads = tracker?.counts.reads ?? 0;
    if (env.GITHUB_STEP_SUMMARY)
      await appendFile(
        env.GITHUB_STEP_SUMMARY,
        renderSummary({ repository, today: input.today, timeZone: input.org.time_zone, dryRun, results, reads, writes, notes }, subjects),
      );
    return reads;
  };

  let plan: SyncPlan;
  try {
    const issues: TrackedIssue[] = tracker ? await tracker.listFlagIssues(BASE_LABEL.name) : [];
    if (tracker) log(`Found ${issues.length} issue(s) labelled "${BASE_LABEL.name}" or marked by this sync.`);
    plan = planSync(subjects, issues, held);
    if (planWrites(plan) > 0) plan = withMissingLabels(plan, tracker ? await tracker.listLabels() : []);
  } catch (error) {
    notes.push(`Stopped before any write: ${(error as Error).message}.`);
    await summarize([], 0);
    throw error;
  }
  log(
    `Plan: ${planWrites(plan)} write(s) in ${plan.actions.filter((a) => a.type !== 'keep').length} action(s); write budget ${input.maxWrites} (--max-writes).`,
  );
  if (plan.unrecognized.length)
    notes.push(
      `Issue(s) ${plan.unrecognized.map((n) => `#${n}`).join(', ')} carry the label "${BASE_LABEL.name}" but no marker of this sync: left alone.`,
    );

  const result = await applyPlan(plan, tracker, { dryRun, maxWrites: input.maxWrites, log });
  const left = result.results.filter((r) => r.outcome.status === 'not_done' && r.outcome.why === 'write_budget').length;
  if (result.budgetReached)
    notes.push(
      `Write budget reached: ${result.planned} of ${input.maxWrites} write(s) ${dryRun ? 'planned' : 'used'}, ${left} action(s) left for the next run, ` +
        `which carries on where this one stopped. Raise the budget with --max-writes N.`,
    );
  if (result.error) {
    const done = result.results.filter((r) => r.outcome.status === 'done' && r.action.type !== 'keep').length;
    notes.push(
      `Stopped by an error after ${done} change(s) (listed above): ${result.error.message}. The next run carries on where this one stopped.`,
    );
  }
  if (env.GITHUB_ACTIONS === 'true') {
    for (const a of overdueAnnotations(subjects)) log(a);
    if (result.budgetReached)
      log(`::warning title=Write budget reached::${left} flag change(s) left for the next run; raise with --max-writes N`);
  }
  const reads = await summarize(result.results, result.writes);
  if (result.error) throw result.error;
  log(
    dryRun
      ? `Dry run: nothing written; a real run would make ${result.planned} write(s).`
      : `Done: ${result.writes} write(s), ${reads} read(s).${result.writes === 0 ? ' GitHub was already in step.' : ''}`,
  );
  return { exitCode: 0, reads, writes: result.writes };
}
