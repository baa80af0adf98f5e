import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, formatDate, fromDayNumber, isIsoDate, isoDateOf, toDayNumber, todayIn, weekdayOf } from '../../../lib/dates/iso-date.ts';

describe('todayIn Europe/Amsterdam', () => {
  it.each([
    ['2026-11-23T22:59:59Z', '2026-11-23'], // winter: CET = UTC+1
    ['2026-11-23T23:00:00Z', '2026-11-24'],
    ['2026-06-30T21:59:59Z', '2026-06-30'], // summer: CEST = UTC+2
    ['2026-06-30T22:00:00Z', '2026-07-01'],
    ['2026-12-31T23:30:00Z', '2027-01-01'], // the year turns earlier in Amsterdam
  ])('at %s it is %s', (instant, expected) => {
    expect(todayIn(new Date(instant), 'Europe/Amsterdam')).toBe(expected);
  });
});

describe('calendar-date arithmetic is the same under any TZ', () => {
  it.each([
    ['1970-01-01', 0, 4], // Thursday
    ['2026-11-24', 20_781, 2], // Tuesday (Python: (date(2026,11,24) - date(1970,1,1)).days)
    ['2028-02-29', 21_243, 2], // Tuesday, leap day
  ])('%s is day %i, weekday %i', (date, day, weekday) => {
    expect(toDayNumber(date)).toBe(day);
    expect(fromDayNumber(day)).toBe(date);
    expect(weekdayOf(day)).toBe(weekday);
  });
  it('fromDayNumber gives the date Date gives, from year 1 to 9999 and beyond', () => {
    const viaDate = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(fc.integer({ min: -800_000, max: 3_000_000 }), (day) => {
        expect(fromDayNumber(day)).toBe(viaDate(day));
      }),
    );
    for (const day of [-719_162, -719_163, -1, 0, 59, 60, 2_932_896, 2_932_897, 11_016, 10_957])
      expect(fromDayNumber(day)).toBe(viaDate(day));
  });
  it('addDays crosses month, year and DST boundaries', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29'); // DST starts in Europe on 29 March
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26'); // and ends on 25 October
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
  });
});

describe('isoDateOf', () => {
  it('writes a year, month and day as YYYY-MM-DD', () => {
    expect(isoDateOf(2026, 3, 2)).toBe('2026-03-02');
    expect(isoDateOf(2026, 12, 31)).toBe('2026-12-31');
    expect(isoDateOf(33, 1, 9)).toBe('0033-01-09');
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2028-02-29', true],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026-1-1', false],
    ['2026-01-01T00:00:00Z', false],
    [20260101, false],
  ])('%s → %s', (input, expected) => expect(isIsoDate(input)).toBe(expected));
});

describe('formatDate', () => {
  it('writes Dutch and English dates', () => {
    expect(formatDate('2026-12-01')).toBe('1 december 2026');
    expect(formatDate('2026-12-01', 'en')).toBe('1 December 2026');
  });
});
