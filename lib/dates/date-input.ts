import { isIsoDate, type IsoDate } from './iso-date.ts';

/** What a person typed as a date, read: the date, or why it is not one. */
export type DateInput = { ok: true; date: IsoDate } | { ok: false; reason: 'empty' | 'format' | 'nonexistent' };

/**
 * Read a date as people type it: day-month-year (`29-5-2026`, `29/05/2026`, `29.5.2026`, `29 5 2026`),
 * or ISO `2026-05-29`. A date that does not exist (`30-2-2026`) is `nonexistent`, not silently moved.
 * @example parseDateInput(' 3-4-2026 ') // { ok: true, date: '2026-04-03' }
 */
export function parseDateInput(text: string): DateInput {
  const s = text.trim();
  if (s === '') return { ok: false, reason: 'empty' };
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const [y, mo, d] = m
    ? [m[1], m[2], m[3]]
    : (m = /^(\d{1,2})\s*[-/.\s]\s*(\d{1,2})\s*[-/.\s]\s*(\d{4})$/.exec(s))
      ? [m[3], m[2], m[1]]
      : [];
  if (!y || !mo || !d) return { ok: false, reason: 'format' };
  const date = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isIsoDate(date) ? { ok: true, date } : { ok: false, reason: 'nonexistent' };
}
