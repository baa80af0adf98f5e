import type { CaseData } from '../../schemas/case.ts';
import type { Organization } from '../../schemas/organization.ts';
import { workdaysBetween, type WorkCalendar } from '../calendar/calendar.ts';
import { caseDeadline, type CaseDeadline } from '../deadlines/deadlines.ts';
import { yearOf, type IsoDate } from '../dates/iso-date.ts';
import { REGULATION_STEPS, type RegulationStep } from '../cases/steps.ts';

/** How a case ended, for the report (art. 2.3, 4.3, 4.7): one outcome per case. */
/** Answered: closed with a written response (resolved, or escalated after one; art. 4.6). Withdrawn and open cases are not. */
export const isAnswered = (c: { status: CaseData['status'] }): boolean => c.status === 'resolved' || c.status === 'escalated';

export type Outcome = 'open' | 'consultation' | 'mediation' | 'escalated' | 'withdrawn';

/** The outcomes in report order. */
export const OUTCOMES: readonly Outcome[] = ['consultation', 'mediation', 'escalated', 'withdrawn', 'open'];

/** An improvement action as the report shows it (art. 2.4). */
export interface ReportImprovement {
  case_id: string;
  action: string;
  owner: string;
  due: IsoDate | null;
  done: IsoDate | null;
}

/**
 * What the internal report may know about a case: ids, dates, organizer, categories, causes, outcome,
 * improvement actions. Built by whitelisting fields, so the complainant, contact details, representative,
 * the complaint text, step notes, the response's findings/conclusions/mediation texts and the committee's
 * reference can never reach a page (art. 4.4).
 */
export interface ReportCase {
  id: string;
  organizer: string;
  received: IsoDate;
  /** Year the complaint was received: the year it counts in. */
  year: number;
  status: CaseData['status'];
  channel: CaseData['channel'];
  categories: string[];
  causes: string[];
  deadline: CaseDeadline;
  /** Working days from receipt to the written response (art. 5.4); null without a response. */
  handling_workdays: number | null;
  /** Date of the written response, or null. */
  responded_on: IsoDate | null;
  outcome: Outcome;
  /** Art. 2.3: was the complainant satisfied? null when not recorded. */
  satisfied: boolean | null;
  /** Whether the receipt was acknowledged to the complainant (ontvangstbevestiging). */
  acknowledged: boolean;
  /** Art. 4.1: an oral complaint confirmed in writing; null when the complaint was not oral. */
  oral_confirmed: boolean | null;
  /** Which regulation steps (art. 3, 5) the case records. */
  steps_recorded: Record<RegulationStep['key'], boolean>;
  improvements: ReportImprovement[];
}

/** The outcome of a case: escalation and withdrawal first; a resolved case with mediation counts as mediation. */
export function outcomeOf(c: CaseData): Outcome {
  if (c.status === 'open') return 'open';
  if (c.status === 'escalated') return 'escalated';
  if (c.status === 'withdrawn') return 'withdrawn';
  // art. 4.3, 5.5: resolved jointly; through mediation when the response or a step records it
  return c.response?.mediation || c.steps.some((s) => s.kind === 'mediation') ? 'mediation' : 'consultation';
}

/**
 * The report's view of validated cases as of `today`: deadlines, handling time and outcome computed,
 * personal data left out.
 */
export function toReportCases(
  cases: readonly CaseData[],
  cal: WorkCalendar,
  terms: Organization['deadlines'],
  today: IsoDate,
): ReportCase[] {
  return cases.map((c) => {
    const responded_on = c.response?.date ?? null;
    return {
      id: c.id,
      organizer: c.organizer,
      received: c.received,
      year: yearOf(c.received),
      status: c.status,
      channel: c.channel,
      categories: [...c.categories],
      causes: [...c.causes],
      deadline: caseDeadline(c, cal, terms, today),
      handling_workdays: responded_on ? workdaysBetween(cal, c.received, responded_on) : null,
      responded_on,
      outcome: outcomeOf(c),
      satisfied: c.satisfied ?? null,
      acknowledged: c.acknowledged !== undefined,
      oral_confirmed: c.channel === 'oral' ? c.written_confirmation !== undefined : null,
      steps_recorded: Object.fromEntries(REGULATION_STEPS.map((s) => [s.key, s.done(c)])) as ReportCase['steps_recorded'],
      improvements: c.improvements.map((a) => ({
        case_id: c.id,
        action: a.action,
        owner: a.owner,
        due: a.due ?? null,
        done: a.done ?? null,
      })),
    };
  });
}
