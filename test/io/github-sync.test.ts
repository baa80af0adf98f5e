import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MANAGED_LABELS, parseMarker } from '../../lib/github/issue.ts';
import { flagSubjects } from '../../lib/github/desired-issues.ts';
import { planSync } from '../../lib/github/plan.ts';
import { loadFixture, type CaseSpec } from '../helpers/case-fixtures.ts';
import { startFakeGitHub, type FakeGitHub, type StoredIssue } from '../../tools/fake-github.ts';
import { runSync } from '../helpers/run-sync.ts';

// The sync against a stateful fake of GitHub's REST issues API on 127.0.0.1: the whole client stack
// (Octokit, pagination, retry and throttling plugins) runs for real; only GitHub's waits are shortened.

let fake: FakeGitHub;
beforeEach(async () => {
  fake = await startFakeGitHub();
});
afterEach(async () => {
  await fake.close();
});

// On Tuesday 2026-11-24:
const OVERDUE: CaseSpec = { id: 'K-2026-001', received: '2026-10-01' }; // due Thu 2026-10-29: 18 working days over
const DUE_SOON: CaseSpec = { id: 'K-2026-003', received: '2026-11-03', client_informed: '2026-09-01' }; // due Tue 2026-12-01: 5 left
const ON_TRACK: CaseSpec = { id: 'K-2026-004', received: '2026-11-20', organizer: 'bram' }; // due 2026-12-18
const LATE: CaseSpec = { id: 'K-2026-005', received: '2026-11-20', assignment_completed: '2026-09-01', organizer: 'bram' }; // filing deadline 2026-10-13
const RESOLVED: CaseSpec = {
  id: 'K-2026-002',
  received: '2026-02-09',
  status: 'resolved',
  response: { date: '2026-02-27', findings: 'Bevinding.', conclusions: 'Conclusie.' },
};
const PAST_RETENTION: CaseSpec = {
  id: 'K-2024-001',
  received: '2024-01-02',
  status: 'resolved',
  response: { date: '2024-01-10', findings: 'Bevinding.', conclusions: 'Conclusie.' },
};
const ALL = [OVERDUE, DUE_SOON, ON_TRACK, LATE, RESOLVED, PAST_RETENTION];

const open = () => fake.issues.filter((i) => i.state === 'open');
const byKey = (kind: string, key: string): StoredIssue[] =>
  fake.issues.filter((i) => {
    const m = parseMarker(i.body ?? '');
    return m?.kind === kind && m.key === key;
  });
const only = (kind: string, key: string): StoredIssue => {
  const found = byKey(kind, key);
  expect(found, `${kind} ${key}`).toHaveLength(1);
  return found[0]!;
};

