import type { CaseData } from '../../schemas/case.ts';

/** Stands in for a free text that was recorded but is not kept in the facts (findings, conclusions, mediation). */
export const RECORDED = '(vastgelegd in het dossier)';

/**
 * A case's facts: dates, keys, status and what was recorded, without personal data and without free text that
 * may name people (art. 4.4). Dropped: the complainant, step notes, the committee's reference; findings,
 * conclusions, mediation and the reason not to escalate are replaced by {@link RECORDED}, so "is there a written
 * response with findings" (art. 5.5) and "is a reason recorded" (art. 4.7) still hold. Kept: improvement actions, which the internal report lists (art. 2.4). Pure.
 */
export function caseFacts(c: CaseData): CaseData {
  const { complainant: _, steps, response, escalation, no_escalation_reason, ...rest } = c;
  const facts: CaseData = { ...rest, steps: steps.map((s) => ({ kind: s.kind, date: s.date })) };
  if (no_escalation_reason) facts.no_escalation_reason = RECORDED;
  if (response) {
    const kept: NonNullable<CaseData['response']> = { date: response.date };
    if (response.findings) kept.findings = RECORDED;
    if (response.conclusions) kept.conclusions = RECORDED;
    if (response.mediation) kept.mediation = RECORDED;
    facts.response = kept;
  }
  if (escalation) facts.escalation = { date: escalation.date };
  return facts;
}
