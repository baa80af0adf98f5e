import { formatAnnotation, formatProblem } from '../lib/problems/problems.ts';
import { loadCaseFacts } from '../io/case-facts.ts';
import { COMMON_OPTIONS, LANG_HELP, UsageError, parseCommandLine, runMain } from '../io/cli.ts';
import { resolveToday } from '../io/today.ts';
import { regulationProblems } from '../io/regulation.ts';
import { readConfigText } from '../io/files.ts';
import { stderr, stdout } from '../io/output.ts';
import { decreedDaysProblem } from '../lib/deadlines/deadline-table.ts';
import { t } from '../schemas/language.ts';

const HELP = `Usage: npm run validate -- [options]

Checks organization.yml, the practice's regulation (regulation/klachtenreglement.nl.txt beside it: its
terms and complaints body must be organization.yml's) and every case file (cases/**/K-*.md) and reports every problem at once,
one per line as path:line: field: message (at most ten per file, then "… en N meer"), in Dutch
(English with --lang en or KLACHTEN_LANG=en). Control characters from a file are printed escaped
(a newline as \\n), so no file can add a line of its own to the output. Exits 1 when there is an
error, 0 when there are only warnings (a late filing, an oral complaint not yet confirmed in writing,
a free text whose line holds a YAML comment after the text, " #", which cuts it short, the list of
decreed days running out) or nothing at all.

Options:
  --cases DIR        folder with the case files (default: cases)
  --config FILE      the organization's configuration (default: organization.yml)
  --today YYYY-MM-DD check as if it were this date (default: today in the organization's time zone, organization.yml); used for
                     the warning when the decreed days (lib/calendar/decreed-days.ts) run out before
                     today plus the longest term
  --format FORMAT    text (default) or github (workflow annotations ::error file=…,line=…::…)
  --no-cache         check every file afresh (normally unchanged files reuse their last check,
                     kept in node_modules/.cache/klachtenregeling)
${LANG_HELP}
  -h, --help         show this help`;

await runMain('validate', async () => {
  const { values } = parseCommandLine(process.argv.slice(2), {
    ...COMMON_OPTIONS,
    format: { type: 'string', default: 'text' },
    today: { type: 'string' },
  });
  if (values.help) return stdout.line(HELP);
  if (values.format !== 'text' && values.format !== 'github')
    throw new UsageError(`--format: expected text or github, got "${values.format}"`);
  const { validation: result, fileCount, org, cal } = await loadCaseFacts(values.cases, values.config, !values['no-cache']);
  const format = values.format === 'github' ? formatAnnotation : formatProblem;
  for (const p of result.problems) (p.severity === 'error' ? stderr.line : stdout.line)(format(p));
  // art. 3 lid 3 Atw: a deadline counted today must not reach past the decreed days we know
  const today = resolveToday(org, values.today);
  const calendarWarning = decreedDaysProblem(cal, org.deadlines, today);
  if (calendarWarning) stdout.line(format(calendarWarning));
  // the practice's regulation and organization.yml must say the same terms and body (lib/regulation/ties.ts)
  const regulation = (await regulationProblems(values.config, org, readConfigText(values.config))).problems;
  for (const p of regulation) (p.severity === 'error' ? stderr.line : stdout.line)(format(p));
  const regulationErrors = regulation.filter((p) => p.severity === 'error').length;
  const errors = result.errorCount + regulationErrors;
  const warnings = result.warningCount + (calendarWarning ? 1 : 0) + regulation.length - regulationErrors;
  const summary = t(
    `${fileCount} dossier(s) gecontroleerd: ${errors} fout(en), ${warnings} waarschuwing(en)`,
    `${fileCount} case file(s) checked: ${errors} error(s), ${warnings} warning(s)`,
  );
  if (errors > 0) {
    stderr.line(summary);
    return 1;
  }
  stdout.line(summary);
  return 0;
});
