import { createWorkCalendar, type WorkCalendar } from './calendar.ts';
import type { IsoDate } from '../dates/iso-date.ts';

/** Non-working weekdays per year, as shipped to the browser: `{ "2026": ["2026-01-01", …], … }`. */
export type HolidayTable = Readonly<Record<string, readonly IsoDate[]>>;

/** The non-working weekdays (Atw holidays and extra days) of the years `from` to `to`, from a calendar. */
export function holidayTable(cal: WorkCalendar, from: number, to: number): HolidayTable {
  const table: Record<string, IsoDate[]> = {};
  for (let year = from; year <= to; year++) table[year] = cal.holidaysOf(year);
  return table;
}

/** Thrown when a date lies outside the years a {@link HolidayTable} covers. */
export class OutsideTableError extends RangeError {}

/**
 * A working-day calendar from a precomputed table (the browser has no date-holidays). A year the table
 * lacks throws {@link OutsideTableError}: better no answer than a wrong one.
 */
export function calendarFromTable(table: HolidayTable): WorkCalendar {
  return createWorkCalendar({
    holidays: (year) => {
      const days = table[year];
      if (!days) throw new OutsideTableError(`no holidays known for ${year}`);
      return days;
    },
  });
}
