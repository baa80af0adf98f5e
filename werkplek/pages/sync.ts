import { stringify } from 'yaml';
import { choiceField, readChoices } from '../../lib/sharing/choices.ts';
import { conflictFieldLabel } from '../../lib/sharing/field-label.ts';
import { gitProblemMessage, type GitProblem } from '../../lib/sharing/messages.ts';
import type { FieldConflict } from '../../lib/sharing/share-status.ts';
import { conflictsSaid, roundWords, type RoundOutcome } from '../../lib/sharing/round-words.ts';
import { vocabulary } from '../../lib/vocabulary/index.ts';

/** The case file's fields in the organizer's words (lib/vocabulary). */
const FIELD_NL: Readonly<Record<string, string>> = vocabulary('nl').field;
import type { Werkplek } from '../context.ts';
import { html, type Html } from '../html.ts';
import { notice, page } from '../layout.ts';
import { pageReply, redirect, type Reply, type Request } from '../reply.ts';

/** How long a POST waits for a sharing round before it shows "bezig" (the round goes on in the background). */
const WAIT_MS = 1000;

/** The round, or undefined when it takes longer than {@link WAIT_MS}; the timer ends with the wait. */
async function briefly(round: Promise<RoundOutcome>): Promise<RoundOutcome | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([round, new Promise<undefined>((r) => (timer = setTimeout(() => r(undefined), WAIT_MS)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** GET /synchroniseren: what sharing is doing, Git's problems with what to do, and the conflict screen. */
export async function showSync(app: Werkplek, { url }: Request): Promise<Reply> {
  return pageReply(await syncPage(app, { notice: app.takeFlash(url) }));
}

/** POST /synchroniseren: start a round (actie=start, the header's button), choose (actie=kies), or move a stale lock aside (actie=slot). */
export async function postSync(app: Werkplek, { values }: Request): Promise<Reply> {
  const actie = typeof values.actie === 'string' ? values.actie : 'start';
  if (actie === 'slot') {
    const moved = await app.sharing.git.moveStaleLock();
    const said = moved
      ? 'Het slot is opzijgezet; de geschiedenis wordt weer bijgehouden.'
      : 'Het slot is niet opzijgezet: er is nog iets bezig in deze dossiermap. Wacht tot dat klaar is en probeer het opnieuw.';
    if (moved) void app.sharing.share();
    return redirect(`/synchroniseren?melding=${app.flash(said)}`);
  }
  if (actie === 'kies') {
    const conflicts = app.sharing.pendingConflicts;
    const choices = readChoices(stringValues(values), conflicts);
    if (!choices.ok)
      return pageReply(
        await syncPage(app, {
          notice: notice('Kies bij elk veld welke versie blijft. Er is nog niets gedeeld.', 'fout'),
          errors: choices.errors,
          values: stringValues(values),
        }),
        422,
      );
    await briefly(app.sharing.resolve(choices.resolutions));
    app.index.changed();
    return redirect('/synchroniseren');
  }
  await briefly(app.sharing.sync());
  app.index.changed();
  return redirect('/synchroniseren');
}

const stringValues = (values: Request['values']): Record<string, string> =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' ? v : (v[0] ?? '')]));

/** A field's value as the conflict screen shows it: text as it is, anything else as YAML, absent as "(leeg)". */
function shownValue(v: unknown): string {
  if (v === undefined || v === null || v === '') return '(leeg)';
  return typeof v === 'string' ? v : stringify(v).trim();
}

/** The page: state, problems, the conflict screen. */
async function syncPage(
  app: Werkplek,
  o: { notice?: Html; errors?: Readonly<Record<string, string>>; values?: Readonly<Record<string, string>> },
): Promise<Html> {
  const s = app.sharing;
  const problem = (await s.sharingFacts()).git === 'none' ? undefined : await s.git.problem();
  const conflicts = s.pendingConflicts;
  // the last round's words include the registrations it renumbered: the other pages need not say them again
  s.takeRenumbered();
  const last = s.lastOutcome;
  const state = s.running
    ? html`<p role="status">
        Bezig met delen en ophalen… U kunt gewoon doorwerken; <a href="/synchroniseren">vernieuw deze pagina</a> om te zien of het
        klaar is.
      </p>`
    : conflicts.length
      ? ''
      : last
        ? notice(roundWords(last, FIELD_NL), last.shared ? 'ok' : 'fout')
        : html`<p>Klik op Nu synchroniseren om de wijzigingen van anderen op te halen en de uwe te delen.</p>`;
  return page({
    title: 'Synchroniseren',
    article: '',
    current: '/synchroniseren',
    notice: o.notice,
    refresh: s.running ? 2 : undefined,
    body: html`${state}
${problem && problemHtml(problem)}
${conflicts.length ? conflictScreen(conflicts, o.errors ?? {}, o.values ?? {}) : html`<form method="post" action="/synchroniseren"><input type="hidden" name="actie" value="start"><button type="submit">Nu synchroniseren</button></form>`}`,
  });
}

/** A Git problem, with the way out the werkplek offers (a stale lock: move it aside). */
function problemHtml(p: GitProblem): Html {
  return html`<div class="melding fout-melding" role="alert"><p>${gitProblemMessage(p)}</p>${
    p.kind === 'stale-lock' &&
    html`<form method="post" action="/synchroniseren"><input type="hidden" name="actie" value="slot"><button type="submit">Slot opzijzetten</button></form>`
  }${p.kind === 'no-identity' && html`<p><a href="/wie-ben-ik">Kies wie u bent</a></p>`}</div>`;
}

/** The conflict screen: per field both versions side by side, and the choice. */
function conflictScreen(
  conflicts: readonly FieldConflict[],
  errors: Readonly<Record<string, string>>,
  values: Readonly<Record<string, string>>,
): Html {
  const rows = conflicts.map((c, i) => {
    const name = choiceField(i);
    const options: [string, string][] = [
      ['mine', 'Mijn versie houden'],
      ['theirs', 'Andere versie houden'],
      ...(c.freeText ? [['both', 'Beide houden (mijn tekst eerst)'] as [string, string]] : []),
    ];
    const error = errors[name];
    return html`<section class="conflict" aria-labelledby="${name}-kop">
<h2 id="${name}-kop"><a href="/dossier/${c.id}">${c.id}</a>: ${conflictFieldLabel(c.field, FIELD_NL)}</h2>
${c.message && html`<p>${c.message}</p>`}
<div class="naast-elkaar"><div><h3>Mijn versie</h3><pre class="versie">${shownValue(c.mine)}</pre></div><div><h3>Andere versie</h3><pre class="versie">${shownValue(c.theirs)}</pre></div></div>
<fieldset class="veld${error && ' heeft-fout'}"${error && html` aria-describedby="${name}-fout"`}><legend>Welke versie blijft?</legend>
${options.map(([v, label]) => html`<div class="vinkje"><input type="radio" id="${name}-${v}" name="${name}" value="${v}" required ${values[name] === v && 'checked'}><label for="${name}-${v}">${label}</label></div>`)}
${error && html`<p class="fout" id="${name}-fout">${error}</p>`}</fieldset></section>`;
  });
  return html`<p>${conflictsSaid(conflicts, FIELD_NL)} De werkplek kiest niet voor u. Tot u kiest, wordt niets gedeeld; u kunt wel gewoon doorwerken in andere dossiers.</p>
<form method="post" action="/synchroniseren"><input type="hidden" name="actie" value="kies">${rows}<button type="submit">Keuze opslaan en delen</button></form>`;
}
