import { addWorkdays, type WorkCalendar } from '../calendar/calendar.ts';
import { beyondDecreedDays } from '../calendar/decreed-days.ts';
import { parseDateInput } from '../dates/date-input.ts';
import { OutsideTableError } from '../calendar/browser-holiday-table.ts';
import type { IsoDate } from '../dates/iso-date.ts';

/**
 * The calculator's answer for one typed date. `beyondDecrees`: the deadline lies after the last day whose decreed
 * days are known (art. 3 lid 3 Atw), so a later decree may still move it.
 */
export type CalculatorResult =
  | { ok: true; start: IsoDate; due: IsoDate; beyondDecrees: boolean }
  | { ok: false; reason: 'empty' | 'format' | 'nonexistent' | 'outside' };

/**
 * The public calculator's core: a typed date plus `workdays` working days (the date itself is day 0).
 * A date whose count leaves the known years gives `outside`, never a guess.
 * @example calculateDeadline(cal, '29-5-2026', 30) // { ok: true, start: '2026-05-29', due: '2026-07-10', beyondDecrees: false }
 */
export function calculateDeadline(cal: WorkCalendar, typed: string, workdays: number): CalculatorResult {
  const input = parseDateInput(typed);
  if (!input.ok) return input;
  try {
    const due = addWorkdays(cal, input.date, workdays);
    return { ok: true, start: input.date, due, beyondDecrees: beyondDecreedDays(due) };
  } catch (error) {
    if (error instanceof OutsideTableError) return { ok: false, reason: 'outside' };
    throw error;
  }
}

/**
 * Art. 4.1: whether a complaint sent on `sent` reaches the organizer after the filing deadline `filingDue` (the
 * assignment's end plus the filing term). A complaint made while the assignment still runs is on time. A late
 * complaint is still handled; the calculator says both.
 * @example sentLate('2026-07-13', '2026-07-10') === true
 */
export const sentLate = (sent: IsoDate, filingDue: IsoDate): boolean => sent > filingDue;
