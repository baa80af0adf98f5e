// Dev tool: how many deadlines of a year the decreed days (art. 3 lid 3 Atw) move, per term.
// Usage: ./node_modules/.bin/node tools/decreed-days-effect.ts [year]
import { atwHolidays } from '../lib/calendar/holidays.ts';
import { addWorkdays, createWorkCalendar } from '../lib/calendar/calendar.ts';
import { decreedDates } from '../lib/calendar/decreed-days.ts';
import { fromDayNumber, toDayNumber } from '../lib/dates/iso-date.ts';

const year = +(process.argv[2] ?? 2026);
const without = createWorkCalendar({ holidays: atwHolidays });
const withDecreed = createWorkCalendar({ holidays: atwHolidays, extraNonWorkingDays: decreedDates() });
const start = toDayNumber(`${year}-01-01`);
const end = toDayNumber(`${year}-12-31`);
for (const [name, n] of [
  ['handling (20)', 20],
  ['filing (30)', 30],
] as const) {
  let moved = 0;
  for (let d = start; d <= end; d++) {
    const day = fromDayNumber(d);
    if (addWorkdays(without, day, n) !== addWorkdays(withDecreed, day, n)) moved++;
  }
  console.log(`${year} ${name}: ${moved} of ${end - start + 1} start dates get a later deadline`);
}
