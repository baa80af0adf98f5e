import { buildReport, type Report } from '../lib/analytics/report.ts';
import { toReportCases } from '../lib/analytics/report-case.ts';
import { InputError } from '../lib/problems/problems.ts';
import { loadCaseFacts } from './case-facts.ts';
import { resolveToday } from './today.ts';

/** What the report is built from: the cases folder, organization.yml, and an optional fixed 'today'. */
export interface ReportInput {
  cases: string;
  config: string;
  /** YYYY-MM-DD; without it, today's date in the organization's time zone. */
  today?: string;
}

/** The environment variables the report build reads (set by `npm run report`, or by hand for `astro dev`). */
export const REPORT_ENV = {
  cases: 'KLACHTEN_CASES',
  config: 'KLACHTEN_CONFIG',
  today: 'KLACHTEN_TODAY',
  /** A JSON file with the report's figures, prepared by `npm run report` so the cases are read only once. */
  data: 'KLACHTEN_REPORT_DATA',
} as const;

/** The report input named by the environment; defaults: `cases`, `organization.yml`, today. */
export function reportInputFromEnv(env: NodeJS.ProcessEnv): ReportInput {
  return {
    cases: env[REPORT_ENV.cases] || 'cases',
    config: env[REPORT_ENV.config] || 'organization.yml',
    today: env[REPORT_ENV.today] || undefined,
  };
}

/**
 * Read organization.yml and the case files, validate them exactly as `npm run validate` does, and compute
 * the report's figures. Any invalid case stops the report with the same `path:line: field: message` list
 * (a report that silently left out a case would be wrong). The loader drops the complainant and the
 * complaint text; of the rest, only whitelisted fields reach the report.
 */
export async function loadReport(input: ReportInput): Promise<Report> {
  // the shared loader: same checks and messages as npm run validate, records without personal data
  const { org, cal, validation: checked } = await loadCaseFacts(input.cases, input.config);
  if (checked.errorCount > 0)
    throw new InputError(
      `${checked.errorCount} error(s) in the case files; the report is not built. Fix them (npm run validate shows the same list).`,
      checked.problems.filter((p) => p.severity === 'error'),
    );
  const today = resolveToday(org, input.today);
  return buildReport(
    toReportCases(
      checked.cases.map((r) => r.data),
      cal,
      org.deadlines,
      today,
    ),
    org,
    today,
  );
}
