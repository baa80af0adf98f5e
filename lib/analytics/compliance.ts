import { REGULATION_STEPS, type RegulationStep } from '../cases/steps.ts';
import type { ReportCase } from './report-case.ts';
import { share } from './stats.ts';

/** Per regulation step: in how many closed cases it is recorded. */
export interface StepShare {
  key: RegulationStep['key'];
  label: string;
  article: string;
  recorded: number;
  share: number | null;
}

/** Regulation compliance of the closed cases (art. 3, 4.6, 5.2, 5.5). */
export interface Compliance {
  /** Closed cases: resolved or escalated (they have a written response). */
  closed: number;
  steps: StepShare[];
  /** Closed cases that record every step. */
  complete: number;
  /** Per closed case, by id: which steps it records. */
  rows: { id: string; year: number; organizer: string; steps_recorded: ReportCase['steps_recorded']; complete: boolean }[];
}

/** Which steps of art. 3 and 5 the closed cases recorded, per case and as shares. */
export function compliance(cases: readonly ReportCase[]): Compliance {
  const closed = cases.filter((c) => c.status === 'resolved' || c.status === 'escalated').sort((a, b) => a.id.localeCompare(b.id));
  const rows = closed.map((c) => ({
    id: c.id,
    year: c.year,
    organizer: c.organizer,
    steps_recorded: c.steps_recorded,
    complete: REGULATION_STEPS.every((s) => c.steps_recorded[s.key]),
  }));
  return {
    closed: closed.length,
    steps: REGULATION_STEPS.map((s) => {
      const recorded = closed.filter((c) => c.steps_recorded[s.key]).length;
      return { key: s.key, label: s.label, article: s.article, recorded, share: share(recorded, closed.length) };
    }),
    complete: rows.filter((r) => r.complete).length,
    rows,
  };
}
