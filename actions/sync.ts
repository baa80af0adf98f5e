import { renameSync } from 'node:fs';
import { join, relative } from 'node:path';
import { nextCaseId } from '../lib/cases/case-number.ts';
import { renumberCaseText } from '../lib/cases/edit.ts';
import { writeFileAtomicSync } from '../io/atomic-write.ts';
import { readTextIfExists } from '../io/case-write.ts';
import { caseFileNames } from '../io/files.ts';
import type { Git } from '../io/git.ts';

/** What became of Synchroniseren. */
export type SyncOutcome =
  | { kind: 'no-repo' }
  | { kind: 'no-remote' }
  | { kind: 'unreachable'; renumbered: [string, string][] }
  | { kind: 'renumber-failed' }
  | { kind: 'push-failed'; renumbered: [string, string][] }
  | { kind: 'synced'; renumbered: [string, string][] };

/**
 * Synchroniseren: fetch, then renumber every case added here since the last share whose number the remote
 * meanwhile holds (a registration made while the remote was out of reach), then pull (with rebase; after a
 * renumbering with a merge) and push. A conflict aborts the pull: no file ever holds conflict markers.
 */
export async function syncCases(cases: string, git: Git): Promise<SyncOutcome> {
  const state = await git.state();
  if (!state.repo) return { kind: 'no-repo' };
  if (!state.upstream) return { kind: 'no-remote' };
  if (!(await git.fetch())) return { kind: 'unreachable', renumbered: [] };
  const renumbered = await renumberCollisions(cases, git, state.upstream);
  if (renumbered === undefined) return { kind: 'renumber-failed' };
  if (!(await (renumbered.length ? git.pullMerge() : git.pullRebase())).ok) return { kind: 'unreachable', renumbered };
  if (!(await git.push()).ok) return { kind: 'push-failed', renumbered };
  return { kind: 'synced', renumbered };
}

/**
 * Renumber every case added here since the last share whose file name the remote already holds (another
 * case): the next free number over the local and the remote cases, the `id` field and the file name, one
 * commit. Returns [old, new] ids, or undefined when a file could not be renumbered (nothing further is done).
 */
async function renumberCollisions(cases: string, git: Git, upstream: string): Promise<[string, string][] | undefined> {
  const done: [string, string][] = [];
  for (const rel of await git.addedSince(upstream)) {
    const m = /^(?:(.*)[\\/])?(K-(\d{4})-\d+)\.md$/.exec(rel);
    if (!m || !(await git.hasOn(upstream, rel))) continue;
    const [, folder, old, year] = m;
    const path = join(cases, rel);
    const text = readTextIfExists(path);
    if (text === undefined) continue;
    const id = nextCaseId([...caseFileNames(cases), ...(await git.caseNamesOn(upstream))], Number(year));
    const renamed = join(cases, folder ?? '', `${id}.md`);
    const r = renumberCaseText(text, id);
    if (!r.ok || readTextIfExists(renamed) !== undefined) return undefined;
    writeFileAtomicSync(path, r.text);
    renameSync(path, renamed);
    if (!(await git.commit([relative(cases, path), relative(cases, renamed)], `${id}: hernummerd, was ${old!} (nummer al in gebruik)`)).ok)
      return undefined;
    done.push([old!, id]);
  }
  return done;
}
