import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flagId, parseMarker, renderMarker, type TrackedIssue } from '../../../lib/github/issue.ts';
import { flagSubjects } from '../../../lib/github/desired-issues.ts';
import { planSync, planWrites, type SyncAction } from '../../../lib/github/plan.ts';
import { addDays } from '../../../lib/dates/iso-date.ts';
import { loadFixture, type CaseSpec } from '../../helpers/case-fixtures.ts';

// The pure planner: same input, same plan; applied to an in-memory GitHub it converges in one step.

/** Apply a plan to in-memory issues, as GitHub would. */
function apply(issues: TrackedIssue[], actions: readonly SyncAction[]): TrackedIssue[] {
  const next = issues.map((i) => ({ ...i, labels: [...i.labels], assignees: [...i.assignees] }));
  for (const a of actions) {
    if (a.type === 'create')
      next.push({ number: next.length + 1, open: true, title: a.title, body: a.body, labels: a.labels, assignees: a.assignees });
    if (a.type === 'update') {
      const i = next.find((x) => x.number === a.number)!;
      Object.assign(i, {
        ...(a.patch.title !== undefined && { title: a.patch.title }),
        ...(a.patch.body !== undefined && { body: a.patch.body }),
        ...(a.patch.labels && { labels: a.patch.labels }),
        ...(a.patch.assignees && { assignees: a.patch.assignees }),
        ...(a.patch.open !== undefined && { open: a.patch.open }),
      });
    }
  }
  return next;
}

const planFor = (specs: CaseSpec[], today: string, issues: TrackedIssue[] = []) => {
  const { org, cal, cases } = loadFixture(specs);
  return planSync(flagSubjects(cases, org, cal, today), issues);
};
const titles = (actions: readonly SyncAction[]) =>
  actions.flatMap((a) => (a.type === 'create' ? [a.title] : a.type === 'update' && a.patch.title ? [a.patch.title] : []));

describe('the marker', () => {
  it('round-trips and survives text around it', () => {
    const m = {
      kind: 'retention' as const,
      key: 'retention',
      state: 'past_retention' as const,
      assignees: ['anouk-o4a', 'bram-o4a'],
      cases: ['K-2024-001'],
    };
    expect(parseMarker(`tekst\n${renderMarker(m)}\nmeer`)).toEqual(m);
    expect(parseMarker(renderMarker({ ...m, assignees: [], cases: [] }))).toEqual({ ...m, assignees: [], cases: [] });
  });
  it('is null for bodies without one or with a broken one', () => {
    expect(parseMarker('Gewoon een issue')).toBeNull();
    expect(parseMarker('<!-- klachtenregeling kind=iets key=K-1 state=overdue -->')).toBeNull();
    expect(parseMarker('<!-- klachtenregeling kind=deadline state=overdue -->')).toBeNull();
  });
  it('refuses tokens that would break it', () => {
    expect(() => renderMarker({ kind: 'deadline', key: 'K 1 -->', state: 'none', assignees: [], cases: [] })).toThrow(RangeError);
  });
});

describe('--today around a year end (Christmas, New Year)', () => {
  // received Thursday 2026-12-10; 20 working days skip 25/26 Dec and 1 Jan: due Monday 2027-01-11
  const c: CaseSpec = { id: 'K-2026-050', received: '2026-12-10' };
  it.each([
    ['2026-12-31', 'Thursday: 6 working days left (4, 5, 6, 7, 8, 11 Jan)', []],
    ['2027-01-04', 'Monday: 5 left', ['Klacht K-2026-050: termijn verloopt op 11 januari 2027']],
    ['2027-01-08', 'Friday: 1 left', ['Klacht K-2026-050: termijn verloopt op 11 januari 2027']],
    ['2027-01-11', 'Monday: due today', ['Klacht K-2026-050: termijn verloopt vandaag (11 januari 2027)']],
    ['2027-01-12', 'Tuesday: 1 over', ['Klacht K-2026-050: termijn 1 werkdag overschreden']],
  ])('%s (%s)', (today, _why, expected) => {
    expect(titles(planFor([c], today).actions)).toEqual(expected);
  });
  it('a case received on New Year’s Eve is counted from 4 January', () => {
    // received Thursday 2026-12-31: day 1 is Monday 2027-01-04, day 20 is Friday 2027-01-29
    const plan = planFor([{ id: 'K-2026-051', received: '2026-12-31' }], '2027-01-22');
    expect(titles(plan.actions)).toEqual(['Klacht K-2026-051: termijn verloopt op 29 januari 2027']);
  });
});

