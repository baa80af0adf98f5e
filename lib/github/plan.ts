import {
  BASE_LABEL,
  MANAGED_LABELS,
  flagId,
  isManagedLabel,
  parseMarker,
  renderMarker,
  type FlagKind,
  type FlagMarker,
  type FlagState,
  type LabelSpec,
  type TrackedIssue,
} from './issue.ts';
import { STATE_NAMES, type Flag, type FlagSubject } from './desired-issues.ts';

/** Fields of an issue to change; absent fields stay as they are. */
export interface IssuePatch {
  title?: string;
  body?: string;
  labels?: string[];
  assignees?: string[];
  /** Open (reopen) or close the issue. */
  open?: boolean;
}

/** What the action is about: shown in the log and the step summary. */
export interface ActionSubject {
  kind: FlagKind;
  /** Case id, or `retention`. */
  key: string;
  /** The state the issue will show (`none` when it is closed). */
  state: FlagState;
  /** The state its marker showed before (`none` for a new issue). */
  from: FlagState;
}

/** One step of a sync plan. Writes are counted per action, so a budget never splits an edit from its comment. */
export type SyncAction =
  | { type: 'create_label'; label: LabelSpec }
  | ({ type: 'create'; title: string; body: string; labels: string[]; assignees: string[] } & ActionSubject)
  | ({
      type: 'update';
      number: number;
      /** edit: content only; transition: new state (with comment); reopen; close; duplicate: close a second issue of one flag. */
      change: 'edit' | 'transition' | 'reopen' | 'close' | 'duplicate';
      patch: IssuePatch;
      comment: string | null;
      /** duplicate: the issue that stays (the oldest). */
      duplicateOf?: number;
    } & ActionSubject)
  | ({
      type: 'keep';
      number: number;
      /**
       * up_to_date; closed_by_hand (left closed, see docs/deadline-watch.md); reopened_by_hand (left open); case_invalid (its
       * case file does not validate: the issue stays as it is until the file is fixed).
       */
      why: 'up_to_date' | 'closed_by_hand' | 'reopened_by_hand' | 'case_invalid';
    } & ActionSubject);

/** The result of {@link planSync}. */
export interface SyncPlan {
  actions: SyncAction[];
  /** Issues with our label but no readable marker: left alone, reported. */
  unrecognized: number[];
}

/** Write requests an action makes. */
export function writesOf(a: SyncAction): number {
  switch (a.type) {
    case 'create_label':
    case 'create':
      return 1;
    case 'update':
      return 1 + (a.comment === null ? 0 : 1);
    case 'keep':
      return 0;
  }
}

/** Write requests of a whole plan. */
export const planWrites = (plan: SyncPlan): number => plan.actions.reduce((n, a) => n + writesOf(a), 0);

const SEVERITY: Record<FlagState, number> = {
  due_soon: 1,
  due_today: 2,
  overdue: 3,
  late: 1,
  past_retention: 1,
  invalid: 1,
  decreed_days: 1,
  none: 0,
};
const ORDER: Record<FlagState, number> = {
  invalid: 0,
  overdue: 0,
  due_today: 1,
  due_soon: 2,
  late: 3,
  past_retention: 4,
  decreed_days: 5,
  none: 6,
};

const sameSet = (a: readonly string[], b: readonly string[]) => {
  const x = new Set(a.map((s) => s.toLowerCase()));
  const y = new Set(b.map((s) => s.toLowerCase()));
  return x.size === y.size && [...x].every((s) => y.has(s));
};

const markerOf = (s: FlagSubject, flag: Flag): FlagMarker => ({
  kind: s.kind,
  key: s.key,
  state: flag.state,
  assignees: flag.assignees,
  cases: flag.cases,
});
const bodyOf = (s: FlagSubject, flag: Flag) => `${renderMarker(markerOf(s, flag))}\n${flag.body}`;
/** Labels after the sync: people's own labels kept, the managed ones replaced by `managed`. */
const labelsWith = (issue: TrackedIssue, managed: readonly string[]) => [...issue.labels.filter((l) => !isManagedLabel(l)), ...managed];
/** Assignees after the sync: the ones it set before replaced by `wanted`; the ones people added kept. */
const assigneesWith = (issue: TrackedIssue, previous: readonly string[], wanted: readonly string[]) => {
  const old = new Set(previous.map((l) => l.toLowerCase()));
  const kept = issue.assignees.filter((l) => !old.has(l.toLowerCase()));
  return [...kept, ...wanted.filter((w) => !kept.some((k) => k.toLowerCase() === w.toLowerCase()))];
};

