import type { CaseDeadline } from '../deadlines/deadlines.ts';
import { flagId } from './issue.ts';
import type { FlagSubject } from './desired-issues.ts';
import type { SyncAction } from './plan.ts';
import type { IsoDate } from '../dates/iso-date.ts';
import { formatAnnotation } from '../problems/problems.ts';
import { tableCell } from './markdown.ts';

/** What became of one planned action. */
export type ActionOutcome =
  | { status: 'done'; number: number | null }
  | { status: 'dry_run' }
  | { status: 'not_done'; why: 'write_budget' | 'stopped_by_error' }
  | { status: 'failed'; message: string };

/** An action with its outcome. */
export interface ActionResult {
  action: SyncAction;
  outcome: ActionOutcome;
}

/** Everything the step summary shows. */
export interface SyncReport {
  repository: string;
  today: IsoDate;
  /** The organization's time zone (organization.yml `time_zone`), in which `today` is counted. */
  timeZone: string;
  dryRun: boolean;
  results: ActionResult[];
  reads: number;
  writes: number;
  /** Lines shown above the table (dry run, no token, budget reached, the error that stopped the run). */
  notes: string[];
}

const KIND_NAMES = {
  deadline: 'deadline',
  late_filing: 'late filing (art. 4.1)',
  retention: 'retention',
  invalid: 'invalid case files',
  calendar: 'decreed days (art. 3 lid 3 Atw)',
} as const;

/** One line describing an action, the same in a dry run and a real run. No personal data: ids, states, numbers. */
export function describeAction(a: SyncAction): string {
  switch (a.type) {
    case 'create_label':
      return `create label "${a.label.name}"`;
    case 'create':
      return `open an issue for ${a.key} (${KIND_NAMES[a.kind]}, ${a.state}): "${a.title}"`;
    case 'update': {
      const fields = Object.keys(a.patch).filter((k) => k !== 'open');
      if (a.change === 'duplicate')
        return `close issue #${a.number} for ${a.key} (${KIND_NAMES[a.kind]}) as a duplicate of #${a.duplicateOf}: comment linking #${a.duplicateOf}`;
      const what = { edit: 'edit', transition: `${a.from} → ${a.state}`, reopen: 'reopen', close: 'close' }[a.change];
      const parts = [fields.length ? `set ${fields.join(', ')}` : '', a.comment ? 'comment' : ''].filter(Boolean).join(', ');
      return `${what} issue #${a.number} for ${a.key} (${KIND_NAMES[a.kind]})${parts ? `: ${parts}` : ''}`;
    }
    case 'keep':
      return `leave issue #${a.number} for ${a.key} (${KIND_NAMES[a.kind]}): ${{ up_to_date: 'up to date', closed_by_hand: 'closed by hand, stays closed', reopened_by_hand: 'reopened by hand, stays open', case_invalid: 'its case file is invalid, left as it is' }[a.why]}`;
  }
}

const DONE: Record<string, string> = {
  create_label: 'created',
  create: 'opened',
  edit: 'updated',
  transition: 'state changed, commented',
  reopen: 'reopened, commented',
  close: 'closed, commented',
  duplicate: 'closed as a duplicate, commented',
  case_invalid: 'case file invalid: left as it is',
  up_to_date: 'nothing to do',
  closed_by_hand: 'closed by hand: left closed',
  reopened_by_hand: 'reopened by hand: left open',
};

const outcomeText = (r: ActionResult): string => {
  const o = r.outcome;
  const a = r.action;
  switch (o.status) {
    case 'done':
      return DONE[a.type === 'update' ? a.change : a.type === 'keep' ? a.why : a.type] ?? 'done';
    case 'dry_run':
      return a.type === 'keep' ? (DONE[a.why] ?? '') : `would ${describeAction(a).split(/[:(]/)[0]?.trim()}`;
    case 'not_done':
      return o.why === 'write_budget' ? 'not done: write budget reached' : 'not done: run stopped';
    case 'failed':
      return `failed: ${o.message}`;
  }
};

const cell = tableCell;

/**
 * The Markdown step summary: a table of flagged cases and what the sync did to each issue.
 * `subjects` give the deadline facts per case. Case ids, dates, states and issue numbers only.
 */
export function renderSummary(report: SyncReport, subjects: readonly FlagSubject[]): string {
  const facts = new Map<string, CaseDeadline | null>(subjects.map((s) => [flagId(s.kind, s.key), s.deadline]));
  const rows = report.results
    .filter((r) => r.action.type !== 'create_label')
    .map((r) => {
      const a = r.action as Exclude<SyncAction, { type: 'create_label' }>;
      const d = facts.get(flagId(a.kind, a.key)) ?? null;
      const number =
        a.type === 'create'
          ? r.outcome.status === 'done' && r.outcome.number !== null
            ? `#${r.outcome.number}`
            : 'new'
          : a.type === 'update' && a.change === 'duplicate'
            ? `#${a.number} (duplicate of #${a.duplicateOf})`
            : `#${a.number}`;
      const left = d?.workdays_left ?? null;
      return `| ${cell(a.key)} | ${KIND_NAMES[a.kind]} | ${a.state} | ${d?.due ?? ''} | ${left === null ? '' : String(left)} | ${number} | ${cell(outcomeText(r))} |`;
    });
  const labels = report.results.filter((r) => r.action.type === 'create_label');
  const flagged = report.results.filter((r) => r.action.type !== 'create_label' && r.action.state !== 'none').length;
  return [
    '## Deadline watch',
    '',
    `${report.repository}, ${report.today} (${report.timeZone}): ${flagged} flag(s); ${report.writes} write(s), ${report.reads} read(s)${report.dryRun ? ', dry run' : ''}.`,
    '',
    ...report.notes.map((n) => `> ${n}`),
    ...(report.notes.length ? [''] : []),
    ...(rows.length
      ? ['| Case | Flag | State | Due | Working days left | Issue | Action |', '|---|---|---|---|---|---|---|', ...rows]
      : ['No case needs a flag and no flag issue is open.']),
    ...(labels.length
      ? [
          '',
          `Labels: ${labels.map((r) => `\`${(r.action as Extract<SyncAction, { type: 'create_label' }>).label.name}\` (${outcomeText(r)})`).join(', ')}.`,
        ]
      : []),
    '',
  ].join('\n');
}

/** `::warning` annotations for overdue cases, pointing at their case files. */
export function overdueAnnotations(subjects: readonly FlagSubject[]): string[] {
  return subjects
    .filter((s) => s.kind === 'deadline' && s.flag?.state === 'overdue' && s.deadline && s.file)
    .map((s) =>
      formatAnnotation({
        file: (s.file ?? '').replace(/\\/g, '/'),
        line: 1,
        field: `${s.key} overdue`,
        message: `${s.key}: handling deadline ${s.deadline?.due} passed ${-(s.deadline?.workdays_left ?? 0)} working day(s) ago (art. 5.4, 6.2); responsible: ${s.deadline?.organizer}`,
        severity: 'warning',
      }),
    );
}
