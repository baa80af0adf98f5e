import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { planRetention, type RetentionAction } from '../lib/cases/retention-plan.ts';
import type { ErasureReach } from '../lib/cases/erasure-words.ts';
import { validateCases } from '../lib/cases/validate.ts';
import { erasureEntryPath, erasureEntryText, type RemovalReason } from '../lib/history/erasure-log.ts';
import { InputError, type Problem } from '../lib/problems/problems.ts';
import { loadCaseFiles } from '../io/case-files.ts';
import { writeFileAtomic } from '../io/atomic-write.ts';
import { erasureReach } from '../io/erasure.ts';
import type { ErasureRun } from '../io/sharing.ts';
import { commitPaths, type CommitOutcome } from './commit.ts';
import type { Workspace } from './workspace.ts';

export type { RemovalReason };

/** The commit message of a removal: case and reason, never personal data. */
const MESSAGE: Record<RemovalReason, string> = {
  retention: 'persoonsgegevens verwijderd (bewaartermijn)',
  request: 'persoonsgegevens verwijderd op verzoek (AVG art. 17)',
};

/** What the history erasure did (or why it could not finish), once it ran; undefined without Git. */
export type HistoryOutcome = ErasureRun | undefined;

/** What a retention run found or did. */
export type RetentionOutcome =
  /** A case file has errors: nothing is planned, so nothing is missed or half done. */
  | { kind: 'invalid-cases'; errorCount: number; problems: Problem[] }
  /** The plan cannot be made (an open case asked for erasure, a file that cannot be anonymized). */
  | { kind: 'refused'; error: InputError }
  /** The plan, and per case how far it reaches (its versions in Git, attachments, the remote), where Git is. */
  | { kind: 'planned'; plan: RetentionAction[]; reach: Map<string, ErasureReach> }
  /**
   * Done in the work tree and committed; `history` carries it through every commit of every branch, the shared
   * remote and (at their next sync) the other clones; the werkplek lets it run in the background, the command waits.
   */
  | { kind: 'applied'; plan: RetentionAction[]; commits: CommitOutcome[]; history: Promise<HistoryOutcome> };

/** Who erases: the organizer chosen in this clone (organization.yml key), else Git's user name. */
async function who(ws: Workspace): Promise<string> {
  const git = ws.sharing?.git;
  return (await git?.organizerKey()) ?? (await git?.identity())?.name ?? 'onbekend';
}

/**
 * Retention (AVG art. 5(1)(e)) and erasure on request (art. 17, `caseId`): load every case → check them all →
 * plan the anonymized texts → with `apply`, per case: write it atomically, remove its attachments folder, add an
 * entry to the erasure log (art. 5(2); no personal data), commit; then take the old versions out of the history
 * of every branch, here and on the shared remote (`history`). A dry run (no `apply`) writes nothing. Every new text
 * passes the same checks as `npm run validate` before anything is written.
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
  if (!o.apply) {
    const reach = new Map<string, ErasureReach>();
    const state = ws.sharing && (await ws.sharing.git.state());
    if (ws.sharing && state?.repo)
      for (const a of plan) reach.set(a.id, await erasureReach(ws.sharing.git, resolve(a.file), state.upstream !== undefined));
    return { kind: 'planned', plan, reach };
  }
  const reason: RemovalReason = o.caseId === undefined ? 'retention' : 'request';
  const by = await who(ws);
  // noted before anything is written: a run stopped anywhere after this is finished by the next sharing round
  await ws.sharing?.noteErasures(plan.map((a) => a.file));
  const commits: CommitOutcome[] = [];
  for (const a of plan) {
    await writeFileAtomic(a.file, a.text);
    const rel = relative(ws.cases, a.file).split('\\').join('/');
    const entry = join(ws.cases, erasureEntryPath({ date: ws.today, case: a.id }));
    mkdirSync(dirname(entry), { recursive: true });
    await writeFileAtomic(entry, erasureEntryText({ date: ws.today, case: a.id, reason, by, file: rel }));
    // the case's attachments hold personal data too: removed with it (the werkplek wrote them)
    const attachments = a.file.replace(/\.md$/, '');
    const hadAttachments = existsSync(attachments);
    rmSync(attachments, { recursive: true, force: true });
    commits.push(await commitPaths(ws, [a.file, entry, ...(hadAttachments ? [attachments] : [])], `${a.id}: ${MESSAGE[reason]}`));
  }
  const committed = plan.filter((_, i) => commits[i]!.kind === 'committed').map((a) => a.file);
  const history: Promise<HistoryOutcome> =
    ws.sharing && committed.length ? ws.sharing.eraseHistory(committed, reason) : Promise.resolve(undefined);
  return { kind: 'applied', plan, commits, history };
}
