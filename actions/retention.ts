import { planRetention, type RetentionAction } from '../lib/cases/retention-plan.ts';
import { validateCases } from '../lib/cases/validate.ts';
import { InputError, type Problem } from '../lib/problems/problems.ts';
import { loadCaseFiles } from '../io/case-files.ts';
import { writeFileAtomic } from '../io/atomic-write.ts';
import { listAttachments } from '../io/attachments.ts';
import { removeAttachments } from './attachments.ts';
import { commitPaths, type CommitOutcome } from './commit.ts';
import type { Workspace } from './workspace.ts';

/** Why personal data is removed: the retention period ran out, or the person asked (AVG art. 17). */
export type RemovalReason = 'retention' | 'request';

/** The commit message of a removal: case and reason, never personal data. */
const MESSAGE: Record<RemovalReason, string> = {
  retention: 'persoonsgegevens verwijderd (bewaartermijn)',
  request: 'persoonsgegevens verwijderd op verzoek (AVG art. 17)',
};

/** What a retention run found or did. */
export type RetentionOutcome =
  /** A case file has errors: nothing is planned, so nothing is missed or half done. */
  | { kind: 'invalid-cases'; errorCount: number; problems: Problem[] }
  /** The plan cannot be made (an open case asked for erasure, a file that cannot be anonymized). */
  | { kind: 'refused'; error: InputError }
  | { kind: 'planned'; plan: RetentionAction[] }
  | { kind: 'applied'; plan: RetentionAction[]; commits: CommitOutcome[] };

/**
 * Retention (AVG art. 5(1)(e)) and erasure on request (art. 17, `caseId`): load every case → check them all →
 * plan the anonymized texts → with `apply`, write each atomically, remove its attachment folder
 * (`cases/2026/K-2026-007/`) and commit both. A dry run (no `apply`) writes nothing. Every new text passes the same checks as `npm run validate` before anything is written.
 */
export async function retention(
  ws: Workspace,
  o: { caseId?: string; apply: boolean; warn?: (line: string) => void },
): Promise<RetentionOutcome> {
  const files = await loadCaseFiles(ws.cases, o.warn);
  const result = validateCases(files, ws.org, ws.cal);
  if (result.errorCount > 0)
    return { kind: 'invalid-cases', errorCount: result.errorCount, problems: result.problems.filter((p) => p.severity === 'error') };
  let plan: RetentionAction[];
  try {
    plan = planRetention(files, result.cases, ws.org, ws.today, o.caseId);
  } catch (error) {
    if (error instanceof InputError) return { kind: 'refused', error };
    throw error;
  }
  // what the plan removes includes the attachments, when the case has any (its folder holds files)
  plan = plan.map((a) => {
    const n = listAttachments(a.file).length;
    return n ? { ...a, removed: [...a.removed, `attachments (${n} file${n === 1 ? '' : 's'})`] } : a;
  });
  if (!o.apply) return { kind: 'planned', plan };
  const reason: RemovalReason = o.caseId === undefined ? 'retention' : 'request';
  const commits: CommitOutcome[] = [];
  for (const a of plan) {
    await writeFileAtomic(a.file, a.text);
    // the attachments go with the personal data; Git's history of them is rewritten elsewhere (the erasure's history step)
    const hadFolder = removeAttachments(a.file);
    commits.push(await commitPaths(ws, hadFolder ? [a.file, a.attachments] : [a.file], `${a.id}: ${MESSAGE[reason]}`));
  }
  return { kind: 'applied', plan, commits };
}