/** Whether the new flag is news to someone who saw the old marker: a comment, or a reopen of a hand-closed issue. */
function isNews(kind: FlagKind, before: FlagMarker, flag: Flag): boolean {
  if (before.state === 'none') return true;
  switch (kind) {
    case 'deadline':
      return SEVERITY[flag.state] > SEVERITY[before.state];
    case 'late_filing':
      return false; // art. 4.1: flagged once; a hand-closed late-filing issue stays closed
    case 'retention':
    case 'invalid':
      return flag.cases.some((id) => !before.cases.includes(id));
    case 'calendar':
      return false; // raised once; a hand-closed issue stays closed until the list is updated and it settles
  }
}

function changeComment(s: FlagSubject, before: FlagMarker, flag: Flag, reopening: boolean): string | null {
  if (reopening) return `Opnieuw geopend: ${flag.headline}`;
  if (s.kind === 'retention' || s.kind === 'invalid') {
    const added = flag.cases.filter((id) => !before.cases.includes(id));
    const what = s.kind === 'retention' ? 'Nieuw over de bewaartermijn' : 'Nieuw ongeldig';
    return added.length ? `${what}: ${added.join(', ')}.` : null;
  }
  if (before.state === flag.state) return null;
  return `Stand gewijzigd: ${STATE_NAMES[before.state]} → **${STATE_NAMES[flag.state]}**. ${flag.headline}`;
}

function planOne(s: FlagSubject, issue: TrackedIssue | undefined, before: FlagMarker | undefined): SyncAction | null {
  const flag = s.flag;
  const subject = (state: FlagState): ActionSubject => ({ kind: s.kind, key: s.key, state, from: before?.state ?? 'none' });
  if (!issue || !before) {
    if (!flag) return null;
    return {
      type: 'create',
      ...subject(flag.state),
      title: flag.title,
      body: bodyOf(s, flag),
      labels: flag.labels,
      assignees: flag.assignees,
    };
  }
  if (!flag) {
    // the case needs no flag: close what the sync opened; leave an issue someone reopened by hand
    if (!issue.open || before.state === 'none')
      return { type: 'keep', ...subject('none'), number: issue.number, why: issue.open ? 'reopened_by_hand' : 'up_to_date' };
    const body = issue.body.replace(/<!-- klachtenregeling [^>]*? -->/, renderMarker({ ...before, state: 'none' }));
    return {
      type: 'update',
      ...subject('none'),
      number: issue.number,
      change: 'close',
      patch: { open: false, body, labels: labelsWith(issue, [BASE_LABEL.name]) },
      comment: s.settled,
    };
  }
  // closed by hand while flagged: stays closed unless the situation got worse (README: hand-closed issues)
  const reopening = !issue.open && isNews(s.kind, before, flag);
  if (!issue.open && !reopening) return { type: 'keep', ...subject(before.state), number: issue.number, why: 'closed_by_hand' };
  const patch: IssuePatch = {};
  const body = bodyOf(s, flag);
  if (issue.title !== flag.title) patch.title = flag.title;
  if (issue.body !== body) patch.body = body;
  const labels = labelsWith(issue, flag.labels);
  if (!sameSet(issue.labels, labels)) patch.labels = labels;
  if (!sameSet(before.assignees, flag.assignees)) patch.assignees = assigneesWith(issue, before.assignees, flag.assignees);
  if (reopening) patch.open = true;
  const comment = changeComment(s, before, flag, reopening);
  if (Object.keys(patch).length === 0 && comment === null)
    return { type: 'keep', ...subject(flag.state), number: issue.number, why: 'up_to_date' };
  const change = reopening ? 'reopen' : before.state !== flag.state ? 'transition' : 'edit';
  return { type: 'update', ...subject(flag.state), number: issue.number, change, patch, comment };
}

/** Close a second open issue of one flag, pointing at the one that stays. */
function duplicateClose(issue: TrackedIssue, marker: FlagMarker, keep: number): SyncAction {
  return {
    type: 'update',
    kind: marker.kind,
    key: marker.key,
    state: 'none',
    from: marker.state,
    number: issue.number,
    change: 'duplicate',
    duplicateOf: keep,
    patch: { open: false, body: issue.body.replace(/<!-- klachtenregeling [^>]*? -->/, renderMarker({ ...marker, state: 'none' })) },
    comment: `Dubbel issue: dit signaal wordt bijgehouden in #${keep}. Dit issue wordt gesloten als duplicaat.`,
  };
}

