import type { CaseData } from '../../schemas/case.ts';
import type { Organization } from '../../schemas/organization.ts';
import { addWorkdays, workdaysBetween, type WorkCalendar } from '../calendar/calendar.ts';
import type { IsoDate } from '../dates/iso-date.ts';

/** Where a case stands against its handling deadline on a given day. */
export type DeadlineState = 'on_track' | 'due_soon' | 'due_today' | 'overdue' | 'closed_on_time' | 'closed_late' | 'withdrawn';

/** A case's deadlines and state as of `today`. Keys are those of `npm run deadlines -- --json`. */
export interface CaseDeadline {
  id: string;
  organizer: string;
  status: CaseData['status'];
  received: IsoDate;
  /** Handling deadline: received + 20 working days (art. 5.4, 6.2). */
  due: IsoDate;
  state: DeadlineState;
  /** Working days from today to `due`; negative when overdue; null once the case is closed or withdrawn. */
  workdays_left: number | null;
  /** Filing deadline: assignment completed + 30 working days (art. 4.1); null when the end date is unknown. */
  filing_deadline: IsoDate | null;
  /** Received after the filing deadline. Flagged, never refused (art. 4.1). */
  filed_late: boolean;
  /** Date the case was closed (response, escalation or withdrawal), or null while open. */
  closed_on: IsoDate | null;
}

/** The date a case was closed: the written response, the escalation, or the withdrawal; null while open. */
export function closedOn(c: CaseData): IsoDate | null {
  switch (c.status) {
    case 'resolved':
      return c.response?.date ?? null;
    case 'escalated':
      return c.escalation?.date ?? null;
    case 'withdrawn':
      return c.withdrawn_on ?? null;
    default:
      return null;
  }
}

/** art. 4.1: a complaint is filed within 30 working days after the assignment ended; null when that end is unknown. */
export function filingDeadline(c: CaseData, cal: WorkCalendar, terms: Organization['deadlines']): IsoDate | null {
  return c.assignment_completed ? addWorkdays(cal, c.assignment_completed, terms.filing_workdays) : null;
}

/** Whether the receipt was acknowledged within the organization's own term, late, not yet (owed), or is not owed. */
export type Acknowledgement = 'done' | 'late' | 'missing' | 'not_owed';

/**
 * The receipt's acknowledgement against `acknowledgement_workdays` (organization.yml, the organization's own
 * standard: the regulation names no term): due that many working days after receipt; owed from the end of that
 * term on, unless the complaint was withdrawn within it.
 * @example acknowledgementOf({ received: '2026-11-24', acknowledged: '2026-12-07', … }, cal, terms, today).state === 'late'
 */
export function acknowledgementOf(
  c: Pick<CaseData, 'received' | 'acknowledged' | 'withdrawn_on'>,
  cal: WorkCalendar,
  terms: Pick<Organization['deadlines'], 'acknowledgement_workdays'>,
  today: IsoDate,
): { due: IsoDate; state: Acknowledgement } {
  const due = addWorkdays(cal, c.received, terms.acknowledgement_workdays);
  if (c.acknowledged) return { due, state: c.acknowledged <= due ? 'done' : 'late' };
  const notOwed = (c.withdrawn_on !== undefined && c.withdrawn_on <= due) || today <= due;
  return { due, state: notOwed ? 'not_owed' : 'missing' };
}

/**
 * Deadlines and state of one case on `today` (the date in the organization's time zone, passed in by the caller).
 * @example caseDeadline(c, cal, org.deadlines, '2026-11-24').state === 'due_soon'
 */
export function caseDeadline(c: CaseData, cal: WorkCalendar, terms: Organization['deadlines'], today: IsoDate): CaseDeadline {
  const filing_deadline = filingDeadline(c, cal, terms);
  // art. 5.4, 6.2: handled in writing within 20 working days after receipt
  const due = addWorkdays(cal, c.received, terms.handling_workdays);
  const base = {
    id: c.id,
    organizer: c.organizer,
    status: c.status,
    received: c.received,
    due,
    filing_deadline,
    filed_late: filing_deadline !== null && c.received > filing_deadline,
    closed_on: closedOn(c),
  };
  if (c.status === 'withdrawn') return { ...base, state: 'withdrawn', workdays_left: null };
  if (c.status !== 'open') {
    const answered = c.response?.date ?? base.closed_on ?? today;
    return { ...base, state: answered <= due ? 'closed_on_time' : 'closed_late', workdays_left: null };
  }
  if (today > due) {
    // a case due on Friday is 1 working day over from Saturday on
    return { ...base, state: 'overdue', workdays_left: -Math.max(1, workdaysBetween(cal, due, today)) };
  }
  const left = workdaysBetween(cal, today, due);
  const state: DeadlineState = today === due ? 'due_today' : left <= terms.reminder_workdays ? 'due_soon' : 'on_track';
  return { ...base, state, workdays_left: left };
}

// ISO dates and ids (K-2026-001) are ASCII in one form: their code-unit order is their order, without a collator
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Most urgent first (fewest working days left), closed cases after open ones; then by deadline and id. */
export const compareUrgency = (a: CaseDeadline, b: CaseDeadline): number =>
  (a.workdays_left ?? Infinity) - (b.workdays_left ?? Infinity) || byText(a.due, b.due) || byText(a.id, b.id);

/** Deadlines of many cases, most urgent first (fewest working days left), closed cases after open ones. */
export function caseDeadlines(
  cases: readonly CaseData[],
  cal: WorkCalendar,
  terms: Organization['deadlines'],
  today: IsoDate,
): CaseDeadline[] {
  return cases.map((c) => caseDeadline(c, cal, terms, today)).sort(compareUrgency);
}
