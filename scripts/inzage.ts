import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { OTHERS_PARTS, OTHERS_PART_WORDS, type AccessSubject, type OthersPart } from '../lib/cases/subject-access.ts';
import { InputError } from '../lib/problems/problems.ts';
import { htmlToPdf, launchChromium } from '../io/chromium.ts';
import { loadOrganization } from '../io/case-files.ts';
import { accessRequest, documentsDirOf } from '../actions/access-request.ts';
import { workspace } from '../actions/workspace.ts';
import { COMMON_OPTIONS, UsageError, parseCommandLine, runMain } from '../io/cli.ts';
import { resolveToday } from '../io/today.ts';

const HELP = `Usage: npm run inzage -- --email ADDRESS | --name "FULL NAME" [options]

Answers an access request (AVG/GDPR art. 15): finds every case in which the person is the
complainant or their representative (e-mail or whole name, case-insensitive) and writes one export
of everything held about them, as JSON and as an A4 PDF (with HTML), into a folder Git ignores
(default: inzage/). The PDF starts with what is held, why, how long, who receives it and the
person's rights, then holds each case's full registration form. The export holds personal data:
send it to the person, keep it out of Git. The command never prints the personal data itself.

When the person is the representative in a case (art. 1.2), that case also holds data of someone
else: the client's name and contact details, the client's address, the complaint text, the notes.
Art. 15(4) lets you leave those out; the command then asks you to choose with --leave-out, and
writes nothing until you do.

To erase a case on request (art. 17), see npm run retention -- --help (--case K-YYYY-NNN --now).

Options:
  --email ADDRESS      the person's e-mail address
  --name "FULL NAME"   the person's whole name, as in the case file
  --leave-out PARTS    for a representative's request: what to leave out, comma-separated:
                       client, address, complaint, notes, all, or none (art. 15(4))
  --out DIR            where to write (default: inzage)
  --html-only          skip the PDF (no Chromium needed)
  --today YYYY-MM-DD   the date on the export (default: today in the organization's time zone, organization.yml)
  --cases DIR          folder with the case files (default: cases)
  --config FILE        the organization's configuration (default: organization.yml)
  -h, --help           show this help`;

/** The --leave-out list: parts of OTHERS_PARTS, `all` or `none`. */
function leaveOutParts(value: string): OthersPart[] {
  const items = value
    .split(',')
    .map((x) => x.trim().toLowerCase())
    .filter(Boolean);
  if (items.length === 1 && items[0] === 'none') return [];
  if (items.length === 1 && items[0] === 'all') return [...OTHERS_PARTS];
  const wrong = items.filter((x) => !(OTHERS_PARTS as readonly string[]).includes(x));
  if (items.length === 0 || wrong.length)
    throw new UsageError(
      `--leave-out: kies uit ${OTHERS_PARTS.join(', ')}, all of none${wrong.length ? `, niet "${wrong.join(', ')}"` : ''}`,
    );
  return items as OthersPart[];
}

await runMain('inzage', async () => {
  const { values } = parseCommandLine(process.argv.slice(2), {
    ...COMMON_OPTIONS,
    email: { type: 'string' },
    name: { type: 'string' },
    out: { type: 'string', default: 'inzage' },
    'html-only': { type: 'boolean', default: false },
    today: { type: 'string' },
    'leave-out': { type: 'string' },
  });
  if (values.help) return void console.log(HELP);
  if ((values.email === undefined) === (values.name === undefined) || (values.email ?? values.name ?? '').trim() === '')
    throw new UsageError('geef precies één van --email of --name, bijvoorbeeld: npm run inzage -- --email naam@example.org');
  const subject: AccessSubject = values.email !== undefined ? { email: values.email } : { name: values.name! };

  const leaveOut = values['leave-out'] === undefined ? undefined : leaveOutParts(values['leave-out']);
  const org = await loadOrganization(values.config);
  // the one access request (actions/access-request.ts), as the werkplek's Privacyverzoeken page makes it
  const r = await accessRequest(workspace(values.cases, org, resolveToday(org, values.today)), subject, {
    documentsDir: documentsDirOf(values.config),
    leaveOut: leaveOut ?? [],
  });
  if (r.kind === 'invalid-cases')
    throw new InputError(`${r.errorCount} error(s) in the case files; fix them first (npm run validate), so no data is missed`, r.problems);
  const { records, html } = r;
  const withOthers = Object.entries(r.others).filter(([, parts]) => parts.length > 0);
  if (leaveOut === undefined && withOthers.length > 0)
    throw new UsageError(
      [
        'De persoon is vertegenwoordiger in ' +
          withOthers.map(([id]) => id).join(', ') +
          '. Daarin staan ook gegevens van een ander (art. 15 lid 4 AVG):',
        ...withOthers.map(([id, parts]) => `  ${id}: ${parts.map((p) => `${OTHERS_PART_WORDS[p]} (${p})`).join(', ')}`),
        'Kies wat u weglaat en draai het opnieuw, bijvoorbeeld: --leave-out all, --leave-out client,address, of --leave-out none.',
        'Er is niets geschreven.',
      ].join('\n'),
    );
  if (records.length === 0) {
    console.log(
      `Geen dossier gevonden voor ${'email' in subject ? 'dit e-mailadres' : 'deze naam'} (${r.searched} dossiers doorzocht). ` +
        'Er is niets geschreven. Laat de persoon weten dat het klachtenregister geen gegevens van hem of haar bevat.',
    );
    return 0;
  }

  await mkdir(values.out, { recursive: true });
  // The file name names the date and the cases, never the person.
  const base = join(values.out, r.name);
  const shown = (p: string) => relative(process.cwd(), p) || p;
  await writeFile(`${base}.json`, `${JSON.stringify(r.export, null, 2)}\n`, 'utf8');
  console.log(`wrote ${shown(`${base}.json`)}`);
  await writeFile(`${base}.html`, html, 'utf8');
  console.log(`wrote ${shown(`${base}.html`)}`);
  if (!values['html-only']) {
    const browser = await launchChromium();
    try {
      await htmlToPdf(browser, html, `${base}.pdf`);
      console.log(`wrote ${shown(`${base}.pdf`)}`);
    } finally {
      await browser.close();
    }
  }
  console.log(
    `${records.length} dossier(s): ${records.map((r) => r.data.id).join(', ')}. Stuur de export aan de persoon; zet hem niet in Git.`,
  );
  return 0;
});
