import { ATW_HOLIDAYS, FIRST_YEAR, LAST_YEAR } from './atw-holidays-table.ts';
import type { Organization } from '../../schemas/organization.ts';
import { decreedDates } from './decreed-days.ts';
import { createWorkCalendar, type WorkCalendar } from './calendar.ts';
import type { IsoDate } from '../dates/iso-date.ts';

export { FIRST_YEAR, LAST_YEAR };

/**
 * The public holidays of the Algemene termijnenwet (art. 3) in `year`, sorted, weekend days included.
 * From the table `npm run holidays` generates with date-holidays (see atw-rules.ts).
 * @example atwHolidays(2026)[1] === '2026-04-03' // Goede Vrijdag
 */
export function atwHolidays(year: number): readonly IsoDate[] {
  const days = ATW_HOLIDAYS[year - FIRST_YEAR];
  if (!days) throw new RangeError(`no holiday table for ${year}: dates must lie between ${FIRST_YEAR} and ${LAST_YEAR}`);
  return days.map((md) => `${year}-${md}`);
}

/** The working-day calendar of an organization: Atw holidays, the decreed days (art. 3 lid 3 Atw) and its own extra non-working days. */
export function calendarFor(org: Organization): WorkCalendar {
  return createWorkCalendar({ holidays: atwHolidays, extraNonWorkingDays: [...decreedDates(), ...org.calendar.extra_non_working_days] });
}
