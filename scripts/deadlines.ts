import { caseDeadlines } from '../lib/deadlines/deadlines.ts';
import { deadlineTableText, decreedDaysProblem } from '../lib/deadlines/deadline-table.ts';
import { InputError, formatProblem } from '../lib/problems/problems.ts';
import { t } from '../schemas/language.ts';
import { COMMON_OPTIONS, DEADLINE_OPTIONS, DEFAULT_MAX_WRITES, LANG_HELP, maxWritesOf, parseCommandLine, runMain } from '../io/cli.ts';
import { loadCaseFacts } from '../io/case-facts.ts';
import { printJsonList } from '../io/print-json.ts';
import { stderr, stdout } from '../io/output.ts';
import { resolveToday } from '../io/today.ts';
import { vocabulary } from '../lib/vocabulary/index.ts';

const states = vocabulary('nl').deadlineState;
const HELP = `Usage: npm run deadlines -- [options]

Prints every case with its handling deadline (received + 20 working days, art. 5.4), its state
and the working days left (negative when overdue), most urgent first. The table is in Dutch
(states in words: "${states.on_track}", "${states.overdue}", ...); --lang en prints the keys below. Working days follow the
Algemene termijnenwet; "today" is the date in the organization's time zone (organization.yml).

States: on_track, due_soon (at most reminder_workdays left), due_today, overdue,
closed_on_time, closed_late, withdrawn.

Options:
  --today YYYY-MM-DD   count as if it were this date (default: today in the organization's time zone, organization.yml)
  --json               print a JSON array (id, organizer, status, received, due, state,
                       workdays_left, filing_deadline, filed_late, closed_on)
  --github             keep GitHub issues in step with the cases: one issue per case that is
                       due_soon, due_today or overdue, one per late filing (art. 4.1), one for
                       the closed cases past their retention period; closed when settled.
                       Invalid case files do not stop it: the valid cases are synced, one issue
                       "Ongeldig dossier" names each invalid file and field, and it exits 1.
                       Two issues of one case (a duplicate) are repaired: the oldest stays.
                       Reads GITHUB_TOKEN, GITHUB_REPOSITORY (owner/repo) and GITHUB_API_URL
                       (default https://api.github.com). Without GITHUB_TOKEN: a dry run.
  --dry-run            with --github: read the issues, print the plan, write nothing
  --max-writes N       with --github: write requests per run at most (default ${DEFAULT_MAX_WRITES});
                       the next run carries on where this one stopped
  --cases DIR          folder with the case files (default: cases)
  --config FILE        the organization's configuration (default: organization.yml)
  --no-cache           check every case file afresh (see npm run validate -- --help)
${LANG_HELP}
  -h, --help           show this help

In GitHub Actions (GITHUB_STEP_SUMMARY set) --github also writes a summary table, and prints a
warning annotation for each overdue case. See README, "Deadline watch on GitHub".`;

await runMain('deadlines', async () => {
  const { values } = parseCommandLine(process.argv.slice(2), {
    ...COMMON_OPTIONS,
    ...DEADLINE_OPTIONS,
  });
  if (values.help) return stdout.line(HELP);
  const maxWrites = maxWritesOf(values);
  const { org, cal, validation: result } = await loadCaseFacts(values.cases, values.config, !values['no-cache']);
  const today = resolveToday(org, values.today);
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0 && !values.github)
    throw new InputError(
      t(
        `${result.errorCount} fout(en) in de dossiers; herstel die eerst (npm run validate)`,
        `${result.errorCount} error(s) in the case files; fix them first (npm run validate)`,
      ),
      errors,
    );
  // --github: one invalid file must not silence the alerts. The valid cases are synced, one issue names the
  // invalid files and fields, and the command still exits 1 so CI shows red.
  for (const p of errors) stderr.line(formatProblem(p));
  const deadlines = caseDeadlines(
    result.cases.map((r) => r.data),
    cal,
    org.deadlines,
    today,
  );
  if (values.json) return void (await printJsonList(deadlines));
  stdout.line(deadlineTableText(deadlines, today, org.deadlines.handling_workdays, org.time_zone));
  // art. 3 lid 3 Atw: the same warning validate and check give when a term starting today runs past the known decrees
  const calendarWarning = decreedDaysProblem(cal, org.deadlines, today);
  if (calendarWarning) stderr.line(formatProblem(calendarWarning));
  if (!values.github) return;
  stdout.line('');
  const { syncCheckedCases } = await import('../io/github/sync.ts'); // Octokit loads only with --github
  await syncCheckedCases(result, { org, cal, today, dryRun: values['dry-run'], maxWrites });
  if (errors.length) {
    const files = new Set(errors.map((p) => p.file)).size;
    // console, as the sync printed: where Node's stream queues (a pipe off Linux), a direct write could overtake it
    console.error(`deadlines: ${result.errorCount} error(s) in ${files} case file(s); the valid cases were synced (npm run validate)`);
    return 1;
  }
});
