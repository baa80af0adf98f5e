import { caseDeadlines } from '../lib/deadlines/deadlines.ts';
import { deadlineTableText, decreedDaysProblem } from '../lib/deadlines/deadline-table.ts';
import { formatAnnotation, formatProblem } from '../lib/problems/problems.ts';
import { t } from '../schemas/language.ts';
import {
  COMMON_OPTIONS,
  DEADLINE_OPTIONS,
  DEFAULT_MAX_WRITES,
  LANG_HELP,
  UsageError,
  maxWritesOf,
  parseCommandLine,
  runMain,
} from '../io/cli.ts';
import { loadCaseFacts } from '../io/case-facts.ts';
import { printJsonList } from '../io/print-json.ts';
import { stderr, stdout } from '../io/output.ts';
import { resolveToday } from '../io/today.ts';
import { regulationProblems } from '../io/regulation.ts';
import { readConfigText } from '../io/files.ts';

const HELP = `Usage: npm run check -- [options]

Validation and the deadline table in one run: checks organization.yml, the practice's regulation
(regulation/klachtenreglement.nl.txt: its terms and complaints body must be organization.yml's) and every case file
(cases/**/K-*.md) exactly as npm run validate does, then prints the deadline table of the valid cases
exactly as npm run deadlines does. Messages are Dutch (English with --lang en or KLACHTEN_LANG=en).
Exits 1 when a file has an error (after the table and the sync, which cover the valid cases), 0 when
there are only warnings or nothing at all.

Options:
  --format FORMAT      text (default) or github (problems as workflow annotations)
  --json               print the deadlines as JSON on stdout (as npm run deadlines -- --json); the
                       problems and the summary go to stderr
  --today YYYY-MM-DD   count as if it were this date (default: today in the organization's time zone, organization.yml)
  --github             then keep GitHub issues in step with the valid cases, and keep one issue
                       "Ongeldig dossier" open naming each invalid file and field (see
                       npm run deadlines -- --help)
  --dry-run            with --github: read the issues, print the plan, write nothing
  --max-writes N       with --github: write requests per run at most (default ${DEFAULT_MAX_WRITES})
  --cases DIR          folder with the case files (default: cases)
  --config FILE        the organization's configuration (default: organization.yml)
  --no-cache           check every file afresh (normally unchanged files reuse their last check, kept in
                       node_modules/.cache/klachtenregeling, keyed by Git's blob id of the file)
${LANG_HELP}
  -h, --help           show this help`;

await runMain('check', async () => {
  const { values } = parseCommandLine(process.argv.slice(2), {
    ...COMMON_OPTIONS,
    format: { type: 'string', default: 'text' },
    ...DEADLINE_OPTIONS,
  });
  if (values.help) return stdout.line(HELP);
  if (values.format !== 'text' && values.format !== 'github')
    throw new UsageError(`--format: expected text or github, got "${values.format}"`);
  const maxWrites = maxWritesOf(values);

  const { org, cal, validation: result, fileCount } = await loadCaseFacts(values.cases, values.config, !values['no-cache']);
  const today = resolveToday(org, values.today);
  // with --json, stdout holds only the JSON
  const info = values.json ? stderr.line : stdout.line;
  const format = values.format === 'github' ? formatAnnotation : formatProblem;
  for (const p of result.problems) (p.severity === 'error' ? stderr.line : info)(format(p));
  const calendarWarning = decreedDaysProblem(cal, org.deadlines, today);
  if (calendarWarning) info(format(calendarWarning));
  // the practice's regulation and organization.yml must say the same terms and body (lib/regulation/ties.ts)
  const regulation = (await regulationProblems(values.config, org, readConfigText(values.config))).problems;
  for (const p of regulation) (p.severity === 'error' ? stderr.line : info)(format(p));
  const regulationErrors = regulation.filter((p) => p.severity === 'error').length;
  const errors = result.errorCount + regulationErrors;
  const warnings = result.warningCount + (calendarWarning ? 1 : 0) + regulation.length - regulationErrors;
  const summary = t(
    `${fileCount} dossier(s) gecontroleerd: ${errors} fout(en), ${warnings} waarschuwing(en)`,
    `${fileCount} case file(s) checked: ${errors} error(s), ${warnings} warning(s)`,
  );
  (errors > 0 ? stderr.line : info)(summary);

  const deadlines = caseDeadlines(
    result.cases.map((r) => r.data),
    cal,
    org.deadlines,
    today,
  );
  if (values.json) await printJsonList(deadlines);
  else {
    if (result.errorCount > 0) stdout.line(t('\nDossiers met een fout staan niet in de tabel.', '\nFiles with an error are left out.'));
    stdout.line(`\n${deadlineTableText(deadlines, today, org.deadlines.handling_workdays, org.time_zone)}`);
  }
  if (values.github) {
    stdout.line('');
    const { syncCheckedCases } = await import('../io/github/sync.ts'); // Octokit loads only here
    await syncCheckedCases(result, { org, cal, today, dryRun: values['dry-run'], maxWrites });
  }
  return errors > 0 ? 1 : 0;
});
