import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { CASE_ID } from '../schemas/case.ts';
import { calendarFor } from '../lib/calendar/holidays.ts';
import { InputError } from '../lib/problems/problems.ts';
import { DOCUMENT_KINDS, templatesOf } from '../lib/documents/kinds.ts';
import type { RecordedDateField } from '../lib/cases/record-date.ts';
import { sentChange } from '../lib/cases/case-changes.ts';
import { changeCase } from '../actions/change-case.ts';
import { workspace } from '../actions/workspace.ts';
import { Sharing, sharedLine } from '../io/sharing.ts';
import type { CommitOutcome } from '../actions/commit.ts';
import { validateCases } from '../lib/cases/validate.ts';
import { htmlToPdf, launchChromium } from '../io/chromium.ts';
import { COMMON_OPTIONS, LANG_HELP, UsageError, parseCommandLine, runMain } from '../io/cli.ts';
import { assertPrivateOutput } from '../io/output-folder.ts';
import { t } from '../schemas/language.ts';
import { loadCaseFiles, loadOrganization } from '../io/case-files.ts';
import { resolveToday } from '../io/today.ts';

const HELP = `Usage: npm run documents -- K-YYYY-NNN [options]

Makes the printable documents of one case, as HTML and as A4 PDF (printed by Chromium), in a folder
Git ignores (default: documents/). They hold personal data: keep them there, never commit or upload them.
Each letter comes from an editable template in templates/ (see templates/README.md).

${DOCUMENT_KINDS.map((k) => `  ${`K-YYYY-NNN-${k.key}.html/.pdf`.padEnd(50)} ${k.title} (${k.articles})${k.byDefault ? ', made by default' : ''}${k.records ? `;\n  ${''.padEnd(50)} making it records ${k.records}: <today> in the case file` : ''}`).join('\n')}

Without --kind it makes the registration form and the response letter. A letter that needs a field
the case file lacks (e.g. response.findings) is not made; the command says what to fill in (exit 1).
Making the ontvangstbevestiging records "acknowledged", making the bevestiging-mondelinge-klacht
records "written_confirmation" (the date it was sent), each only when the case has no such date yet
(through the yaml Document API: comments and key order stay; the file is replaced atomically).

Options:
  --kind KEY         make this document (repeat for more): ${DOCUMENT_KINDS.map((k) => k.key).join(', ')}
  --form             only the registration form (same as --kind registratieformulier)
  --letter           only the response letter (same as --kind antwoordbrief)
  --dry-run          print what would be written and recorded; write nothing
  --html-only        skip the PDFs (no Chromium needed)
  --out DIR          where to write (default: documents); inside the repository only a folder
                     Git ignores (never cases/ or site/public/), or any folder outside it
  --template FILE    the response letter template (default: templates/antwoordbrief.html)
  --today YYYY-MM-DD the print date, and the date recorded (default: today in the organization's time zone, organization.yml)
  --cases DIR        folder with the case files (default: cases)
  --config FILE      the organization's configuration (default: organization.yml)
${LANG_HELP}
  -h, --help         show this help`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  kind: { type: 'string', multiple: true },
  form: { type: 'boolean', default: false },
  letter: { type: 'boolean', default: false },
  'dry-run': { type: 'boolean', default: false },
  'html-only': { type: 'boolean', default: false },
  out: { type: 'string', default: 'documents' },
  template: { type: 'string', default: 'templates/antwoordbrief.html' },
  today: { type: 'string' },
} as const;

