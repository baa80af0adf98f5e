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

const workdays = (n: number) => `${n} werkdag${n === 1 ? '' : 'en'}`;

/**
 * Where a case stands, in the werkplek's words: the state with the working days it concerns.
 * @example deadlineStateText('overdue', -3) === 'te laat: 3 werkdagen'
 */
export function deadlineStateText(state: DeadlineState, workdaysLeft: number | null): string {
  switch (state) {
    case 'on_track':
      return `op schema: nog ${workdays(workdaysLeft ?? 0)}`;
    case 'due_soon':
      return `termijn verloopt binnenkort: nog ${workdays(workdaysLeft ?? 0)}`;
    case 'due_today':
      return 'vandaag: de termijn verloopt vandaag';
    case 'overdue':
      return `te laat: ${workdays(Math.abs(workdaysLeft ?? 0))}`;
    case 'closed_on_time':
      return 'afgerond, binnen de termijn';
    case 'closed_late':
      return 'afgerond, na de termijn';
    case 'withdrawn':
      return 'ingetrokken';
  }
}
