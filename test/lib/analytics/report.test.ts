import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../lib/analytics/report.ts';
import { outcomeOf } from '../../../lib/analytics/report-case.ts';
import { pareto } from '../../../lib/analytics/pareto.ts';
import { improvements } from '../../../lib/analytics/improvements.ts';
import { makeCase, org, reportCases, resolved } from '../../helpers/analytics-fixtures.ts';

// Calendar of February 2026: no holidays. Received Mon 2 Feb (day 0) → due day 20 = Mon 2 Mar.
const DUE = '2026-03-02';
const onDueDate = resolved('K-2026-001', '2026-02-02', DUE, { satisfied: true }); // 20 working days: on time
const dayLate = resolved('K-2026-002', '2026-02-02', '2026-03-03', { satisfied: true }); // 21: late
const mediated = resolved('K-2026-003', '2026-02-02', '2026-02-04', {
  organizer: 'bram',
  steps: [{ kind: 'mediation', date: '2026-02-03' }],
  causes: ['planning'],
}); // Tue 3, Wed 4: 2 working days
const escalated = makeCase({
  id: 'K-2026-004',
  received: '2026-02-02',
  status: 'escalated',
  organizer: 'bram',
  response: { date: '2026-02-16', findings: 'f', conclusions: 'c' }, // 4 + 5 + 1 = 10 working days
  escalation: { date: '2026-02-20' },
  satisfied: false,
  causes: ['planning', 'informatie'],
});
const withdrawn = makeCase({ id: 'K-2026-005', received: '2026-03-02', status: 'withdrawn', withdrawn_on: '2026-03-05' });
// Received Mon 15 Dec 2025; Christmas (25, 26 Dec) and New Year's Day do not count: due Thu 15 Jan 2026.
const acrossYears = makeCase({ id: 'K-2025-001', received: '2025-12-15', causes: ['planning'] });

const TODAY = '2026-03-10';
const cases = [onDueDate, dayLate, mediated, escalated, withdrawn, acrossYears];

