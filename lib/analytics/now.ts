import type { CaseDeadline } from '../deadlines/deadlines.ts';
import type { ReportCase } from './report-case.ts';

/** What needs attention today: open cases, most urgent first, and the cases filed late (art. 4.1). */
export interface NowView {
  open: CaseDeadline[];
  overdue: number;
  due_soon: number;
  filed_late: CaseDeadline[];
}

/** Open cases with deadline and working days left (overdue first), and every case filed after its filing deadline. */
export function nowView(cases: readonly ReportCase[]): NowView {
  const open = cases
    .filter((c) => c.status === 'open')
    .map((c) => c.deadline)
    .sort((a, b) => (a.workdays_left ?? 0) - (b.workdays_left ?? 0) || a.due.localeCompare(b.due) || a.id.localeCompare(b.id));
  const filed_late = cases
    .filter((c) => c.deadline.filed_late)
    .map((c) => c.deadline)
    .sort((a, b) => b.received.localeCompare(a.received) || a.id.localeCompare(b.id));
  return {
    open,
    overdue: open.filter((d) => d.state === 'overdue').length,
    due_soon: open.filter((d) => d.state === 'due_soon' || d.state === 'due_today').length,
    filed_late,
  };
}
