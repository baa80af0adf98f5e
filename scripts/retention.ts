import { rm } from 'node:fs/promises';
import { calendarFor } from '../lib/calendar/holidays.ts';
import { InputError } from '../lib/problems/problems.ts';
import { planRetention } from '../lib/cases/retention-plan.ts';
import { validateCases } from '../lib/cases/validate.ts';
import { COMMON_OPTIONS, parseCommandLine, runMain } from '../io/cli.ts';
import { leftoverTempFiles, writeFileAtomic } from '../io/atomic-write.ts';
import { shown } from '../io/files.ts';
import { loadCaseFiles, loadOrganization } from '../io/case-files.ts';
import { resolveToday } from '../io/today.ts';

const HELP = `Usage: npm run retention -- [--apply] [options]

Lists the closed cases whose retention period has passed: retention.years_after_closing in
organization.yml (default 2) years after the case was closed (response, escalation or withdrawal).
The AVG/GDPR sets no fixed term, only "no longer than needed"; see the README.

A dry run by default: it prints, per case, exactly which fields would be removed, and changes nothing.
With --apply it removes them: the complainant (name, contact details, representative), the notes of
the handling steps, every YAML comment in the frontmatter (free text; listed by line) and the Markdown
body (the complaint text and notes), and sets "anonymized: <today>".
It keeps dates, organizer, categories, causes, the response, the outcome and the improvements, so the
report still counts the case. It touches no other file, and every changed file passes npm run validate.
It never prints the personal data itself. Each file is replaced atomically (a unique temporary file,
flushed to disk, renamed over it), and reported only after that; a temporary file left by a run that was
killed is removed by the next --apply.

Options:
  --apply              remove the personal data (default: only show what would be removed)
  --today YYYY-MM-DD   count as if it were this date (default: today in Europe/Amsterdam)
  --cases DIR          folder with the case files (default: cases)
  --config FILE        the organization's configuration (default: organization.yml)
  -h, --help           show this help`;

await runMain('retention', async () => {
  const { values } = parseCommandLine(process.argv.slice(2), {
    ...COMMON_OPTIONS,
    apply: { type: 'boolean', default: false },
    today: { type: 'string' },
  });
  if (values.help) return void console.log(HELP);
  const org = await loadOrganization(values.config);
  const today = resolveToday(org, values.today);
  const files = await loadCaseFiles(values.cases);
  const result = validateCases(files, org, calendarFor(org));
  if (result.errorCount > 0)
    throw new InputError(
      `${result.errorCount} error(s) in the case files; fix them first (npm run validate)`,
      result.problems.filter((p) => p.severity === 'error'),
    );
  const plan = planRetention(files, result.cases, org, today);
  // a run killed halfway may have left its temporary file: ours by name; it never blocks a later run
  const leftovers = leftoverTempFiles(values.cases);
  for (const f of leftovers) {
    if (values.apply) await rm(f, { force: true });
    console.log(`${values.apply ? 'removed' : 'would remove'} the leftover temporary file ${shown(f)} of an interrupted run`);
  }

  const years = org.retention.years_after_closing;
  console.log(
    `Retention on ${today}: personal data of a closed case is kept ${years} year(s) after closing (organization.yml, retention).`,
  );
  if (plan.length === 0) return void console.log('No case is past its retention period. Nothing to do.');
  const verb = values.apply ? 'removed' : 'would remove';
  for (const a of plan) {
    // the file first, then the log: "removed" is printed only once it is true
    if (values.apply) await writeFileAtomic(a.file, a.text);
    console.log(`\n${a.id} (${a.file}): closed ${a.closed_on}, kept until ${a.keep_until}`);
    for (const field of a.removed) console.log(`  ${verb} ${field}`);
    console.log(`  ${values.apply ? 'set' : 'would set'} anonymized: ${today}`);
  }
  if (values.apply)
    console.log(
      `\nChanged ${plan.length} case file(s); no other file was touched. Commit the change. Note: Git history still holds the old text (see README, "Retention").`,
    );
  else
    console.log(
      `\nDry run: nothing was changed. Run "npm run retention -- --apply" to remove this personal data from ${plan.length} case file(s).`,
    );
});
