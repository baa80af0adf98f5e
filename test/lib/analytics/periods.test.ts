import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { monthsOf, periodCounter, periodLabel, quartersOf, yearPeriod, type Period } from '../../../lib/analytics/periods.ts';
import { addDays } from '../../../lib/dates/iso-date.ts';
import type { ReportCase } from '../../../lib/analytics/report-case.ts';

type Flow = Pick<ReportCase, 'received' | 'deadline'>;
const flowCase = (received: string, closedAfter: number | null): Flow =>
  ({ received, deadline: { closed_on: closedAfter === null ? null : addDays(received, closedAfter) } }) as Flow;

/** The obvious reference: look at every case for every period. */
function reference(cases: Flow[], periods: Period[], today: string) {
  return periods
    .filter((p) => p.start <= today)
    .map((period) => {
      const end = period.end < today ? period.end : today;
      const c = (f: (x: Flow) => boolean) => cases.filter(f).length;
      return {
        period,
        received: c((x) => x.received >= period.start && x.received <= period.end),
        closed: c((x) => x.deadline.closed_on !== null && x.deadline.closed_on >= period.start && x.deadline.closed_on <= period.end),
        open_at_end: c((x) => x.received <= end && (x.deadline.closed_on === null || x.deadline.closed_on > end)),
        until: period.end > today ? today : null,
      };
    });
}

describe('periodCounter', () => {
  it('matches counting case by case, for random cases, years, quarters and months', () => {
    const day = fc.integer({ min: 0, max: 3 * 366 }).map((n) => addDays('2024-01-01', n));
    fc.assert(
      fc.property(fc.array(fc.tuple(day, fc.option(fc.integer({ min: 0, max: 90 }))), { maxLength: 60 }), day, (raw, today) => {
        const cases = raw.map(([r, after]) => flowCase(r, after));
        const periods = [2024, 2025, 2026].flatMap((y) => [yearPeriod(y), ...quartersOf(y), ...monthsOf(y)]);
        expect(periodCounter(cases, today)(periods)).toEqual(reference(cases, periods, today));
      }),
    );
  });

  it('quarters and months of a leap year end on the right day', () => {
    expect(quartersOf(2024).map((q) => q.end)).toEqual(['2024-03-31', '2024-06-30', '2024-09-30', '2024-12-31']);
    expect(monthsOf(2024)[1]).toEqual({ label: 'februari 2024', start: '2024-02-01', end: '2024-02-29' });
  });
});

describe('periodLabel: a running period says so where it appears', () => {
  it.each([
    [
      { period: { label: 'december 2026', start: '2026-12-01', end: '2026-12-31' }, until: '2026-12-06' },
      'december 2026 (loopt, t/m 6 december)',
    ],
    [{ period: { label: 'K4 2026', start: '2026-10-01', end: '2026-12-31' }, until: '2026-12-06' }, 'K4 2026 (loopt, t/m 6 december)'],
    [{ period: { label: 'november 2026', start: '2026-11-01', end: '2026-11-30' }, until: null }, 'november 2026'],
  ])('%j → %s', (counts, label) => expect(periodLabel(counts)).toBe(label));
  it('the counter marks only the period still running', () => {
    const counts = periodCounter([], '2026-12-06')(monthsOf(2026));
    expect(counts.map((c) => c.until)).toEqual([...Array(11).fill(null), '2026-12-06']);
  });
});
