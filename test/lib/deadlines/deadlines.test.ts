import { describe, expect, it } from 'vitest';
import { caseSchema, type CaseData } from '../../../schemas/case.ts';
import { caseDeadline, caseDeadlines } from '../../../lib/deadlines/deadlines.ts';
import { calendarFor } from '../../../lib/calendar/holidays.ts';
import { ORG, caseData } from '../../helpers/fixtures.ts';

const cal = calendarFor(ORG);
const terms = ORG.deadlines; // 30 filing, 20 handling, reminder 5
const make = (o: Record<string, unknown> = {}): CaseData => caseSchema.parse(caseData(o));
const closed = { findings: 'Bevinding', conclusions: 'Conclusie' };

// received Tue 3 Nov 2026 → due Tue 1 Dec 2026 (20 working days)
describe('caseDeadline: open case received 2026-11-03, due 2026-12-01', () => {
  it.each([
    ['2026-11-03', 'on_track', 20],
    ['2026-11-23', 'on_track', 6], // Mon: 24, 25, 26, 27, 30 Nov, 1 Dec
    ['2026-11-24', 'due_soon', 5], // reminder: at most 5 working days left
    ['2026-11-28', 'due_soon', 2], // Saturday: Mon 30 Nov and Tue 1 Dec left
    ['2026-11-30', 'due_soon', 1],
    ['2026-12-01', 'due_today', 0],
    ['2026-12-02', 'overdue', -1],
    ['2026-12-08', 'overdue', -5],
  ])('on %s: %s, %i working days left', (today, state, left) => {
    const d = caseDeadline(make(), cal, terms, today);
    expect(d.due).toBe('2026-12-01');
    expect(d.state).toBe(state);
    expect(d.workdays_left).toBe(left);
  });

  it('a case due on a Friday is 1 working day overdue on Saturday', () => {
    // received Fri 30 Oct 2026 → due Fri 27 Nov 2026
    const d = caseDeadline(make({ received: '2026-10-30' }), cal, terms, '2026-11-28');
    expect([d.due, d.state, d.workdays_left]).toEqual(['2026-11-27', 'overdue', -1]);
  });

  it('counts across Christmas and the new year', () => {
    // received Mon 14 Dec 2026: 15–18 (4), 21–24 (8), 28–31 (12), 4–8 Jan (17), 11–13 Jan (20)
    expect(caseDeadline(make({ received: '2026-12-14' }), cal, terms, '2026-12-14').due).toBe('2027-01-13');
  });
});

describe('closed cases', () => {
  it('closed_on_time when the response is dated on the due date', () => {
    const d = caseDeadline(make({ status: 'resolved', response: { date: '2026-12-01', ...closed } }), cal, terms, '2027-03-01');
    expect([d.state, d.workdays_left, d.closed_on]).toEqual(['closed_on_time', null, '2026-12-01']);
  });
  it('closed_late when the response came a day after', () => {
    const d = caseDeadline(make({ status: 'resolved', response: { date: '2026-12-02', ...closed } }), cal, terms, '2027-03-01');
    expect(d.state).toBe('closed_late');
  });
  it('escalated cases are judged by their response date, closed on the escalation date', () => {
    const d = caseDeadline(
      make({ status: 'escalated', response: { date: '2026-11-20', ...closed }, escalation: { date: '2026-12-10' } }),
      cal,
      terms,
      '2027-03-01',
    );
    expect([d.state, d.closed_on]).toEqual(['closed_on_time', '2026-12-10']);
  });
  it('withdrawn', () => {
    const d = caseDeadline(make({ status: 'withdrawn', withdrawn_on: '2026-11-05' }), cal, terms, '2026-12-20');
    expect([d.state, d.workdays_left, d.closed_on]).toEqual(['withdrawn', null, '2026-11-05']);
  });
});

describe('filing deadline (art. 4.1)', () => {
  it('is null without an assignment end date', () => {
    const d = caseDeadline(make(), cal, terms, '2026-11-03');
    expect([d.filing_deadline, d.filed_late]).toEqual([null, false]);
  });
  it('on the 30th working day is in time, the day after is late', () => {
    // assignment completed Fri 13 Mar 2026 → filing deadline Wed 29 Apr 2026 (Easter, Koningsdag)
    const onTime = caseDeadline(make({ assignment_completed: '2026-03-13', received: '2026-04-29' }), cal, terms, '2026-04-29');
    expect([onTime.filing_deadline, onTime.filed_late]).toEqual(['2026-04-29', false]);
    const late = caseDeadline(make({ assignment_completed: '2026-03-13', received: '2026-04-30' }), cal, terms, '2026-04-30');
    expect(late.filed_late).toBe(true);
  });
});

describe('caseDeadlines', () => {
  it('puts the most urgent first and closed cases last', () => {
    const list = caseDeadlines(
      [
        make({ id: 'K-2026-001', status: 'withdrawn', withdrawn_on: '2026-11-05' }),
        make({ id: 'K-2026-002', received: '2026-11-20' }),
        make({ id: 'K-2026-003', received: '2026-10-01' }),
      ],
      cal,
      terms,
      '2026-11-24',
    );
    expect(list.map((d) => d.id)).toEqual(['K-2026-003', 'K-2026-002', 'K-2026-001']);
  });
});
