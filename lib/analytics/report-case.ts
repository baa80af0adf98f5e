import type { CaseData } from '../../schemas/case.ts';
import type { Organization } from '../../schemas/organization.ts';
import { workdaysBetween, type WorkCalendar } from '../calendar/calendar.ts';
import { acknowledgementOf, caseDeadline, type CaseDeadline } from '../deadlines/deadlines.ts';
import { yearOf, type IsoDate } from '../dates/iso-date.ts';

/** How a case ended, for the report (art. 2.3, 4.3, 4.7): one outcome per case. */
/** Answered: closed with a written response (resolved, or escalated after one; art. 4.6). Withdrawn and open cases are not. */
export const isAnswered = (c: { status: CaseData['status'] }): boolean => c.status === 'resolved' || c.status === 'escalated';

export type Outcome = 'open' | 'consultation' | 'mediation' | 'escalated' | 'withdrawn';

/** The outcomes in report order. */
export const OUTCOMES: readonly Outcome[] = ['consultation', 'mediation', 'escalated', 'withdrawn', 'open'];

/**
 * Something the regulation (or the organization's own standard) owes a complainant, as of a case: done (on time),
 * late, missing, or not owed at all because the complaint was withdrawn before it was due.
 */
export type Owed = 'done' | 'late' | 'missing' | 'not_owed';

/**
 * What the compliance section checks per case (art. 3, 4.1, 4.6, 5.1–5.3, 5.5; the acknowledgement by the
 * organization's own term), in report order.
 */
export const COMPLIANCE_CHECKS = [
  'client_informed',
  'acknowledged',
  'oral_confirmation',
  'information_given',
  'complainant_heard',
  'third_party_information',
  'written_response',
] as const;
/** One check of {@link COMPLIANCE_CHECKS}. */
export type ComplianceCheck = (typeof COMPLIANCE_CHECKS)[number];

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
  /** The receipt acknowledged to the complainant within `acknowledgement_workdays` (own standard), late, missing or not owed. */
  acknowledgement: Owed;
  /** Art. 4.1: an oral complaint confirmed in writing, missing or not owed; null when the complaint was not oral. */
  oral_confirmation: Owed | null;
  /**
   * Per check, whether the case records it; null when it does not apply (the oral confirmation of a written
   * complaint, an acknowledgement not owed). Art. 3 counts only when the client was informed before the complaint.
   */
  checks: Record<ComplianceCheck, boolean | null>;
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
    // owed from the end of the organization's own term on; a withdrawal before then owes nothing
    const ack = acknowledgementOf(c, cal, terms, today);
    const notOwed = (c.withdrawn_on !== undefined && c.withdrawn_on <= ack.due) || today <= ack.due;
    const acknowledgement: Owed = ack.state;
    const oral_confirmation: Owed | null =
      c.channel !== 'oral' ? null : c.written_confirmation ? 'done' : notOwed || c.withdrawn_on ? 'not_owed' : 'missing';
    const step = (kind: CaseData['steps'][number]['kind']) => c.steps.some((s) => s.kind === kind);
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
      acknowledgement,
      oral_confirmation,
      checks: {
        // art. 3: owed at the start of the assignment; a date after the complaint documents late compliance
        client_informed: c.client_informed !== undefined && c.client_informed <= c.received,
        acknowledged: acknowledgement === 'not_owed' ? null : acknowledgement === 'done',
        oral_confirmation: oral_confirmation === null || oral_confirmation === 'not_owed' ? null : oral_confirmation === 'done',
        information_given: step('information_given'),
        complainant_heard: step('complainant_heard'),
        third_party_information: step('third_party_information'),
        written_response: c.response?.date !== undefined && !!c.response.findings && !!c.response.conclusions,
      },
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
