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
