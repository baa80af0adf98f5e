import { rm } from 'node:fs/promises';
import { InputError } from '../lib/problems/problems.ts';
import { COMMON_OPTIONS, LANG_HELP, UsageError, parseCommandLine, runMain } from '../io/cli.ts';
import { leftoverTempFiles } from '../io/atomic-write.ts';
import { shown } from '../io/files.ts';
import { CASE_ID } from '../schemas/case.ts';
import { t } from '../schemas/language.ts';
import { loadOrganization } from '../io/case-files.ts';
import { Sharing, sharedLine } from '../io/sharing.ts';
import { runningWerkplek } from '../io/werkplek-mark.ts';
import { retention } from '../actions/retention.ts';
import { workspace } from '../actions/workspace.ts';
import { resolveToday } from '../io/today.ts';

const HELP = `Usage: npm run retention -- [--apply] [options]

Lists the closed cases whose retention period has passed: retention.years_after_closing in
organization.yml (default 2) years after the case was closed (response, escalation or withdrawal).
The AVG/GDPR sets no fixed term, only "no longer than needed"; see the README.

A dry run by default: it prints, per case, exactly which fields would be removed, how many earlier
versions the Git history holds and how many attachments the case has, and changes nothing.
With --apply it removes them: the complainant (name, contact details, representative), the notes of
the handling steps, every YAML comment in the frontmatter (free text; listed by line), the Markdown
body (the complaint text and notes, replaced by a note of when and why), the response's findings,
conclusions and mediation text (replaced by "(verwijderd op <today>)"), escalation.reference and
no_escalation_reason, and sets "anonymized: <today>". It keeps dates, organizer, channel,
categories, causes, the steps' kinds and dates, satisfied and the improvement actions, so the report
still counts the case. It removes the case's attachments folder (cases/YYYY/K-YYYY-NNN/), writes an
entry without personal data to the erasure log (cases/verwijderingen/, AVG art. 5(2)) and commits.
Every changed file passes npm run validate. It never prints the personal data itself. Each file is
replaced atomically; a temporary file left by a run that was killed is removed by the next --apply.

Then the history (in Git): every commit of every branch that held the case file gets the anonymized
version instead, the attachments folder goes from every commit, the rewritten branches are pushed to
the shared remote with a lease on their exact old ids (a change pushed meanwhile is never
overwritten: fetch, merge, rewrite again), and the old objects are pruned here (reflogs expired,
unreachable objects removed). The other clones do the same at their next sync. A run stopped halfway
is finished by the next sync or run. What no tool reaches (GitHub's cached views, a developer's own
clone, a backup, a downloaded PDF): see docs/handleiding.md.

Erasure on request (AVG art. 17): --case K-YYYY-NNN --now anonymizes that one closed case now, exactly
as retention does at the end of its term; again a dry run first, --apply to do it.

Options:
  --apply              remove the personal data (default: only show what would be removed); refused while
                       a werkplek runs in the same clone (the history step prunes the repository)
  --case K-YYYY-NNN    with --now: only this case
  --now                with --case: anonymize it now, whatever its retention date (erasure on request)
  --today YYYY-MM-DD   count as if it were this date (default: today in the organization's time zone, organization.yml)
  --cases DIR          folder with the case files (default: cases)
  --config FILE        the organization's configuration (default: organization.yml)
${LANG_HELP}
  -h, --help           show this help`;

