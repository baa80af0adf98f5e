import { rename, writeFile } from 'node:fs/promises';
import { calendarFor } from '../lib/calendar/holidays.ts';
import { InputError } from '../lib/problems/problems.ts';
import { planRetention } from '../lib/cases/retention-plan.ts';
import { validateCases } from '../lib/cases/validate.ts';
import { COMMON_OPTIONS, LANG_HELP, parseCommandLine, runMain } from '../io/cli.ts';
import { t } from '../schemas/language.ts';
import { loadCaseFiles, loadOrganization } from '../io/case-files.ts';
import { resolveToday } from '../io/today.ts';

const HELP = `Usage: npm run retention -- [--apply] [options]

Lists the closed cases whose retention period has passed: retention.years_after_closing in
organization.yml (default 2) years after the case was closed (response, escalation or withdrawal).
The AVG/GDPR sets no fixed term, only "no longer than needed"; see the README.

A dry run by default: it prints, per case, exactly which fields would be removed, and changes nothing.
With --apply it removes them: the complainant (name, contact details, representative), the notes of
the handling steps and the Markdown body (the complaint text and notes), and sets "anonymized: <today>".
It keeps dates, organizer, categories, causes, the response, the outcome and the improvements, so the
report still counts the case. It touches no other file, and every changed file passes npm run validate.
It never prints the personal data itself.

Options:
  --apply              remove the personal data (default: only show what would be removed)
  --today YYYY-MM-DD   count as if it were this date (default: today in Europe/Amsterdam)
  --cases DIR          folder with the case files (default: cases)
  --config FILE        the organization's configuration (default: organization.yml)
${LANG_HELP}
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
      t(
        `${result.errorCount} fout(en) in de dossiers; herstel die eerst (npm run validate)`,
        `${result.errorCount} error(s) in the case files; fix them first (npm run validate)`,
      ),
      result.problems.filter((p) => p.severity === 'error'),
    );
  const plan = planRetention(files, result.cases, org, today);

  const years = org.retention.years_after_closing;
  console.log(
    t(
      `Bewaartermijn op ${today}: persoonsgegevens van een afgesloten dossier worden ${years} jaar na afsluiting bewaard (organization.yml, retention).`,
      `Retention on ${today}: personal data of a closed case is kept ${years} year(s) after closing (organization.yml, retention).`,
    ),
  );
  if (plan.length === 0)
    return void console.log(
      t('Geen dossier is over zijn bewaartermijn. Er is niets te doen.', 'No case is past its retention period. Nothing to do.'),
    );
  const verb = values.apply ? t('verwijderd:', 'removed') : t('zou verwijderen:', 'would remove');
  for (const a of plan) {
    console.log(
      t(
        `\n${a.id} (${a.file}): afgesloten op ${a.closed_on}, bewaren tot en met ${a.keep_until}`,
        `\n${a.id} (${a.file}): closed ${a.closed_on}, kept until ${a.keep_until}`,
      ),
    );
    for (const field of a.removed) console.log(`  ${verb} ${field}`);
    console.log(`  ${values.apply ? t('gezet:', 'set') : t('zou zetten:', 'would set')} anonymized: ${today}`);
    if (values.apply) {
      // Write beside the file, then rename: the case file is never left half-written.
      const tmp = `${a.file}.retention-tmp`;
      await writeFile(tmp, a.text, { encoding: 'utf8', flag: 'wx' });
      await rename(tmp, a.file);
    }
  }
  if (values.apply)
    console.log(
      t(
        `\n${plan.length} dossier(s) aangepast; geen ander bestand is aangeraakt. Leg de wijziging vast (commit). Let op: de Git-geschiedenis bevat de oude tekst nog (zie README, "Retention").`,
        `\nChanged ${plan.length} case file(s); no other file was touched. Commit the change. Note: Git history still holds the old text (see README, "Retention").`,
      ),
    );
  else
    console.log(
      t(
        `\nProefrun: er is niets veranderd. Voer "npm run retention -- --apply" uit om deze persoonsgegevens uit ${plan.length} dossier(s) te verwijderen.`,
        `\nDry run: nothing was changed. Run "npm run retention -- --apply" to remove this personal data from ${plan.length} case file(s).`,
      ),
    );
});
