import { describe, expect, it } from 'vitest';
import { formatDate, formatDutchNumber, formatList, formatWeekdayDate, monthNames } from '../../../lib/dates/format.ts';

// Dates, numbers and lists in words come from Intl (ICU), not from tables of our own (issue 22).
describe('formatDate and formatWeekdayDate', () => {
  it.each([
    ['2026-12-01', 'nl', '1 december 2026'],
    ['2026-03-02', 'nl', '2 maart 2026'],
    ['2026-12-01', 'en', '1 December 2026'],
    ['2028-02-29', 'nl', '29 februari 2028'],
  ] as const)('%s in %s is %s', (date, lang, words) => expect(formatDate(date, lang)).toBe(words));

  it('names the weekday of the calendar date, whatever the time zone', () => {
    expect(formatWeekdayDate('2026-07-10', 'nl')).toBe('vrijdag 10 juli 2026');
    expect(formatWeekdayDate('2026-07-10', 'en')).toBe('Friday, 10 July 2026');
    expect(formatWeekdayDate('2026-01-01', 'nl')).toBe('donderdag 1 januari 2026');
  });

  it('knows the twelve months', () => {
    expect(monthNames('nl')).toEqual([
      ...['januari', 'februari', 'maart', 'april', 'mei', 'juni'],
      ...['juli', 'augustus', 'september', 'oktober', 'november', 'december'],
    ]);
    expect(monthNames('en')[4]).toBe('May');
  });
});

describe('formatDutchNumber', () => {
  it.each([
    [12345.67, '12.345,7'],
    [1234, '1.234'],
    [10.5, '10,5'],
    [3, '3'],
    [0.04, '0'],
    [-0.04, '0'],
    [-2.25, '-2,3'],
  ])('%d is %s', (value, text) => expect(formatDutchNumber(value)).toBe(text));
});

describe('formatList', () => {
  it.each([
    [[], 'nl', ''],
    [['a'], 'nl', 'a'],
    [['a', 'b'], 'nl', 'a en b'],
    [['a', 'b', 'c'], 'nl', 'a, b en c'],
    [['a', 'b', 'c'], 'en', 'a, b and c'],
  ] as const)('%j in %s is %s', (items, lang, text) => expect(formatList(items, lang)).toBe(text));
});
