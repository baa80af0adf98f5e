import { writesOf, type SyncAction, type SyncPlan } from '../../lib/github/plan.ts';
import { describeAction, type ActionResult } from '../../lib/github/summary.ts';
import { GitHubError, type IssueTracker } from './client.ts';

/** How to apply a plan. */
export interface ApplyOptions {
  /** Print the plan, write nothing. */
  dryRun: boolean;
  /** Stop before an action would take the run past this many writes (`--max-writes`). */
  maxWrites: number;
  log: (line: string) => void;
}

/** What {@link applyPlan} did. */
export interface ApplyResult {
  results: ActionResult[];
  /** Write requests made (0 in a dry run). */
  writes: number;
  /** Write requests planned in a dry run, or made. */
  planned: number;
  budgetReached: boolean;
  /** The failure that stopped the run, or null. */
  error: GitHubError | null;
}

async function perform(a: SyncAction, tracker: IssueTracker): Promise<number | null> {
  switch (a.type) {
    case 'create_label':
      await tracker.createLabel(a.label);
      return null;
    case 'create':
      return tracker.createIssue({ title: a.title, body: a.body, labels: a.labels, assignees: a.assignees });
    case 'update':
      // the edit first, then its comment: a crash in between can lose a comment, never duplicate one
      if (Object.keys(a.patch).length) await tracker.updateIssue(a.number, a.patch);
      if (a.comment !== null) await tracker.addComment(a.number, a.comment);
      return a.number;
    case 'keep':
      return a.number;
  }
}

/**
 * Carry out a plan in its order, one action at a time, logging each the same way in a dry run and a real
 * run. An action is skipped whole when its writes would pass the budget (so an edit is never split from its
 * comment); the next run plans it again. The first failure stops the run; what was done is reported.
 */
export async function applyPlan(plan: SyncPlan, tracker: IssueTracker | null, options: ApplyOptions): Promise<ApplyResult> {
  const results: ActionResult[] = [];
  let writes = 0;
  let used = 0; // writes made, or in a dry run planned, against the budget
  let budgetReached = false;
  let error: GitHubError | null = null;
  for (const action of plan.actions) {
    const cost = writesOf(action);
    if (cost === 0) {
      if (action.type === 'keep' && action.why !== 'up_to_date') options.log(`  ${describeAction(action)}`);
      results.push({ action, outcome: { status: 'done', number: action.type === 'keep' ? action.number : null } });
      continue;
    }
    if (error) {
      results.push({ action, outcome: { status: 'not_done', why: 'stopped_by_error' } });
      continue;
    }
    if (budgetReached || used + cost > options.maxWrites) {
      budgetReached = true;
      results.push({ action, outcome: { status: 'not_done', why: 'write_budget' } });
      continue;
    }
    if (options.dryRun || !tracker) {
      options.log(`  would ${describeAction(action)}`);
      results.push({ action, outcome: { status: 'dry_run' } });
      used += cost;
      continue;
    }
    const before = tracker.counts.writes;
    try {
      const number = await perform(action, tracker);
      options.log(`  did ${describeAction(action)}${action.type === 'create' ? ` → #${number}` : ''}`);
      results.push({ action, outcome: { status: 'done', number } });
    } catch (e) {
      error =
        e instanceof GitHubError
          ? e
          : new GitHubError(`${describeAction(action)} failed: ${(e as Error)?.message ?? String(e)}`, 0, { cause: e });
      options.log(`  FAILED to ${describeAction(action)}: ${error.message}`);
      results.push({ action, outcome: { status: 'failed', message: error.message } });
    } finally {
      writes += tracker.counts.writes - before;
      used += tracker.counts.writes - before;
    }
  }
  return { results, writes, planned: used, budgetReached, error };
}
