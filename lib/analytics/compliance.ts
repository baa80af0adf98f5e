import { COMPLIANCE_CHECKS, isAnswered, type ComplianceCheck, type Owed, type ReportCase } from './report-case.ts';
import { share } from './stats.ts';

/** A check of the compliance section: the article it comes from, and whether "Volledig" needs it. */
export interface CheckRule {
  key: ComplianceCheck;
  article: string;
  /** Counts for "Volledig"; art. 5.3 is a possibility ("kunnen"), shown but not required. */
  required: boolean;
}

/** The checks in report order, with their articles. Their words: `complianceCheck` in lib/vocabulary. */
export const CHECK_RULES: readonly CheckRule[] = [
  { key: 'client_informed', article: 'art. 3', required: true },
  { key: 'acknowledged', article: 'eigen norm', required: true },
  { key: 'oral_confirmation', article: 'art. 4.1', required: true },
  { key: 'information_given', article: 'art. 5.1', required: true },
  { key: 'complainant_heard', article: 'art. 5.2', required: true },
  { key: 'third_party_information', article: 'art. 5.3', required: false },
  { key: 'written_response', article: 'art. 4.6, 5.5', required: true },
];

/** Per check: in how many of the closed cases it applies to it is recorded. */
export interface CheckShare extends CheckRule {
  /** Closed cases it applies to (an oral confirmation only to oral complaints). */
  cases: number;
  recorded: number;
  share: number | null;
}

/** Something owed to every complainant (not only in closed cases): how often it was done, late or missing. */
export interface OwedCount {
  /** Cases that owed it (a withdrawal before it was due owes nothing). */
  cases: number;
  /** Done (on time). */
  recorded: number;
  late: string[];
  missing: string[];
  share: number | null;
}

/** Regulation compliance (art. 3, 4.1, 4.6, 5.1–5.3, 5.5), counting only what was owed. */
export interface Compliance {
  /** Closed cases: resolved or escalated (they have a written response). */
  closed: number;
  checks: CheckShare[];
  /** Closed cases that record every required check that applies to them ("Volledig"). */
  complete: number;
  /** Of all cases that owed it: the receipt acknowledged within the organization's own term. */
  acknowledgement: OwedCount;
  /** Of the oral complaints that owed it: confirmed in writing (art. 4.1). */
  oral_confirmation: OwedCount;
  /** Per closed case, by id: each check (null: does not apply) and the verdict. */
  rows: { id: string; year: number; organizer: string; checks: ReportCase['checks']; complete: boolean }[];
}

/** Whether a closed case records every required check that applies to it. */
const completeCase = (c: ReportCase): boolean => CHECK_RULES.every((r) => !r.required || c.checks[r.key] !== false);

/** The owed count of one thing over the cases that have it. */
function owedCount(cases: readonly ReportCase[], of: (c: ReportCase) => Owed | null): OwedCount {
  const owed = cases.filter((c) => of(c) !== null && of(c) !== 'not_owed');
  const ids = (state: Owed) => owed.filter((c) => of(c) === state).map((c) => c.id);
  const recorded = ids('done').length;
  return { cases: owed.length, recorded, late: ids('late'), missing: ids('missing'), share: share(recorded, owed.length) };
}

/**
 * Which checks the closed cases record, per case and as shares; and, of every case that owed them, the
 * acknowledgement (on time, late, missing) and the written confirmation of oral complaints. A complaint withdrawn
 * before something was due owes nothing and is not counted.
 */
export function compliance(cases: readonly ReportCase[]): Compliance {
  const closed = cases.filter(isAnswered).sort((a, b) => a.id.localeCompare(b.id));
  const all = [...cases].sort((a, b) => a.id.localeCompare(b.id));
  const rows = closed.map((c) => ({ id: c.id, year: c.year, organizer: c.organizer, checks: c.checks, complete: completeCase(c) }));
  return {
    closed: closed.length,
    checks: CHECK_RULES.map((rule) => {
      const applies = closed.filter((c) => c.checks[rule.key] !== null);
      const recorded = applies.filter((c) => c.checks[rule.key] === true).length;
      return { ...rule, cases: applies.length, recorded, share: share(recorded, applies.length) };
    }),
    complete: rows.filter((r) => r.complete).length,
    acknowledgement: owedCount(all, (c) => c.acknowledgement),
    // art. 4.1: complaints are made in writing; an oral one is confirmed in writing
    oral_confirmation: owedCount(all, (c) => c.oral_confirmation),
    rows,
  };
}
