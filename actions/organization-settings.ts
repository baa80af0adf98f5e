import { createHash } from 'node:crypto';
import { readFileSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { exampleCasesAmong } from '../lib/organization/example.ts';
import { planSettings, type Settings, type SettingsPlan } from '../lib/organization/settings.ts';
import type { Problem } from '../lib/problems/problems.ts';
import { writeFileAtomic, WriteFailedError, type AtomicWriteFsPromises } from '../io/atomic-write.ts';
import { loadCaseFiles } from '../io/case-files.ts';
import { readTextIfExists, textHash } from '../io/case-write.ts';
import { caseFileNames, readConfigText, shown } from '../io/files.ts';
import { regulationProblems } from '../io/regulation.ts';
import type { Sharing } from '../io/sharing.ts';
import type { CommitOutcome } from './commit.ts';

/** Where the settings live and how their change is shared: organization.yml, the cases folder, Git. */
export interface SettingsPlace {
  /** organization.yml. */
  config: string;
  /** The cases folder: its cases are checked against the new settings; the examples are removed from it. */
  cases: string;
  /** The cases folder's Git and its sharing; without it the action writes and does not commit. */
  sharing?: Sharing;
  /** The file-system calls of the write (tests simulate a full disk). */
  fs?: AtomicWriteFsPromises;
}

/** What became of a save of the settings. */
export type SettingsOutcome =
  /** Nothing differs from organization.yml: nothing written, nothing committed. */
  | { kind: 'unchanged' }
  /** organization.yml changed since the form was loaded (another save, an editor): nothing written. */
  | { kind: 'stale' }
  /** The new settings do not pass the checks (Dutch messages per field): nothing written. */
  | { kind: 'refused'; problems: Problem[] }
  | { kind: 'write-failed'; code: string | undefined }
  | {
      kind: 'saved';
      changed: string[];
      commit: CommitOutcome;
      removed: string[];
      removal?: CommitOutcome;
      /** Where the practice's regulation now disagrees with the saved settings (a body or term it does not name): the next step. */
      regulation: Problem[];
    };

/** The commit message of a save: what changed, never a value (a name, an address). */
export const settingsMessage = (changed: readonly string[]): string => `Instellingen gewijzigd: ${changed.join(', ')} (Inrichten)`;

/** The fingerprint of organization.yml as a form was loaded from it (a save of a changed file is refused). */
export const settingsHash = (config: string): string => textHash(readConfigText(config));

/**
 * Inrichten's save: load organization.yml and the cases → plan the new text (`planSettings`: the schema, and every case
 * still valid; the cases `removeExamples` removes are not asked) → write it atomically → commit it. With
 * `removeExamples`, the shipped example cases are removed after the save, in a commit of their own she can revert.
 */
export async function saveSettings(
  place: SettingsPlace,
  settings: Settings,
  o: { hash?: string; removeExamples?: boolean; dryRun?: boolean } = {},
): Promise<SettingsOutcome | { kind: 'planned'; plan: SettingsPlan; examples: string[] }> {
  const text = readConfigText(place.config);
  if (o.hash !== undefined && o.hash !== textHash(text)) return { kind: 'stale' };
  const examples = findExampleCases(place.cases);
  const leaving = new Set(o.removeExamples ? examples.map((p) => shown(join(place.cases, p))) : []);
  const cases = (await casesIfAny(place.cases)).filter((f) => !leaving.has(f.path));
  const plan = planSettings(shown(place.config), text, settings, cases);
  if (plan.problems.length) return { kind: 'refused', problems: plan.problems };
  if (o.dryRun) return { kind: 'planned', plan, examples: o.removeExamples ? examples : [] };
  if (!plan.changed.length && !(o.removeExamples && examples.length)) return { kind: 'unchanged' };
  let commit: CommitOutcome = { kind: 'no-repo' };
  if (plan.changed.length) {
    try {
      await writeFileAtomic(place.config, plan.text, place.fs);
    } catch (error) {
      if (error instanceof WriteFailedError) return { kind: 'write-failed', code: error.code };
      throw error;
    }
    commit = place.sharing ? await place.sharing.commit([place.config], settingsMessage(plan.changed)) : { kind: 'no-repo' };
  }
  const removed = o.removeExamples ? await removeExampleCases(place) : undefined;
  // the regulation must name the same body and terms (issue 21): the save stands, the mismatch is the next step
  const regulation = plan.org
    ? (await regulationProblems(place.config, plan.org, plan.text)).problems.filter((p) => p.severity === 'error')
    : [];
  return { kind: 'saved', changed: plan.changed, commit, removed: removed?.removed ?? [], removal: removed?.commit, regulation };
}

const casesIfAny = (dir: string) => loadCaseFiles(dir, () => undefined).catch(() => []);

/** The Git blob id of a file's bytes: what `git hash-object` prints, so the id is the same in every clone. */
const blobId = (bytes: Buffer): string => createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');

/**
 * The shipped example cases still in the cases folder, exactly as shipped (path and bytes: lib/organization/example.ts),
 * as paths under it (`2026/K-2026-001.md`). A case she registered, or an example she changed, is never among them.
 */
export function findExampleCases(cases: string): string[] {
  const found = caseFileNames(cases).flatMap((name) => {
    const path = name.split(sep).join('/');
    const bytes = readTextIfExists(join(cases, name)) === undefined ? undefined : readFileSync(join(cases, name));
    return bytes ? [{ path, blob: blobId(bytes) }] : [];
  });
  return exampleCasesAmong(found).map((f) => f.path);
}

/**
 * Remove the shipped example cases (and only those: `findExampleCases`) and commit the removal as one commit, which
 * `git revert` undoes. The project wrote these files; no other file is touched.
 */
export async function removeExampleCases(place: SettingsPlace): Promise<{ removed: string[]; commit?: CommitOutcome }> {
  const examples = findExampleCases(place.cases);
  if (!examples.length) return { removed: [] };
  const paths = examples.map((p) => join(place.cases, p));
  for (const p of paths) rmSync(p);
  // a year folder the removal emptied goes too (rmdir refuses a folder that still holds anything)
  for (const folder of new Set(paths.map((p) => dirname(p))))
    try {
      rmdirSync(folder);
    } catch {
      // not empty: it holds her own cases
    }
  const commit = place.sharing
    ? await place.sharing.commit(
        paths,
        `Voorbeelddossiers verwijderd: ${examples.map((p) => p.replace(/^.*\//, '').replace(/\.md$/, '')).join(', ')}`,
      )
    : undefined;
  return { removed: examples, commit };
}
