import type { IsoDate } from '../dates/iso-date.ts';
import { formatNumber, formatShare } from './format.ts';
import { vocabulary } from '../vocabulary/index.ts';
import { OUTCOMES } from './report-case.ts';
import type { Sections } from './report.ts';

/** One line of the comparison with the previous year: what, the two values as shown, and the change in words. */
export interface ComparisonRow {
  /** The part of the yearly review it belongs to. */
  group: 'Aantallen' | 'Tijdigheid' | 'Uitkomsten' | 'Oorzaken';
  label: string;
  previous: string;
  current: string;
  /** "+2", "−3", "+10 procentpunt", "gelijk", or "–" when one side has no value. */
  change: string;
}

/** The year page's comparison with the previous year (the first question of a yearly review). */
export interface YearComparison {
  previous_year: number;
  /** When the year compared is still running: the day its figures go up to; the previous year is a whole one. */
  until: IsoDate | null;
  rows: ComparisonRow[];
}

const signed = (n: number, unit = '') => (n === 0 ? 'gelijk' : `${n > 0 ? '+' : '−'}${formatNumber(Math.abs(n))}${unit}`);

/** A count row. */
const count = (group: ComparisonRow['group'], label: string, previous: number, current: number): ComparisonRow => ({
  group,
  label,
  previous: String(previous),
  current: String(current),
  change: signed(current - previous),
});

/** A share row; the change in percentage points. */
const shareRow = (group: ComparisonRow['group'], label: string, previous: number | null, current: number | null): ComparisonRow => ({
  group,
  label,
  previous: formatShare(previous),
  current: formatShare(current),
  change: previous === null || current === null ? '–' : signed(Math.round(current * 100) - Math.round(previous * 100), ' procentpunt'),
});

/**
 * This year against the previous one: how many complaints, how timely (art. 2.1, 5.4), how they ended (art. 2.3,
 * 4.7) and what caused them (art. 2.2). Causes named in neither year are left out. `until` marks a year still
 * running. Pure.
 */
export function compareYears(current: Sections, previous: Sections, previousYear: number, until: IsoDate | null): YearComparison {
  const handled = (s: Sections) => s.timeliness;
  const rows: ComparisonRow[] = [
    count('Aantallen', 'Ontvangen klachten', previous.cases, current.cases),
    count('Aantallen', vocabulary('nl').complianceCheckShort.written_response, handled(previous).answered, handled(current).answered),
    shareRow('Tijdigheid', 'Binnen de termijn afgehandeld', handled(previous).share_on_time, handled(current).share_on_time),
    {
      group: 'Tijdigheid',
      label: 'Werkdagen tot het antwoord (mediaan)',
      previous: formatNumber(handled(previous).median_workdays),
      current: formatNumber(handled(current).median_workdays),
      change:
        handled(previous).median_workdays === null || handled(current).median_workdays === null
          ? '–'
          : signed(handled(current).median_workdays! - handled(previous).median_workdays!),
    },
    ...OUTCOMES.map((o) => count('Uitkomsten', vocabulary('nl').outcome[o], previous.outcomes.counts[o], current.outcomes.counts[o])),
    shareRow('Uitkomsten', 'Klager tevreden', previous.outcomes.satisfaction_rate, current.outcomes.satisfaction_rate),
    ...current.causes.items.flatMap((item) => {
      const before = previous.causes.items.find((p) => p.key === item.key)?.count ?? 0;
      return item.count === 0 && before === 0 ? [] : [count('Oorzaken', item.label, before, item.count)];
    }),
  ];
  return { previous_year: previousYear, until, rows };
}
