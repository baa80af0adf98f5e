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
  /** Withdrawn after their due date without a written response: shown apart, they are not judged. */
  withdrawn_overdue: number;
  /** on_time / (answered + open_overdue); null when there is nothing to judge. Withdrawn cases do not count. */
  share_on_time: number | null;
  /** Working days from receipt to written response, over the answered cases. */
  median_workdays: number | null;
  /** 90th percentile, nearest-rank (see stats.ts). */
  p90_workdays: number | null;
  max_workdays: number | null;
  distribution: HandlingBucket[];
}

/**
 * The distribution's buckets, in working days, from the handling term (organization.yml's handling_workdays):
 * four up to the term, so the term is a bucket edge, then up to one and a half times the term, then beyond.
 * @example handlingBuckets(20).map((b) => b.label) // ['0–5', '6–10', '11–15', '16–20', '21–30', '31 of meer']
 */
export function handlingBuckets(term: number): Omit<HandlingBucket, 'count'>[] {
  const edges = [1, 2, 3, 4].map((q) => Math.round((term * q) / 4));
  const late = Math.max(term + 1, Math.round(term * 1.5));
  const buckets: Omit<HandlingBucket, 'count'>[] = [];
  let from = 0;
  for (const to of [...edges, late]) {
    if (to < from) continue; // a very short term: fewer buckets, never an empty range
    buckets.push({ label: from === to ? `${from}` : `${from}–${to}`, from, to });
    from = to + 1;
  }
  buckets.push({ label: `${from} of meer`, from, to: null });
  return buckets;
}

/** Timeliness of a set of cases (e.g. those received in one year), against the handling term in working days (art. 5.4). */
export function timeliness(cases: readonly ReportCase[], term: number): Timeliness {
  const days: number[] = [];
  let on_time = 0;
  let late = 0;
  let open_overdue = 0;
  let withdrawn_overdue = 0;
  for (const c of cases) {
    // withdrawn after the due date, never answered in writing: the term was not met before the withdrawal
    if (
      c.deadline.state === 'withdrawn' &&
      c.responded_on === null &&
      c.deadline.closed_on !== null &&
      c.deadline.closed_on > c.deadline.due
    )
      withdrawn_overdue++;
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
    withdrawn_overdue,
    share_on_time: share(on_time, answered + open_overdue),
    median_workdays: median(days),
    p90_workdays: percentile(days, 90),
    max_workdays: maximum(days),
    distribution: handlingBuckets(term).map((b) => ({
      ...b,
      count: days.filter((d) => d >= b.from && (b.to === null || d <= b.to)).length,
    })),
  };
}

/** Timeliness per period, by the period in which the cases were received (the trend over time). */
export function timelinessTrend(
  cases: readonly ReportCase[],
  periods: readonly Period[],
  term: number,
): { period: Period; timeliness: Timeliness }[] {
  const groups = periods.map(() => [] as ReportCase[]);
  for (const c of cases) {
    const i = periods.findIndex((p) => c.received >= p.start && c.received <= p.end);
    if (i >= 0) groups[i]!.push(c);
  }
  return periods.map((period, i) => ({ period, timeliness: timeliness(groups[i]!, term) }));
}
