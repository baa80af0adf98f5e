import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { CASE_ID } from '../schemas/case.ts';
import { calendarFor } from '../lib/calendar/holidays.ts';
import { InputError } from '../lib/problems/problems.ts';
import { DOCUMENT_KINDS } from '../lib/documents/kinds.ts';
import { validateCases } from '../lib/cases/validate.ts';
import { launchChromium } from '../io/chromium.ts';
import { COMMON_OPTIONS, LANG_HELP, UsageError, parseCommandLine, runMain } from '../io/cli.ts';
import { t } from '../schemas/language.ts';
import { loadCaseFiles, loadOrganization } from '../io/case-files.ts';
import { resolveToday } from '../io/today.ts';

const HELP = `Usage: npm run documents -- K-YYYY-NNN [options]

Makes the printable documents of one case, as HTML and as A4 PDF (printed by Chromium), in a folder
Git ignores (default: documents/). They hold personal data: keep them there, never commit or upload them.

  K-YYYY-NNN-registratieformulier.html/.pdf  the klachtenregistratieformulier (art. 1.5, 4.5):
                                             every registered fact of the case
  K-YYYY-NNN-antwoordbrief.html/.pdf         the written response (art. 4.6, 5.5) to the complainant,
                                             from the editable template templates/antwoordbrief.html

The letter needs response.date, response.findings and response.conclusions in the case file. When
one is missing, no letter is made and the command says what to fill in (exit code 1).

Options:
  --form             only the registration form
  --letter           only the response letter
  --html-only        skip the PDFs (no Chromium needed)
  --out DIR          where to write (default: documents)
  --template FILE    the letter template (default: templates/antwoordbrief.html)
  --today YYYY-MM-DD the print date on the form (default: today in Europe/Amsterdam)
  --cases DIR        folder with the case files (default: cases)
  --config FILE      the organization's configuration (default: organization.yml)
${LANG_HELP}
  -h, --help         show this help`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  form: { type: 'boolean', default: false },
  letter: { type: 'boolean', default: false },
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
  const both = values.form === values.letter; // neither flag (or both): make both documents

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

  const kinds = DOCUMENT_KINDS.filter((k) => both || (k.key === 'registratieformulier' ? values.form : values.letter));
  const templates: Record<string, string> = {};
  for (const t of new Set(kinds.flatMap((k) => (k.template ? [k.template] : [])))) {
    const path = t === 'antwoordbrief.html' ? values.template : join('templates', t);
    try {
      templates[t] = await readFile(path, 'utf8');
    } catch (error) {
      throw new InputError(`cannot read the template ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`, [], { cause: error });
    }
  }
  const documents: { name: string; html: string }[] = [];
  let incomplete: string[] = [];
  for (const kind of kinds) {
    const made = kind.make({ record, org, cal, today, templates });
    if (made.ok) documents.push({ name: `${id}-${kind.key}`, html: made.html });
    else incomplete = made.missing;
  }

  await mkdir(values.out, { recursive: true });
  const browser = values['html-only'] || documents.length === 0 ? undefined : await launchChromium();
  try {
    for (const doc of documents) {
      const html = join(values.out, `${doc.name}.html`);
      await writeFile(html, doc.html, 'utf8');
      console.log(`${t('geschreven:', 'wrote')} ${relative(process.cwd(), html) || html}`);
      if (!browser) continue;
      const page = await browser.newPage();
      // The page is self-contained: no network is needed to print it.
      await page.setContent(doc.html, { waitUntil: 'load' });
      const pdf = join(values.out, `${doc.name}.pdf`);
      await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
      await page.close();
      console.log(`${t('geschreven:', 'wrote')} ${relative(process.cwd(), pdf) || pdf}`);
    }
  } finally {
    await browser?.close();
  }

  if (incomplete.length) {
    console.error(
      t(
        `documents: geen antwoordbrief voor ${id}: de schriftelijke afhandeling is niet compleet. Vul in ${file.path} aan:`,
        `documents: no response letter for ${id}: the written response is not complete. Fill in, in ${file.path}:`,
      ),
    );
    for (const m of incomplete) console.error(`  - ${m}`);
    console.error(
      t(
        'en voer dit commando opnieuw uit. (Een halflege brief wordt nooit gemaakt.)',
        'then run this command again. (The letter is never made half-empty.)',
      ),
    );
    return 1;
  }
  return 0;
});
