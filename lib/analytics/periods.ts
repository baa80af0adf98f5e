import { formatDate, monthNames } from '../dates/format.ts';
import { daysInMonth, isoDateOf, type IsoDate } from '../dates/iso-date.ts';
import type { ReportCase } from './report-case.ts';

/** A span of calendar days, both ends included. */
export interface Period {
  /** Dutch label, e.g. "2026", "K1 2026", "januari 2026". */
  label: string;
  start: IsoDate;
  end: IsoDate;
}

/** Case flow in a period. */
export interface PeriodCounts {
  period: Period;
  /** Cases received in the period. */
  received: number;
  /** Cases closed in the period (written response, escalation or withdrawal). */
  closed: number;
  /** Cases received by the end of the period and not closed by then (by today, for a period still running). */
  open_at_end: number;
  /** For a period still running: today, the day its figures go up to ("open at the end" means open today); else null. */
  until: IsoDate | null;
}

/**
 * A period's label as a table row shows it: a period still running says so, and up to which day, so "open at
 * the end" of a month six days old is read right where it appears.
 * @example periodLabel({ period: { label: 'december 2026', … }, until: '2026-12-06', … }) === 'december 2026 (loopt, t/m 6 december)'
 */
export function periodLabel(c: Pick<PeriodCounts, 'period' | 'until'>): string {
  return c.until ? `${c.period.label} (loopt, t/m ${formatDate(c.until).replace(/ \d{4}$/, '')})` : c.period.label;
}

/** The calendar year `year` as a period. */
export function yearPeriod(year: number): Period {
  return { label: String(year), start: `${year}-01-01`, end: `${year}-12-31` };
}

/** The four quarters of `year` (K1 … K4). */
export function quartersOf(year: number): Period[] {
  return [1, 2, 3, 4].map((q) => ({
    label: `K${q} ${year}`,
    start: isoDateOf(year, q * 3 - 2, 1),
    end: isoDateOf(year, q * 3, daysInMonth(year, q * 3)),
  }));
}

/** The twelve months of `year`. */
export function monthsOf(year: number): Period[] {
  return monthNames('nl').map((name, i) => ({
    label: `${name} ${year}`,
    start: isoDateOf(year, i + 1, 1),
    end: isoDateOf(year, i + 1, daysInMonth(year, i + 1)),
  }));
}

/**
 * The years the report covers: from the first year with a complaint to the later of the last such year
 * and today's year, with no gaps (a year without complaints gets its own "no complaints" page).
 */
export function reportYears(cases: readonly ReportCase[], today: IsoDate): number[] {
  const todayYear = +today.slice(0, 4);
  if (cases.length === 0) return [todayYear];
  let first = Infinity;
  let last = todayYear;
  for (const c of cases) {
    first = Math.min(first, c.year);
    last = Math.max(last, c.year);
  }
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** How many of the sorted `dates` lie before `date` (or at it too, with `inclusive`): a binary search. */
function countBefore(dates: readonly IsoDate[], date: IsoDate, inclusive = false): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dates[mid]! < date || (inclusive && dates[mid] === date)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A counter of received, closed and still open cases per period. Periods that start after `today` are
 * left out; for a period still running, "open at the end" means open today. The dates are sorted once and
 * counted by binary search, so many periods over thousands of cases stay cheap.
 */
export function periodCounter(
  cases: readonly Pick<ReportCase, 'received' | 'deadline'>[],
  today: IsoDate,
): (periods: readonly Period[]) => PeriodCounts[] {
  const received = cases.map((c) => c.received).sort();
  const closed = cases.flatMap((c) => (c.deadline.closed_on === null ? [] : [c.deadline.closed_on])).sort();
  const upTo = (dates: readonly IsoDate[], date: IsoDate) => countBefore(dates, date, true);
  return (periods) =>
    periods
      .filter((p) => p.start <= today)
      .map((period) => {
        const end = period.end < today ? period.end : today;
        return {
          period,
          received: upTo(received, period.end) - countBefore(received, period.start),
          closed: upTo(closed, period.end) - countBefore(closed, period.start),
          // a case is closed on or after the day it was received (validated), so: received by then minus closed by then
          open_at_end: upTo(received, end) - upTo(closed, end),
          until: period.end > today ? today : null,
        };
      });
}
