// "Her words only" (issue 25): every werkplek page (each route of the route table, with fixture cases in every
// state, refused saves included) and every document (the HTML the PDFs are printed from) is read for words only
// developers use (test/helpers/developer-words.ts). A new GET route without a sample address here fails.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { caseSchemaFor, type CaseData } from '../../schemas/case.ts';
import { calendarFor } from '../../lib/calendar/holidays.ts';
import { parseCaseFile } from '../../lib/cases/case-file.ts';
import { accessExport } from '../../lib/cases/subject-access.ts';
import { accessReportHtml } from '../../lib/documents/access-report.ts';
import { DOCUMENT_KINDS } from '../../lib/documents/kinds.ts';
import { gitProblemMessage, remoteFailureMessage, type GitProblem } from '../../lib/sharing/messages.ts';
import { shareStatusOf, shareStatusText } from '../../lib/sharing/share-status.ts';
import { commitWords } from '../../werkplek/pages/saved-words.ts';
import { startWerkplek, type RunningWerkplek } from '../../werkplek/app.ts';
import { ROUTES } from '../../werkplek/routes.ts';
import { HEALTH_PATH } from '../../werkplek/single-instance.ts';
import { developerWordsIn, visibleText } from '../helpers/developer-words.ts';
import { runScriptAsync } from '../helpers/run-script.ts';
import { caseData, caseText, ORG, tempProject } from '../helpers/fixtures.ts';

vi.setConfig({ testTimeout: 60_000 });

const TODAY = '2026-12-07';
const BODY = '## Klacht\n\nDe factuur was te hoog.\n\nEn te laat.\n\n## Notities\n\nGebeld op maandag.\n';
const CASES: Record<string, Record<string, unknown>> = {
  'K-2026-001': caseData({ id: 'K-2026-001', received: '2026-12-01', organizer: 'bram' }),
  'K-2026-002': caseData({
    id: 'K-2026-002',
    received: '2026-11-24',
    channel: 'oral',
    complainant: { name: 'Mevrouw De Vries', phone: '06 12345678', representative: { name: 'Dochter De Vries', relation: 'dochter' } },
    steps: [{ kind: 'complainant_heard', date: '2026-11-26', note: 'Telefonisch.' }],
  }),
  'K-2026-003': caseData({
    id: 'K-2026-003',
    received: '2026-11-02',
    status: 'resolved',
    acknowledged: '2026-11-03',
    response: { date: '2026-11-20', findings: 'Te hoog.', conclusions: 'Gegrond.' },
    satisfied: false,
  }),
  'K-2026-004': caseData({
    id: 'K-2026-004',
    received: '2026-10-01',
    status: 'escalated',
    response: { date: '2026-10-20', findings: 'Te hoog.', conclusions: 'Ongegrond.' },
    escalation: { date: '2026-11-01', reference: 'SP-12' },
    satisfied: false,
  }),
  'K-2026-005': caseData({ id: 'K-2026-005', received: '2026-11-10', status: 'withdrawn', withdrawn_on: '2026-11-12' }),
  // filed late (art. 4.1): a warning with dates
  'K-2026-006': caseData({ id: 'K-2026-006', received: '2026-11-30', assignment_completed: '2026-06-01' }),
  'K-2020-001': caseData({
    id: 'K-2020-001',
    received: '2020-01-06',
    status: 'resolved',
    complainant: undefined,
    anonymized: '2023-01-10',
    response: { date: '2020-01-20', findings: 'Oud.', conclusions: 'Oud.' },
  }),
};
const BROKEN = 'K-2026-009';
const BROKEN_TEXT =
  '---\nid: K-2026-009\norganizer: anouk\nreceived: 2026-13-01\nchannel: email\nstatus: open\ncategories: [communicatie]\n---\n\n## Klacht\n\nTekst.\n';

