import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join, relative } from 'node:path';
import { nextCaseId } from '../lib/cases/case-number.ts';
import type { CaseRecord } from '../lib/cases/case-file.ts';
import { renumberCaseText } from '../lib/cases/edit.ts';
import { checkCaseFile } from '../lib/cases/validate.ts';
import type { Problem } from '../lib/problems/problems.ts';
import { writeFileAtomicSync } from '../io/atomic-write.ts';
import { caseFileNames } from '../io/files.ts';
import { writeOrCode } from './change-case.ts';
import { commitPaths, type CommitOutcome } from './commit.ts';
import type { Workspace } from './workspace.ts';

/** What became of sharing a registration: shared (its number taken), not shared and why, or nothing to share with. */
export type Shared = 'shared' | 'no-remote' | 'unreachable' | 'failed';

/** What became of a registration. */
export type RegisterOutcome =
  /** The new case would not be valid: nothing numbered, nothing written. */
  | { kind: 'refused'; problems: Problem[] }
  /** The asked-for id exists already: never overwritten. */
  | { kind: 'taken'; id: string; path: string }
  | { kind: 'write-failed'; code: string }
  | {
      kind: 'registered';
      id: string;
      path: string;
      record: CaseRecord;
      commit: CommitOutcome;
      shared: Shared;
      /** The number it first had, when another machine had taken it meanwhile. */
      renumberedFrom?: string;
    };

/**
 * Register a new case (art. 1.5, 4.5): check it as `npm run validate` would, then number it (after the local
 * cases and, when there is a remote, the remote's), write it exclusively (a number taken meanwhile is never
 * overwritten), commit it and share it at once so the number is taken; if another machine took it first, renumber.
 * `draft(id)` gives the new file's text for an id; `o.id` asks for one id (refused when it exists).
 */
export async function registerCase(
  ws: Workspace,
  draft: (id: string) => string,
  o: { year: number; id?: string },
): Promise<RegisterOutcome> {
  const place = (id: string) => join(ws.cases, String(o.year), `${id}.md`);
  // a first case: the cases folder may not exist yet
  const local = () => (existsSync(ws.cases) ? caseFileNames(ws.cases) : []);
  // check first, with the number it would get here: nothing is numbered or written for an invalid case
  const probe = o.id ?? nextCaseId(local(), o.year);
  const check = checkCaseFile({ path: place(probe), text: draft(probe) }, ws.schema, ws.org, ws.cal);
  if (!check.record) return { kind: 'refused', problems: check.problems };

  const git = ws.git;
  const state = git ? await git.state() : { repo: false as const };
  const upstream = state.repo ? state.upstream : undefined;
  const remoteNames = async (): Promise<string[]> => (git && upstream && (await git.fetch()) ? await git.caseNamesOn(upstream) : []);
  let id = o.id ?? nextCaseId([...local(), ...(await remoteNames())], o.year);
  let path = place(id);
  for (;;) {
    const failed = writeOrCode(path, draft(id), true, ws.fs);
    if (!failed) break;
    if (failed !== 'EEXIST') return { kind: 'write-failed', code: failed };
    if (o.id) return { kind: 'taken', id, path };
    id = nextCaseId([...local(), id], o.year);
    path = place(id);
  }
  const record = checkCaseFile({ path, text: draft(id) }, ws.schema, ws.org, ws.cal).record!;
  const commit = await commitPaths(ws, [path], `${id}: klacht geregistreerd (art. 4.5)`);
  const done = (shared: Shared, renumberedFrom?: string): RegisterOutcome => ({
    kind: 'registered',
    id,
    path,
    record: renumberedFrom ? checkCaseFile({ path, text: readFileSync(path, 'utf8') }, ws.schema, ws.org, ws.cal).record! : record,
    commit,
    shared,
    renumberedFrom,
  });
  if (!git || !upstream || commit.kind !== 'committed') return done('no-remote');
  // share now, so the number is taken; when another machine took it first, renumber before sharing again
  let renumberedFrom: string | undefined;
  for (let attempt = 0; attempt < 5; attempt++) {
    if ((await git.push()).ok) return done('shared', renumberedFrom);
    if (!(await git.fetch())) return done('unreachable', renumberedFrom);
    if (await git.hasOn(upstream, relative(ws.cases, path))) {
      const old = id;
      await git.uncommitLast(relative(ws.cases, path));
      id = nextCaseId([...local(), ...(await git.caseNamesOn(upstream))], o.year);
      const renamed = place(id);
      const r = renumberCaseText(readFileSync(path, 'utf8'), id);
      if (!r.ok) return done('failed', renumberedFrom);
      writeFileAtomicSync(path, r.text, false, ws.fs);
      renameSync(path, renamed);
      path = renamed;
      if (!(await git.commit([relative(ws.cases, path)], `${id}: klacht geregistreerd (art. 4.5)`)).ok)
        return { ...(done('failed', old) as Extract<RegisterOutcome, { kind: 'registered' }>), commit: { kind: 'failed' } };
      renumberedFrom ??= old;
    }
    if (!(await git.pullRebase()).ok) return done('failed', renumberedFrom);
  }
  return done('failed', renumberedFrom);
}
