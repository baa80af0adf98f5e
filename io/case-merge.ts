import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { calendarFor } from '../lib/calendar/holidays.ts';
import { mergeCaseTexts, WHOLE_FILE, type MergeChoice, type MergeConflict, type MergeResolutions } from '../lib/cases/merge.ts';
import { parseOrganization } from '../lib/organization/organization.ts';
import { t } from '../schemas/language.ts';
import { readConfigText } from './files.ts';

/**
 * The Git merge driver for case files (`K-*.md`): a three-way merge by field ({@link mergeCaseTexts}) instead
 * of by line, and never a file with conflict markers. Activated per command, without any file in the
 * repository: `git ${caseMergeGitArgs(config).join(' ')} pull` (or `merge`, `rebase`).
 *
 * The driver (`io/case-merge-driver.ts`, run by Git as `node io/case-merge-driver.ts [--config FILE] %O %A %B %P`)
 * writes the merged text into %A and exits 0; on a conflict it leaves %A as it was, appends one JSON line
 * `{ "path": "cases/2026/K-2026-003.md", "conflicts": [...] }` ({@link MergeReportLine}) to the file named by
 * {@link MERGE_REPORT_ENV}, and exits 1, so Git stops and the caller aborts (`git merge --abort`,
 * `git rebase --abort`). Resolutions come from the JSON file named by {@link MERGE_RESOLUTIONS_ENV}:
 * `{ "cases/2026/K-2026-003.md": { "response.findings": "both" } }`.
 *
 * "Mine" is always the organizer's own version: in a merge (`pull --no-rebase`) that is %A; in a rebase
 * (`pull --rebase`) Git replays her commits onto the shared ones, so %A is theirs and %B hers: the driver
 * swaps them, and reports and takes resolutions from her side either way.
 *
 * The report holds the conflicting values (a name, findings, the complaint text): personal data, written
 * with mode 0600 to the caller's file, which the caller removes. The driver prints no value and no text of a
 * case (only a short line when its own input is broken).
 *
 * `core.attributesFile` replaces the user's own attributes file for that one command; a `.gitattributes` in the
 * repository that sets `merge` for case files would take precedence (the project has none).
 */

/** Environment variable: the file the driver appends its conflict report to (one JSON line per case file). */
export const MERGE_REPORT_ENV = 'KLACHT_MERGE_REPORT';
/** Environment variable: the JSON file of resolutions, `{ [path]: { [field]: 'mine' | 'theirs' | 'both' } }`. */
export const MERGE_RESOLUTIONS_ENV = 'KLACHT_MERGE_RESOLUTIONS';

/** One line of the conflict report: the case file (path relative to the repository) and its conflicts. */
export interface MergeReportLine {
  path: string;
  conflicts: MergeConflict[];
}

/** Resolutions for a whole merge: per case file (path relative to the repository), per conflict field. */
export type MergeResolutionFile = Readonly<Record<string, MergeResolutions>>;

const IO = fileURLToPath(new URL('.', import.meta.url));
/** The attributes file that sends every case file to the driver (`K-*.md merge=klacht`). */
export const CASE_MERGE_ATTRIBUTES = join(IO, 'case-merge.gitattributes');
const DRIVER = join(IO, 'case-merge-driver.ts');
const COMPILE_CACHE = pathToFileURL(join(IO, 'compile-cache.mjs')).href;

const quoted = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * The `git -c …` arguments that turn on the case merge driver for one command, e.g.
 * `spawn('git', [...caseMergeGitArgs('organization.yml'), 'pull', '--no-rebase'])`. `config` is the
 * organization.yml the merged case is checked against (resolved to an absolute path); the driver runs with
 * this process's Node. Sets `core.attributesFile` to {@link CASE_MERGE_ATTRIBUTES} for that command.
 */
export function caseMergeGitArgs(config: string): string[] {
  // with Node's compile cache, as the npm scripts: a driver run (one per case file) takes half the CPU time
  const driver = [process.execPath, '--import', COMPILE_CACHE, DRIVER, '--config', resolve(config)].map(quoted).join(' ');
  return [
    '-c',
    `core.attributesFile=${CASE_MERGE_ATTRIBUTES}`,
    '-c',
    'merge.klacht.name=klachtdossier: samenvoegen per veld',
    '-c',
    `merge.klacht.driver=${driver} %O %A %B %P`,
  ];
}

