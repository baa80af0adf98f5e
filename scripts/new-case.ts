import { readFile } from 'node:fs/promises';
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
import { currentLanguage, t } from '../schemas/language.ts';
import type { IsoDate } from '../lib/dates/iso-date.ts';
import { loadCaseFiles, loadOrganization } from '../io/case-files.ts';
import { resolveToday } from '../io/today.ts';
import { words } from '../lib/vocabulary/index.ts';
import { Sharing } from '../io/sharing.ts';
import { gitProblemMessage } from '../lib/sharing/messages.ts';
import { registerCase } from '../actions/register.ts';
import { workspace } from '../actions/workspace.ts';

const HELP = `Usage: npm run new-case -- [options]

Registers a new complaint (art. 1.5, 4.5): writes cases/YYYY/K-YYYY-NNN.md with the next free number
of the year it was received, then prints the file, the handling deadline (art. 5.4) and whether the
complaint came in within the filing window (art. 4.1). It never overwrites a file, and what it writes
passes npm run validate.

Asks for what it needs in the terminal, in Dutch, one question at a time: a wrong answer is asked
again, and a rule across answers (as npm run validate checks it) asks again only the question it
is about, keeping the others. The complaint text is asked last.

Every question is also a flag: when the flags give the organizer, channel, name and at least one
category, it asks nothing (received defaults to today in the organization's time zone, organization.yml). With --no-input, or
when not run in a terminal, it never asks and stops with a message naming the missing flags.

Options:
  --organizer KEY               responsible organizer (art. 6.1), from organization.yml
  --received YYYY-MM-DD         date the complaint came in (default: today in the organization's time zone, organization.yml)
  --channel CHANNEL             email, letter, form or oral (art. 1.1, 4.1)
  --name TEXT                   the complainant: the client's name (art. 1.2)
  --email TEXT                  the complainant's e-mail address
  --phone TEXT                  the complainant's phone number
  --address TEXT                the complainant's postal address, on one line
  --representative TEXT         name of a representative who complains for the client (art. 1.2)
  --representative-relation TEXT  how the representative relates to the client, e.g. "dochter"
  --representative-email TEXT   the representative's e-mail address
  --representative-phone TEXT   the representative's phone number
  --representative-address TEXT the representative's postal address, on one line (the letter goes there)
  --assignment-completed YYYY-MM-DD  date the assignment was completed (start of the filing window)
  --client-informed YYYY-MM-DD  date the client was told of this regulation and the committee at the start
                                of the assignment (art. 3), usually the date of the order confirmation
  --category KEY                a category from organization.yml; repeat it, or separate keys by commas
  --complaint TEXT              the complaint as received (default: a placeholder to fill in the editor)
  --complaint-file FILE         read the complaint as received from a text file
  --id K-YYYY-NNN               use this id instead of the next free one (refused when it exists)
  --no-input                    never ask; fail when a required flag is missing
  --today YYYY-MM-DD            count as if it were this date (default: today in the organization's time zone, organization.yml)
  --cases DIR                   folder with the case files (default: cases)
  --config FILE                 the organization's configuration (default: organization.yml)
  --lang nl|en                  language of the prompts and messages (default: nl, or KLACHTEN_LANG)
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
  'representative-email': { type: 'string' },
  'representative-phone': { type: 'string' },
  'representative-address': { type: 'string' },
  'assignment-completed': { type: 'string' },
  'client-informed': { type: 'string' },
  category: { type: 'string', multiple: true },
  complaint: { type: 'string' },
  'complaint-file': { type: 'string' },
  id: { type: 'string' },
  'no-input': { type: 'boolean', default: false },
  today: { type: 'string' },
} as const;

/** A channel as the prompt offers it: its word, and what it means (lib/vocabulary). */
const channelChoice = (c: (typeof CHANNELS)[number]) => {
  const w = words();
  return w.channelHint[c] ? `${w.channel[c]} (${w.channelHint[c]})` : w.channel[c];
};

// inquirer's key help, in Dutch
const KEY_NAMES: Record<string, string> = { navigate: 'kies', select: 'selecteer', submit: 'bevestig', all: 'alles', invert: 'omkeren' };
const theme = {
  style: {
    keysHelpTip: (keys: [string, string][]) => keys.map(([key, action]) => `${key} ${t(KEY_NAMES[action] ?? action, action)}`).join(' • '),
  },
};

/** The questions of the prompt, in the order asked; the complaint text comes last, separately. */
type Question =
  | 'organizer'
  | 'received'
  | 'channel'
  | 'name'
  | 'email'
  | 'phone'
  | 'address'
  | 'representative'
  | 'relation'
  | 'representative_email'
  | 'representative_phone'
  | 'representative_address'
  | 'assignment_completed'
  | 'client_informed'
  | 'categories';

/** Which question answers a field of the case file, for a cross-field problem found at the prompt. */
const QUESTION_OF_FIELD: Record<string, Question> = {
  organizer: 'organizer',
  received: 'received',
  channel: 'channel',
  assignment_completed: 'assignment_completed',
  client_informed: 'client_informed',
  categories: 'categories',
  'complainant.name': 'name',
  'complainant.email': 'email',
  'complainant.phone': 'phone',
  'complainant.address': 'address',
  'complainant.representative.name': 'representative',
  'complainant.representative.relation': 'relation',
  'complainant.representative.email': 'representative_email',
  'complainant.representative.phone': 'representative_phone',
  'complainant.representative.address': 'representative_address',
};
const questionOf = (field: string): Question | undefined => QUESTION_OF_FIELD[field.replace(/\.\d+$/, '')];

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
  const cal = calendarFor(org);
  const checks = newCaseChecks(org);
  const notFuture: AnswerCheck = (v) =>
    checks.received(v) === true && v > today
      ? t(`${v} ligt na vandaag (${today}); een klacht is ontvangen op of vóór vandaag`, `${v} is after today (${today})`)
      : checks.received(v);

  const categories = values.category
    ?.flatMap((c) => c.split(','))
    .map((c) => c.trim())
    .filter(Boolean);
  checkFlag('organizer', values.organizer, checks.organizer);
  checkFlag('received', values.received, notFuture);
  checkFlag('channel', values.channel, checks.channel);
  checkFlag('name', values.name, checks.name);
  checkFlag('email', values.email, checks.email);
  checkFlag('representative-email', values['representative-email'], checks.email);
  checkFlag('assignment-completed', values['assignment-completed'], checks.assignment_completed);
  checkFlag('client-informed', values['client-informed'], checks.client_informed);
  for (const c of categories ?? []) checkFlag('category', c, checks.category);
  if (values.complaint !== undefined && values['complaint-file'] !== undefined)
    throw new UsageError(t('geef --complaint of --complaint-file, niet allebei', 'give --complaint or --complaint-file, not both'));
  for (const flag of ['representative-relation', 'representative-email', 'representative-phone', 'representative-address'] as const)
    if (values[flag] !== undefined && values.representative === undefined)
      throw new UsageError(
        t(
          `--${flag} hoort bij --representative (de naam van de vertegenwoordiger)`,
          `--${flag} needs --representative (the representative's name)`,
        ),
      );

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
    throw new UsageError(
      t(
        `${missing.join(', ')} ontbreekt; geef ze als optie, of start het in een terminal zonder --no-input om ze gevraagd te worden`,
        `missing ${missing.join(', ')}; give them as flags, or run it in a terminal without --no-input to be asked`,
      ),
    );

  let complaint = values.complaint;
  if (values['complaint-file'] !== undefined) {
    try {
      complaint = await readFile(values['complaint-file'], 'utf8');
    } catch (error) {
      throw new UsageError(
        t(
          `--complaint-file: kan ${values['complaint-file']} niet lezen: ${(error as NodeJS.ErrnoException).code ?? error}`,
          `--complaint-file: cannot read ${values['complaint-file']}: ${(error as NodeJS.ErrnoException).code ?? error}`,
        ),
      );
    }
  }

  const files = await loadCaseFiles(values.cases).catch((error: unknown) => {
    // A first case: the folder may not exist yet.
    if (error instanceof InputError && /ENOENT/.test(error.message)) return [];
    throw error;
  });
  /** Where a registration received on `received` goes, and its id: the next free number of that year. */
  const placeOf = (received: IsoDate) => {
    const year = +received.slice(0, 4);
    const id =
      values.id ??
      nextCaseId(
        files.map((f) => f.path),
        year,
      );
    return { year, id, path: join(values.cases, String(year), `${id}.md`) };
  };
  /** Why the id (--id, or the next free one) cannot be used for a complaint received on `received`, if it cannot. */
  function idTrouble(received?: IsoDate): UsageError | InputError | undefined {
    const id = values.id ?? (received ? placeOf(received).id : undefined);
    if (id === undefined) return undefined;
    const year = received?.slice(0, 4) ?? t('JJJJ', 'YYYY');
    if (!/^K-\d{4}-\d{3,}$/.test(id))
      return new UsageError(
        t(`--id: verwacht een dossiernummer zoals K-${year}-001, niet "${id}"`, `--id: expected an id such as K-${year}-001, got "${id}"`),
      );
    if (received && id.slice(2, 6) !== received.slice(0, 4))
      return new UsageError(
        t(
          `--id: ${id} past niet bij het jaar waarin de klacht is ontvangen (${year})`,
          `--id: ${id} does not match the year the complaint was received (${year})`,
        ),
      );
    const taken = files.find((f) => f.path.replace(/^.*[\\/]/, '') === `${id}.md`);
    if (taken)
      return new InputError(
        t(
          `${id} bestaat al (${taken.path}); new-case overschrijft nooit een dossier`,
          `${id} already exists (${taken.path}); new-case never overwrites a case`,
        ),
      );
    return undefined;
  }
  // a given id that cannot be used stops before any question, so no answer is typed in vain
  if (values.id !== undefined) {
    const trouble = idTrouble(values.received);
    if (trouble) throw trouble;
  }
  /** The case as the answers would write it, checked like npm run validate. */
  const check = (a: NewCaseAnswers) => {
    const { id, path } = placeOf(a.received);
    const text = newCaseFileText(id, a, org);
    return { text, validation: validateCases([{ path, text }], org, cal) };
  };

  let answers: NewCaseAnswers;
  try {
    answers = ask ? await prompt() : fromFlags();
  } catch (error) {
    if ((error as Error).name === 'ExitPromptError')
      throw new Error(t('afgebroken; er is niets geschreven', 'cancelled; nothing was written'));
    throw error;
  }

  function fromFlags(): NewCaseAnswers {
    const rep = values.representative?.trim();
    return {
      organizer: organizer!,
      received: values.received ?? today,
      channel: values.channel as NewCaseAnswers['channel'],
      name: values.name!.trim(),
      email: values.email?.trim(),
      phone: values.phone?.trim(),
      address: values.address?.trim(),
      representative: rep
        ? {
            name: rep,
            relation: values['representative-relation']?.trim(),
            email: values['representative-email']?.trim(),
            phone: values['representative-phone']?.trim(),
            address: values['representative-address']?.trim(),
          }
        : undefined,
      assignment_completed: values['assignment-completed']?.trim() || undefined,
      client_informed: values['client-informed']?.trim() || undefined,
      categories: categories!,
      complaint,
    };
  }

  // Asks only what the flags did not give; optional questions may be left empty. Each answer is checked as it is
  // given (inquirer asks that question again), then the answers together, like npm run validate: a rule across
  // fields re-asks only the question it is about, and keeps every other answer. The complaint text comes last,
  // when the rest is valid, so it is never typed in vain.
  async function prompt(): Promise<NewCaseAnswers> {
    const given: Partial<Record<Question, string>> = {
      organizer,
      received: values.received,
      channel: values.channel,
      name: values.name,
      email: values.email,
      phone: values.phone,
      address: values.address,
      representative: values.representative,
      relation: values['representative-relation'],
      representative_email: values['representative-email'],
      representative_phone: values['representative-phone'],
      representative_address: values['representative-address'],
      assignment_completed: values['assignment-completed'],
      client_informed: values['client-informed'],
    };
    const answer: Partial<Record<Question, string>> = {};
    let chosenCategories = categories?.length ? categories : undefined;
    const text = async (message: string, fallback: string | undefined, check?: AnswerCheck) =>
      (await input({ message, default: fallback, validate: check && asInquirerCheck(check) })).trim();
    const ASK: Record<Question, (previous?: string) => Promise<void>> = {
      organizer: async () => {
        answer.organizer = await select({
          message: t('Begeleider die de klacht behandelt (art. 6.1)', 'Organizer (responsible for the complaint, art. 6.1)'),
          choices: org.organizers.map((o) => ({ value: o.key, name: `${o.name} (${o.key})` })),
          theme,
        });
      },
      received: async (p) =>
        void (answer.received = await text(t('Datum van ontvangst (JJJJ-MM-DD)', 'Date received (YYYY-MM-DD)'), p ?? today, notFuture)),
      channel: async () => {
        answer.channel = await select({
          message: t('Hoe kwam de klacht binnen?', 'How did the complaint come in?'),
          choices: CHANNELS.map((c) => ({ value: c, name: channelChoice(c) })),
          theme,
        });
      },
      name: async (p) => void (answer.name = await text(t('Klager: naam van de cliënt', "Complainant: the client's name"), p, checks.name)),
      email: async (p) =>
        void (answer.email = await text(t('E-mailadres van de cliënt (mag leeg)', 'E-mail address (optional)'), p, checks.email)),
      phone: async (p) => void (answer.phone = await text(t('Telefoonnummer van de cliënt (mag leeg)', 'Phone number (optional)'), p)),
      address: async (p) =>
        void (answer.address = await text(
          t('Postadres van de cliënt, op één regel (mag leeg)', 'Postal address, on one line (optional)'),
          p,
        )),
      representative: async (p) =>
        void (answer.representative = await text(
          t(
            'Naam van de vertegenwoordiger die namens de cliënt klaagt (mag leeg, art. 1.2)',
            'Representative who complains for the client (optional, art. 1.2)',
          ),
          p,
        )),
      relation: async (p) =>
        void (answer.relation = await text(
          t('Relatie tot de cliënt, bijv. "dochter" (mag leeg)', 'Relation of the representative to the client, e.g. "dochter" (optional)'),
          p,
        )),
      representative_email: async (p) =>
        void (answer.representative_email = await text(
          t('E-mailadres van de vertegenwoordiger (mag leeg)', "Representative's e-mail address (optional)"),
          p,
          checks.email,
        )),
      representative_phone: async (p) =>
        void (answer.representative_phone = await text(
          t('Telefoonnummer van de vertegenwoordiger (mag leeg)', "Representative's phone number (optional)"),
          p,
        )),
      representative_address: async (p) =>
        void (answer.representative_address = await text(
          t(
            'Postadres van de vertegenwoordiger, op één regel (mag leeg; de brief gaat hierheen)',
            "Representative's postal address, on one line (optional; the letter goes there)",
          ),
          p,
        )),
      assignment_completed: async (p) =>
        void (answer.assignment_completed = await text(
          t(
            'Datum waarop de opdracht is afgerond, JJJJ-MM-DD (mag leeg, art. 4.1)',
            'Date the assignment was completed, YYYY-MM-DD (optional, art. 4.1)',
          ),
          p,
          checks.assignment_completed,
        )),
      // art. 3: told at the start of the assignment, so a fact of the assignment, not a step of today
      client_informed: async (p) =>
        void (answer.client_informed = await text(
          t(
            'Wanneer heeft u de cliënt op de klachtenregeling gewezen? Meestal de datum van de opdrachtbevestiging, JJJJ-MM-DD (mag leeg, art. 3)',
            'When was the client told of this regulation? Usually the date of the order confirmation, YYYY-MM-DD (optional, art. 3)',
          ),
          p,
          checks.client_informed,
        )),
      categories: async () => {
        chosenCategories = await checkbox({
          message: t('Categorieën (spatie kiest, enter bevestigt)', 'Categories (space to select, enter to confirm)'),
          choices: org.categories.map((c) => ({ value: c.key, name: c.label, checked: chosenCategories?.includes(c.key) })),
          validate: (chosen) => chosen.length > 0 || t('kies minstens één categorie', 'choose at least one category'),
          theme,
        });
      },
    };
    const ORDER = Object.keys(ASK) as Question[];
    const REPRESENTATIVE_DETAILS: Question[] = ['relation', 'representative_email', 'representative_phone', 'representative_address'];
    for (const q of ORDER) {
      if (q === 'categories') {
        if (!chosenCategories) await ASK.categories();
        continue;
      }
      if (given[q] !== undefined) answer[q] = given[q]!.trim();
      // the representative's details only when there is a representative
      else if (!REPRESENTATIVE_DETAILS.includes(q) || answer.representative) await ASK[q]();
    }
    const collect = (): NewCaseAnswers => ({
      organizer: answer.organizer!,
      received: answer.received!,
      channel: answer.channel as NewCaseAnswers['channel'],
      name: answer.name!,
      email: answer.email,
      phone: answer.phone,
      address: answer.address,
      representative: answer.representative
        ? {
            name: answer.representative,
            relation: answer.relation,
            email: answer.representative_email,
            phone: answer.representative_phone,
            address: answer.representative_address,
          }
        : undefined,
      assignment_completed: answer.assignment_completed || undefined,
      client_informed: answer.client_informed || undefined,
      categories: chosenCategories!,
    });
    // rules across fields: name the problem, ask that one question again, keep the other answers
    for (let round = 0; ; round++) {
      // --id names a year: a date received in another year is asked again
      const wrongYear = values.id !== undefined && idTrouble(answer.received);
      if (wrongYear && round <= 20) {
        console.log(`received: ${wrongYear.message}`);
        await ASK.received(answer.received);
        continue;
      }
      const errors = check(collect()).validation.problems.filter((p) => p.severity === 'error');
      if (errors.length === 0) break;
      const redo = errors.map((p) => ({ p, q: questionOf(p.field) }));
      if (redo.some((r) => r.q === undefined) || round > 20)
        throw new InputError(
          t('het nieuwe dossier zou niet geldig zijn; er is niets geschreven', 'the new case would not be valid; nothing was written'),
          errors,
        );
      for (const { p, q } of redo) {
        console.log(`${p.field}: ${p.message}`);
        await ASK[q!](q === 'categories' ? undefined : answer[q!]);
      }
    }
    const pasted =
      complaint ??
      (await input({
        message: t(
          'De klacht zoals ontvangen, in één alinea (mag leeg: plak hem later in het bestand)',
          'The complaint as received, one paragraph (optional: empty = paste it in the file later)',
        ),
      }));
    return { ...collect(), complaint: pasted };
  }

  const { year } = placeOf(answers.received);
  const trouble = idTrouble(answers.received);
  if (trouble) throw trouble;

  // The one writer of a registration (actions/register.ts), as the werkplek uses it: checked like npm run validate
  // before anything is numbered or written, written exclusively, committed, and shared at once when the folder is
  // in Git with a remote (the command waits for the push that takes the number; io/sharing.ts).
  const sharing = new Sharing({ cases: values.cases, config: values.config, autoShare: false });
  const ws = workspace(values.cases, org, today, sharing);
  const registered = await registerCase(ws, (id) => newCaseFileText(id, answers, org), { year, id: values.id });
  if (registered.kind === 'refused')
    throw new InputError(
      t('het nieuwe dossier zou niet geldig zijn; er is niets geschreven', 'the new case would not be valid; nothing was written'),
      registered.problems.filter((p) => p.severity === 'error'),
    );
  if (registered.kind === 'taken')
    throw new InputError(
      t(
        `${registered.path} bestaat al; new-case overschrijft nooit een dossier`,
        `${registered.path} already exists; new-case never overwrites a case`,
      ),
    );
  if (registered.kind === 'write-failed')
    throw new InputError(
      t(
        `kan het dossier niet schrijven (${registered.code}); er is niets geschreven`,
        `cannot write the case (${registered.code}); nothing was written`,
      ),
    );
  const { record } = registered;
  const round = registered.commit.kind === 'committed' && registered.commit.upstream ? await sharing.share() : undefined;
  const moved = round?.renumbered.find((r) => r.from === registered.id);
  const id = moved?.to ?? registered.id;
  const path = moved ? join(values.cases, moved.path) : registered.path;

  const d = caseDeadline(record.data, cal, org.deadlines, today);
  const shown = relative(process.cwd(), path) || path;
  const en = currentLanguage() === 'en';
  const filingDays = org.deadlines.filing_workdays;
  console.log(t(`Geregistreerd: ${id}: ${shown}`, `Registered ${id}: ${shown}`));
  if (moved)
    console.log(
      t(
        `Let op: nummer ${moved.from} was intussen elders gebruikt; deze klacht heeft nu nummer ${id}.`,
        `Note: ${moved.from} was taken elsewhere meanwhile; this complaint is now ${id}.`,
      ),
    );
  if (registered.commit.kind === 'committed')
    console.log(
      !round
        ? t('Vastgelegd in Git (geen gedeelde opslag ingesteld).', 'Committed (no remote set up).')
        : round.shared
          ? t('Vastgelegd in Git en gedeeld.', 'Committed and shared.')
          : t(
              `Vastgelegd in Git, maar niet gedeeld: ${round.failure ?? 'er wacht een conflict op Synchroniseren in de werkplek'}. Deel het later (Synchroniseren in de werkplek).`,
              'Committed, not shared: the remote could not be reached, or a conflict waits. Share it later (Synchroniseren in the werkplek).',
            ),
    );
  else if (registered.commit.kind === 'failed')
    console.log(
      t(
        `Git kon het dossier niet vastleggen; het bestand zelf is in orde. ${gitProblemMessage(registered.commit.problem)}`,
        'Git could not commit the case (a detached HEAD, an index.lock, or no identity: git config user.name / user.email); the file itself is fine.',
      ),
    );
  console.log(
    t(
      `Afhandeltermijn: uiterlijk ${formatDate(d.due, 'nl')} (${d.due}), ${org.deadlines.handling_workdays} werkdagen na ontvangst (art. 5.4, 6.2)`,
      `Handling deadline: ${formatDate(d.due, 'en')} (${d.due}), ${org.deadlines.handling_workdays} working days after receipt (art. 5.4, 6.2)`,
    ),
  );
  if (!d.filing_deadline)
    console.log(
      t(
        'Indieningstermijn: onbekend (geen einddatum van de opdracht; vul assignment_completed in zodra u die weet, art. 4.1)',
        'Filing window: unknown (no assignment end date; add assignment_completed when you know it, art. 4.1)',
      ),
    );
  else if (d.filed_late)
    console.log(
      en
        ? `Filing window: FILED LATE: received ${d.received}, after the filing deadline ${d.filing_deadline} (${filingDays} working days after ${answers.assignment_completed}, art. 4.1). It is registered and handled all the same; npm run validate flags it.`
        : `Indieningstermijn: TE LAAT INGEDIEND: ontvangen op ${d.received}, na de uiterste indieningsdatum ${d.filing_deadline} (${filingDays} werkdagen na ${answers.assignment_completed}, art. 4.1). De klacht is toch geregistreerd en wordt behandeld; npm run validate meldt het.`,
    );
  else
    console.log(
      en
        ? `Filing window: within it (filing deadline ${d.filing_deadline}, ${filingDays} working days after ${answers.assignment_completed}, art. 4.1)`
        : `Indieningstermijn: op tijd (uiterlijk ${d.filing_deadline}, ${filingDays} werkdagen na ${answers.assignment_completed}, art. 4.1)`,
    );
  if (!answers.complaint?.trim())
    console.log(
      t(
        `Volgende stap: open ${shown} en plak de klacht zoals ontvangen onder "## Klacht".`,
        `Next: open ${shown} and paste the complaint as received under "## Klacht".`,
      ),
    );
  console.log(t(`Registratieformulier: npm run documents -- ${id} --form`, `Registration form: npm run documents -- ${id} --form`));
});
