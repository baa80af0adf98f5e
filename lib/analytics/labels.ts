import { formatList } from '../dates/format.ts';
import type { ImprovementState } from './improvements.ts';
import type { Outcome } from './report-case.ts';

/** Dutch labels of the outcomes. */
export const OUTCOME_LABELS: Record<Outcome, string> = {
  consultation: 'Opgelost in overleg',
  mediation: 'Opgelost via bemiddeling',
  escalated: 'Voorgelegd aan de klachtencommissie',
  withdrawn: 'Ingetrokken',
  open: 'Nog in behandeling',
};

/** Dutch labels of the improvement states. */
export const IMPROVEMENT_LABELS: Record<ImprovementState, string> = {
  done: 'gedaan',
  open: 'open',
  overdue: 'open, streefdatum verstreken',
};

/** Short Dutch names of the regulation steps, for chart labels and table headers. */
export const STEP_SHORT_LABELS: Record<'client_informed' | 'complainant_heard' | 'written_response', string> = {
  client_informed: 'Cliënt gewezen op regeling',
  complainant_heard: 'Klager gehoord',
  written_response: 'Schriftelijk afgehandeld',
};

/** A Dutch list: "a", "a en b", "a, b en c". */
export function listNl(items: readonly string[]): string {
  return formatList(items, 'nl');
}
