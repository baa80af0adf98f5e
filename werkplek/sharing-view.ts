import { gitProblemMessage } from '../lib/sharing/messages.ts';
import { conflictsSaid, renumberedWords } from '../lib/sharing/round-words.ts';
import { shareStatusOf, shareStatusText, type ShareStatus, type SharingFacts } from '../lib/sharing/share-status.ts';
import { conflictFieldLabel } from '../lib/sharing/field-label.ts';
import type { Werkplek } from './context.ts';
import { html, type Html } from './html.ts';
import { vocabulary } from '../lib/vocabulary/index.ts';

/** The case file's fields in the organizer's words (lib/vocabulary). */
const FIELD_NL: Readonly<Record<string, string>> = vocabulary('nl').field;
import { notice } from './layout.ts';

/** What the Overzicht and the Dossier say about sharing: the facts for each case's status, and the notices above the page. */
export interface SharingView {
  facts: SharingFacts;
  /** Renumbered registrations (each said once), a conflict waiting for her choice, a Git problem and what to do. */
  notices: Html;
}

/** The sharing's facts and its notices for a page (one reading of Git's state for the whole page). */
export async function sharingView(app: Werkplek): Promise<SharingView> {
  const facts = await app.sharing.sharingFacts();
  const problem = facts.git === 'none' ? undefined : await app.sharing.git.problem();
  const renumbered = app.sharing.takeRenumbered();
  const conflicts = facts.conflicts;
  return {
    facts,
    notices: html`${renumbered.length > 0 && notice(renumberedWords(renumbered).join('\n'))}${
      conflicts.length > 0 &&
      html`<div class="melding fout-melding" role="alert">
        <p>Niet gedeeld: ${conflictsSaid(conflicts, FIELD_NL)}</p>
        <p><a href="/synchroniseren">Kies welke versie blijft</a>; tot dan wordt niets gedeeld.</p>
      </div>`
    }${
      problem &&
      problem.kind !== 'busy-lock' &&
      html`<div class="melding fout-melding" role="alert"><p>${gitProblemMessage(problem)}</p>${
        problem.kind === 'no-identity'
          ? html`<p><a href="/wie-ben-ik">Kies wie u bent</a></p>`
          : html`<p><a href="/synchroniseren">Naar Synchroniseren</a></p>`
      }</div>`
    }`,
  };
}

/** One case's share status from the view's facts. */
export const statusIn = (view: SharingView, id: string): ShareStatus =>
  shareStatusOf(id, view.facts, (field) => conflictFieldLabel(field, FIELD_NL));

/** A share status as a page shows it: its words, marked by state for the stylesheet. */
export const shareStatusHtml = (s: ShareStatus): Html => html`<span class="delen-${s.state}">${shareStatusText(s)}</span>`;
