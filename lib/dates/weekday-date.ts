import { formatDate, toDayNumber, weekdayOf, type IsoDate } from './iso-date.ts';

const WEEKDAYS = {
  nl: ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

/** A date in words with its weekday. @example formatWeekdayDate('2026-07-10', 'nl') === 'vrijdag 10 juli 2026' */
export function formatWeekdayDate(date: IsoDate, lang: 'nl' | 'en'): string {
  return `${WEEKDAYS[lang][weekdayOf(toDayNumber(date))]} ${formatDate(date, lang)}`;
}
