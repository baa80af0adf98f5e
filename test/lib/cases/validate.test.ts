import { describe, expect, it } from 'vitest';
import { calendarFor } from '../../../lib/calendar/holidays.ts';
import { formatAnnotation, formatProblem } from '../../../lib/problems/problems.ts';
import { validateCases } from '../../../lib/cases/validate.ts';
import { ORG, ORG_TEXT, caseData, caseText } from '../../helpers/fixtures.ts';
import { parseOrganization } from '../../../lib/organization/organization.ts';
import { messagesIn } from '../../helpers/language.ts';

// The developers' English messages (KLACHTEN_LANG=en); the organizer's Dutch ones: test/scripts/dutch-messages.test.ts.
messagesIn('en');

const cal = calendarFor(ORG);
const check = (files: Record<string, string>) =>
  validateCases(Object.entries(files).map(([path, text]) => ({ path, text })), ORG, cal);
const one = (text: string, path = 'cases/2026/K-2026-001.md') => check({ [path]: text });
const errors = (text: string) => one(text).problems.filter((p) => p.severity === 'error').map(formatProblem);

const closedResponse = { date: '2026-11-20', findings: 'Bevinding', conclusions: 'Conclusie' };

describe('a valid case', () => {
  it('passes with no problems', () => {
    const r = one(caseText(caseData()));
    expect(r.problems).toEqual([]);
    expect(r.cases[0]?.data.received).toBe('2026-11-03');
    expect(r.cases[0]?.body).toContain('De klacht zoals ontvangen.');
  });
  it('accepts CRLF line ends and a UTF-8 BOM', () => {
    const text = '\uFEFF' + caseText(caseData()).replace(/\n/g, '\r\n');
    const r = one(text);
    expect(r.errorCount).toBe(0);
    expect(r.cases).toHaveLength(1);
  });
  it('keeps YAML dates as calendar dates, whatever TZ is', () => {
    expect(one('---\nid: K-2026-001\norganizer: anouk\nreceived: 2026-01-01\nchannel: email\nstatus: open\ncomplainant: {name: X}\ncategories: [communicatie]\n---\n').cases[0]?.data.received).toBe('2026-01-01');
  });
});

