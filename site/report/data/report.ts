import { readFileSync } from 'node:fs';
import type { Report } from '../../../lib/analytics/report.ts';
import { loadReport, reportInputFromEnv, REPORT_ENV } from '../../../scripts/io/load-report.ts';

/**
 * The report's figures, computed once per build. `npm run report` has already read and validated the cases
 * and hands the result over in a JSON file; a bare `astro build/dev --config astro.report.config.mjs`
 * reads them here, through the same loader.
 */
export const report: Report = process.env[REPORT_ENV.data]
  ? (JSON.parse(readFileSync(process.env[REPORT_ENV.data]!, 'utf8')) as Report)
  : await loadReport(reportInputFromEnv(process.env));