await runMain('retention', async () => {
  const { values } = parseCommandLine(process.argv.slice(2), {
    ...COMMON_OPTIONS,
    apply: { type: 'boolean', default: false },
    case: { type: 'string' },
    now: { type: 'boolean', default: false },
    today: { type: 'string' },
  });
  if (values.help) return void console.log(HELP);
  if ((values.case === undefined) !== !values.now)
    throw new UsageError('--case en --now horen bij elkaar: npm run retention -- --case K-2026-003 --now (verwijderen op verzoek)');
  if (values.case !== undefined && !CASE_ID.test(values.case))
    throw new UsageError(`--case verwacht een dossiernummer zoals K-2026-003, niet "${values.case}"`);
  const org = await loadOrganization(values.config);
  const today = resolveToday(org, values.today);
  // the one writer of retention and erasure (actions/retention.ts), as the werkplek uses it; commits when in Git
  const sharing = new Sharing({ cases: values.cases, config: values.config, autoShare: false });
  // the history rewrite ends with a prune, which would drop a save a werkplek is writing in this same clone
  const gitDir = values.apply ? await sharing.git.gitDir() : undefined;
  const running = gitDir ? runningWerkplek(gitDir) : undefined;
  if (running !== undefined)
    throw new InputError(
      t(
        `de werkplek draait in deze map (proces ${running}); verwijder via de werkplek (Bewaartermijn of Privacyverzoeken), of stop de werkplek eerst en probeer het dan opnieuw`,
        `the werkplek runs in this folder (process ${running}); remove through the werkplek (Bewaartermijn or Privacyverzoeken), or stop it first and try again`,
      ),
    );
  const ws = workspace(values.cases, org, today, sharing);
  const outcome = await retention(ws, { caseId: values.case, apply: values.apply });
  if (outcome.kind === 'invalid-cases')
    throw new InputError(
      t(
        `${outcome.errorCount} fout(en) in de dossiers; herstel die eerst (npm run validate)`,
        `${outcome.errorCount} error(s) in the case files; fix them first (npm run validate)`,
      ),
      outcome.problems,
    );
  if (outcome.kind === 'refused') throw outcome.error;
  const plan = outcome.plan;
  // a run killed halfway may have left its temporary file: ours by name; it never blocks a later run
  const leftovers = leftoverTempFiles(values.cases);
  for (const f of leftovers) {
    if (values.apply) await rm(f, { force: true });
    console.log(`${values.apply ? 'removed' : 'would remove'} the leftover temporary file ${shown(f)} of an interrupted run`);
  }
  if (values.case !== undefined) {
    console.log(`Erasure on request (AVG art. 17) of ${values.case} on ${today}: its personal data is removed now, as retention would.`);
    if (plan.length === 0) return void console.log(`${values.case} is already anonymized. Nothing to do.`);
  }

  const years = org.retention.years_after_closing;
  if (values.case === undefined)
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
    // the action wrote (and committed) every file before this log: "removed" is printed only once it is true
    console.log(
      t(
        `\n${a.id} (${a.file}): afgesloten op ${a.closed_on}, bewaren tot en met ${a.keep_until}`,
        `\n${a.id} (${a.file}): closed ${a.closed_on}, kept until ${a.keep_until}`,
      ),
    );
    for (const field of a.removed) console.log(`  ${verb} ${field}`);
    console.log(`  ${values.apply ? t('gezet:', 'set') : t('zou zetten:', 'would set')} anonymized: ${today}`);
    const reach = outcome.kind === 'planned' ? outcome.reach.get(a.id) : undefined;
    if (reach)
      console.log(
        t(
          `  en: ${reach.versions} eerdere versie(s) in de Git-geschiedenis, ${reach.attachments} bijlage(n)${reach.shared ? ', ook op de gedeelde opslag' : ''}`,
          `  and: ${reach.versions} earlier version(s) in the Git history, ${reach.attachments} attachment(s)${reach.shared ? ', also on the shared remote' : ''}`,
        ),
      );
  }
  const again = `npm run retention -- ${values.case ? `--case ${values.case} --now ` : ''}--apply`;
  if (outcome.kind !== 'applied')
    return void console.log(
      t(
        `\nAlleen getoond: er is niets veranderd. Voer "${again}" uit om deze persoonsgegevens uit ${plan.length} dossier(s) te verwijderen.`,
        `\nDry run: nothing was changed. Run "${again}" to remove this personal data from ${plan.length} case file(s).`,
      ),
    );
  const committed = outcome.commits.every((c) => c.kind === 'committed');
  console.log(
    t(
      `\n${plan.length} dossier(s) aangepast; bijlagen verwijderd, de verwijdering staat in cases/verwijderingen/.${committed ? ' Elk dossier is in Git vastgelegd.' : ''}`,
      `\nChanged ${plan.length} case file(s); attachments removed, the erasure is logged in cases/verwijderingen/.${committed ? ' Each is committed in Git.' : ''}`,
    ),
  );
  // the history: every commit of every branch, the shared remote, the prune (the werkplek does this in the background)
  const h = await outcome.history;
  if (!h) return;
  console.log(
    t(
      `Geschiedenis: ${h.versions} eerdere versie(s) uit ${h.heads.length} verwijzing(en) verwijderd; oude objecten ${h.pruned ? 'opgeruimd' : 'NIET opgeruimd'}.`,
      `History: ${h.versions} earlier version(s) removed from ${h.heads.length} ref(s); old objects ${h.pruned ? 'pruned' : 'NOT pruned'}.`,
    ),
  );
  for (const p of h.pushed) console.log(`  ${p.branch}: ${p.old} -> ${p.new}`);
  if (h.failure) console.log(h.failure);
  else if (h.shared)
    console.log(
      t(
        'De gedeelde opslag heeft de herschreven geschiedenis; de andere computers volgen bij hun volgende synchronisatie. GitHub bewaart oude vastleggingen tot het zelf opruimt: zie docs/handleiding.md, "Wat geen programma bereikt".',
        'The shared remote has the rewritten history; the other clones follow at their next sync. GitHub keeps old commits until its own clean-up: see docs/handleiding.md.',
      ),
    );
  // the round that carried the history also shared this clone's commits (the erasure log), or says why not yet
  const round = ws.sharing?.lastOutcome;
  if (round) console.log(sharedLine(round));
  if (h.first.length)
    console.log(
      t(
        `Eerste gewijzigde vastleggingen (voor GitHub Support): ${h.first.join(' ')}`,
        `First changed commits (for GitHub Support): ${h.first.join(' ')}`,
      ),
    );
});
