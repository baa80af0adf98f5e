import { calendarFor } from '../lib/organization.ts';
import { formatAnnotation, formatProblem } from '../lib/problems.ts';
import { validateCases } from '../lib/validate.ts';
import { COMMON_OPTIONS, UsageError, parseCommandLine, runMain } from './io/cli.ts';
import { loadCaseFiles, loadOrganization } from './io/load.ts';

const HELP = `Usage: npm run validate -- [options]

Checks organization.yml and every case file (cases/**/K-*.md) and reports every problem at once,
one per line as path:line: field: message. Exits 1 when there is an error, 0 when there are only
warnings (a late filing, an oral complaint not yet confirmed in writing) or nothing at all.

Options:
  --cases DIR        folder with the case files (default: cases)
  --config FILE      the organization's configuration (default: organization.yml)
  --format FORMAT    text (default) or github (workflow annotations ::error file=…,line=…::…)
  -h, --help         show this help`;

await runMain('validate', async () => {
  const { values } = parseCommandLine(process.argv.slice(2), { ...COMMON_OPTIONS, format: { type: 'string', default: 'text' } });
  if (values.help) return void console.log(HELP);
  if (values.format !== 'text' && values.format !== 'github') throw new UsageError(`--format must be text or github, got "${values.format}"`);
  const org = await loadOrganization(values.config);
  const files = await loadCaseFiles(values.cases);
  const result = validateCases(files, org, calendarFor(org));
  const format = values.format === 'github' ? formatAnnotation : formatProblem;
  for (const p of result.problems) (p.severity === 'error' ? console.error : console.log)(format(p));
  const summary = `${files.length} case file(s) checked: ${result.errorCount} error(s), ${result.warningCount} warning(s)`;
  if (result.errorCount > 0) {
    console.error(summary);
    return 1;
  }
  console.log(summary);
  return 0;
});