/**
 * The plan that brings GitHub's flag issues in step with the cases: pure, the same input gives the same
 * plan. It looks only at the cases and at each issue's open/closed state, title, body (with the marker the
 * sync wrote), labels and assignees; never at comments or at who made the last change, so it cannot react to
 * its own writes. Rules:
 * - a subject with a flag and no issue gets one (`create`);
 * - an open issue gets the flag's title, body and labels; a changed state adds one comment;
 * - an issue whose subject needs no flag is closed with a comment, unless someone reopened it by hand;
 * - an issue someone closed by hand stays closed, unless the news is worse (a deadline issue moving up
 *   due_soon → due_today → overdue, or new cases past retention); a late-filing issue is raised once;
 * - two open issues with one marker are a defect: the oldest stays, the others are closed as duplicates
 *   with a comment linking it; issues are recognised by their marker, also when a person removed the label;
 * - an issue of a case in `held` (its file is there but invalid) is left as it is.
 * Most urgent first: overdue, due today, due soon, late filings, retention, closings.
 */
export function planSync(
  subjects: readonly FlagSubject[],
  issues: readonly TrackedIssue[],
  held: ReadonlySet<string> = new Set(),
): SyncPlan {
  const byId = new Map<string, { issue: TrackedIssue; marker: FlagMarker }>();
  const unrecognized: number[] = [];
  const actions: SyncAction[] = [];
  // one issue per flag: an open one before a closed one, then the oldest
  const sorted = [...issues].sort((a, b) => Number(b.open) - Number(a.open) || a.number - b.number);
  for (const issue of sorted) {
    const marker = parseMarker(issue.body);
    if (!marker) {
      // an issue that lost its label but kept our marker is still ours; one without a marker is not
      if (issue.labels.some((l) => l.toLowerCase() === BASE_LABEL.name.toLowerCase())) unrecognized.push(issue.number);
      continue;
    }
    const id = flagId(marker.kind, marker.key);
    const first = byId.get(id);
    if (!first) byId.set(id, { issue, marker });
    // a second open issue of one flag (a create GitHub finished after the client gave up, two runs at once):
    // a defect to repair, never "in step". The oldest stays; this one is closed with a link to it.
    else if (issue.open) actions.push(duplicateClose(issue, marker, first.issue.number));
  }
  const seen = new Set<string>();
  for (const s of subjects) {
    const id = flagId(s.kind, s.key);
    seen.add(id);
    const found = byId.get(id);
    const action = planOne(s, found?.issue, found?.marker);
    if (action) actions.push(action);
  }
  // issues whose case file is gone: close them like a settled case; a file that is there but invalid keeps its issue
  for (const [id, { issue, marker }] of byId) {
    if (seen.has(id)) continue;
    if (held.has(marker.key)) {
      actions.push({
        type: 'keep',
        kind: marker.kind,
        key: marker.key,
        state: marker.state,
        from: marker.state,
        number: issue.number,
        why: 'case_invalid',
      });
      continue;
    }
    const orphan: FlagSubject = {
      kind: marker.kind,
      key: marker.key,
      deadline: null,
      file: null,
      flag: null,
      settled: `Er is geen dossier ${marker.key} meer in de map met dossiers; dit issue wordt gesloten.`,
    };
    const action = planOne(orphan, issue, marker);
    if (action) actions.push(action);
  }
  const rank = (a: SyncAction) => (a.type === 'create_label' ? -1 : ORDER[a.state]);
  const keyOf = (a: SyncAction) => (a.type === 'create_label' ? a.label.name : `${a.key} ${a.kind}`);
  actions.sort((a, b) => rank(a) - rank(b) || keyOf(a).localeCompare(keyOf(b)));
  return { actions, unrecognized: unrecognized.sort((a, b) => a - b) };
}

/**
 * The plan with the labels it uses that the repository lacks, created first. `existing` are the
 * repository's label names (compared case-insensitively, as GitHub does).
 */
export function withMissingLabels(plan: SyncPlan, existing: readonly string[]): SyncPlan {
  const have = new Set(existing.map((l) => l.toLowerCase()));
  const used = new Set<string>();
  for (const a of plan.actions) {
    if (a.type === 'create') a.labels.forEach((l) => used.add(l.toLowerCase()));
    if (a.type === 'update') a.patch.labels?.forEach((l) => used.add(l.toLowerCase()));
  }
  const missing = MANAGED_LABELS.filter((l) => used.has(l.name.toLowerCase()) && !have.has(l.name.toLowerCase()));
  return {
    ...plan,
    actions: [
      ...missing.map((label): SyncAction => ({ type: 'create_label', label })),
      ...plan.actions.filter((a) => a.type !== 'create_label'),
    ],
  };
}
