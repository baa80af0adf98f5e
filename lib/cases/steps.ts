import type { CaseData } from '../../schemas/case.ts';
import type { RegulationStepKey } from '../vocabulary/index.ts';

/** A step of the regulation a case should record, with the article it comes from. */
export interface RegulationStep {
  /** Its words are the vocabulary's `regulationStep` (issues). */
  key: RegulationStepKey;
  article: string;
  /** Whether the case records it (with a date; for the response, also findings and conclusions). */
  done: (c: CaseData) => boolean;
}

/** The steps of art. 3 and 5 every case must record. */
export const REGULATION_STEPS: readonly RegulationStep[] = [
  { key: 'client_informed', article: 'art. 3.1, 3.2', done: (c) => c.client_informed !== undefined },
  { key: 'complainant_heard', article: 'art. 5.2', done: (c) => c.steps.some((s) => s.kind === 'complainant_heard') },
  {
    key: 'written_response',
    article: 'art. 4.6, 5.5',
    done: (c) => c.response?.date !== undefined && !!c.response.findings && !!c.response.conclusions,
  },
];

/** The regulation steps a case has not recorded yet. */
export function missingSteps(c: CaseData): RegulationStep[] {
  return REGULATION_STEPS.filter((s) => !s.done(c));
}
