import { conflictFieldLabel } from './field-label.ts';
import { fieldsSaid, type FieldConflict } from './share-status.ts';

/** A registration renumbered because another clone shared its number first. */
export interface Renumbered {
  from: string;
  to: string;
  /** The file, relative to the cases folder, after renumbering. */
  path: string;
}

/** A sharing round's end. */
export interface RoundOutcome {
  /** Shared: the remote has everything, and this clone has the remote's changes. */
  shared: boolean;
  /** Dutch: why not. */
  failure?: string;
  conflicts: readonly FieldConflict[];
  renumbered: readonly Renumbered[];
}

/** "Let op: nummer K-2026-005 was intussen …": one line per renumbered registration. */
export const renumberedWords = (renumbered: readonly Renumbered[]): string[] =>
  renumbered.map(
    (x) =>
      `Let op: nummer ${x.from} was intussen op een andere computer gebruikt voor een andere klacht. Uw klacht heeft nu nummer ${x.to}.`,
  );

/** "In K-2026-003 wijzigden u en een collega het veld Notitie (stap 1) allebei verschillend." per dossier. */
export function conflictsSaid(conflicts: readonly FieldConflict[], words: Readonly<Record<string, string>>): string {
  return [...new Set(conflicts.map((c) => c.id))]
    .map((id) => {
      const fields = conflicts.filter((c) => c.id === id).map((c) => conflictFieldLabel(c.field, words));
      return `In ${id} wijzigden u en een collega ${fieldsSaid(fields)} allebei verschillend.`;
    })
    .join(' ');
}

/** What a finished round did, in the organizer's words (`words`: the vocabulary's field words). */
export function roundWords(r: RoundOutcome, words: Readonly<Record<string, string>>): string {
  const last = r.shared
    ? 'Gesynchroniseerd: de wijzigingen van anderen zijn binnengehaald en de uwe gedeeld.'
    : r.conflicts.length
      ? `Niet gedeeld: ${conflictsSaid(r.conflicts, words)} Kies hieronder welke versie blijft.`
      : `Niet gedeeld: ${r.failure}.`;
  return [...renumberedWords(r.renumbered), last].join('\n');
}
