import { checkCaseFile } from '../lib/cases/validate.ts';
import type { Problem } from '../lib/problems/problems.ts';
import { readTextIfExists, textHash } from '../io/case-write.ts';
import { shown } from '../io/files.ts';
import { CASE_ID } from '../schemas/case.ts';
import { writeOrCode } from './change-case.ts';
import { commitPaths, type CommitOutcome } from './commit.ts';
import { caseFileOf, type Workspace } from './workspace.ts';

/** What became of a repair of a case file that could not be read. */
export type RepairOutcome =
  | { kind: 'not-found' }
  /** The file changed since the repair page was loaded (`expectedHash`): nothing written. */
  | { kind: 'stale' }
  /** The new text is still not a valid case (its problems, with their lines in the new text): nothing written. */
  | { kind: 'refused'; problems: Problem[] }
  | { kind: 'unchanged' }
  | { kind: 'write-failed'; code: string }
  | { kind: 'saved'; id: string; path: string; commit: CommitOutcome };

/**
 * Replace the text of case file `id` by a repaired `text` (the werkplek's repair page; an editor does the same):
 * checked with the same rules as `npm run validate` and kept under its own number, else refused and nothing
 * written; then written atomically and committed as every other save.
 */
export async function repairCase(ws: Workspace, id: string, text: string, o: { expectedHash?: string } = {}): Promise<RepairOutcome> {
  const path = CASE_ID.test(id) ? caseFileOf(ws.cases, id) : undefined;
  const current = path && readTextIfExists(path);
  if (!path || current === undefined) return { kind: 'not-found' };
  if (o.expectedHash !== undefined && o.expectedHash !== textHash(current)) return { kind: 'stale' };
  if (text === current) return { kind: 'unchanged' };
  const check = checkCaseFile({ path: shown(path), text }, ws.schema, ws.org, ws.cal);
  const errors = check.problems.filter((p) => p.severity === 'error');
  if (!check.record || errors.length) return { kind: 'refused', problems: errors };
  // the file's name is its number: a repair that changes the number would leave two names for one case
  if (check.record.data.id !== id)
    return {
      kind: 'refused',
      problems: [
        {
          file: shown(path),
          line: check.idLine,
          field: 'id',
          message: `het dossiernummer moet ${id} blijven; zet id: ${id} terug`,
          severity: 'error',
        },
      ],
    };
  const written = writeOrCode(path, text, false, ws.fs);
  if (written) return { kind: 'write-failed', code: written };
  const commit = await commitPaths(ws, [path], `${id}: dossier hersteld`);
  return { kind: 'saved', id, path, commit };
}