await runMain('documents', async () => {
  const { values, positionals } = parseCommandLine(process.argv.slice(2), OPTIONS, true);
  if (values.help) return void console.log(HELP);
  if (positionals.length !== 1)
    throw new UsageError(
      t(
        'geef precies één dossiernummer, bijvoorbeeld npm run documents -- K-2026-003',
        'give exactly one case id, e.g. npm run documents -- K-2026-003',
      ),
    );
  const id = positionals[0]!;
  if (!CASE_ID.test(id))
    throw new UsageError(
      t(`verwacht een dossiernummer zoals K-2026-003, niet "${id}"`, `expected a case id such as K-2026-003, got "${id}"`),
    );
  const wanted = new Set([
    ...(values.kind ?? []),
    ...(values.form ? ['registratieformulier'] : []),
    ...(values.letter ? ['antwoordbrief'] : []),
  ]);
  for (const key of wanted)
    if (!DOCUMENT_KINDS.some((k) => k.key === key))
      throw new UsageError(`--kind: unknown document "${key}"; expected one of ${DOCUMENT_KINDS.map((k) => k.key).join(', ')}`);
  const kinds = DOCUMENT_KINDS.filter((k) => (wanted.size ? wanted.has(k.key) : k.byDefault));
  const dryRun = values['dry-run'];
  // art. 4.4: letters hold personal data; never where Git could commit them or the site publish them
  assertPrivateOutput(values.out, '--out');

  const org = await loadOrganization(values.config);
  const today = resolveToday(org, values.today);
  const cal = calendarFor(org);
  const files = await loadCaseFiles(values.cases);
  const file = files.find((f) => f.path.replace(/^.*[\\/]/, '') === `${id}.md`);
  if (!file)
    throw new InputError(
      t(`geen dossier ${id}: er is geen ${id}.md in ${values.cases}/`, `no case ${id}: there is no ${id}.md under ${values.cases}/`),
    );
  const result = validateCases(files, org, cal);
  const errors = result.problems.filter((p) => p.severity === 'error' && p.file === file.path);
  if (errors.length)
    throw new InputError(
      t(`${file.path} is niet geldig; herstel het eerst (npm run validate)`, `${file.path} is not valid; fix it first (npm run validate)`),
      errors,
    );
  const record = result.cases.find((r) => r.file === file.path)!;

  const templates: Record<string, string> = {};
  for (const name of new Set(kinds.flatMap(templatesOf))) {
    const path = name === 'antwoordbrief.html' ? values.template : join('templates', name);
    try {
      templates[name] = await readFile(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new InputError(
        t(
          `het sjabloon ${path} is niet te lezen (${code}); zet het terug in de map templates/ (zie templates/README.md)`,
          `cannot read the template ${path}: ${code}`,
        ),
        [],
        { cause: error },
      );
    }
  }
  const documents: { name: string; html: string; records?: RecordedDateField; sent: string }[] = [];
  const incomplete: { title: string; missing: string[] }[] = [];
  for (const kind of kinds) {
    const made = kind.make({ record, org, cal, today, templates });
    if (made.ok)
      documents.push({
        name: `${id}-${kind.key}`,
        html: made.html,
        records: kind.records,
        sent: `${kind.title.toLowerCase()} verstuurd (${kind.articles})`,
      });
    else incomplete.push({ title: kind.title, missing: made.missing });
  }

  if (!dryRun) await mkdir(values.out, { recursive: true });
  const browser = dryRun || values['html-only'] || documents.length === 0 ? undefined : await launchChromium();
  const shown = (path: string) => relative(process.cwd(), path) || path;
  const ws = workspace(values.cases, org, today, new Sharing({ cases: values.cases, config: values.config, autoShare: false }));
  const commits: CommitOutcome[] = [];
  try {
    for (const doc of documents) {
      const html = join(values.out, `${doc.name}.html`);
      if (dryRun)
        console.log(
          `${t('zou schrijven:', 'would write')} ${shown(html)}${values['html-only'] ? '' : ` ${t('en', 'and')} ${shown(join(values.out, `${doc.name}.pdf`))}`}`,
        );
      else {
        await writeFile(html, doc.html, 'utf8');
        console.log(`${t('geschreven:', 'wrote')} ${shown(html)}`);
      }
      if (browser) {
        // The page is self-contained: no network is needed to print it.
        const pdf = join(values.out, `${doc.name}.pdf`);
        await htmlToPdf(browser, doc.html, pdf);
        console.log(`${t('geschreven:', 'wrote')} ${shown(pdf)}`);
      }
      if (!doc.records) continue;
      // The letter went out: record its date in the case file (never overwriting one already there), through the
      // action layer's one writer of a case change (actions/change-case.ts), committed when the folder is in Git.
      const current = record.data[doc.records];
      if (current)
        console.log(
          t(
            `${file.path}: ${doc.records} is al ${current}; blijft zo`,
            `${file.path}: ${doc.records} is already ${current}; left as it is`,
          ),
        );
      else if (dryRun) console.log(`${t('zou vastleggen:', 'would record')} ${doc.records}: ${today} ${t('in', 'in')} ${file.path}`);
      else {
        const r = await changeCase(ws, id, () => sentChange(doc.records!, today, doc.sent));
        if (r.kind === 'saved') commits.push(r.commit);
        if (r.kind !== 'saved')
          throw new InputError(
            t(
              `${file.path}: ${doc.records} kon niet worden vastgelegd (${r.kind})`,
              `${file.path}: could not record ${doc.records} (${r.kind})`,
            ),
          );
        console.log(`${t('vastgelegd:', 'recorded')} ${doc.records}: ${today} ${t('in', 'in')} ${file.path}`);
      }
    }
  } finally {
    await browser?.close();
  }
  if (dryRun) console.log(t('Alleen getoond (--dry-run): er is niets geschreven.', 'Dry run: nothing was written.'));
  // every save is shared at once, as a registration is (new-case): nothing recorded stays on this machine only
  const round = await ws.sharing!.shareCommitted(commits);
  if (round) console.log(sharedLine(round));

  if (incomplete.length) {
    for (const { title, missing } of incomplete) {
      console.error(
        t(
          `documents: geen ${title} voor ${id}: het dossier mist wat daarvoor nodig is. Vul in ${file.path} aan:`,
          `documents: no ${title} for ${id}: the case file lacks what it needs. Fill in, in ${file.path}:`,
        ),
      );
      for (const m of missing) console.error(`  - ${m}`);
    }
    console.error(
      t(
        'en voer dit commando opnieuw uit. (Een halflege brief wordt nooit gemaakt.)',
        'then run this command again. (A letter is never made half-empty.)',
      ),
    );
    return 1;
  }
  return 0;
});
