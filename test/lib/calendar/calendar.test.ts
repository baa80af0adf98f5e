import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkdays, createWorkCalendar, workdaysBetween } from '../../../lib/calendar/calendar.ts';
import { atwHolidays } from '../../../lib/calendar/holidays.ts';
import { addDays, fromDayNumber, toDayNumber } from '../../../lib/dates/iso-date.ts';

const cal = createWorkCalendar({ holidays: atwHolidays });

describe('atwHolidays: the days art. 3 Algemene termijnenwet names', () => {
  it.each([
    // hand-checked against the calendar of each year
    [2024, ['2024-01-01', '2024-03-29', '2024-04-01', '2024-04-27', '2024-05-05', '2024-05-09', '2024-05-20', '2024-12-25', '2024-12-26']],
    [2025, ['2025-01-01', '2025-04-18', '2025-04-21', '2025-04-26', '2025-05-05', '2025-05-29', '2025-06-09', '2025-12-25', '2025-12-26']],
    [2026, ['2026-01-01', '2026-04-03', '2026-04-06', '2026-04-27', '2026-05-05', '2026-05-14', '2026-05-25', '2026-12-25', '2026-12-26']],
    [2027, ['2027-01-01', '2027-03-26', '2027-03-29', '2027-04-27', '2027-05-05', '2027-05-06', '2027-05-17', '2027-12-25', '2027-12-26']],
  ])('%i', (year, expected) => {
    expect(atwHolidays(year)).toEqual(expected);
  });

  it('moves Koningsdag to 26 April when the 27th is a Sunday (2025, 2031)', () => {
    expect(atwHolidays(2025)).toContain('2025-04-26'); // Saturday
    expect(atwHolidays(2025)).not.toContain('2025-04-27'); // Sunday
    expect(atwHolidays(2031)).toContain('2031-04-26');
  });
});

describe('isWorkday', () => {
  it.each([
    ['2026-11-23', true], // Monday
    ['2026-11-28', false], // Saturday
    ['2026-11-29', false], // Sunday
    ['2026-04-03', false], // Goede Vrijdag (date-holidays types it "school")
    ['2026-05-05', false], // Bevrijdingsdag in a non-lustrum year
    ['2025-05-05', false], // ... and in a lustrum year
    ['2026-05-04', true], // Dodenherdenking is no holiday
    ['2026-12-24', true], // Christmas Eve is a working day
    ['2026-12-31', true], // so is New Year's Eve
    ['2027-01-01', false],
    ['2028-02-29', true], // leap day, a Tuesday
  ])('%s → %s', (date, expected) => {
    expect(cal.isWorkday(date)).toBe(expected);
  });

  it('adds the organization’s extra non-working days', () => {
    const withBridge = createWorkCalendar({ holidays: atwHolidays, extraNonWorkingDays: ['2026-05-15'] });
    expect(cal.isWorkday('2026-05-15')).toBe(true); // Friday after Ascension
    expect(withBridge.isWorkday('2026-05-15')).toBe(false);
    expect(withBridge.holidaysOf(2026)).toContain('2026-05-15');
  });
});

describe('addWorkdays: day 0 is the event day', () => {
  it.each([
    ['2026-11-23', 0, '2026-11-23'], // Mon + 0 → the same day
    ['2026-11-23', 1, '2026-11-24'], // Mon → Tue
    ['2026-11-27', 1, '2026-11-30'], // Fri → Mon
    ['2026-11-28', 1, '2026-11-30'], // Sat → Mon: counts from the next working day
    ['2026-11-03', 20, '2026-12-01'], // Tue + 20 → Tue 1 December
    ['2026-04-02', 1, '2026-04-07'], // Thu before Easter → Tue after (Goede Vrijdag, weekend, Tweede Paasdag)
    ['2026-04-30', 3, '2026-05-06'], // Thu → Fri 1, Mon 4, (Tue 5 May), Wed 6
    ['2026-12-23', 3, '2026-12-29'], // Wed → Thu 24, (25, 26, 27), Mon 28, Tue 29
    ['2026-12-31', 1, '2027-01-04'], // year boundary: (1 Jan), weekend → Mon 4 Jan
    ['2025-04-25', 1, '2025-04-28'], // Fri → Mon (Koningsdag on Saturday 26th)
    ['2028-02-28', 2, '2028-03-01'], // Mon → Tue 29 Feb → Wed 1 Mar
    ['2026-03-13', 30, '2026-04-29'], // art. 4.1 filing window across Easter and Koningsdag
  ])('%s + %i → %s', (start, n, expected) => {
    expect(addWorkdays(cal, start, n)).toBe(expected);
  });

  it('counts each calendar with its own days, also when a sum is asked again', () => {
    const withBridge = createWorkCalendar({ holidays: atwHolidays, extraNonWorkingDays: ['2026-05-15'] });
    for (let i = 0; i < 2; i++) {
      expect(addWorkdays(cal, '2026-05-13', 1)).toBe('2026-05-15'); // Wed → (Thu 14 Ascension) Fri 15
      expect(addWorkdays(withBridge, '2026-05-13', 1)).toBe('2026-05-18'); // … and Fri 15 decreed: Mon 18
      expect(addWorkdays(cal, '2026-05-13', 2)).toBe('2026-05-18');
      expect(addWorkdays(withBridge, '2026-05-13', 2)).toBe('2026-05-19');
    }
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addWorkdays(cal, '2026-11-23', -1)).toThrow(RangeError);
    expect(() => addWorkdays(cal, '2026-11-23', 1.5)).toThrow(RangeError);
  });
});

