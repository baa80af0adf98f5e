import { describe, expect, it } from 'vitest';
import { addWorkdays, createWorkCalendar } from '../../../lib/calendar/calendar.ts';
import { atwHolidays } from '../../../lib/calendar/holidays.ts';
import { calculateDeadline, sentLate } from '../../../lib/deadlines/calculator.ts';
import { parseDateInput } from '../../../lib/dates/date-input.ts';
import { calendarFromTable, holidayTable } from '../../../lib/calendar/browser-holiday-table.ts';
import { addDays } from '../../../lib/dates/iso-date.ts';
import { mailtoUrl } from '../../../lib/regulation/mailto.ts';
import { formatWeekdayDate } from '../../../lib/dates/format.ts';

const checker = createWorkCalendar({ holidays: atwHolidays, extraNonWorkingDays: ['2026-05-15'] });
const table = holidayTable(checker, 2025, 2031);
const browser = calendarFromTable(table);

describe('parseDateInput: dates as people type them', () => {
  it.each([
    ['29-5-2026', '2026-05-29'],
    ['29-05-2026', '2026-05-29'],
    [' 3/4/2026 ', '2026-04-03'],
    ['3.4.2026', '2026-04-03'],
    ['3 4 2026', '2026-04-03'],
    ['2026-04-03', '2026-04-03'],
    ['29-2-2028', '2028-02-29'], // leap year
    // written out, Dutch and English, full and short, with or without a weekday
    ['30 oktober 2026', '2026-10-30'],
    ['30 okt 2026', '2026-10-30'],
    ['30 okt. 2026', '2026-10-30'],
    ['vrijdag 30 oktober 2026', '2026-10-30'],
    ['3 mrt 2026', '2026-03-03'],
    ['3 maart 2026', '2026-03-03'],
    ['1 mei 2026', '2026-05-01'],
    ['5 sept 2026', '2026-09-05'],
    ['30 October 2026', '2026-10-30'],
    ['30 Oct 2026', '2026-10-30'],
    ['October 30, 2026', '2026-10-30'],
    ['Fri, 30 Oct 2026', '2026-10-30'],
    ['1 MEI 2026', '2026-05-01'],
  ])('%j → %s', (typed, date) => expect(parseDateInput(typed)).toEqual({ ok: true, date }));
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['gisteren', 'format'],
    ['29-5-26', 'format'], // two-digit year: ambiguous
    ['2026/05/29', 'format'],
    ['30-2-2026', 'nonexistent'],
    ['29-2-2027', 'nonexistent'], // not a leap year
    ['31-4-2026', 'nonexistent'],
    ['1-13-2026', 'nonexistent'],
    ['0-1-2026', 'nonexistent'],
    ['31 november 2026', 'nonexistent'],
    ['30 oktobr 2026', 'format'], // a typo in the month is not guessed
    ['30 okt', 'format'], // no year
  ])('%j → %s', (typed, reason) => expect(parseDateInput(typed)).toEqual({ ok: false, reason }));
});

describe('the holiday table shipped to the browser', () => {
  it('holds the non-working weekdays of each year, extra days included', () => {
    // 2026: Good Friday 3 April, Easter Monday 6 April, King's Day Mon 27 April, 5 May, Ascension 14 May,
    // the extra day 15 May, Whit Monday 25 May, Christmas Fri 25 December (26 December is a Saturday).
    expect(table['2026']).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-04-27',
      '2026-05-05',
      '2026-05-14',
      '2026-05-15',
      '2026-05-25',
      '2026-12-25',
    ]);
    expect(Object.keys(table)).toEqual(['2025', '2026', '2027', '2028', '2029', '2030', '2031']);
  });
  it('gives the checker’s dates for every start day and both deadlines, 2025–2030', () => {
    for (let day = '2025-01-01'; day < '2030-12-01'; day = addDays(day, 1))
      for (const n of [20, 30]) expect(addWorkdays(browser, day, n), `${day} + ${n}`).toBe(addWorkdays(checker, day, n));
  });
});

