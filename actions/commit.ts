import type { CommitOutcome } from '../io/sharing.ts';
import type { Workspace } from './workspace.ts';

export type { CommitOutcome };

/**
 * Commit exactly `paths` (under the cases folder) with `message`, which names case and action only, never
 * personal data: `K-2026-005: klager gehoord (art. 5.2)`. The commit is local and quick; the sharing pushes it in
 * the background (io/sharing.ts).
 */
export async function commitPaths(ws: Workspace, paths: readonly string[], message: string): Promise<CommitOutcome> {
  if (!ws.sharing) return { kind: 'no-repo' };
  return ws.sharing.commit([...paths], message);
}
