import { monthNames } from './format.ts';
import { isIsoDate, type IsoDate } from './iso-date.ts';

/** What a person typed as a date, read: the date, or why it is not one. */
export type DateInput = { ok: true; date: IsoDate } | { ok: false; reason: 'empty' | 'format' | 'nonexistent' };

/**
 * Month names and their usual short forms, Dutch and English, lower case, to the month's number:
 * "oktober", "okt", "october", "oct", and the Dutch "mrt" and "sept".
 */
const MONTH_WORDS: ReadonlyMap<string, number> = new Map(
  [...monthNames('nl'), ...monthNames('en')]
    .flatMap((name, i) => {
      const month = (i % 12) + 1;
      const full = name.toLowerCase();
      return [
        [full, month],
        [full.slice(0, 3), month],
      ] as [string, number][];
    })
    .concat([
      ['mrt', 3],
      ['sept', 9],
    ]),
);

/** Weekday names that may precede a written date ("vrijdag 30 oktober 2026", "Fri 30 Oct 2026"); they are not checked. */
const WEEKDAY =
  /^(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|ma|di|wo|do|vr|za|zo|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\.?,?\s+/i;

/** The month number of a written month ("okt", "Oct.", "oktober"), if it is one. */
const monthOf = (word: string): number | undefined => MONTH_WORDS.get(word.toLowerCase().replace(/\.$/, ''));

/**
 * Read a date as people type it: day-month-year (`29-5-2026`, `29/05/2026`, `29.5.2026`, `29 5 2026`), ISO
 * `2026-05-29`, or written out in Dutch or English (`30 oktober 2026`, `30 okt 2026`, `30 Oct. 2026`,
 * `October 30, 2026`, with or without a weekday before it). A date that does not exist (`30-2-2026`) is
 * `nonexistent`, not silently moved.
 * @example parseDateInput(' 3-4-2026 ') // { ok: true, date: '2026-04-03' }
 * @example parseDateInput('30 okt 2026') // { ok: true, date: '2026-10-30' }
 */
export function parseDateInput(text: string): DateInput {
  const s = text.trim().replace(WEEKDAY, '');
  if (s === '') return { ok: false, reason: 'empty' };
  let parts: (string | number | undefined)[] = [];
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s))) parts = [m[1], m[2], m[3]];
  else if ((m = /^(\d{1,2})\s*[-/.\s]\s*(\d{1,2})\s*[-/.\s]\s*(\d{4})$/.exec(s))) parts = [m[3], m[2], m[1]];
  else if ((m = /^(\d{1,2})\.?\s*([a-z]+\.?)\s*,?\s*(\d{4})$/i.exec(s))) parts = [m[3], monthOf(m[2]!), m[1]];
  else if ((m = /^([a-z]+\.?)\s*(\d{1,2})(?:st|nd|rd|th)?\s*,?\s*(\d{4})$/i.exec(s))) parts = [m[3], monthOf(m[1]!), m[2]];
  const [y, mo, d] = parts;
  if (y === undefined || mo === undefined || d === undefined) return { ok: false, reason: 'format' };
  const date = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isIsoDate(date) ? { ok: true, date } : { ok: false, reason: 'nonexistent' };
}