describe('buildReport on a hand-checked set of six cases', () => {
  const report = buildReport(reportCases(cases, TODAY), org, TODAY);
  const y2026 = report.years.find((y) => y.year === 2026)!;
  const y2025 = report.years.find((y) => y.year === 2025)!;

  it('has a page for each year from the first complaint to today', () => {
    expect(report.years.map((y) => y.year)).toEqual([2025, 2026]);
    expect(y2025.cases).toBe(1);
    expect(y2026.cases).toBe(5);
  });

  it('a case closed on its due date is on time; one day later is late', () => {
    const [a, b] = reportCases([onDueDate, dayLate], TODAY);
    expect(a!.deadline.due).toBe(DUE);
    expect(a!.deadline.state).toBe('closed_on_time');
    expect(a!.handling_workdays).toBe(20);
    expect(b!.deadline.state).toBe('closed_late');
    expect(b!.handling_workdays).toBe(21);
  });

  it('timeliness of 2026: handling times 20, 21, 2, 10 working days; the withdrawn case does not count', () => {
    const t = y2026.timeliness;
    expect(t.answered).toBe(4);
    expect(t.on_time).toBe(3); // 20, 2, 10
    expect(t.late).toBe(1);
    expect(t.open_overdue).toBe(0);
    expect(t.share_on_time).toBe(0.75);
    expect(t.median_workdays).toBe(15); // (10 + 20) / 2: an even count
    expect(t.p90_workdays).toBe(21); // nearest rank ⌈0.9 · 4⌉ = 4th of 2, 10, 20, 21
    expect(t.max_workdays).toBe(21);
    expect(t.distribution.map((b) => [b.label, b.count])).toEqual([
      ['0–5', 1],
      ['6–10', 1],
      ['11–15', 0],
      ['16–20', 1],
      ['21–30', 1],
      ['31 of meer', 0],
    ]);
  });

  it('a case open across the year boundary counts in 2025, is open at the end of 2025, and is overdue now', () => {
    expect(y2025.flow.year).toMatchObject({ received: 1, closed: 0, open_at_end: 1 });
    expect(y2025.flow.months.at(-1)).toMatchObject({ received: 1, open_at_end: 1 });
    const d = reportCases([acrossYears], TODAY)[0]!.deadline;
    // Fri 2 January 2026 is a decreed day (art. 3 lid 3 Atw, Stcrt. 2025, 24713): the term ends a day later than on Thu 15 Jan
    expect(d.due).toBe('2026-01-16');
    expect(d.state).toBe('overdue');
    // 19–23 Jan (5), 26–30 Jan (10), four weeks of February (30), 2–6 Mar (35), Mon 9 and Tue 10 Mar (37)
    expect(d.workdays_left).toBe(-37);
    expect(y2025.timeliness).toMatchObject({ answered: 0, open_overdue: 1, share_on_time: 0, median_workdays: null });
    expect(report.now.open.map((o) => o.id)).toEqual(['K-2025-001']);
    expect(report.now.overdue).toBe(1);
  });

  it('flow of 2026 per quarter: only periods that have started; still-running periods count open as of today', () => {
    expect(y2026.flow.quarters.map((q) => [q.period.label, q.received, q.closed, q.open_at_end])).toEqual([['K1 2026', 5, 5, 1]]);
    expect(y2026.flow.months.map((m) => [m.period.label, m.received, m.closed, m.open_at_end])).toEqual([
      ['januari 2026', 0, 0, 1],
      // closed in February: mediated (4 Feb) and escalated (20 Feb); open at its end: the 2025 case, 001 and 002
      ['februari 2026', 4, 2, 3],
      // closed in March: 001 on its due date (2 Mar), 002 a day late, the withdrawal (5 Mar)
      ['maart 2026', 1, 3, 1],
    ]);
  });

  it('outcomes: consultation, mediation (art. 4.3), escalation (art. 4.7), withdrawal; escalation rate over the answered cases', () => {
    const o = y2026.outcomes;
    expect(o.counts).toEqual({ consultation: 2, mediation: 1, escalated: 1, withdrawn: 1, open: 0 });
    expect(o.answered).toBe(4);
    expect(o.escalation_rate).toBe(0.25);
    expect([o.satisfied, o.not_satisfied, o.satisfaction_unknown]).toEqual([2, 1, 1]);
    expect(o.satisfaction_rate).toBeCloseTo(2 / 3);
    expect(outcomeOf(withdrawn)).toBe('withdrawn');
  });

  it('causes Pareto over all years: planning 3 of 4 mentions, too few to call any cause the most important', () => {
    const p = report.all.causes;
    expect(p.mentions).toBe(4);
    expect(p.cases_without).toBe(3);
    expect(p.vital_few_found).toBe(false);
    expect(p.items.slice(0, 2).map((i) => [i.key, i.count, i.cumulative_share, i.vital_few])).toEqual([
      ['planning', 3, 0.75, false],
      ['informatie', 1, 1, false],
    ]);
    expect(p.items).toHaveLength(org.causes.length);
  });

  it('per organizer', () => {
    const [anouk, bram] = y2026.organizers;
    expect(anouk).toMatchObject({ key: 'anouk', received: 3, answered: 2, on_time: 1, median_workdays: 20.5, withdrawn: 1 });
    expect(bram).toMatchObject({ key: 'bram', received: 2, answered: 2, on_time: 2, share_on_time: 1, median_workdays: 6, escalated: 1 });
  });

  it('regulation compliance per closed case', () => {
    const c = y2026.compliance;
    expect(c.closed).toBe(4);
    // [check, recorded, closed cases it applies to]: no oral complaint among them; the fixture records no steps
    expect(c.checks.map((s) => [s.key, s.recorded, s.cases])).toEqual([
      ['client_informed', 0, 4],
      ['acknowledged', 0, 4],
      ['oral_confirmation', 0, 0],
      ['information_given', 0, 4],
      ['complainant_heard', 0, 4],
      ['third_party_information', 0, 4],
      ['written_response', 4, 4],
    ]);
    expect(c.complete).toBe(0);
    expect(c.rows.map((r) => r.id)).toEqual(['K-2026-001', 'K-2026-002', 'K-2026-003', 'K-2026-004']);
  });
});

