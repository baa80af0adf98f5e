import type { DeadlineState } from './deadlines.ts';

/** The deadline states in Dutch words, as the organizer and the owner read them. */
export const DEADLINE_STATE_NAMES: Record<DeadlineState, string> = {
  on_track: 'op schema',
  due_soon: 'termijn loopt bijna af',
  due_today: 'vandaag uiterlijk',
  overdue: 'termijn verstreken',
  closed_on_time: 'binnen termijn afgehandeld',
  closed_late: 'na termijn afgehandeld',
  withdrawn: 'ingetrokken',
};
