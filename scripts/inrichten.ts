import { confirm, input, select } from '@inquirer/prompts';
import { COMMON_OPTIONS, UsageError, parseCommandLine, runMain } from '../io/cli.ts';
import { loadOrganization } from '../io/case-files.ts';
import { Sharing } from '../io/sharing.ts';
import { KNOWN_BODIES, knownBodyOf } from '../lib/organization/escalation-bodies.ts';
import { isExampleOrganization } from '../lib/organization/example.ts';
import { applyChanges, ChangeError, type SettingsChanges } from '../lib/organization/settings-changes.ts';
import { settingsOf, type Settings } from '../lib/organization/settings.ts';
import { InputError, formatProblem } from '../lib/problems/problems.ts';
import { gitProblemMessage } from '../lib/sharing/messages.ts';
import { words } from '../lib/vocabulary/index.ts';
import { findExampleCases, saveSettings, type SettingsOutcome } from '../actions/organization-settings.ts';
import { t } from '../schemas/language.ts';

const HELP = `Usage: npm run inrichten -- [options]

Sets up the practice in organization.yml without typing YAML, as the werkplek's Instellingen page does (the same
action, actions/organization-settings.ts): the practice's name and contact details, the organizers, the external
complaints body, the terms, categories and causes, the retention period and the letters' own sentences. Only what
changes is written; comments, order and every untouched line stay as they are, and an unchanged run writes nothing.
The new file is checked as every command checks it, and every case must still be valid under it, before anything is
written; then it is committed (one commit, naming the sections that changed). It can also remove the example cases
the project ships (only those, exactly as shipped; never a case of the practice), in a commit of its own that
git revert undoes.

Without setting flags, in a terminal, it asks in Dutch, question by question, with the current values as defaults.
With setting flags, --no-input, or when not run in a terminal, it asks nothing and applies the flags.

Options:
  --name TEXT                 the practice's name
  --email TEXT                the e-mail address for complaints
  --phone TEXT                the practice's phone number ("" removes it)
  --postal-address TEXT       the postal address for complaints, on one line
  --website URL               the practice's website
  --site-url URL              where the public complaints page is published
  --organizer "NAME=LOGIN"    the organizers, replacing the list; repeat it for each (LOGIN: her GitHub login)
  --add-organizer "NAME=LOGIN"  add an organizer (a colleague); repeat it for more
  --body ID                   the complaints body: ${KNOWN_BODIES.map((b) => b.id).join(', ')}
                              (another body: describe it in the werkplek, Instellingen)
  --filing-workdays N         filing term: working days after the assignment ended (art. 4.1)
  --handling-workdays N       handling term: working days after the complaint came in (art. 5.4)
  --add-category LABEL        add a category; repeat it for more
  --add-cause LABEL           add a cause (art. 2.2); repeat it for more
  --retention-years N         years after closing before personal data is removed
  --letter-opening TEXT       a sentence after the salutation of every letter ("" removes it)
  --letter-closing TEXT       a sentence above the greeting of every letter ("" removes it)
  --remove-examples           remove the example cases the project ships (only those, exactly as shipped)
  --dry-run                   check and say what would change; write nothing
  --no-input                  never ask
  --cases DIR                 folder with the case files (default: cases)
  --config FILE               the organization's configuration (default: organization.yml)
  --lang nl|en                language of the prompts and messages (default: nl, or KLACHTEN_LANG)
  -h, --help                  show this help`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  name: { type: 'string' },
  email: { type: 'string' },
  phone: { type: 'string' },
  'postal-address': { type: 'string' },
  website: { type: 'string' },
  'site-url': { type: 'string' },
  organizer: { type: 'string', multiple: true },
  'add-organizer': { type: 'string', multiple: true },
  body: { type: 'string' },
  'filing-workdays': { type: 'string' },
  'handling-workdays': { type: 'string' },
  'add-category': { type: 'string', multiple: true },
  'add-cause': { type: 'string', multiple: true },
  'retention-years': { type: 'string' },
  'letter-opening': { type: 'string' },
  'letter-closing': { type: 'string' },
  'remove-examples': { type: 'boolean', default: false },
  'dry-run': { type: 'boolean', default: false },
  'no-input': { type: 'boolean', default: false },
} as const;

