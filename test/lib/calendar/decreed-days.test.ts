import { describe, expect, it } from 'vitest';
import { addWorkdays, createWorkCalendar } from '../../../lib/calendar/calendar.ts';
import { DECREED_DAYS, DECREED_DAYS_KNOWN_UNTIL, decreedDaysRunOut } from '../../../lib/calendar/decreed-days.ts';
import { atwHolidays, calendarFor } from '../../../lib/calendar/holidays.ts';
import { addDays, toDayNumber, weekdayOf } from '../../../lib/dates/iso-date.ts';
import { ORG } from '../../helpers/fixtures.ts';

const cal = calendarFor(ORG);
const atwOnly = createWorkCalendar({ holidays: atwHolidays });

describe('decreed days (art. 3 lid 3 Atw)', () => {
  it('ships the ten days of Stcrt. 2022, 7812 and Stcrt. 2025, 24713, each with its source and what was checked', () => {
    expect(DECREED_DAYS.map((d) => `${d.date} ${d.source}`)).toEqual([
      '2023-04-28 Stcrt. 2022, 7812',
      '2023-05-19 Stcrt. 2022, 7812',
      '2024-05-10 Stcrt. 2022, 7812',
      '2024-12-27 Stcrt. 2022, 7812',
      '2025-05-30 Stcrt. 2022, 7812',
      '2026-01-02 Stcrt. 2025, 24713',
      '2026-05-15 Stcrt. 2025, 24713',
      '2027-05-07 Stcrt. 2025, 24713',
      '2028-04-28 Stcrt. 2025, 24713',
      '2028-05-26 Stcrt. 2025, 24713',
    ]);
    for (const d of DECREED_DAYS) expect(d.checked).toMatch(/not checked against the Staatscourant/);
    expect(DECREED_DAYS.every((d) => d.date <= DECREED_DAYS_KNOWN_UNTIL)).toBe(true);
  });

  it.each(DECREED_DAYS.map((d) => d.date))('%s is a Friday after an Atw holiday, and no working day in calendarFor', (date) => {
    expect(weekdayOf(toDayNumber(date))).toBe(5); // every decreed day so far is a bridging Friday
    expect(atwHolidays(+date.slice(0, 4))).not.toContain(date);
    expect(atwHolidays(+date.slice(0, 4))).toContain(addDays(date, -1)); // Thursday: Koningsdag, Hemelvaart, Kerst, Nieuwjaar
    expect(atwOnly.isWorkday(date)).toBe(true);
    expect(cal.isWorkday(date)).toBe(false);
    expect(cal.holidaysOf(+date.slice(0, 4))).toContain(date);
  });

  it.each([
    // [start, term, deadline with decreed days, deadline without] — hand-counted
    ['2025-12-31', 20, '2026-01-30', '2026-01-29'], // Wed; 1 Jan holiday, Fri 2 Jan decreed: day 1 is Mon 5 Jan
    ['2026-01-02', 20, '2026-01-30', '2026-01-30'], // received on the decreed day itself: day 0, nothing moves
    ['2026-05-13', 20, '2026-06-15', '2026-06-12'], // Wed; Hemelvaart Thu 14, decreed Fri 15, Pinkstermaandag 25 May
    ['2026-04-30', 30, '2026-06-17', '2026-06-16'], // Thu; filing: 5 May, 14 May, 15 May (decreed), 25 May
    ['2026-05-15', 20, '2026-06-15', '2026-06-15'], // start on the decreed day: day 1 is Mon 18 May either way
    ['2026-12-01', 20, '2026-12-30', '2026-12-30'], // Tue; only Christmas in between: same deadline
  ])('%s + %i working days → %s (Atw holidays only: %s)', (start, n, expected, atw) => {
    expect(addWorkdays(cal, start, n)).toBe(expected);
    expect(addWorkdays(atwOnly, start, n)).toBe(atw);
  });

  it('adds the organization’s own extra days on top of the decreed days', () => {
    const own = calendarFor({ ...ORG, calendar: { extra_non_working_days: ['2026-12-24'] } });
    expect(own.isWorkday('2026-12-24')).toBe(false);
    expect(own.isWorkday('2026-01-02')).toBe(false);
  });

  it('says when today plus the longest term passes the end of the known list', () => {
    expect(decreedDaysRunOut(DECREED_DAYS_KNOWN_UNTIL)).toBe(false);
    expect(decreedDaysRunOut(addDays(DECREED_DAYS_KNOWN_UNTIL, 1))).toBe(true);
  });
});
