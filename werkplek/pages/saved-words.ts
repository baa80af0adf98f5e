import type { CommitOutcome } from '../../actions/commit.ts';
import { gitProblemMessage } from '../../lib/sharing/messages.ts';

/**
 * What to tell the organizer after a save, in her words: opgeslagen, and whether it is shared with the others
 * (gedeeld / nog niet gedeeld) or why not, and what to do. Git's own words (commit, remote) never reach her.
 */
export function commitWords(c: CommitOutcome): string {
  switch (c.kind) {
    case 'no-repo':
      return 'Opgeslagen; nog niet gedeeld: deze dossiermap wordt met niemand gedeeld en houdt geen geschiedenis bij.';
    case 'failed':
      return `Opgeslagen; nog niet gedeeld. ${gitProblemMessage(c.problem)}`;
    case 'committed':
      return !c.upstream
        ? 'Opgeslagen; nog niet gedeeld: er is geen gedeelde opslag ingesteld, dus alles blijft op deze computer.'
        : c.waiting
          ? 'Opgeslagen; nog niet gedeeld: dat gebeurt zodra het conflict op de pagina Synchroniseren is opgelost.'
          : 'Opgeslagen; het wordt nu met de anderen gedeeld.';
  }
}

/** What to tell the organizer when the disk refused a write (full, read-only): nothing was saved, her input is kept. */
export function writeFailedWords(code: string): string {
  const why =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'de schijf is vol'
      : code === 'EROFS' || code === 'EACCES' || code === 'EPERM'
        ? 'de dossiermap mag niet worden beschreven'
        : 'de schijf gaf een fout';
  return `Niet opgeslagen: ${why}. Er is niets veranderd en uw invoer staat hieronder nog. Maak ruimte vrij of vraag hulp, en sla dan opnieuw op.`;
}
