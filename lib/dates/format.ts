import type { IsoDate } from './iso-date.ts';

// Dates, numbers and lists in words, by the platform's Intl (ICU's locale data) instead of tables of our own.
// A calendar date is formatted as that day in UTC, so the machine's time zone never shifts it.

type Lang = 'nl' | 'en';
/** Dutch as written in the Netherlands; British English ("1 December 2026", "a, b and c"). */
const LOCALE = { nl: 'nl-NL', en: 'en-GB' } as const;

// made on first use, then kept: a formatter loads ICU's locale data (about 12 ms), which a clean check never needs
const formatters = new Map<string, { format(value: never): string }>();
function formatter<F extends { format(value: never): string }>(key: string, make: () => F): F {
  let f = formatters.get(key) as F | undefined;
  if (!f) formatters.set(key, (f = make()));
  return f;
}

/** The instant of midnight UTC of a date (years below 100 included, which Date.UTC would move to the 1900s). */
function utcMidnight(date: IsoDate): number {
  const d = new Date(0);
  d.setUTCFullYear(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10));
  return d.getTime();
}

function dateFormat(lang: Lang, weekday: boolean): Intl.DateTimeFormat {
  return formatter(
    `date ${lang} ${weekday}`,
    () =>
      new Intl.DateTimeFormat(LOCALE[lang], {
        timeZone: 'UTC',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        ...(weekday ? { weekday: 'long' } : {}),
      }),
  );
}

/** A date in words. @example formatDate('2026-12-01', 'nl') === '1 december 2026' */
export function formatDate(date: IsoDate, lang: Lang = 'nl'): string {
  return dateFormat(lang, false).format(utcMidnight(date));
}

/** A date in words with its weekday. @example formatWeekdayDate('2026-07-10', 'nl') === 'vrijdag 10 juli 2026' */
export function formatWeekdayDate(date: IsoDate, lang: Lang): string {
  return dateFormat(lang, true).format(utcMidnight(date));
}

/** The names of the twelve months, January first. @example monthNames('nl')[2] === 'maart' */
export function monthNames(lang: Lang): string[] {
  const f = formatter(`month ${lang}`, () => new Intl.DateTimeFormat(LOCALE[lang], { timeZone: 'UTC', month: 'long' }));
  return Array.from({ length: 12 }, (_, m) => f.format(Date.UTC(2000, m, 1)));
}

/** A number the Dutch way: decimal comma, a point between thousands, at most one decimal. @example formatDutchNumber(12345.67) === '12.345,7' */
export function formatDutchNumber(value: number): string {
  return formatter('number nl', () => new Intl.NumberFormat(LOCALE.nl, { maximumFractionDigits: 1, signDisplay: 'negative' })).format(
    value,
  );
}

/** A list in words. @example formatList(['a', 'b', 'c'], 'nl') === 'a, b en c' */
export function formatList(items: readonly string[], lang: Lang = 'nl'): string {
  return formatter(`list ${lang}`, () => new Intl.ListFormat(LOCALE[lang], { type: 'conjunction' })).format(items);
}
