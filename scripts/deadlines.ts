import { caseDeadlines, type CaseDeadline } from '../lib/deadlines.ts';
import { InputError } from '../lib/problems.ts';
import { textTable } from '../lib/text-table.ts';
import { COMMON_OPTIONS, parseCommandLine, runMain } from './io/cli.ts';
import { loadCaseFacts } from './io/case-store.ts';
import { resolveToday } from './io/today.ts';

const HELP = `Usage: npm run deadlines -- [options]

Prints every case with its handling deadline (received + 20 working days, art. 5.4), its state
and the working days left (negative when overdue), most urgent first. Working days follow the
Algemene termijnenwet; "today" is the date in Europe/Amsterdam.

States: on_track, due_soon (at most reminder_workdays left), due_today, overdue,
closed_on_time, closed_late, withdrawn.

Options:
  --today YYYY-MM-DD   count as if it were this date (default: today in Europe/Amsterdam)
  --json               print a JSON array (id, organizer, status, received, due, state,
                       workdays_left, filing_deadline, filed_late, closed_on)
  --cases DIR          folder with the case files (default: cases)
  --config FILE        the organization's configuration (default: organization.yml)
  --no-cache           check every case file afresh (see npm run validate -- --help)
  -h, --help           show this help`;

const row = (d: CaseDeadline) => [
  d.id,
  d.organizer,
  d.status,
  d.received,
  d.due,
  d.state,
  d.workdays_left === null ? '' : String(d.workdays_left),
  d.filed_late ? `late (filing deadline ${d.filing_deadline})` : '',
];

await runMain('deadlines', async () => {
  const { values } = parseCommandLine(process.argv.slice(2), { ...COMMON_OPTIONS, today: { type: 'string' }, json: { type: 'boolean', default: false } });
  if (values.help) return void console.log(HELP);
  const { org, cal, validation: result } = await loadCaseFacts(values.cases, values.config, !values['no-cache']);
  const today = resolveToday(org, values.today);
  if (result.errorCount > 0)
    throw new InputError(`${result.errorCount} error(s) in the case files; fix them first (npm run validate)`, result.problems.filter((p) => p.severity === 'error'));
  const deadlines = caseDeadlines(result.cases.map((r) => r.data), cal, org.deadlines, today);
  if (values.json) return void console.log(JSON.stringify(deadlines, null, 2));
  console.log(`Deadlines on ${today} (Europe/Amsterdam), ${org.deadlines.handling_workdays} working days to handle a complaint:\n`);
  console.log(textTable(['case', 'organizer', 'status', 'received', 'due', 'state', 'workdays left', 'filing'], deadlines.map(row)));
});
