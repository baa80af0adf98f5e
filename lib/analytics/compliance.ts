import { REGULATION_STEPS, type RegulationStep } from '../cases/steps.ts';
import type { ReportCase } from './report-case.ts';
import { share } from './stats.ts';

/** Per regulation step: in how many closed cases it is recorded. */
export interface StepShare {
  key: RegulationStep['key'];
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
  /** Of all cases: the receipt acknowledged to the complainant (ontvangstbevestiging). */
  acknowledgement: { cases: number; recorded: number; share: number | null; missing: string[] };
  /** Of the oral complaints: confirmed in writing (art. 4.1). */
  oral_confirmation: { cases: number; recorded: number; share: number | null; missing: string[] };
  /** Per closed case, by id: which steps it records. */
  rows: { id: string; year: number; organizer: string; steps_recorded: ReportCase['steps_recorded']; complete: boolean }[];
}

/** Which steps of art. 3 and 5 the closed cases recorded, per case and as shares; and, of all cases, the acknowledgement and the written confirmation of oral complaints. */
export function compliance(cases: readonly ReportCase[]): Compliance {
  const closed = cases.filter((c) => c.status === 'resolved' || c.status === 'escalated').sort((a, b) => a.id.localeCompare(b.id));
  const rows = closed.map((c) => ({
    id: c.id,
    year: c.year,
    organizer: c.organizer,
    steps_recorded: c.steps_recorded,
    complete: REGULATION_STEPS.every((s) => c.steps_recorded[s.key]),
  }));
  const all = [...cases].sort((a, b) => a.id.localeCompare(b.id));
  const oral = all.filter((c) => c.oral_confirmed !== null);
  const count = (of: readonly ReportCase[], done: (c: ReportCase) => boolean) => {
    const recorded = of.filter(done).length;
    return { cases: of.length, recorded, share: share(recorded, of.length), missing: of.filter((c) => !done(c)).map((c) => c.id) };
  };
  return {
    acknowledgement: count(all, (c) => c.acknowledged),
    // art. 4.1: complaints are made in writing; an oral one is confirmed in writing
    oral_confirmation: count(oral, (c) => c.oral_confirmed === true),
    closed: closed.length,
    steps: REGULATION_STEPS.map((s) => {
      const recorded = closed.filter((c) => c.steps_recorded[s.key]).length;
      return { key: s.key, article: s.article, recorded, share: share(recorded, closed.length) };
    }),
    complete: rows.filter((r) => r.complete).length,
    rows,
  };
}