/** The lines of a conflict report file (none when it does not exist). */
export function readMergeReport(file: string): MergeReportLine[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as MergeReportLine);
}

/** Write a resolutions file for {@link MERGE_RESOLUTIONS_ENV} (mode 0600, as the report). */
export function writeMergeResolutions(file: string, resolutions: MergeResolutionFile): void {
  writeFileSync(file, JSON.stringify(resolutions), { mode: 0o600 });
}

const CHOICES: readonly MergeChoice[] = ['mine', 'theirs', 'both'];

/** The resolutions for `path` from the file the environment names; a malformed file is an error, never ignored. */
function resolutionsFor(path: string, env: NodeJS.ProcessEnv): MergeResolutions {
  const file = env[MERGE_RESOLUTIONS_ENV];
  if (!file) return {};
  const all: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const mine = (all as Record<string, unknown> | null)?.[path];
  if (mine === undefined) return {};
  if (mine === null || typeof mine !== 'object' || !Object.values(mine).every((c) => CHOICES.includes(c as MergeChoice)))
    throw new Error(`${MERGE_RESOLUTIONS_ENV}: the resolutions of ${path} are not field -> mine | theirs | both`);
  return mine as MergeResolutions;
}

/**
 * Whether Git is replaying commits in this repository (a rebase), so %A is theirs and %B the organizer's:
 * `rebase-merge/` (the default backend) or `rebase-apply/rebasing` (`--apply`; `git am` has `applying` there).
 */
function rebasing(cwd: string): boolean {
  const r = spawnSync('git', ['rev-parse', '--git-path', 'rebase-merge', '--git-path', 'rebase-apply/rebasing'], { cwd, encoding: 'utf8' });
  return (r.stdout ?? '')
    .split('\n')
    .filter(Boolean)
    .some((p) => existsSync(isAbsolute(p) ? p : join(cwd, p)));
}

/**
 * The driver's work, for `io/case-merge-driver.ts`: `args` are `[--config FILE] %O %A %B %P` (the config
 * defaults to `organization.yml` in `cwd`, where Git runs a driver: the top of the work tree). Returns the exit
 * code: 0 merged (written to %A), 1 conflicts (reported; %A unchanged), 2 the driver's own input is broken.
 */
export function runCaseMergeDriver(args: readonly string[], env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): number {
  const [config, ancestor, current, other, path] = args[0] === '--config' ? args.slice(1) : ['organization.yml', ...args];
  if (!config || !ancestor || !current || !other || !path) {
    console.error('usage: case-merge-driver.ts [--config organization.yml] %O %A %B %P');
    return 2;
  }
  const report = (conflicts: MergeConflict[]) => {
    const file = env[MERGE_REPORT_ENV];
    if (file) appendFileSync(file, JSON.stringify({ path, conflicts } satisfies MergeReportLine) + '\n', { mode: 0o600 });
    return 1;
  };
  const read = (file: string) => readFileSync(file, 'utf8');
  const [base, ours, theirs] = [read(ancestor), read(current), read(other)];
  const swap = rebasing(cwd);
  const [mine, other_] = swap ? [theirs, ours] : [ours, theirs];
  let org;
  try {
    org = parseOrganization(config, readConfigText(config));
  } catch {
    const message = t(
      `${config} is niet leesbaar: het dossier kan niet worden gecontroleerd`,
      `${config} cannot be read: the case cannot be checked`,
    );
    return report([{ field: WHOLE_FILE, base, mine, theirs: other_, freeText: false, message }]);
  }
  let resolutions: MergeResolutions;
  try {
    resolutions = resolutionsFor(path, env);
  } catch (error) {
    console.error((error as Error).message.split('\n')[0]);
    return 2;
  }
  const result = mergeCaseTexts(base, mine, other_, { org, calendar: calendarFor(org), resolutions, path });
  if (!result.ok) return report(result.conflicts);
  writeFileSync(current, result.text);
  return 0;
}