describe('workdaysBetween', () => {
  it.each([
    ['2026-11-20', '2026-11-24', 2], // Fri → Mon, Tue
    ['2026-11-24', '2026-11-24', 0],
    ['2026-11-24', '2026-11-20', -2],
    ['2026-12-24', '2027-01-04', 5], // 28, 29, 30, 31 Dec and Mon 4 Jan (25, 26 Dec and 1 Jan are holidays)
    ['2026-11-28', '2026-11-29', 0], // a weekend
  ])('%s → %s = %i', (from, to, expected) => {
    expect(workdaysBetween(cal, from, to)).toBe(expected);
  });
});

// --- A simple, independent reference: day by day, holidays from first principles ---

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easter(y: number): string {
  const a = y % 19,
    b = Math.floor(y / 100),
    c = y % 100,
    d = Math.floor(b / 4),
    e = b % 4;
  const f = Math.floor((b + 8) / 25),
    g = Math.floor((b - f + 1) / 3),
    h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4),
    k = c % 4,
    l = (32 + 2 * e + 2 * i - h - k) % 7,
    m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31),
    day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
const weekday = (d: string) => new Date(`${d}T12:00:00Z`).getUTCDay();
function referenceHolidays(y: number): Set<string> {
  const e = easter(y);
  // Koningsdag since 2014 (27 April, 26 when Sunday); Koninginnedag before (30 April, 29 when Sunday)
  const kingsDay =
    y >= 2014 ? (weekday(`${y}-04-27`) === 0 ? `${y}-04-26` : `${y}-04-27`) : weekday(`${y}-04-30`) === 0 ? `${y}-04-29` : `${y}-04-30`;
  return new Set([
    `${y}-01-01`,
    addDays(e, -2),
    addDays(e, 1),
    kingsDay,
    `${y}-05-05`,
    addDays(e, 39),
    addDays(e, 50),
    `${y}-12-25`,
    `${y}-12-26`,
  ]);
}
const referenceIsWorkday = (d: string) => weekday(d) !== 0 && weekday(d) !== 6 && !referenceHolidays(+d.slice(0, 4)).has(d);
function referenceAdd(start: string, n: number): string {
  let d = start;
  for (let left = n; left > 0;) {
    d = addDays(d, 1);
    if (referenceIsWorkday(d)) left--;
  }
  return d;
}

describe('property: agrees with a day-by-day reference, 2000–2100', () => {
  const date = fc.integer({ min: toDayNumber('2000-01-01'), max: toDayNumber('2100-12-31') }).map(fromDayNumber);
  it('addWorkdays', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 60 }), (start, n) => addWorkdays(cal, start, n) === referenceAdd(start, n)),
      { numRuns: 2000 },
    );
  });
  it('isWorkday', () => {
    fc.assert(
      fc.property(date, (d) => cal.isWorkday(d) === referenceIsWorkday(d)),
      { numRuns: 5000 },
    );
  });
  it('workdaysBetween undoes addWorkdays from a working day', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 60 }), (start, n) => {
        const from = cal.isWorkday(start) ? start : referenceAdd(start, 1);
        return workdaysBetween(cal, from, addWorkdays(cal, from, n)) === n;
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the generated holiday table', () => {
  it('equals what date-holidays computes for every year (run `npm run holidays` when this fails)', async () => {
    const { tableSource } = await import('../../../lib/calendar/atw-rules.ts');
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(new URL('../../../lib/calendar/atw-holidays-table.ts', import.meta.url), 'utf8')).toBe(tableSource());
  });
  it('refuses a year outside it with a clear message', () => {
    expect(() => atwHolidays(1999)).toThrow('no holiday table for 1999: dates must lie between 2000 and 2101');
  });
});
