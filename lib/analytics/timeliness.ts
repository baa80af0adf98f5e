import type { Period } from './periods.ts';
import { isAnswered, type ReportCase } from './report-case.ts';
import { maximum, median, percentile, share } from './stats.ts';

/** A bar of the handling-time distribution: working days from `from` to `to` (null: no upper bound). */
export interface HandlingBucket {
  label: string;
  from: number;
  to: number | null;
  count: number;
}

/** Art. 2.1, 5.4: were complaints handled in writing within the handling term? */
export interface Timeliness {
  /** Cases with a written response (resolved or escalated). */
  answered: number;
  /** Of those, answered on or before the due date. */
  on_time: number;
  /** Of those, answered after the due date. */
  late: number;
  /** Open cases already past their due date: late too, though not yet answered. */
  open_overdue: number;
  /** on_time / (answered + open_overdue); null when there is nothing to judge. Withdrawn cases do not count. */
  share_on_time: number | null;
  /** Working days from receipt to written response, over the answered cases. */
  median_workdays: number | null;
  /** 90th percentile, nearest-rank (see stats.ts). */
  p90_workdays: number | null;
  max_workdays: number | null;
  distribution: HandlingBucket[];
}

/** The distribution's buckets, in working days; the handling term (20) is a bucket edge. */
export const HANDLING_BUCKETS: readonly Omit<HandlingBucket, 'count'>[] = [
  { label: '0–5', from: 0, to: 5 },
  { label: '6–10', from: 6, to: 10 },
  { label: '11–15', from: 11, to: 15 },
  { label: '16–20', from: 16, to: 20 },
  { label: '21–30', from: 21, to: 30 },
  { label: '31 of meer', from: 31, to: null },
];

/** Timeliness of a set of cases (e.g. those received in one year). */
export function timeliness(cases: readonly ReportCase[]): Timeliness {
  const days: number[] = [];
  let on_time = 0;
  let late = 0;
  let open_overdue = 0;
  for (const c of cases) {
    if (c.deadline.state === 'closed_on_time') on_time++;
    else if (c.deadline.state === 'closed_late') late++;
    else if (c.deadline.state === 'overdue') open_overdue++;
    if (isAnswered(c) && c.handling_workdays !== null) days.push(c.handling_workdays);
  }
  const answered = on_time + late;
  return {
    answered,
    on_time,
    late,
    open_overdue,
    share_on_time: share(on_time, answered + open_overdue),
    median_workdays: median(days),
    p90_workdays: percentile(days, 90),
    max_workdays: maximum(days),
    distribution: HANDLING_BUCKETS.map((b) => ({ ...b, count: days.filter((d) => d >= b.from && (b.to === null || d <= b.to)).length })),
  };
}

/** Timeliness per period, by the period in which the cases were received (the trend over time). */
export function timelinessTrend(cases: readonly ReportCase[], periods: readonly Period[]): { period: Period; timeliness: Timeliness }[] {
  const groups = periods.map(() => [] as ReportCase[]);
  for (const c of cases) {
    const i = periods.findIndex((p) => c.received >= p.start && c.received <= p.end);
    if (i >= 0) groups[i]!.push(c);
  }
  return periods.map((period, i) => ({ period, timeliness: timeliness(groups[i]!) }));
}