let werkplek: RunningWerkplek;
let dir = '';
beforeAll(async () => {
  const files: Record<string, string> = { [`cases/2026/${BROKEN}.md`]: BROKEN_TEXT };
  for (const [id, data] of Object.entries(CASES)) files[`cases/${id.slice(2, 6)}/${id}.md`] = caseText(data, BODY);
  dir = await tempProject(files);
  const { cpSync } = await import('node:fs');
  cpSync(new URL('../../templates', import.meta.url), join(dir, 'templates'), { recursive: true });
  werkplek = await startWerkplek({
    port: 0,
    cases: join(dir, 'cases'),
    config: join(dir, 'organization.yml'),
    today: () => TODAY,
    log: () => {},
  });
});
afterAll(async () => {
  await werkplek?.close();
});

const url = (path: string) => werkplek.url + path.replace(/^\//, '');
const origin = () => werkplek.url.replace(/\/$/, '');
const get = async (path: string) => (await fetch(url(path))).text();
const post = async (path: string, values: Record<string, string>) => {
  const res = await fetch(url(path), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: origin() },
    body: new URLSearchParams(values),
  });
  return { status: res.status, text: await res.text(), url: res.url };
};
const hashOf = (page: string) => /name="hash" value="([^"]*)"/.exec(page)?.[1] ?? '';

/** Every GET address the test reads: each route of the table must be matched by one (a new page adds its sample here). */
const SAMPLES = [
  '/',
  '/nieuw',
  ...Object.keys(CASES).map((id) => `/dossier/${id}`),
  `/dossier/${BROKEN}/herstellen`,
  ...Object.keys(CASES).flatMap((id) => DOCUMENT_KINDS.map((k) => `/dossier/${id}/document/${k.key}`)),
  '/bewaartermijn',
  '/privacy',
  '/synchroniseren',
  '/wie-ben-ik',
  '/instellingen',
  '/instellingen/github',
  '/instellingen/reglement',
  ...Object.keys(CASES).map((id) => `/dossier/${id}/geschiedenis`),
];

/**
 * Words a page may use because it is about that very thing: the GitHub check names GitHub's own screen, where the
 * organizer finds her "repository" by that word.
 */
const ALLOWED: Readonly<Record<string, RegExp>> = {
  '/instellingen/github': /^repositor/i,
};

