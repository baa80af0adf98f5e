import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syncGitHub, type SyncEnvironment, type SyncOutcome } from '../../io/github/sync.ts';
import { loadFixture, type CaseSpec } from './case-fixtures.ts';
import type { FakeGitHub } from '../../tools/fake-github.ts';
import type { InvalidFile } from '../../lib/github/desired-issues.ts';

/** What one in-process sync run produced. */
export interface SyncRun {
  outcome: SyncOutcome | null;
  error: Error | null;
  log: string[];
  summary: string;
}

/** Options of {@link runSync}. */
export interface RunSyncOptions {
  today: string;
  dryRun?: boolean;
  maxWrites?: number;
  /** Case files that do not validate (named in the "Ongeldig dossier" issue). */
  invalid?: InvalidFile[];
  /** Environment overrides; `GITHUB_TOKEN: undefined` runs without a token. */
  env?: Partial<SyncEnvironment>;
}

/**
 * Run `npm run deadlines -- --github`'s sync in-process against the fake GitHub, with GitHub's waits
 * shortened to a millisecond per second, and capture every log line and the step summary.
 */
export async function runSync(fake: FakeGitHub | null, specs: readonly CaseSpec[], options: RunSyncOptions): Promise<SyncRun> {
  const { org, cal, cases } = loadFixture(specs);
  const summaryDir = await mkdtemp(join(tmpdir(), 'summary-'));
  const summaryFile = join(summaryDir, 'summary.md');
  const env: SyncEnvironment = {
    GITHUB_TOKEN: fake?.token,
    GITHUB_REPOSITORY: fake?.repository,
    GITHUB_API_URL: fake?.url,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_ACTIONS: 'true',
    DEADLINES_GITHUB_SECOND_MS: '1',
    ...options.env,
  };
  const log: string[] = [];
  let outcome: SyncOutcome | null = null;
  let error: Error | null = null;
  try {
    outcome = await syncGitHub({
      cases,
      invalid: options.invalid ?? [],
      org,
      cal,
      today: options.today,
      dryRun: options.dryRun ?? false,
      maxWrites: options.maxWrites ?? 100,
      env,
      log: (l) => log.push(l),
    });
  } catch (e) {
    error = e as Error;
  }
  const summary = await readFile(summaryFile, 'utf8').catch(() => '');
  await rm(summaryDir, { recursive: true, force: true });
  return { outcome, error, log, summary };
}
