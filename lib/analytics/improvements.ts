import type { IsoDate } from '../dates/iso-date.ts';
import type { ReportCase, ReportImprovement } from './report-case.ts';

/** Where an improvement action stands on `today`. */
export type ImprovementState = 'done' | 'open' | 'overdue';

/** An improvement action with its state. */
export interface ImprovementRow extends ReportImprovement {
  state: ImprovementState;
}

/** Art. 2.4: the improvement actions and how many are done, open, open past due. */
export interface Improvements {
  rows: ImprovementRow[];
  done: number;
  open: number;
  overdue: number;
}

const RANK: Record<ImprovementState, number> = { overdue: 0, open: 1, done: 2 };

/** The improvement actions of `cases` on `today`: open past due first, then open by due date, then done. */
export function improvements(cases: readonly ReportCase[], today: IsoDate): Improvements {
  const rows: ImprovementRow[] = cases.flatMap((c) =>
    c.improvements.map((a) => ({ ...a, state: a.done ? 'done' : a.due !== null && a.due < today ? 'overdue' : 'open' }) as ImprovementRow),
  );
  rows.sort(
    (a, b) => RANK[a.state] - RANK[b.state] || (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.case_id.localeCompare(b.case_id),
  );
  const count = (s: ImprovementState) => rows.filter((r) => r.state === s).length;
  return { rows, done: count('done'), open: count('open'), overdue: count('overdue') };
}
