import type { DeadlineState } from '../deadlines.ts';
import type { ImprovementState } from './improvements.ts';
import type { Outcome } from './report-case.ts';

/** Dutch labels of the deadline states. */
export const STATE_LABELS: Record<DeadlineState, string> = {
  on_track: 'op schema',
  due_soon: 'termijn loopt bijna af',
  due_today: 'vandaag uiterlijk',
  overdue: 'termijn verstreken',
  closed_on_time: 'binnen termijn afgehandeld',
  closed_late: 'na termijn afgehandeld',
  withdrawn: 'ingetrokken',
};

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

/** "1 klacht" / "3 klachten": a Dutch count with the right noun form. */
export function countOf(n: number, singular: string, plural: string): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** Short Dutch names of the regulation steps, for chart labels and table headers. */
export const STEP_SHORT_LABELS: Record<'client_informed' | 'complainant_heard' | 'written_response', string> = {
  client_informed: 'Cliënt gewezen op regeling',
  complainant_heard: 'Klager gehoord',
  written_response: 'Schriftelijk afgehandeld',
};

/** A Dutch list: "a", "a en b", "a, b en c". */
export function listNl(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`;
}