describe('calculateDeadline', () => {
  it.each([
    // Thu 2 April 2026 + 1: Good Friday and Easter Monday skipped → Tuesday 7 April
    ['2-4-2026', 1, '2026-04-07'],
    // Mon 4 May 2026 + 1: 5 May (every year) → Wednesday 6 May
    ['4-5-2026', 1, '2026-05-06'],
    // Thu 24 December 2026 + 1: Christmas (Fri), weekend → Monday 28 December
    ['24-12-2026', 1, '2026-12-28'],
    // Fri 29 May 2026 + 30: hand-counted, June has 22 working days, then 1–10 July → Friday 10 July
    ['29-5-2026', 30, '2026-07-10'],
    // Sat 18 April 2026 (a weekend) + 20: day 1 is Monday 20 April; 27 April, 5, 14 and (extra) 15 May
    // skipped: 20–24 Apr (5), 28–30 Apr, 1 May (9), 4 May (10), 6–8 (13), 11–13 (16), 18–21 May (20)
    ['18-4-2026', 20, '2026-05-21'],
  ])('%s + %i working days → %s', (typed, n, due) => {
    const result = calculateDeadline(browser, typed, n);
    expect(result).toMatchObject({ ok: true, due });
    expect(due).toBe(addWorkdays(checker, (result as { start: string }).start, n));
  });
  it('says "outside" rather than guess beyond the known years', () => {
    expect(calculateDeadline(browser, '15-12-2031', 20)).toEqual({ ok: false, reason: 'outside' });
    expect(calculateDeadline(browser, '1-6-2019', 20)).toEqual({ ok: false, reason: 'outside' });
  });
  it('passes bad input through', () => {
    expect(calculateDeadline(browser, '31-6-2026', 20)).toEqual({ ok: false, reason: 'nonexistent' });
  });
});

describe('formatWeekdayDate', () => {
  it.each([
    ['2026-07-10', 'nl', 'vrijdag 10 juli 2026'],
    ['2026-12-28', 'en', 'Monday, 28 December 2026'],
    ['2028-02-29', 'nl', 'dinsdag 29 februari 2028'],
  ] as const)('%s (%s) → %s', (date, lang, words) => expect(formatWeekdayDate(date, lang)).toBe(words));
});

describe('mailtoUrl', () => {
  it('percent-encodes subject and body with CRLF line ends (RFC 6068)', () => {
    expect(mailtoUrl('klachten@example.nl', 'Klacht & vraag', 'Naam:\nAdres: Straat 1, Één')).toBe(
      'mailto:klachten@example.nl?subject=Klacht%20%26%20vraag&body=Naam%3A%0D%0AAdres%3A%20Straat%201%2C%20%C3%89%C3%A9n',
    );
  });
  it('round-trips through URL decoding', () => {
    const url = new URL(mailtoUrl('a@b.nl', 'Ä?=&', 'x\r\ny'));
    expect(url.searchParams.get('subject')).toBe('Ä?=&');
    expect(url.searchParams.get('body')).toBe('x\r\ny');
  });
});

describe('calculateDeadline: after the known decreed days (art. 3 lid 3 Atw)', () => {
  it('says when the deadline lies after them, so a later decree may move it', () => {
    expect(calculateDeadline(browser, '1 december 2028', 20)).toMatchObject({ ok: true, beyondDecrees: true });
    expect(calculateDeadline(browser, '1 november 2028', 20)).toMatchObject({ ok: true, beyondDecrees: false });
  });
});

describe('sentLate (art. 4.1): after the filing deadline, late and still handled', () => {
  it.each([
    ['2026-07-13', '2026-07-10', true],
    ['2026-07-10', '2026-07-10', false], // on the last day: on time
    ['2026-05-01', '2026-07-10', false], // during the assignment: on time
  ])('sent %s, deadline %s → %s', (sent, due, late) => expect(sentLate(sent, due)).toBe(late));
});