describe('empty input', () => {
  const hasNaN = (v: unknown): boolean =>
    typeof v === 'number' ? Number.isNaN(v) : v !== null && typeof v === 'object' ? Object.values(v).some(hasNaN) : false;

  it('zero cases: one year (today’s), zeros and nulls, no NaN', () => {
    const report = buildReport([], org, '2026-05-01');
    expect(report.years.map((y) => [y.year, y.cases])).toEqual([[2026, 0]]);
    expect(report.all.timeliness).toMatchObject({
      answered: 0,
      share_on_time: null,
      median_workdays: null,
      p90_workdays: null,
      max_workdays: null,
    });
    expect(report.all.outcomes.escalation_rate).toBeNull();
    expect(report.all.compliance.checks.every((s) => s.share === null)).toBe(true);
    expect(report.now.open).toEqual([]);
    expect(hasNaN(report)).toBe(false);
  });

  it('a year without complaints between two others gets an empty year', () => {
    const report = buildReport(
      reportCases([resolved('K-2023-001', '2023-03-01', '2023-03-02'), acrossYears], '2026-01-05'),
      org,
      '2026-01-05',
    );
    expect(report.years.map((y) => [y.year, y.cases])).toEqual([
      [2023, 1],
      [2024, 0],
      [2025, 1],
      [2026, 0],
    ]);
    expect(report.years[1]!.flow.year).toMatchObject({ received: 0, closed: 0, open_at_end: 0 });
    expect(hasNaN(report)).toBe(false);
  });

  it('one case: median, 90th percentile and maximum are its handling time', () => {
    const report = buildReport(reportCases([mediated], TODAY), org, TODAY);
    expect(report.all.timeliness).toMatchObject({
      answered: 1,
      on_time: 1,
      share_on_time: 1,
      median_workdays: 2,
      p90_workdays: 2,
      max_workdays: 2,
    });
    expect(report.all.outcomes.counts.mediation).toBe(1);
  });
});

describe('pareto: the causes of complaints (art. 2.2)', () => {
  it('marks the few that make up 80% of mentions; ties keep the configuration order', () => {
    const labels = ['a', 'b', 'c', 'd', 'e'].map((key) => ({ key, label: key.toUpperCase() }));
    // 12 mentions: a 7, b 3, c 1, e 1
    const p = pareto([...Array(7).fill(['a']), ['b'], ['b'], ['b'], ['c'], ['e'], []], labels);
    expect(p.vital_few_found).toBe(true);
    expect(p.items.map((i) => [i.key, i.count, i.vital_few])).toEqual([
      ['a', 7, true],
      ['b', 3, true], // 10/12 ≥ 80%
      ['c', 1, false],
      ['e', 1, false], // tie with c: configuration order
      ['d', 0, false],
    ]);
    expect(p.items[1]!.cumulative_share).toBeCloseTo(10 / 12);
    expect(p.cases_without).toBe(1);
  });
  it('marks none when nothing stands out: six complaints cannot make four of five causes "the most important"', () => {
    const labels = ['a', 'b', 'c', 'd', 'e'].map((key) => ({ key, label: key.toUpperCase() }));
    const few = pareto([['a'], ['a'], ['b'], ['c'], ['d'], ['e']], labels);
    expect(few.vital_few_found).toBe(false);
    expect(few.items.some((i) => i.vital_few)).toBe(false);
    // enough mentions, but spread evenly: the 80% needs four of five causes
    const even = pareto(
      [...Array(3).fill(['a']), ...Array(3).fill(['b']), ...Array(3).fill(['c']), ...Array(3).fill(['d']), ['e']],
      labels,
    );
    expect(even.mentions).toBe(13);
    expect(even.vital_few_found).toBe(false);
  });
});

describe('improvements', () => {
  it('open past due first, then open, then done', () => {
    const c = makeCase({
      id: 'K-2026-010',
      received: '2026-01-05',
      improvements: [
        { action: 'klaar', owner: 'anouk', due: '2026-02-01', done: '2026-01-20' },
        { action: 'later', owner: 'bram', due: '2026-06-01' },
        { action: 'te laat', owner: 'anouk', due: '2026-03-01' },
      ],
    });
    const r = improvements(reportCases([c], TODAY), TODAY);
    expect(r.rows.map((x) => [x.action, x.state])).toEqual([
      ['te laat', 'overdue'],
      ['later', 'open'],
      ['klaar', 'done'],
    ]);
    expect([r.overdue, r.open, r.done]).toEqual([1, 1, 1]);
  });
});
