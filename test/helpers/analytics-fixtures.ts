import { readFileSync } from 'node:fs';
import { caseSchema, type CaseData, type CaseInput } from '../../schemas/case.ts';
import { calendarFor } from '../../lib/calendar/holidays.ts';
import { parseOrganization } from '../../lib/organization/organization.ts';
import { toReportCases, type ReportCase } from '../../lib/analytics/report-case.ts';

/** The project's organization.yml (the real calendar and deadlines: 20 working days). */
export const org = parseOrganization('organization.yml', readFileSync(new URL('../../organization.yml', import.meta.url), 'utf8'));
/** The organization's working-day calendar. */
export const cal = calendarFor(org);

/** A valid case from a few fields: an open e-mailed complaint to anouk about communication unless told otherwise. */
export function makeCase(fields: Partial<CaseInput> & { id: string; received: string }): CaseData {
  return caseSchema.parse({
    organizer: 'anouk',
    status: 'open',
    channel: 'email',
    categories: ['communicatie'],
    complainant: { name: 'Test' },
    ...fields,
  });
}

/** A resolved case with a written response on `responded`. */
export function resolved(id: string, received: string, responded: string, extra: Partial<CaseInput> = {}): CaseData {
  return makeCase({ id, received, status: 'resolved', response: { date: responded, findings: 'f', conclusions: 'c' }, ...extra });
}

/** The report's view of `cases` on `today`. */
export function reportCases(cases: CaseData[], today: string): ReportCase[] {
  return toReportCases(cases, cal, org.deadlines, today);
}
