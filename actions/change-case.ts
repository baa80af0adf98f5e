import type { CaseData } from '../schemas/case.ts';
import { applyCaseChange, isEmptyChange, type CaseChange } from '../lib/cases/case-changes.ts';
import type { CaseRecord } from '../lib/cases/case-file.ts';
import { checkCaseFile } from '../lib/cases/validate.ts';
import type { Problem } from '../lib/problems/problems.ts';
import { writeFileAtomicSync, WriteFailedError, type AtomicWriteFs } from '../io/atomic-write.ts';
import { readTextIfExists, textHash } from '../io/case-write.ts';
import { shown } from '../io/files.ts';
import { CASE_ID } from '../schemas/case.ts';
import { commitPaths, type CommitOutcome } from './commit.ts';
import { caseFileOf, type Workspace } from './workspace.ts';

/** A change's plan from the case as it is now, or messages per input when the input itself is wrong. */
export type ChangePlan = CaseChange | { errors: Record<string, string[]> };

/** What became of a change to one case. */
export type ChangeOutcome =
  | { kind: 'not-found' }
  /** The file as it is cannot be read as a case: it is never written. */
  | { kind: 'invalid-file'; problems: Problem[] }
  /** The file changed since the form was loaded (`expectedHash`): nothing written. */
  | { kind: 'stale' }
  /** The input is wrong (messages per input), or the changed case would not be valid (its problems): nothing written. */
  | { kind: 'input'; errors: Record<string, string[]> }
  | { kind: 'refused'; problems: Problem[]; inputOf: (path: string) => string }
  | { kind: 'unchanged' }
  /** The disk refused the write (full, read-only): nothing written, no temporary file left. */
  | { kind: 'write-failed'; code: string }
  | { kind: 'saved'; id: string; path: string; data: CaseData; message: string; commit: CommitOutcome };

/**
 * The one writer of a change to a case (a step, the response, closing, escalating, withdrawing, reopening, causes,
 * improvements, a letter sent, the registration corrected): load → check → plan → write atomically → commit.
 * A refused change writes nothing; the new text is checked with the same rules as `npm run validate`.
 */
export async function changeCase(
  ws: Workspace,
  id: string,
  plan: (current: CaseRecord) => ChangePlan,
  o: { expectedHash?: string } = {},
): Promise<ChangeOutcome> {
  const path = CASE_ID.test(id) ? caseFileOf(ws.cases, id) : undefined;
  const text = path && readTextIfExists(path);
  if (!path || text === undefined) return { kind: 'not-found' };
  if (o.expectedHash !== undefined && o.expectedHash !== textHash(text)) return { kind: 'stale' };
  const current = checkCaseFile({ path: shown(path), text }, ws.schema, ws.org, ws.cal);
  if (!current.record) return { kind: 'invalid-file', problems: current.problems };
  const change = plan(current.record);
  if ('errors' in change) return { kind: 'input', errors: change.errors };
  if (isEmptyChange(change)) return { kind: 'unchanged' };
  const edited = applyCaseChange(text, change);
  if (!edited.ok) return { kind: 'input', errors: { '': [edited.message] } };
  if (edited.text === text) return { kind: 'unchanged' };
  const check = checkCaseFile({ path: shown(path), text: edited.text }, ws.schema, ws.org, ws.cal);
  if (!check.record) return { kind: 'refused', problems: check.problems, inputOf: change.inputOf ?? ((p) => p) };
  const written = writeOrCode(path, edited.text, false, ws.fs);
  if (written) return { kind: 'write-failed', code: written };
  const commit = await commitPaths(ws, [path], `${id}: ${change.message}`);
  return { kind: 'saved', id, path, data: check.record.data, message: change.message, commit };
}

/**
 * Write `text` atomically; the error code when the disk refuses it (ENOSPC, EROFS, EACCES, …: nothing written,
 * no temporary file left), `EEXIST` when an exclusive write finds the name taken, else undefined.
 */
export function writeOrCode(path: string, text: string | Uint8Array, exclusive = false, fs?: AtomicWriteFs): string | undefined {
  try {
    return writeFileAtomicSync(path, text, exclusive, fs) ? undefined : 'EEXIST';
  } catch (error) {
    if (error instanceof WriteFailedError) return error.code;
    throw error;
  }
}