const w = () => words().setting;
const wholeNumber = (v: string) => /^\s*\d+\s*$/.test(v) || t('vul een heel getal in, bijvoorbeeld 20', 'enter a whole number, e.g. 20');
const organizersText = (s: Settings) => s.organizers.map((o) => `${o.name}=${o.github}`).join('; ');

/** The questions, one by one, with the current values as defaults: the terminal's Inrichten. */
async function ask(current: Settings, examples: string[], first: boolean): Promise<{ changes: SettingsChanges; removeExamples: boolean }> {
  const text = (message: string, value: string | undefined) => input({ message, default: value ?? '' });
  const changes: SettingsChanges = {};
  changes.name = await text(w()['organization.name'], current.organization.name);
  changes.email = await text(w()['organization.email'], current.organization.email);
  changes.phone = await text(w()['organization.phone'], current.organization.phone);
  changes.postalAddress = await text(w()['organization.postal_address'], current.organization.postal_address);
  changes.website = await text(w()['organization.website'], current.organization.website);
  changes.siteUrl = await text(w()['site_url'], current.site_url);
  const organizers = await input({
    message: t(
      `${w().organizers} (Naam=GitHub-gebruikersnaam, gescheiden door ;)`,
      `${w().organizers} (Name=GitHub login, separated by ;)`,
    ),
    default: organizersText(current),
  });
  changes.organizers = organizers
    .split(';')
    .map((o) => o.trim())
    .filter(Boolean);
  const now = knownBodyOf(current.escalation)?.id ?? 'zoals-nu';
  const body = await select({
    message: w().escalation,
    default: now,
    choices: [
      ...KNOWN_BODIES.map((b) => ({ value: b.id, name: b.escalation.name, description: b.escalation.description })),
      ...(now === 'zoals-nu'
        ? [{ value: 'zoals-nu', name: t(`zoals nu: ${current.escalation.name}`, `as now: ${current.escalation.name}`) }]
        : []),
    ],
  });
  if (body !== 'zoals-nu') changes.body = body;
  const count = (message: string, value: string | number) => input({ message, default: String(value), validate: wholeNumber });
  changes.filingWorkdays = await count(w()['deadlines.filing_workdays'], current.deadlines.filing_workdays);
  changes.handlingWorkdays = await count(w()['deadlines.handling_workdays'], current.deadlines.handling_workdays);
  for (const [list, key] of [
    ['categories', 'addCategories'],
    ['causes', 'addCauses'],
  ] as const) {
    console.log(`${w()[list]}: ${current[list].map((c) => c.label).join('; ')}`);
    const added: string[] = [];
    for (;;) {
      const label = (await input({ message: t(`Nog een toevoegen? (leeg: klaar)`, 'Add another? (empty: done)') })).trim();
      if (!label) break;
      added.push(label);
    }
    changes[key] = added;
  }
  changes.retentionYears = await count(w()['retention.years_after_closing'], current.retention.years_after_closing);
  changes.letterOpening = await text(w()['letters.opening'], current.letters.opening);
  changes.letterClosing = await text(w()['letters.closing'], current.letters.closing);
  const removeExamples =
    examples.length > 0 &&
    (await confirm({
      message: t(
        `De ${examples.length} voorbeelddossiers verwijderen (alleen die, precies zoals ze meekwamen)?`,
        `Remove the ${examples.length} example cases?`,
      ),
      default: first,
    }));
  return { changes, removeExamples };
}

/** What the command says about a save. */
function report(out: SettingsOutcome, config: string): void {
  if (out.kind !== 'saved') return;
  if (out.changed.length) console.log(t(`${config} opgeslagen: ${out.changed.join(', ')}`, `${config} saved: ${out.changed.join(', ')}`));
  if (out.removed.length)
    console.log(t(`Voorbeelddossiers verwijderd: ${out.removed.join(', ')}`, `Example cases removed: ${out.removed.join(', ')}`));
  for (const c of [out.commit, out.removal])
    if (c?.kind === 'failed')
      console.log(
        t(
          `Git kon het niet vastleggen; de bestanden zelf zijn in orde. ${gitProblemMessage(c.problem)}`,
          'Git could not commit it; the files are fine.',
        ),
      );
  if (out.commit.kind === 'committed' || out.removal?.kind === 'committed') console.log(t('Vastgelegd in Git.', 'Committed.'));
}

