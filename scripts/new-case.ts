import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { checkbox, input, select } from '@inquirer/prompts';
import { CHANNELS } from '../schemas/case.ts';
import { nextCaseId } from '../lib/cases/case-number.ts';
import { caseDeadline } from '../lib/deadlines/deadlines.ts';
import { formatDate } from '../lib/dates/iso-date.ts';
import { newCaseChecks, newCaseFileText, type AnswerCheck, type NewCaseAnswers } from '../lib/cases/new-case.ts';
import { calendarFor } from '../lib/calendar/holidays.ts';
import { InputError } from '../lib/problems/problems.ts';
import { validateCases } from '../lib/cases/validate.ts';
import { COMMON_OPTIONS, UsageError, parseCommandLine, runMain } from '../io/cli.ts';
import { loadCaseFiles, loadOrganization } from '../io/case-files.ts';
import { resolveToday } from '../io/today.ts';

const HELP = `Usage: npm run new-case -- [options]

Registers a new complaint (art. 1.5, 4.5): writes cases/YYYY/K-YYYY-NNN.md with the next free number
of the year it was received, then prints the file, the handling deadline (art. 5.4) and whether the
complaint came in within the filing window (art. 4.1). It never overwrites a file, and what it writes
passes npm run validate.

Asks for what it needs in the terminal. Every question is also a flag: when the flags give the
organizer, channel, name and at least one category, it asks nothing (received defaults to today in
Europe/Amsterdam). With --no-input, or when not run in a terminal, it never asks and stops with a
message naming the missing flags.

Options:
  --organizer KEY               responsible organizer (art. 6.1), from organization.yml
  --received YYYY-MM-DD         date the complaint came in (default: today in Europe/Amsterdam)
  --channel CHANNEL             email, letter, form or oral (art. 1.1, 4.1)
  --name TEXT                   the complainant: the client's name (art. 1.2)
  --email TEXT                  the complainant's e-mail address
  --phone TEXT                  the complainant's phone number
  --address TEXT                the complainant's postal address, on one line
  --representative TEXT         name of a representative who complains for the client (art. 1.2)
  --representative-relation TEXT  how the representative relates to the client, e.g. "dochter"
  --assignment-completed YYYY-MM-DD  date the assignment was completed (start of the filing window)
  --category KEY                a category from organization.yml; repeat it, or separate keys by commas
  --complaint TEXT              the complaint as received (default: a placeholder to fill in the editor)
  --complaint-file FILE         read the complaint as received from a text file
  --id K-YYYY-NNN               use this id instead of the next free one (refused when it exists)
  --no-input                    never ask; fail when a required flag is missing
  --today YYYY-MM-DD            count as if it were this date (default: today in Europe/Amsterdam)
  --cases DIR                   folder with the case files (default: cases)
  --config FILE                 the organization's configuration (default: organization.yml)
  -h, --help                    show this help`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  organizer: { type: 'string' },
  received: { type: 'string' },
  channel: { type: 'string' },
  name: { type: 'string' },
  email: { type: 'string' },
  phone: { type: 'string' },
  address: { type: 'string' },
  representative: { type: 'string' },
  'representative-relation': { type: 'string' },
  'assignment-completed': { type: 'string' },
  category: { type: 'string', multiple: true },
  complaint: { type: 'string' },
  'complaint-file': { type: 'string' },
  id: { type: 'string' },
  'no-input': { type: 'boolean', default: false },
  today: { type: 'string' },
} as const;

const CHANNEL_LABELS: Record<(typeof CHANNELS)[number], string> = {
  email: 'e-mail',
  letter: 'letter (post)',
  form: 'form (website or paper)',
  oral: 'oral (in person or by phone; confirm it in writing, art. 4.1)',
};

/** Throws a UsageError naming the flag when a flag's value fails its check. */
const checkFlag = (flag: string, value: string | undefined, check: AnswerCheck) => {
  if (value === undefined) return;
  const verdict = check(value);
  if (verdict !== true) throw new UsageError(`--${flag}: ${verdict}`);
};

const asInquirerCheck = (check: AnswerCheck) => (v: string) => check(v.trim());