describe('--today around Easter (Goede Vrijdag and Tweede Paasdag are not working days)', () => {
  // received Monday 2027-03-01; Good Friday 26 March and Easter Monday 29 March skipped: due Wednesday 2027-03-31
  const c: CaseSpec = { id: 'K-2027-010', received: '2027-03-01' };
  it.each([
    [
      '2027-03-23',
      'Tuesday: 4 left (24, 25, 30, 31 March)',
      'Klacht K-2027-010: termijn verloopt op 31 maart 2027',
      '| Stand | nog 4 werkdagen |',
    ],
    ['2027-03-26', 'Good Friday: 2 left', 'Klacht K-2027-010: termijn verloopt op 31 maart 2027', '| Stand | nog 2 werkdagen |'],
    ['2027-03-31', 'Wednesday: due today', 'Klacht K-2027-010: termijn verloopt vandaag (31 maart 2027)', '| Stand | verloopt vandaag |'],
    ['2027-04-02', 'Friday: 2 over', 'Klacht K-2027-010: termijn 2 werkdagen overschreden', '| Stand | 2 werkdagen overschreden |'],
  ])('%s (%s)', (today, _why, title, standing) => {
    const [a] = planFor([c], today).actions;
    expect(a?.type).toBe('create');
    if (a?.type !== 'create') return;
    expect(a.title).toBe(title);
    expect(a.body).toContain(standing);
  });
});

describe('planSync', () => {
  const overdue: CaseSpec = { id: 'K-2026-001', received: '2026-10-01' };
  const late: CaseSpec = { id: 'K-2026-005', received: '2026-11-20', assignment_completed: '2026-09-01' };

  it('is deterministic and orders the most urgent first', () => {
    const specs: CaseSpec[] = [late, { id: 'K-2026-003', received: '2026-11-03' }, overdue];
    const a = planFor(specs, '2026-11-24');
    expect(planFor([...specs].reverse(), '2026-11-24')).toEqual(a);
    expect(a.actions.map((x) => (x.type === 'create_label' ? x.label.name : `${x.key} ${x.state}`))).toEqual([
      'K-2026-001 overdue',
      'K-2026-003 due_soon',
      'K-2026-005 late',
    ]);
    expect(planWrites(a)).toBe(3);
  });

  it('leaves issues without its marker alone and reports them', () => {
    const plan = planFor([overdue], '2026-11-24', [
      { number: 7, open: true, title: 'Iets anders', body: 'geen marker', labels: ['klacht-termijn'], assignees: [] },
    ]);
    expect(plan.unrecognized).toEqual([7]);
    expect(plan.actions.map((a) => a.type)).toEqual(['create']);
  });

  it('closes the issue of a case file that is gone, once', () => {
    const first = apply([], planFor([overdue], '2026-11-24').actions);
    const plan = planFor([], '2026-11-24', first);
    expect(plan.actions).toMatchObject([
      {
        type: 'update',
        change: 'close',
        number: 1,
        comment: 'Er is geen dossier K-2026-001 meer in de map met dossiers; dit issue wordt gesloten.',
      },
    ]);
    expect(planWrites(planFor([], '2026-11-24', apply(first, plan.actions)))).toBe(0);
  });

  it('leaves an issue someone reopened by hand after the sync closed it', () => {
    const resolved: CaseSpec = { ...overdue, status: 'resolved', response: { date: '2026-11-25', findings: 'B.', conclusions: 'C.' } };
    let issues = apply([], planFor([overdue], '2026-11-24').actions);
    issues = apply(issues, planFor([resolved], '2026-11-26', issues).actions);
    expect(issues[0]?.open).toBe(false);
    issues[0]!.open = true;
    expect(planFor([resolved], '2026-11-27', issues).actions).toMatchObject([{ type: 'keep', why: 'reopened_by_hand' }]);
  });

  it('property: after applying a plan, the next plan for the same day writes nothing, and each flag has one issue', () => {
    const caseArb = fc.record({
      n: fc.integer({ min: 1, max: 40 }),
      receivedOffset: fc.integer({ min: 0, max: 120 }),
      filedLate: fc.boolean(),
      closed: fc.constantFrom('open', 'open', 'resolved', 'withdrawn'),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(caseArb, { selector: (c) => c.n, maxLength: 12 }),
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 4 }),
        (raw, steps) => {
          const specs: CaseSpec[] = raw.map((c) => {
            const received = addDays('2026-09-01', c.receivedOffset);
            return {
              id: `K-2026-${String(c.n).padStart(3, '0')}`,
              received,
              ...(c.filedLate ? { assignment_completed: addDays(received, -70) } : {}),
              ...(c.closed === 'resolved'
                ? { status: 'resolved' as const, response: { date: received, findings: 'B.', conclusions: 'C.' } }
                : {}),
              ...(c.closed === 'withdrawn' ? { status: 'withdrawn' as const, withdrawn_on: received } : {}),
            };
          });
          const { org, cal, cases } = loadFixture(specs);
          const plan = (today: string, issues: TrackedIssue[]) => planSync(flagSubjects(cases, org, cal, today), issues);
          let issues: TrackedIssue[] = [];
          let today = '2026-09-01';
          for (const step of steps) {
            today = addDays(today, step);
            issues = apply(issues, plan(today, issues).actions);
            expect(planWrites(plan(today, issues))).toBe(0);
            const ids = issues.map((i) => parseMarker(i.body)).map((m) => (m ? flagId(m.kind, m.key) : ''));
            expect(new Set(ids).size).toBe(ids.length);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
