import { relative } from 'node:path';
import type { Workspace } from './workspace.ts';

/** What became of a commit: no Git here, committed (with the upstream it can be shared to, if any), or failed. */
export type CommitOutcome = { kind: 'no-repo' } | { kind: 'committed'; upstream?: string } | { kind: 'failed' };

/**
 * Commit exactly `paths` (under the cases folder) with `message`, which names case and action only, never
 * personal data: `K-2026-005: klager gehoord (art. 5.2)`.
 */
export async function commitPaths(ws: Workspace, paths: readonly string[], message: string): Promise<CommitOutcome> {
  if (!ws.git) return { kind: 'no-repo' };
  const state = await ws.git.state();
  if (!state.repo) return { kind: 'no-repo' };
  const r = await ws.git.commit(
    paths.map((p) => relative(ws.cases, p)),
    message,
  );
  return r.ok ? { kind: 'committed', upstream: state.upstream } : { kind: 'failed' };
}