describe('bad input: each gets a message naming file, line and field', () => {
  it.each([
    ['malformed YAML', '---\nid: K-2026-001\norganizer: [anouk\n---\n', /K-2026-001\.md:\d+: \(frontmatter\): malformed YAML/],
    ['no frontmatter', 'Just a complaint, no fields.\n', /K-2026-001\.md:1: \(file\): no frontmatter/],
    ['an empty file', '', /K-2026-001\.md:1: \(file\): the file is empty/],
    ['an unclosed frontmatter', '---\nid: K-2026-001\n', /no closing "---"/],
    ['a list instead of fields', '---\n- a\n- b\n---\n', /\(frontmatter\): the frontmatter must be a list of fields/],
    ['a wrong type', caseText(caseData({ categories: 'communicatie' as never })), /:\d+: categories: expected a list, e\.g\. categories: \[communicatie, kosten\]/],
    ['an impossible date', caseText(caseData({ received: '2026-02-30' })), /:4: received: expected a real calendar date as YYYY-MM-DD/],
    ['a date with a time', caseText(caseData({ received: '2026-02-03T10:00:00Z' })), /received: expected a real calendar date/],
    ['an unknown status', caseText(caseData({ status: 'closed' as never })), /status: expected one of open, resolved, escalated, withdrawn/],
    ['an unknown organizer', caseText(caseData({ organizer: 'carla' })), /organizer: unknown organizer "carla"; expected one of anouk, bram/],
    ['an unknown category', caseText(caseData({ categories: ['weer'] })), /categories\.0: unknown category "weer"/],
    ['an unknown cause', caseText(caseData({ causes: ['pech'] })), /causes\.0: unknown cause "pech"/],
    ['a misspelt field', caseText(caseData({ recieved: '2026-11-03' })), /recieved: unknown field "recieved"/],
    ['a missing field', caseText(caseData({ channel: undefined })), /channel: required: /],
    ['a step before receipt', caseText(caseData({ steps: [{ kind: 'complainant_heard', date: '2026-11-02' }] })), /steps\.0\.date: 2026-11-02 is before "Received on" \(received: 2026-11-03\)/],
    ['a response before a step', caseText(caseData({ steps: [{ kind: 'complainant_heard', date: '2026-11-25' }], response: closedResponse })), /steps\.0\.date: 2026-11-25 is after "Date of the response" \(response\.date: /],
    ['an escalation before the response', caseText(caseData({ status: 'escalated', response: closedResponse, escalation: { date: '2026-11-19' } })), /escalation\.date: 2026-11-19 is before "Date of the response" \(response\.date: /],
    ['resolved without a response', caseText(caseData({ status: 'resolved' })), /response: status "resolved" needs a written response/],
    ['resolved without conclusions', caseText(caseData({ status: 'resolved', response: { date: '2026-11-20', findings: 'B' } })), /response\.conclusions: status "resolved" needs the conclusions/],
    ['escalated without an escalation date', caseText(caseData({ status: 'escalated', response: closedResponse })), /escalation: status "escalated" needs escalation\.date/],
    ['withdrawn without a date', caseText(caseData({ status: 'withdrawn' })), /withdrawn_on: status "withdrawn" needs withdrawn_on/],
    ['no complainant', caseText(caseData({ complainant: undefined })), /complainant: needs the complainant/],
    ['a year outside the calendar', caseText(caseData({ received: '1026-11-03' })), /received: expected a date between 2000-01-01 and 2100-12-31/],
    ['an id unlike K-YYYY-NNN', caseText(caseData({ id: 'K26-1' })), /id: expected an id such as K-2026-001/],
  ])('%s', (_, text, expected) => {
    const found = errors(text);
    expect(found.join('\n')).toMatch(expected);
  });

  it('points at the line of the field', () => {
    const text = caseText(caseData({ organizer: 'carla' }));
    const line = text.split('\n').findIndex((l) => l.startsWith('organizer:')) + 1;
    expect(errors(text)).toContain(`cases/2026/K-2026-001.md:${line}: organizer: unknown organizer "carla"; expected one of anouk, bram (organization.yml)`);
  });

  it('refuses a YAML bomb quickly instead of expanding it', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const text = `---\n${levels.join('\n')}\n---\n`;
    const started = performance.now();
    expect(errors(text).join('\n')).toMatch(/YAML aliases \(\*name\) of mappings or lists are not allowed/);
    expect(performance.now() - started).toBeLessThan(5_000); // 9^12 nodes if it were expanded
  });

  it('reports every problem of a file at once', () => {
    expect(errors(caseText(caseData({ organizer: 'carla', status: 'resolved', received: '2026-02-30' })))).toHaveLength(3);
  });
});

describe('across files', () => {
  it('flags an id that differs from the file name', () => {
    const r = check({ 'cases/2026/K-2026-002.md': caseText(caseData()) });
    expect(r.problems.map(formatProblem)).toEqual([
      'cases/2026/K-2026-002.md:2: id: id "K-2026-001" differs from the file name "K-2026-002.md": rename the file or fix the id',
    ]);
    expect(r.cases).toEqual([]);
  });
  it('flags duplicate ids in both files', () => {
    const r = check({ 'cases/2026/K-2026-001.md': caseText(caseData()), 'cases/old/K-2026-001.md': caseText(caseData()) });
    expect(r.errorCount).toBe(2);
    expect(r.problems.map((p) => p.message)).toEqual([
      'duplicate id "K-2026-001", also in cases/old/K-2026-001.md',
      'duplicate id "K-2026-001", also in cases/2026/K-2026-001.md',
    ]);
  });
});

describe('warnings never fail validation', () => {
  it('a late filing (art. 4.1)', () => {
    const r = one(caseText(caseData({ assignment_completed: '2026-03-13', received: '2026-04-30' })));
    expect(r.errorCount).toBe(0);
    expect(r.problems.map(formatProblem)).toEqual([
      'cases/2026/K-2026-001.md:4: received: warning: filed late: received 2026-04-30, after the filing deadline 29 April 2026 (30 working days after 2026-03-13, art. 4.1)',
    ]);
    expect(r.cases).toHaveLength(1);
  });
  it('art. 4.1 sets a latest filing date, not an earliest: received while the assignment still runs is valid and not late', () => {
    const r = one(caseText(caseData({ received: '2026-11-03', assignment_completed: '2026-11-20' })));
    expect(r.problems).toEqual([]);
    expect(r.cases[0]?.data.assignment_completed).toBe('2026-11-20');
  });
  const closed = { status: 'resolved' as const, response: closedResponse, client_informed: '2026-11-03' };
  const warnings = (data: Record<string, unknown>) => {
    const r = one(caseText(caseData(data)));
    expect(r.errorCount).toBe(0);
    return r.problems.map(formatProblem);
  };
  it('art. 4.7: resolved, not satisfied and not escalated, unless the reason is recorded', () => {
    expect(warnings({ ...closed, satisfied: false })).toEqual([
      expect.stringMatching(/^cases\/2026\/K-2026-001\.md:\d+: satisfied: warning: de klager is niet tevreden .*leg voor aan de Klachtencommissie van Solopartners.*of leg vast waarom niet.*\(art\. 4\.7\)$/),
    ]);
    expect(warnings({ ...closed, satisfied: false, no_escalation_reason: 'Klager ziet af van voorleggen' })).toEqual([]);
    expect(warnings({ ...closed, satisfied: true })).toEqual([]);
  });
  it('art. 5.5: a mediation step without response.mediation', () => {
    const steps = [{ kind: 'mediation', date: '2026-11-10' }];
    expect(warnings({ ...closed, steps })).toEqual([
      expect.stringMatching(/: response: warning: er is een bemiddelingsstap .*response\.mediation ontbreekt.*\(art\. 5\.5\)$/),
    ]);
    expect(warnings({ ...closed, steps, response: { ...closedResponse, mediation: 'Samen een nieuwe planning gemaakt.' } })).toEqual([]);
    expect(warnings({ steps })).toEqual([]); // open: the response is not written yet
  });
  it('art. 3: a closed case without client_informed asks for the date of the order confirmation, not today', () => {
    expect(warnings({ ...closed, client_informed: undefined })).toEqual([
      expect.stringMatching(/: client_informed: warning: client_informed is missing: .*\(art\. 3\)\? Usually the date of the order confirmation/),
    ]);
    expect(warnings({ client_informed: undefined })).toEqual([]); // still open: asked at registration, may be looked up later
  });
  it('art. 3: informed only after the complaint documents late compliance', () => {
    expect(warnings({ received: '2026-11-03', client_informed: '2026-11-10' })).toEqual([
      expect.stringMatching(/: client_informed: warning: the client was told of the regulation only on 2026-11-10, after the complaint \(received 2026-11-03\); art\. 3 asks for it at the start of the assignment/),
    ]);
    expect(warnings({ received: '2026-11-03', client_informed: '2026-11-03' })).toEqual([]);
  });
  it('art. 5.5: a mediation that failed asks for no "how mediation resolved it"', () => {
    const steps = [{ kind: 'mediation', date: '2026-11-10' }];
    expect(warnings({ ...closed, steps, satisfied: false, no_escalation_reason: 'Ziet af.' })).toEqual([]);
  });
  it('the receipt acknowledged after the own term (acknowledgement_workdays, organization.yml) is flagged, never refused', () => {
    // received Tuesday 24 November; day 5 is Tuesday 1 December
    expect(warnings({ received: '2026-11-24', acknowledged: '2026-12-01' })).toEqual([]);
    expect(warnings({ received: '2026-11-24', acknowledged: '2026-12-06' })).toEqual([
      expect.stringMatching(
        /: acknowledged: warning: receipt acknowledged late: on 6 December 2026, 8 working days after receipt \(24 November 2026\); the own standard is 1 December 2026, 5 working days/,
      ),
    ]);
    const lenient = parseOrganization('organization.yml', ORG_TEXT.replace('acknowledgement_workdays: 5', 'acknowledgement_workdays: 10'));
    const r = validateCases(
      [{ path: 'cases/2026/K-2026-001.md', text: caseText(caseData({ received: '2026-11-24', acknowledged: '2026-12-06' })) }],
      lenient,
      calendarFor(lenient),
    );
    expect(r.problems).toEqual([]);
  });
  it('an oral complaint without written confirmation', () => {
    const r = one(caseText(caseData({ channel: 'oral' })));
    expect([r.errorCount, r.warningCount]).toEqual([0, 1]);
    expect(one(caseText(caseData({ channel: 'oral', written_confirmation: '2026-11-04' }))).warningCount).toBe(0);
  });
});

describe('formatAnnotation', () => {
  it('writes a GitHub workflow command with escaped properties', () => {
    expect(formatAnnotation({ file: 'cases/a,b.md', line: 3, field: 'x', message: '50%\nnext', severity: 'error' })).toBe(
      '::error file=cases/a%2Cb.md,line=3,title=x::50%25%0Anext',
    );
  });
});
