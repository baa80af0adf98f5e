import { formatAnnotation, formatProblem } from '../lib/problems/problems.ts';
import { loadCaseFacts } from '../io/case-facts.ts';
import { COMMON_OPTIONS, LANG_HELP, UsageError, parseCommandLine, runMain } from '../io/cli.ts';
import { t } from '../schemas/language.ts';

const HELP = `Usage: npm run validate -- [options]

Checks organization.yml and every case file (cases/**/K-*.md) and reports every problem at once,
one per line as path:line: field: message, in Dutch (English with --lang en or KLACHTEN_LANG=en).
Exits 1 when there is an error, 0 when there are only warnings (a late filing, an oral complaint
not yet confirmed in writing, a free text whose line holds a YAML comment after the text, " #",
which cuts it short) or nothing at all.

Options:
  --cases DIR        folder with the case files (default: cases)
  --config FILE      the organization's configuration (default: organization.yml)
  --format FORMAT    text (default) or github (workflow annotations ::error file=…,line=…::…)
  --no-cache         check every file afresh (normally unchanged files reuse their last check,
                     kept in node_modules/.cache/klachtenregeling)
${LANG_HELP}
  -h, --help         show this help`;

await runMain('validate', async () => {
  const { values } = parseCommandLine(process.argv.slice(2), { ...COMMON_OPTIONS, format: { type: 'string', default: 'text' } });
  if (values.help) return void console.log(HELP);
  if (values.format !== 'text' && values.format !== 'github')
    throw new UsageError(`--format: expected text or github, got "${values.format}"`);
  const { validation: result, fileCount } = await loadCaseFacts(values.cases, values.config, !values['no-cache']);
  const format = values.format === 'github' ? formatAnnotation : formatProblem;
  for (const p of result.problems) (p.severity === 'error' ? console.error : console.log)(format(p));
  const summary = t(
    `${fileCount} dossier(s) gecontroleerd: ${result.errorCount} fout(en), ${result.warningCount} waarschuwing(en)`,
    `${fileCount} case file(s) checked: ${result.errorCount} error(s), ${result.warningCount} warning(s)`,
  );
  if (result.errorCount > 0) {
    console.error(summary);
    return 1;
  }
  console.log(summary);
  return 0;
});
