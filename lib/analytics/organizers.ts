import type { Organization } from '../../schemas/organization.ts';
import { isAnswered, type ReportCase } from './report-case.ts';
import { median } from './stats.ts';
import { timeliness } from './timeliness.ts';

/** Art. 6.1: one organizer's complaints. */
export interface OrganizerRow {
  key: string;
  name: string;
  received: number;
  open: number;
  overdue_now: number;
  answered: number;
  on_time: number;
  share_on_time: number | null;
  median_workdays: number | null;
  escalated: number;
  withdrawn: number;
}

/** Complaints per organizer, in the configuration's order (organizers without complaints get a row of zeros). */
export function perOrganizer(cases: readonly ReportCase[], organizers: Organization['organizers'], term: number): OrganizerRow[] {
  return organizers.map((o) => {
    const own = cases.filter((c) => c.organizer === o.key);
    const t = timeliness(own, term);
    return {
      key: o.key,
      name: o.name,
      received: own.length,
      open: own.filter((c) => c.status === 'open').length,
      overdue_now: own.filter((c) => c.deadline.state === 'overdue').length,
      answered: t.answered,
      on_time: t.on_time,
      share_on_time: t.share_on_time,
      median_workdays: median(own.flatMap((c) => (c.handling_workdays !== null && isAnswered(c) ? [c.handling_workdays] : []))),
      escalated: own.filter((c) => c.outcome === 'escalated').length,
      withdrawn: own.filter((c) => c.outcome === 'withdrawn').length,
    };
  });
}
