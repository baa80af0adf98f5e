import type { CaseData } from '../../schemas/case.ts';
import type { Organization } from '../../schemas/organization.ts';
import { closedOn } from '../deadlines/deadlines.ts';
import type { IsoDate } from '../dates/iso-date.ts';

/** A closed case whose personal data is kept longer than organization.yml allows. */
export interface RetentionDue {
  id: string;
  closed_on: IsoDate;
  /** Last day the personal data may be kept: closed_on + years_after_closing. */
  keep_until: IsoDate;
}

/** `date` plus `years` calendar years; 29 February becomes 28 February in a common year. */
export function addYears(date: IsoDate, years: number): IsoDate {
  const y = +date.slice(0, 4) + years;
  const md = date.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}

/** Closed cases, not yet anonymized, whose retention period has passed on `today` (AVG: no longer than needed). */
export function pastRetention(cases: readonly CaseData[], retention: Organization['retention'], today: IsoDate): RetentionDue[] {
  return cases.flatMap((c) => {
    const closed = closedOn(c);
    if (!closed || c.anonymized) return [];
    const keep_until = addYears(closed, retention.years_after_closing);
    return today > keep_until ? [{ id: c.id, closed_on: closed, keep_until }] : [];
  });
}