await runMain('inrichten', async () => {
  const { values } = parseCommandLine(process.argv.slice(2), OPTIONS);
  if (values.help) return void console.log(HELP);
  const org = await loadOrganization(values.config);
  const current = settingsOf(org);
  const flags: SettingsChanges = {
    name: values.name,
    email: values.email,
    phone: values.phone,
    postalAddress: values['postal-address'],
    website: values.website,
    siteUrl: values['site-url'],
    organizers: values.organizer,
    addOrganizers: values['add-organizer'],
    body: values.body,
    filingWorkdays: values['filing-workdays'],
    handlingWorkdays: values['handling-workdays'],
    addCategories: values['add-category'],
    addCauses: values['add-cause'],
    retentionYears: values['retention-years'],
    letterOpening: values['letter-opening'],
    letterClosing: values['letter-closing'],
  };
  const given = Object.values(flags).some((v) => v !== undefined) || values['remove-examples'];
  const examples = findExampleCases(values.cases);
  let changes = flags;
  let removeExamples = values['remove-examples'];
  if (!given && !values['no-input'] && process.stdin.isTTY) {
    try {
      ({ changes, removeExamples } = await ask(current, examples, isExampleOrganization(org)));
    } catch (error) {
      if ((error as Error).name === 'ExitPromptError')
        throw new Error(t('afgebroken; er is niets geschreven', 'cancelled; nothing was written'));
      throw error;
    }
  }
  let settings: Settings;
  try {
    settings = applyChanges(current, changes);
  } catch (error) {
    if (error instanceof ChangeError) throw new UsageError(error.message);
    throw error;
  }
  const sharing = new Sharing({ cases: values.cases, config: values.config, autoShare: false });
  const place = { config: values.config, cases: values.cases, sharing };
  const out = await saveSettings(place, settings, { removeExamples, dryRun: values['dry-run'] });
  switch (out.kind) {
    case 'refused':
      if (!removeExamples && out.problems.some((p) => examples.some((e) => p.file.endsWith(e))))
        console.error(
          t(
            'Tip: dit zijn de voorbeelddossiers; verwijder ze in dezelfde stap met --remove-examples.',
            'Tip: these are the example cases; remove them in the same step with --remove-examples.',
          ),
        );
      throw new InputError(
        t('de nieuwe instellingen zijn niet geldig; er is niets geschreven', 'the new settings are not valid; nothing was written'),
        out.problems,
      );
    case 'stale':
      throw new Error(
        t('organization.yml veranderde tijdens het opslaan; probeer het opnieuw', 'organization.yml changed meanwhile; try again'),
      );
    case 'write-failed':
      throw new Error(
        t(`kan ${values.config} niet schrijven (${out.code}); er is niets veranderd`, `cannot write ${values.config} (${out.code})`),
      );
    case 'unchanged':
      return void console.log(t('Er verandert niets; er is niets geschreven.', 'Nothing changes; nothing was written.'));
    case 'planned':
      console.log(
        out.plan.changed.length
          ? t(
              `Zou ${values.config} wijzigen: ${out.plan.changed.join(', ')}`,
              `Would change ${values.config}: ${out.plan.changed.join(', ')}`,
            )
          : t(`${values.config} blijft zoals het is.`, `${values.config} stays as it is.`),
      );
      if (out.examples.length) console.log(t(`Zou verwijderen: ${out.examples.join(', ')}`, `Would remove: ${out.examples.join(', ')}`));
      return void console.log(t('Proefrun: er is niets geschreven.', 'Dry run: nothing was written.'));
    case 'saved': {
      report(out, values.config);
      // the practice's own regulation must name the same body and terms (issue 21): say what is left to do
      if (out.regulation.length) {
        console.log(
          t(
            '\nNog te doen: uw klachtenregeling past nog niet bij deze instellingen.',
            '\nStill to do: your regulation does not fit these settings yet.',
          ),
        );
        for (const p of out.regulation) console.log(formatProblem(p));
        console.log(
          t(
            'Zet uw eigen regeling in regulation/klachtenreglement.nl.txt, of plak haar in de werkplek (Instellingen, Klachtenregeling).',
            'Put your own regulation in regulation/klachtenreglement.nl.txt, or paste it in the werkplek (Instellingen, Klachtenregeling).',
          ),
        );
      }
      if (out.commit.kind === 'committed' && out.commit.upstream) await sharing.share();
    }
  }
});
