import { describe, expect, it } from 'vitest';
import { compliance } from '../../../lib/analytics/compliance.ts';
import { handlingBuckets, timeliness } from '../../../lib/analytics/timeliness.ts';
import { makeCase, reportCases, resolved } from '../../helpers/analytics-fixtures.ts';

describe('handlingBuckets: the distribution follows handling_workdays, not a fixed 20 (art. 2.1, 5.4)', () => {
  it.each([
    [20, ['0–5', '6–10', '11–15', '16–20', '21–30', '31 of meer']],
    [15, ['0–4', '5–8', '9–11', '12–15', '16–23', '24 of meer']], // 15/4 = 3.75 → 4, 7.5 → 8, 11.25 → 11
    [30, ['0–8', '9–15', '16–23', '24–30', '31–45', '46 of meer']],
  ])('term %i → %j', (term, labels) => {
    const buckets = handlingBuckets(term);
    expect(buckets.map((b) => b.label)).toEqual(labels);
    expect(buckets.some((b) => b.to === term)).toBe(true); // the term is a bucket edge
    buckets.slice(1).forEach((b, i) => expect(b.from).toBe(buckets[i]!.to! + 1)); // no gaps, no overlaps
  });
  it('a 20-working-day answer counts as on time with term 20 and late with term 15', () => {
    // Mon 2 Mar 2026 + 20 working days = Mon 30 Mar 2026
    const cases = reportCases([resolved('K-2026-001', '2026-03-02', '2026-03-30')], '2026-06-01');
    expect(timeliness(cases, 20).distribution.find((b) => b.count === 1)?.label).toBe('16–20');
    expect(timeliness(cases, 15).distribution.find((b) => b.count === 1)?.label).toBe('16–23');
  });
});

describe('withdrawn after the deadline without a response', () => {
  it('is counted apart, never as on time or late', () => {
    const cases = reportCases(
      [
        // received Mon 2 Mar 2026, due Mon 30 Mar: withdrawn 1 Apr (after), and 20 Mar (before)
        makeCase({ id: 'K-2026-001', received: '2026-03-02', status: 'withdrawn', withdrawn_on: '2026-04-01' }),
        makeCase({ id: 'K-2026-002', received: '2026-03-02', status: 'withdrawn', withdrawn_on: '2026-03-20' }),
        makeCase({ id: 'K-2026-003', received: '2026-03-02', status: 'withdrawn', withdrawn_on: '2026-03-30' }), // on the due date
      ],
      '2026-06-01',
    );
    const t = timeliness(cases, 20);
    expect(t.withdrawn_overdue).toBe(1);
    expect([t.answered, t.on_time, t.late, t.share_on_time]).toEqual([0, 0, 0, null]);
  });
});

describe('compliance also checks the acknowledgement and the written confirmation of oral complaints', () => {
  it('counts over all cases that owed them, and names the ones late or missing', () => {
    // received Mon 2 March 2026: acknowledged by Mon 9 March (5 working days, the own standard) is on time
    const cases = reportCases(
      [
        makeCase({ id: 'K-2026-001', received: '2026-03-02', acknowledged: '2026-03-03' }),
        makeCase({ id: 'K-2026-002', received: '2026-03-02', channel: 'oral', written_confirmation: '2026-03-04' }),
        makeCase({ id: 'K-2026-003', received: '2026-03-02', channel: 'oral', acknowledged: '2026-03-10' }),
      ],
      '2026-03-16',
    );
    const c = compliance(cases);
    expect(c.acknowledgement).toEqual({ cases: 3, recorded: 1, late: ['K-2026-003'], missing: ['K-2026-002'], share: 1 / 3 });
    expect(c.oral_confirmation).toEqual({ cases: 2, recorded: 1, late: [], missing: ['K-2026-003'], share: 0.5 });
  });
  it('counts nothing after a withdrawal, nor what is not due yet', () => {
    const cases = reportCases(
      [
        // withdrawn on day 2, never acknowledged: nothing was owed
        makeCase({ id: 'K-2026-001', received: '2026-03-02', channel: 'oral', status: 'withdrawn', withdrawn_on: '2026-03-04' }),
        // withdrawn after the acknowledgement was due: it was owed
        makeCase({ id: 'K-2026-002', received: '2026-03-02', status: 'withdrawn', withdrawn_on: '2026-03-20' }),
        // received three working days ago: not due yet
        makeCase({ id: 'K-2026-003', received: '2026-03-11' }),
      ],
      '2026-03-16',
    );
    const c = compliance(cases);
    expect(c.acknowledgement).toMatchObject({ cases: 1, missing: ['K-2026-002'] });
    expect(c.oral_confirmation).toMatchObject({ cases: 0, missing: [] });
  });
  it('"Volledig" asks art. 3 at the start, the acknowledgement on time, 5.1, 5.2 and the written response; 5.3 is shown, not required', () => {
    const full = {
      client_informed: '2025-12-01',
      acknowledged: '2026-03-03',
      steps: [
        { kind: 'information_given' as const, date: '2026-03-04' },
        { kind: 'complainant_heard' as const, date: '2026-03-05' },
      ],
    };
    const cases = reportCases(
      [
        resolved('K-2026-001', '2026-03-02', '2026-03-20', full),
        resolved('K-2026-002', '2026-03-02', '2026-03-20', { ...full, steps: [full.steps[1]!] }), // no 5.1
        resolved('K-2026-003', '2026-03-02', '2026-03-20', { ...full, client_informed: '2026-03-05' }), // art. 3 after the complaint
        resolved('K-2026-004', '2026-03-02', '2026-03-20', { ...full, acknowledged: '2026-03-13' }), // acknowledged late
      ],
      '2026-06-01',
    );
    const c = compliance(cases);
    expect(c.rows.map((r) => [r.id, r.complete])).toEqual([
      ['K-2026-001', true],
      ['K-2026-002', false],
      ['K-2026-003', false],
      ['K-2026-004', false],
    ]);
    expect(c.checks.find((x) => x.key === 'third_party_information')).toMatchObject({ required: false, recorded: 0, cases: 4 });
    expect(c.rows[0]!.checks.oral_confirmation).toBeNull(); // a written complaint
  });
});