describe('what the organizer reads names no developer word', () => {
  it('has a sample address for every page of the route table', () => {
    // not pages: a PDF (its HTML is read as the document's preview) and the werkplek's identity for a second start (JSON)
    const pdfOnly = (r: (typeof ROUTES)[number]) =>
      r.path.source.includes('\\.pdf') || r.path.test(HEALTH_PATH) || r.path.source.includes('bijlage\\/'); // a kept file, downloaded
    for (const route of ROUTES.filter((r) => r.method === 'GET'))
      expect(SAMPLES.some((s) => route.path.test(s)) || pdfOnly(route), `no sample for ${route.path}`).toBe(true);
  });

  it('every page, every case state, every document', async () => {
    const found: string[] = [];
    for (const path of SAMPLES) {
      const page = await get(path);
      // the repair page shows the dossier's own keys: they are what she edits there
      for (const w of developerWordsIn(visibleText(page), { keysAllowed: path.endsWith('/herstellen') }))
        if (!ALLOWED[path]?.test(w)) found.push(`${path}: ${w}`);
    }
    expect(found).toEqual([]);
  });

  it('refused saves, confirmations and notices after a save', async () => {
    const id = 'K-2026-001';
    const hash = hashOf(await get(`/dossier/${id}`));
    const states = [
      await post(`/dossier/${id}`, { actie: 'stap', hash, 'stap.kind': 'complainant_heard', 'stap.date': '2026-11-02' }),
      await post(`/dossier/${id}`, { actie: 'intrekken', hash, withdrawn_on: TODAY }),
      await post(`/dossier/${id}`, { actie: 'afsluiten', hash, satisfied: 'ja' }),
      await post(`/dossier/${id}`, { actie: 'escaleren', hash, 'escalation.date': TODAY }),
      await post(`/dossier/${id}`, { actie: 'stap', hash: 'verouderd', 'stap.kind': 'complainant_heard', 'stap.date': TODAY }),
      await post(`/dossier/K-2026-005`, { actie: 'heropenen', hash: hashOf(await get('/dossier/K-2026-005')), 'reopen.date': TODAY }),
      await post('/nieuw', { actie: 'registreren', received: '31-02-2026' }),
      await post(`/dossier/${BROKEN}/herstellen`, {
        hash: hashOf(await get(`/dossier/${BROKEN}/herstellen`)),
        tekst: BROKEN_TEXT.replace('status: open', 'status: dicht'),
      }),
      await post('/privacy', { actie: 'inzage-zoeken', email: 'klager@example.org' }),
      await post('/privacy', { actie: 'verwijderen-proef', dossier: 'K-2026-003' }),
      // a save that succeeds: the notice on the Dossier it leads to
      await post(`/dossier/${id}`, { actie: 'stap', hash, 'stap.kind': 'complainant_heard', 'stap.date': TODAY }),
    ];
    const found = states.flatMap((s) =>
      developerWordsIn(visibleText(s.text), { keysAllowed: s.url.endsWith('/herstellen') }).map((w) => `${s.url}: ${w}`),
    );
    expect(found).toEqual([]);
    expect(states.at(-1)!.text).toContain('Opgeslagen');
  });

  it('the sharing and history messages, in every case', () => {
    const problems: GitProblem[] = [
      { kind: 'detached' },
      { kind: 'stale-lock', lock: '.git/index.lock' },
      { kind: 'busy-lock' },
      { kind: 'no-identity' },
      { kind: 'failed' },
    ];
    const said = [
      ...problems.map(gitProblemMessage),
      ...[true, false].flatMap((timedOut) =>
        ['Permission denied', 'Could not resolve host'].map((err) => remoteFailureMessage({ timedOut, err, seconds: 30 })),
      ),
      commitWords({ kind: 'no-repo' }),
      ...problems.map((problem) => commitWords({ kind: 'failed', problem })),
      ...[{}, { upstream: 'origin/main', waiting: true }, { upstream: 'origin/main' }].map((c) => commitWords({ kind: 'committed', ...c })),
      ...(['none', 'no-remote', 'detached', 'ok'] as const).map((git) =>
        shareStatusText(
          shareStatusOf(
            'K-2026-001',
            { git, unshared: new Set(['K-2026-001']), uncommitted: new Set(), conflicts: [], running: false } as never,
            (f) => f,
          ),
        ),
      ),
    ];
    // why a sharing round stopped (io/sharing.ts), as Synchroniseren and each dossier say it
    const source = readFileSync(new URL('../../io/sharing.ts', import.meta.url), 'utf8');
    const rounds = [...source.matchAll(/this\.failed\('([^']+)'/g)].map((m) => m[1]!);
    expect(rounds.length).toBeGreaterThan(5);
    expect([...said, ...rounds].flatMap((s) => developerWordsIn(s))).toEqual([]);
  });

  it('a second start on the port in use says in Dutch where the werkplek runs', async () => {
    const port = new URL(werkplek.url).port;
    const config = ['--cases', join(dir, 'cases'), '--config', join(dir, 'organization.yml')];
    const r = await runScriptAsync('werkplek', ['--port', port, ...config], dir);
    expect(r.output).toContain(`Werkplek klachten draait al op http://127.0.0.1:${port}/`);
    expect(developerWordsIn(r.output)).toEqual([]);
  });

  it('the access export (AVG art. 15) as printed', () => {
    const org = ORG;
    const schema = caseSchemaFor(org);
    const records = Object.entries(CASES).flatMap(([id, data]) => {
      const r = parseCaseFile(`cases/2026/${id}.md`, caseText(data, BODY), schema).record;
      return r ? [r] : [];
    });
    const exp = accessExport(records, org, TODAY, () => [], { email: 'klager@example.org' });
    const text = visibleText(accessReportHtml(exp, org, calendarFor(org), TODAY));
    expect(developerWordsIn(text)).toEqual([]);
    // dates once, in words
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect((records[0]!.data as CaseData).organizer).toBe('bram');
    expect(text).toContain('Bram');
    expect(text).not.toMatch(/\(bram\)/);
  });
});
