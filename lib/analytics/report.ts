import type { Organization } from '../../schemas/organization.ts';
import type { IsoDate } from '../dates/iso-date.ts';
import { compareYears, type YearComparison } from './comparison.ts';
import { compliance, type Compliance } from './compliance.ts';
import { improvements, type Improvements } from './improvements.ts';
import { nowView, type NowView } from './now.ts';
import { perOrganizer, type OrganizerRow } from './organizers.ts';
import { outcomes, type Outcomes } from './outcomes.ts';
import { pareto, type Pareto } from './pareto.ts';
import { monthsOf, periodCounter, quartersOf, reportYears, yearPeriod, type PeriodCounts } from './periods.ts';
import type { ReportCase } from './report-case.ts';
import { timeliness, timelinessTrend, type Timeliness } from './timeliness.ts';

/** The figures of one set of cases: every section of the report. */
export interface Sections {
  cases: number;
  timeliness: Timeliness;
  outcomes: Outcomes;
  causes: Pareto;
  categories: Pareto;
  organizers: OrganizerRow[];
  improvements: Improvements;
  compliance: Compliance;
}

/** One year's page: the annual complaints review. Cases count in the year they were received. */
export interface YearReport extends Sections {
  year: number;
  /** Received, closed and open at the end: the year, its quarters and months (up to today). */
  flow: { year: PeriodCounts | null; quarters: PeriodCounts[]; months: PeriodCounts[] };
  /** Against the previous year (numbers, timeliness, outcomes, causes); null for the first year. */
  comparison: YearComparison | null;
}

/** The whole internal report as of `today`. */
export interface Report {
  today: IsoDate;
  organization: string;
  /** The complaints committee a complaint goes to (organization.yml's escalation.committee, art. 4.7). */
  committee: string;
  /** The organizers by key, for names in tables. */
  organizers: { key: string; name: string }[];
  /** The terms in working days: filing (art. 4.1), handling (art. 5.4) and the own standard for the acknowledgement. */
  terms: { filing_workdays: number; handling_workdays: number; acknowledgement_workdays: number };
  /** Every year from the first complaint to this year, gaps included. */
  years: YearReport[];
  /** All years together. */
  all: Sections;
  /** Per year: received, closed, open at the end. */
  flow: PeriodCounts[];
  /** Timeliness per quarter, from the first year's first quarter up to today. */
  trend: { label: string; timeliness: Timeliness }[];
  now: NowView;
}

/** Every section for a set of cases. */
function sections(cases: readonly ReportCase[], org: Organization, today: IsoDate): Sections {
  return {
    cases: cases.length,
    timeliness: timeliness(cases, org.deadlines.handling_workdays),
    outcomes: outcomes(cases),
    causes: pareto(
      cases.map((c) => c.causes),
      org.causes,
    ),
    categories: pareto(
      cases.map((c) => c.categories),
      org.categories,
    ),
    organizers: perOrganizer(cases, org.organizers, org.deadlines.handling_workdays),
    improvements: improvements(cases, today),
    compliance: compliance(cases),
  };
}

/**
 * The internal report (art. 2.1–2.4) from the report's view of the validated cases, as of `today`.
 * Pure: zero cases or an empty year give zeros and nulls, never NaN.
 */
export function buildReport(cases: readonly ReportCase[], org: Organization, today: IsoDate): Report {
  const years = reportYears(cases, today);
  const byYear = new Map<number, ReportCase[]>(years.map((y) => [y, []]));
  for (const c of cases) byYear.get(c.year)!.push(c);
  const quarters = years.flatMap(quartersOf).filter((q) => q.start <= today);
  const flow = periodCounter(cases, today);
  const perYear = new Map(years.map((year) => [year, sections(byYear.get(year)!, org, today)]));
  return {
    today,
    organization: org.organization.name,
    committee: org.escalation.committee,
    organizers: org.organizers.map((o) => ({ key: o.key, name: o.name })),
    terms: {
      filing_workdays: org.deadlines.filing_workdays,
      handling_workdays: org.deadlines.handling_workdays,
      acknowledgement_workdays: org.deadlines.acknowledgement_workdays,
    },
    years: years.map((year) => {
      const own = perYear.get(year)!;
      const previous = perYear.get(year - 1);
      const yearFlow = flow([yearPeriod(year)])[0] ?? null;
      return {
        year,
        ...own,
        flow: { year: yearFlow, quarters: flow(quartersOf(year)), months: flow(monthsOf(year)) },
        comparison: previous ? compareYears(own, previous, year - 1, yearFlow?.until ?? null) : null,
      };
    }),
    all: sections(cases, org, today),
    flow: flow(years.map(yearPeriod)),
    trend: timelinessTrend(cases, quarters, org.deadlines.handling_workdays).map((t) => ({
      label: t.period.label,
      timeliness: t.timeliness,
    })),
    now: nowView(cases),
  };
}
