import { addWorkdays, type WorkCalendar } from '../calendar/calendar.ts';
import { parseDateInput } from '../dates/date-input.ts';
import { OutsideTableError } from '../calendar/browser-holiday-table.ts';
import type { IsoDate } from '../dates/iso-date.ts';

/** The calculator's answer for one typed date. */
export type CalculatorResult =
  { ok: true; start: IsoDate; due: IsoDate } | { ok: false; reason: 'empty' | 'format' | 'nonexistent' | 'outside' };

/**
 * The public calculator's core: a typed date plus `workdays` working days (the date itself is day 0).
 * A date whose count leaves the known years gives `outside`, never a guess.
 * @example calculateDeadline(cal, '29-5-2026', 30) // { ok: true, start: '2026-05-29', due: '2026-07-10' }
 */
export function calculateDeadline(cal: WorkCalendar, typed: string, workdays: number): CalculatorResult {
  const input = parseDateInput(typed);
  if (!input.ok) return input;
  try {
    return { ok: true, start: input.date, due: addWorkdays(cal, input.date, workdays) };
  } catch (error) {
    if (error instanceof OutsideTableError) return { ok: false, reason: 'outside' };
    throw error;
  }
}
