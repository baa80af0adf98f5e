import type { CommitOutcome } from '../../actions/commit.ts';
import { gitProblemMessage } from '../../lib/sharing/messages.ts';

/** What to tell the organizer about Git after a save: committed and being shared, or why not (and what to do). */
export function commitWords(c: CommitOutcome): string {
  switch (c.kind) {
    case 'no-repo':
      return 'Opgeslagen. (De dossiermap staat niet in Git: er wordt geen geschiedenis bijgehouden.)';
    case 'failed':
      return `Opgeslagen, maar niet vastgelegd. ${gitProblemMessage(c.problem)}`;
    case 'committed':
      return !c.upstream
        ? 'Opgeslagen en vastgelegd in Git. (Er is geen gedeelde opslag (remote) ingesteld: niets wordt gedeeld.)'
        : c.waiting
          ? 'Opgeslagen en vastgelegd. Het wordt gedeeld zodra het conflict op de pagina Synchroniseren is opgelost.'
          : 'Opgeslagen en vastgelegd; het wordt op de achtergrond gedeeld.';
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
