import { formatDutchNumber } from '../dates/format.ts';
import { formatDate } from '../dates/iso-date.ts';

/** A share as a Dutch percentage, rounded to whole percents; "–" when there is no share. @example formatShare(2 / 3) === '67%' */
export function formatShare(value: number | null): string {
  return value === null ? '–' : `${Math.round(value * 100)}%`;
}

/** A number the Dutch way (decimal comma, thousands point, at most one decimal); "–" for null. @example formatNumber(10.5) === '10,5' */
export function formatNumber(value: number | null): string {
  if (value === null) return '–';
  return formatDutchNumber(value);
}

/** A date as the owner reads it, in Dutch; "–" when there is none. @example formatDateNl('2026-11-24') === '24 november 2026' */
export function formatDateNl(date: string | null | undefined): string {
  return date ? formatDate(date, 'nl') : '–';
}
