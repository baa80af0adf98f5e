import { isAnswered, OUTCOMES, type Outcome, type ReportCase } from './report-case.ts';
import { share } from './stats.ts';

/** Art. 2.3, 4.7: how complaints ended and whether relations were kept. */
export interface Outcomes {
  total: number;
  /** Cases per outcome, every outcome present (0 when none). */
  counts: Record<Outcome, number>;
  /** Closed with a written response (resolved or escalated). */
  answered: number;
  /** Of the answered: complainant satisfied, not satisfied, not recorded. */
  satisfied: number;
  not_satisfied: number;
  satisfaction_unknown: number;
  /** escalated / answered; null when nothing was answered. */
  escalation_rate: number | null;
  /** satisfied / (satisfied + not satisfied); null when nothing was recorded. */
  satisfaction_rate: number | null;
}

/** Outcome counts, satisfaction and escalation rate of a set of cases. */
export function outcomes(cases: readonly ReportCase[]): Outcomes {
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  let satisfied = 0;
  let not_satisfied = 0;
  let satisfaction_unknown = 0;
  for (const c of cases) {
    counts[c.outcome]++;
    if (!isAnswered(c)) continue;
    if (c.satisfied === true) satisfied++;
    else if (c.satisfied === false) not_satisfied++;
    else satisfaction_unknown++;
  }
  const answered = counts.consultation + counts.mediation + counts.escalated;
  return {
    total: cases.length,
    counts,
    answered,
    satisfied,
    not_satisfied,
    satisfaction_unknown,
    escalation_rate: share(counts.escalated, answered),
    satisfaction_rate: share(satisfied, satisfied + not_satisfied),
  };
}