await runMain('new-case', async () => {
  const { values } = parseCommandLine(process.argv.slice(2), OPTIONS);
  if (values.help) return void console.log(HELP);
  const org = await loadOrganization(values.config);
  const today = resolveToday(org, values.today);
  const checks = newCaseChecks(org);
  const notFuture: AnswerCheck = (v) => (checks.received(v) === true && v > today ? `${v} is after today (${today})` : checks.received(v));

  const categories = values.category
    ?.flatMap((c) => c.split(','))
    .map((c) => c.trim())
    .filter(Boolean);
  checkFlag('organizer', values.organizer, checks.organizer);
  checkFlag('received', values.received, notFuture);
  checkFlag('channel', values.channel, checks.channel);
  checkFlag('name', values.name, checks.name);
  checkFlag('email', values.email, checks.email);
  checkFlag('assignment-completed', values['assignment-completed'], checks.assignment_completed);
  for (const c of categories ?? []) checkFlag('category', c, checks.category);
  if (values.complaint !== undefined && values['complaint-file'] !== undefined)
    throw new UsageError('give --complaint or --complaint-file, not both');
  if (values['representative-relation'] !== undefined && values.representative === undefined)
    throw new UsageError("--representative-relation needs --representative (the representative's name)");

  // One organizer: no need to ask who handles it.
  const organizer = values.organizer ?? (org.organizers.length === 1 ? org.organizers[0]?.key : undefined);
  const missing = [
    organizer === undefined && '--organizer',
    values.channel === undefined && '--channel',
    values.name === undefined && '--name',
    !categories?.length && '--category',
  ].filter((m): m is string => m !== false);
  const ask = missing.length > 0;
  if (ask && (values['no-input'] || !process.stdin.isTTY))
    throw new UsageError(`missing ${missing.join(', ')}; give them as flags, or run it in a terminal without --no-input to be asked`);

  let complaint = values.complaint;
  if (values['complaint-file'] !== undefined) {
    try {
      complaint = await readFile(values['complaint-file'], 'utf8');
    } catch (error) {
      throw new UsageError(`--complaint-file: cannot read ${values['complaint-file']}: ${(error as NodeJS.ErrnoException).code ?? error}`);
    }
  }

  let answers: NewCaseAnswers;
  try {
    answers = ask ? await prompt() : fromFlags();
  } catch (error) {
    if ((error as Error).name === 'ExitPromptError') throw new Error('cancelled; nothing was written');
    throw error;
  }

  function fromFlags(): NewCaseAnswers {
    return {
      organizer: organizer!,
      received: values.received ?? today,
      channel: values.channel as NewCaseAnswers['channel'],
      name: values.name!.trim(),
      email: values.email?.trim(),
      phone: values.phone?.trim(),
      address: values.address?.trim(),
      representative: values.representative?.trim()
        ? { name: values.representative.trim(), relation: values['representative-relation']?.trim() }
        : undefined,
      assignment_completed: values['assignment-completed']?.trim() || undefined,
      categories: categories!,
      complaint,
    };
  }

  // Asks only what the flags did not give. Optional questions may be left empty.
  async function prompt(): Promise<NewCaseAnswers> {
    const text = async (message: string, given: string | undefined, check?: AnswerCheck, fallback?: string) =>
      given ?? (await input({ message, default: fallback, validate: check && asInquirerCheck(check) })).trim();
    const chosenOrganizer =
      organizer ??
      (await select({
        message: 'Organizer (responsible for the complaint, art. 6.1)',
        choices: org.organizers.map((o) => ({ value: o.key, name: `${o.name} (${o.key})` })),
      }));
    const received = await text('Date received (YYYY-MM-DD)', values.received, notFuture, today);
    const channel = (values.channel ??
      (await select({
        message: 'How did the complaint come in?',
        choices: CHANNELS.map((c) => ({ value: c, name: CHANNEL_LABELS[c] })),
      }))) as NewCaseAnswers['channel'];
    const name = await text("Complainant: the client's name", values.name, checks.name);
    const email = await text('E-mail address (optional)', values.email, checks.email);
    const phone = await text('Phone number (optional)', values.phone);
    const address = await text('Postal address, on one line (optional)', values.address);
    const representative = await text('Representative who complains for the client (optional, art. 1.2)', values.representative);
    const relation = representative
      ? await text('Relation of the representative to the client, e.g. "dochter" (optional)', values['representative-relation'])
      : undefined;
    const completed = await text(
      'Date the assignment was completed, YYYY-MM-DD (optional, art. 4.1)',
      values['assignment-completed'],
      checks.assignment_completed,
    );
    const chosenCategories = categories?.length
      ? categories
      : await checkbox({
          message: 'Categories (space to select, enter to confirm)',
          choices: org.categories.map((c) => ({ value: c.key, name: c.label })),
          required: true,
        });
    const pasted =
      complaint ?? (await input({ message: 'The complaint as received, one paragraph (optional: empty = paste it in the file later)' }));
    return {
      organizer: chosenOrganizer,
      received,
      channel,
      name,
      email,
      phone,
      address,
      representative: representative ? { name: representative, relation } : undefined,
      assignment_completed: completed || undefined,
      categories: chosenCategories,
      complaint: pasted,
    };
  }

  const files = await loadCaseFiles(values.cases).catch((error: unknown) => {
    // A first case: the folder may not exist yet.
    if (error instanceof InputError && /ENOENT/.test(error.message)) return [];
    throw error;
  });
  const year = +answers.received.slice(0, 4);
  const id =
    values.id ??
    nextCaseId(
      files.map((f) => f.path),
      year,
    );
  if (!/^K-\d{4}-\d{3,}$/.test(id)) throw new UsageError(`--id: expected an id such as K-${year}-001, got "${id}"`);
  if (id.slice(2, 6) !== String(year)) throw new UsageError(`--id: ${id} does not match the year the complaint was received (${year})`);
  const taken = files.find((f) => f.path.replace(/^.*[\\/]/, '') === `${id}.md`);
  if (taken) throw new InputError(`${id} already exists (${taken.path}); new-case never overwrites a case`);

  const path = join(values.cases, String(year), `${id}.md`);
  const text = newCaseFileText(id, answers);
  // The new file must pass validation together with the existing ones before it is written.
  const cal = calendarFor(org);
  const check = validateCases([{ path, text }], org, cal);
  if (check.errorCount > 0)
    throw new InputError(
      'the new case would not be valid; nothing was written',
      check.problems.filter((p) => p.severity === 'error'),
    );
  const record = check.cases[0]!;

  await mkdir(join(values.cases, String(year)), { recursive: true });
  try {
    await writeFile(path, text, { encoding: 'utf8', flag: 'wx' }); // wx: fail if the file exists, never overwrite
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new InputError(`${path} already exists; new-case never overwrites a case`, [], { cause: error });
    throw error;
  }

  const d = caseDeadline(record.data, cal, org.deadlines, today);
  const shown = relative(process.cwd(), path) || path;
  console.log(`Registered ${id}: ${shown}`);
  console.log(
    `Handling deadline: ${formatDate(d.due, 'en')} (${d.due}), ${org.deadlines.handling_workdays} working days after receipt (art. 5.4, 6.2)`,
  );
  if (!d.filing_deadline)
    console.log('Filing window: unknown (no assignment end date; add assignment_completed when you know it, art. 4.1)');
  else if (d.filed_late)
    console.log(
      `Filing window: FILED LATE: received ${d.received}, after the filing deadline ${d.filing_deadline} (${org.deadlines.filing_workdays} working days after ${answers.assignment_completed}, art. 4.1). It is registered and handled all the same; npm run validate flags it.`,
    );
  else
    console.log(
      `Filing window: within it (filing deadline ${d.filing_deadline}, ${org.deadlines.filing_workdays} working days after ${answers.assignment_completed}, art. 4.1)`,
    );
  if (!answers.complaint?.trim()) console.log(`Next: open ${shown} and paste the complaint as received under "## Klacht".`);
  console.log(`Registration form: npm run documents -- ${id} --form`);
});