describe('first run', () => {
  it('opens one issue per flag, labelled, assigned, with the facts and the missing steps', async () => {
    const run = await runSync(fake, ALL, { today: '2026-11-24' });
    expect(run.error).toBeNull();
    expect(open()).toHaveLength(4); // overdue, due soon, late filing, retention

    const overdue = only('deadline', 'K-2026-001');
    expect(overdue.title).toBe('Klacht K-2026-001: termijn 18 werkdagen overschreden');
    expect(overdue.labels).toEqual(['klacht-termijn', 'termijn-overschreden']);
    expect(overdue.assignees).toEqual(['anouk-o4a']);
    expect(overdue.body).toContain('| Bestand | `cases/2026/K-2026-001.md` |');
    expect(overdue.body).toContain('| Ontvangen op | 1 oktober 2026 |');
    expect(overdue.body).toContain('| Afhandeltermijn (art. 5.4, 6.2) | 29 oktober 2026 (20 werkdagen na ontvangst) |');
    expect(overdue.body).toContain('| Stand | 18 werkdagen overschreden |');
    expect(overdue.body).toContain('- Cliënt bij de start van de opdracht gewezen op de klachtenregeling en Solopartners (art. 3.1, 3.2)');
    expect(overdue.body).toContain('- Klager in de gelegenheid gesteld de klacht toe te lichten (art. 5.2)');
    expect(overdue.body).toContain('- Schriftelijke afhandeling met bevindingen en conclusies (art. 4.6, 5.5)');

    const soon = only('deadline', 'K-2026-003');
    expect(soon.title).toBe('Klacht K-2026-003: termijn verloopt op 1 december 2026');
    expect(soon.labels).toEqual(['klacht-termijn', 'termijn-bijna']);
    expect(soon.body).toContain('| Stand | nog 5 werkdagen |');
    expect(soon.body).not.toContain('Cliënt gewezen'); // client_informed has a date

    const late = only('late_filing', 'K-2026-005');
    expect(late.title).toBe('Klacht K-2026-005: te laat ingediend (art. 4.1)');
    expect(late.assignees).toEqual(['bram-o4a']);
    expect(byKey('deadline', 'K-2026-005')).toHaveLength(0); // its handling deadline is on track

    const retention = only('retention', 'retention');
    expect(retention.title).toBe('Bewaartermijn verstreken: persoonsgegevens van 1 dossier verwijderen');
    expect(retention.body).toContain('| K-2024-001 | 2024-01-10 | 2026-01-10 |');

    // the labels it uses, created with our colours and descriptions, not GitHub's grey defaults
    const used = MANAGED_LABELS.filter(
      (l) => l.name !== 'termijn-vandaag' && l.name !== 'ongeldig-dossier' && l.name !== 'gelijkgestelde-dagen',
    );
    expect(fake.labels).toEqual(used.map((l) => ({ name: l.name, color: l.color, description: l.description })));
    expect(fake.count()).toEqual({ reads: 2, writes: 4 + used.length, total: 6 + used.length });
    expect(fake.issues.every((i) => i.comments.length === 0)).toBe(true);
  });

  it('reports in the step summary and annotates overdue cases', async () => {
    const run = await runSync(fake, ALL, { today: '2026-11-24' });
    expect(run.summary).toContain('## Deadline watch');
    expect(run.summary).toContain('| Case | Flag | State | Due | Working days left | Issue | Action |');
    expect(run.summary).toMatch(/\| K-2026-001 \| deadline \| overdue \| 2026-10-29 \| -18 \| #\d+ \| opened \|/);
    expect(run.summary).toMatch(/\| K-2026-003 \| deadline \| due_soon \| 2026-12-01 \| 5 \| #\d+ \| opened \|/);
    expect(run.summary).toMatch(/\| retention \| retention \| past_retention \|/);
    const annotations = run.log.filter((l) => l.startsWith('::warning'));
    expect(annotations).toEqual([
      '::warning file=cases/2026/K-2026-001.md,line=1,title=K-2026-001 overdue::K-2026-001: handling deadline 2026-10-29 passed 18 working day(s) ago (art. 5.4, 6.2); responsible: anouk',
    ]);
  });
});

describe('later runs', () => {
  it('a rerun with nothing changed makes zero writes and reads one page', async () => {
    await runSync(fake, ALL, { today: '2026-11-24' });
    fake.clearLog();
    const run = await runSync(fake, ALL, { today: '2026-11-24' });
    expect(fake.count()).toEqual({ reads: 1, writes: 0, total: 1 });
    expect(run.log.at(-1)).toBe('Done: 0 write(s), 1 read(s). GitHub was already in step.');
  });

  it('a transition edits the issue and comments once; a day further edits without a comment', async () => {
    await runSync(fake, ALL, { today: '2026-11-24' });
    fake.clearLog();
    await runSync(fake, ALL, { today: '2026-12-01' }); // K-2026-003 due today; K-2026-001 further overdue
    const soon = only('deadline', 'K-2026-003');
    expect(soon.title).toBe('Klacht K-2026-003: termijn verloopt vandaag (1 december 2026)');
    expect(soon.labels).toEqual(['klacht-termijn', 'termijn-vandaag']);
    expect(soon.comments).toEqual([
      'Stand gewijzigd: termijn verloopt binnenkort → **termijn verloopt vandaag**. De afhandeltermijn van klacht K-2026-003 verloopt vandaag, 1 december 2026.',
    ]);
    const overdue = only('deadline', 'K-2026-001');
    expect(overdue.title).toBe('Klacht K-2026-001: termijn 23 werkdagen overschreden');
    expect(overdue.comments).toEqual([]);
    // two edits, one comment, one new label (termijn-vandaag): reads = issues + labels
    expect(fake.count()).toEqual({ reads: 2, writes: 4, total: 6 });

    await runSync(fake, ALL, { today: '2026-12-02' });
    expect(soon.title).toBe('Klacht K-2026-003: termijn 1 werkdag overschreden');
    expect(soon.comments).toHaveLength(2);
    expect(soon.comments[1]).toMatch(/^Stand gewijzigd: termijn verloopt vandaag → \*\*termijn overschreden\*\*/);
  });

  it('a closed case closes its issue with a comment, and the late-filing issue too', async () => {
    await runSync(fake, ALL, { today: '2026-11-24' });
    const resolved: CaseSpec = { ...OVERDUE, status: 'resolved', response: { date: '2026-11-25', findings: 'B.', conclusions: 'C.' } };
    const withdrawn: CaseSpec = { ...LATE, status: 'withdrawn', withdrawn_on: '2026-11-25' };
    const run = await runSync(fake, [resolved, DUE_SOON, ON_TRACK, withdrawn, RESOLVED, PAST_RETENTION], { today: '2026-11-26' });
    expect(run.error).toBeNull();
    const overdue = only('deadline', 'K-2026-001');
    expect(overdue.state).toBe('closed');
    expect(overdue.state_reason).toBe('completed');
    expect(overdue.labels).toEqual(['klacht-termijn']);
    expect(parseMarker(overdue.body ?? '')?.state).toBe('none');
    expect(overdue.comments).toEqual([
      'Dossier K-2026-001 is afgesloten (status `resolved` op 25 november 2026, na de termijn van 29 oktober 2026); dit issue wordt gesloten.',
    ]);
    const late = only('late_filing', 'K-2026-005');
    expect(late.state).toBe('closed');
    expect(late.comments).toEqual(['De klager heeft klacht K-2026-005 ingetrokken op 25 november 2026; dit issue wordt gesloten.']);
    fake.clearLog();
    await runSync(fake, [resolved, DUE_SOON, ON_TRACK, withdrawn, RESOLVED, PAST_RETENTION], { today: '2026-11-26' });
    expect(fake.count().writes).toBe(0);
  });

  it('the retention issue follows the list: updated, commented on news, closed when empty', async () => {
    await runSync(fake, ALL, { today: '2026-11-24' });
    const another: CaseSpec = {
      id: 'K-2024-002',
      received: '2024-02-01',
      status: 'withdrawn',
      withdrawn_on: '2024-02-05',
      organizer: 'bram',
    };
    await runSync(fake, [...ALL, another], { today: '2026-11-24' });
    const issue = only('retention', 'retention');
    expect(issue.title).toBe('Bewaartermijn verstreken: persoonsgegevens van 2 dossiers verwijderen');
    expect(issue.assignees).toEqual(['anouk-o4a', 'bram-o4a']);
    expect(issue.comments).toEqual(['Nieuw over de bewaartermijn: K-2024-002.']);
    const anonymized = (s: CaseSpec): CaseSpec => ({ ...s, anonymized: '2026-11-25' });
    await runSync(fake, [OVERDUE, DUE_SOON, ON_TRACK, LATE, RESOLVED, anonymized(PAST_RETENTION), anonymized(another)], {
      today: '2026-11-25',
    });
    expect(issue.state).toBe('closed');
    expect(issue.comments.at(-1)).toBe(
      'Geen afgesloten dossiers meer met persoonsgegevens over de bewaartermijn; dit issue wordt gesloten.',
    );
    expect(issue.body).not.toMatch(/Fictieve|example\.org/);
  });
});

describe('people and the sync', () => {
  it('an issue closed by hand stays closed while the state holds, and reopens when it gets worse', async () => {
    await runSync(fake, ALL, { today: '2026-11-24' });
    const soon = only('deadline', 'K-2026-003');
    soon.state = 'closed'; // the organizer closes it
    fake.clearLog();
    const run = await runSync(fake, ALL, { today: '2026-11-25' }); // still due soon (4 left)
    expect(soon.state).toBe('closed');
    expect(fake.count().writes).toBe(1); // only K-2026-001's overdue count changed: one edit
    expect(run.log).toContain(`  leave issue #${soon.number} for K-2026-003 (deadline): closed by hand, stays closed`);
    await runSync(fake, ALL, { today: '2026-12-01' }); // due today: worse
    expect(soon.state).toBe('open');
    expect(soon.title).toBe('Klacht K-2026-003: termijn verloopt vandaag (1 december 2026)');
    expect(soon.comments).toEqual(['Opnieuw geopend: De afhandeltermijn van klacht K-2026-003 verloopt vandaag, 1 december 2026.']);
  });

  it('a late-filing issue closed by hand is never reopened', async () => {
    await runSync(fake, ALL, { today: '2026-11-24' });
    const late = only('late_filing', 'K-2026-005');
    late.state = 'closed';
    for (const today of ['2026-11-25', '2026-12-10', '2026-12-21']) await runSync(fake, ALL, { today });
    expect(late.state).toBe('closed');
    expect(byKey('late_filing', 'K-2026-005')).toHaveLength(1);
  });

  it("keeps people's labels and assignees, and restores a title someone changed", async () => {
    await runSync(fake, ALL, { today: '2026-11-24' });
    const overdue = only('deadline', 'K-2026-001');
    overdue.labels.push('prioriteit');
    overdue.assignees.push('eigenaar');
    overdue.title = 'Anders genoemd';
    await runSync(fake, ALL, { today: '2026-11-24' });
    expect(overdue.title).toBe('Klacht K-2026-001: termijn 18 werkdagen overschreden');
    expect(overdue.labels.sort()).toEqual(['klacht-termijn', 'prioriteit', 'termijn-overschreden']);
    expect(overdue.assignees).toEqual(['anouk-o4a', 'eigenaar']);
  });

  it('an organizer GitHub will not assign does not block the flag', async () => {
    fake.assignable = new Set(['anouk-o4a']);
    const run = await runSync(fake, ALL, { today: '2026-11-24' });
    expect(run.error).toBeNull();
    expect(only('late_filing', 'K-2026-005').assignees).toEqual([]);
    expect(run.log.some((l) => l.includes('GitHub would not assign bram-o4a'))).toBe(true);
    fake.clearLog();
    await runSync(fake, ALL, { today: '2026-11-24' });
    expect(fake.count().writes).toBe(0); // no flapping over the assignee GitHub dropped
  });
});

describe('guarantees', () => {
  const five: CaseSpec[] = [1, 2, 3, 4, 5].map((n) => ({ id: `K-2026-10${n}`, received: '2026-10-01' }));

  it('a crash after two of five creates, then a rerun: every case has exactly one issue', async () => {
    await runSync(fake, five, { today: '2026-11-24', maxWrites: 1 }); // creates the labels it needs... and stops
    fake.clearLog();
    for (const l of MANAGED_LABELS) if (!fake.labels.some((x) => x.name === l.name)) fake.labels.push({ ...l });
    fake.writesUntilCrash = 2;
    const crashed = await runSync(fake, five, { today: '2026-11-24' });
    expect(crashed.error?.message).toMatch(/creating an issue failed \(500 .*\): GitHub kept failing after retries/);
    expect(crashed.log.filter((l) => l.startsWith('  did open an issue'))).toHaveLength(2);
    expect(crashed.summary).toContain('Stopped by an error after 2 change(s)');
    expect(crashed.summary).toContain('not done: run stopped');
    expect(fake.issues).toHaveLength(2);
    fake.heal();
    const rerun = await runSync(fake, five, { today: '2026-11-24' });
    expect(rerun.error).toBeNull();
    expect(fake.issues).toHaveLength(5);
    for (const c of five) only('deadline', c.id);
  });

  it('a create that GitHub made but answered with 502 is not made twice', async () => {
    fake.faults.push({ method: 'POST', path: /\/issues$/, times: 1, status: 502, body: { message: 'Server Error' }, afterApplying: true });
    const run = await runSync(fake, five, { today: '2026-11-24' });
    expect(run.error).toBeNull();
    expect(fake.issues).toHaveLength(5);
    for (const c of five) only('deadline', c.id);
  });

  it('retries 502 on reads and edits, and 429 secondary rate limits with retry-after', async () => {
    await runSync(fake, ALL, { today: '2026-11-24' });
    fake.clearLog();
    fake.faults.push({ method: 'GET', times: 2, status: 502, body: { message: 'Server Error' } });
    fake.faults.push({
      method: 'PATCH',
      times: 1,
      status: 429,
      headers: { 'retry-after': '3' },
      body: {
        message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        documentation_url: 'https://docs.github.com/rest',
      },
    });
    fake.faults.push({
      method: 'POST',
      path: /comments$/,
      times: 1,
      status: 429,
      headers: { 'retry-after': '1' },
      body: { message: 'You have exceeded a secondary rate limit.' },
    });
    // a "second" of 20 ms: retry-after 3 must hold the retry back at least 60 ms
    const run = await runSync(fake, ALL, { today: '2026-12-01', env: { DEADLINES_GITHUB_SECOND_MS: '20' } });
    expect(run.error).toBeNull();
    expect(only('deadline', 'K-2026-003').comments).toHaveLength(1);
    const patches = fake.requests.filter((r) => r.method === 'PATCH' && r.path.endsWith('/issues/1'));
    expect(patches.map((r) => r.status)).toEqual([429, 200]);
    expect(patches[1]!.at - patches[0]!.at).toBeGreaterThanOrEqual(60);
    expect(run.log.filter((l) => l.includes('secondary rate limit'))).toHaveLength(2);
    expect(fake.requests.filter((r) => r.status === 502)).toHaveLength(2);
    expect(fake.requests.filter((r) => r.status === 429)).toHaveLength(2);
  });

  it('401 stops cleanly with a clear message, after saying what was done', async () => {
    fake.faults.push({
      method: 'POST',
      path: /\/issues$/,
      times: 99,
      status: 401,
      body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' },
    });
    const run = await runSync(fake, ALL, { today: '2026-11-24' });
    expect(run.outcome).toBeNull();
    expect(run.error?.message).toBe('creating an issue failed (401 Bad credentials): GitHub refused the token: check GITHUB_TOKEN');
    expect(run.log.filter((l) => l.startsWith('  did create label'))).toHaveLength(5);
    expect(fake.requests.filter((r) => r.status === 401)).toHaveLength(1); // not retried
    expect(run.summary).toContain('Stopped by an error after 5 change(s) (listed above): creating an issue failed (401 Bad credentials)');
    expect(run.summary).toContain('not done: run stopped');
  });

  it('a wrong token on the first read stops before any write', async () => {
    const run = await runSync(fake, ALL, { today: '2026-11-24', env: { GITHUB_TOKEN: 'wrong' } });
    expect(run.error?.message).toBe(
      'listing the issues labelled "klacht-termijn" failed (401 Bad credentials): GitHub refused the token: check GITHUB_TOKEN',
    );
    expect(run.summary).toContain('Stopped before any write');
    expect(fake.count().writes).toBe(0);
  });

  it('a repository that does not exist gives 404 and names the setting to check', async () => {
    const run = await runSync(fake, ALL, { today: '2026-11-24', env: { GITHUB_REPOSITORY: 'organize4all/elders' } });
    expect(run.error?.message).toMatch(
      /\(404 Not Found\): repository organize4all\/elders not found, or the token cannot see it: check GITHUB_REPOSITORY/,
    );
  });

  it('more than 100 flag issues: reads page by page, finds them all, writes only what changed', async () => {
    const many: CaseSpec[] = Array.from({ length: 130 }, (_, k) => ({
      id: `K-2026-${String(k + 100).padStart(3, '0')}`,
      received: '2026-10-01',
    }));
    // as if earlier runs had opened them (quicker than 130 creates through the client)
    const { org, cal, cases } = loadFixture(many);
    for (const a of planSync(flagSubjects(cases, org, cal, '2026-11-24'), []).actions)
      if (a.type === 'create') fake.seedIssue({ title: a.title, body: a.body, labels: a.labels, assignees: a.assignees });
    fake.seedIssue({ title: 'Een pull request', labels: ['klacht-termijn'], pull_request: true });
    expect(fake.issues).toHaveLength(131);
    await runSync(fake, many, { today: '2026-11-24' });
    expect(fake.count()).toEqual({ reads: 2, writes: 0, total: 2 });
    expect(fake.requests.map((r) => new URLSearchParams(r.query).get('page') ?? '1')).toEqual(['1', '2']);
    expect(new URLSearchParams(fake.requests[0]!.query).get('state')).toBe('all');
    // every issue of the repository is read (not only the labelled ones): one that lost its label is found by its marker
    expect(new URLSearchParams(fake.requests[0]!.query).get('labels')).toBeNull();
  });

  it('the write budget stops the run, says how to raise it, and the next run carries on', async () => {
    const run = await runSync(fake, ALL, { today: '2026-11-24', maxWrites: 6 });
    expect(run.error).toBeNull();
    expect(fake.count().writes).toBe(6); // five labels, the overdue issue
    expect(run.log.join('\n')).toMatch(/Write budget reached: 6 of 6 write\(s\) used, 3 action\(s\) left for the next run.*--max-writes N/);
    expect(run.log).toContain('::warning title=Write budget reached::3 flag change(s) left for the next run; raise with --max-writes N');
    await runSync(fake, ALL, { today: '2026-11-24', maxWrites: 6 });
    expect(open()).toHaveLength(4);
  });

  it('dry run reads, prints the plan and writes nothing', async () => {
    const run = await runSync(fake, ALL, { today: '2026-11-24', dryRun: true });
    expect(fake.count().writes).toBe(0);
    expect(fake.issues).toHaveLength(0);
    expect(run.log).toContain(
      '  would open an issue for K-2026-001 (deadline, overdue): "Klacht K-2026-001: termijn 18 werkdagen overschreden"',
    );
    expect(run.log.at(-1)).toBe('Dry run: nothing written; a real run would make 9 write(s).');
  });

  it('without a token: a dry run that says so and contacts no one', async () => {
    const run = await runSync(fake, ALL, { today: '2026-11-24', env: { GITHUB_TOKEN: undefined } });
    expect(run.error).toBeNull();
    expect(fake.requests).toHaveLength(0);
    expect(run.log[1]).toMatch(/^GITHUB_TOKEN is not set: dry run\./);
    expect(run.log.at(-1)).toBe('Dry run: nothing written; a real run would make 9 write(s).');
  });
});

describe('privacy', () => {
  it('a canary complainant appears in no request, log line, summary, issue or comment', async () => {
    const canary = {
      name: 'Kanarie Zwaluwstaart-Q7X',
      email: 'kanarie.q7x@voorbeeld.invalid',
      phone: '06-77788899',
      address: 'Kanariestraat 77, Nergenshuizen',
      representative: { name: 'Vertegenwoordiger Fluitekruid-Q7X', relation: 'dochter', email: 'fluit.q7x@voorbeeld.invalid' },
    };
    const text = 'KANARIE-KLACHTTEKST-Q7X: de opruimster heeft mijn postzegelverzameling weggegooid.';
    const notes = 'KANARIE-NOTITIE-Q7X';
    const cases: CaseSpec[] = [
      { ...OVERDUE, complainant: canary, text, steps: [{ kind: 'information_given', date: '2026-10-02', note: notes }] },
      { ...DUE_SOON, complainant: canary, text },
      { ...LATE, complainant: canary, text },
      { ...PAST_RETENTION, complainant: canary, text },
    ];
    const runs = [await runSync(fake, cases, { today: '2026-11-24' }), await runSync(fake, cases, { today: '2026-12-02' })];
    const closed = cases.map((c) => ({ ...c, status: 'withdrawn' as const, withdrawn_on: '2026-12-03', response: undefined }));
    runs.push(await runSync(fake, closed, { today: '2026-12-04' }));
    const everything = [
      ...fake.requests.map((r) => `${r.path}${r.query} ${r.body}`),
      ...runs.flatMap((r) => [...r.log, r.summary]),
      ...fake.issues.flatMap((i) => [i.title, i.body ?? '', ...i.comments, ...i.labels]),
    ].join('\n');
    expect(fake.issues.length).toBeGreaterThanOrEqual(4);
    for (const secret of ['Kanarie', 'Zwaluwstaart', 'q7x', 'Q7X', '06-77788899', 'Kanariestraat', 'Fluitekruid', 'postzegel', 'dochter'])
      expect(everything).not.toContain(secret);
  });
});
