import Holidays from 'date-holidays';
import type { IsoDate } from './iso-date.ts';

/**
 * The rules (date-holidays' own notation) of the days art. 3 of the Algemene termijnenwet names.
 * date-holidays types Goede Vrijdag and Bevrijdingsdag as `school`, so we select by rule, never by type.
 */
const ATW_RULES = [
  /^01-01$/, // Nieuwjaarsdag
  /^easter -2$/, // Goede Vrijdag (art. 3 lid 2)
  /^easter 1$/, // Tweede Paasdag
  /^04-27 /, // Koningsdag, 26 April when the 27th is a Sunday (since 2014)
  /^04-30 /, // Koninginnedag, before 2014
  /^05-05$/, // 5 mei, every year
  /^easter 39$/, // Hemelvaartsdag
  /^easter 50$/, // Tweede Pinksterdag
  /^12-25$/, // Eerste Kerstdag
  /^12-26$/, // Tweede Kerstdag
];

let nl: Holidays | undefined;

/**
 * The public holidays of the Algemene termijnenwet (art. 3) in `year`, sorted, computed with date-holidays.
 * `npm run holidays` writes them into lib/atw-holidays-table.ts, so commands need not load date-holidays'
 * data of every country (about 180 ms per process).
 */
export function computeAtwHolidays(year: number): IsoDate[] {
  nl ??= new Holidays('NL', { types: ['public', 'bank', 'school', 'optional', 'observance'] });
  return nl
    .getHolidays(year)
    .filter((h) => ATW_RULES.some((r) => r.test(h.rule)))
    .map((h) => h.date.slice(0, 10))
    .sort();
}
