// Erasure and retention reach every copy we control (AVG art. 17, 5(1)(e)): a bare remote and two clones (real
// Git, temporary folders). A case holding canary values is registered, edited in several commits (with an
// attachment), shared and pulled; the second clone has work of its own it has not shared. After an erasure or a
// retention run (through the action, as the command runs it, and through the werkplek's form) and a sync on both
// clones, no object of either clone and no object reachable from the remote holds a canary value; the other
// cases' versions keep their blob ids; the second clone's unshared work reaches the remote.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { Git } from '../../io/git.ts';
import { Sharing } from '../../io/sharing.ts';
import { retention } from '../../actions/retention.ts';
import { workspace } from '../../actions/workspace.ts';
import { parseOrganization } from '../../lib/organization/organization.ts';
import { startWerkplek } from '../../werkplek/app.ts';
import { git, makeRemote, NO_GLOBAL_GIT, untilPage, writeFiles } from '../helpers/git-repos.ts';
import { ROOT, caseText, resolvedCase } from '../helpers/temp-project.ts';

// several git processes per step on a small, busy machine
vi.setConfig({ testTimeout: 60_000 });

const ORG_YML = readFileSync(join(ROOT, 'organization.yml'), 'utf8');
const org = parseOrganization('organization.yml', ORG_YML);
const TODAY = '2026-12-06';
const ID = 'K-2024-001';
const FILE = `cases/2024/${ID}.md`;
const CANARY = {
  name: 'Zwaantje Kanariepiet-Ooievaar',
  email: 'zwaantje.kanariepiet@example.org',
  phone: '06 98765432',
  sentence: 'De kanariegele vaas van tante Oosterbeek brak op dinsdag.',
};
const CANARIES = Object.values(CANARY);

/** The other case: recent, so retention leaves it alone; two versions in the history. */
const other = (findings: string) =>
  caseText(
    resolvedCase({
      id: 'K-2026-001',
      received: '2026-10-01',
      assignment_completed: '2026-09-20',
      acknowledged: '2026-10-02',
      client_informed: '2026-06-01',
      complainant: { name: 'Ander Persoon', email: 'ander@example.org' },
      steps: [{ kind: 'complainant_heard', date: '2026-10-05', note: 'Gebeld.' }],
      response: { date: '2026-10-20', findings, conclusions: 'Gegrond.' },
      improvements: [{ action: 'Beter plannen.', owner: 'anouk', due: '2027-03-01' }],
      body: 'Andere klacht.',
    }),
  );

/** The canary case in three versions: registered, a step with a note, resolved. */
const canaryCase = (version: 1 | 2 | 3) =>
  caseText(
    resolvedCase({
      complainant: { name: CANARY.name, email: CANARY.email, phone: CANARY.phone },
      steps:
        version === 1
          ? []
          : [
              { kind: 'information_given', date: '2024-01-10' },
              { kind: 'complainant_heard', date: '2024-01-15', note: `Gebeld met ${CANARY.phone}.` },
            ],
      ...(version === 3 ? {} : { response: { date: '2024-01-30', findings: `Versie ${version}.`, conclusions: 'Nog open.' } }),
      body: `${CANARY.sentence}\n\n## Notities\n\nVersie ${version}.`,
    }),
  );

const roots: (() => void)[] = [];
afterAll(() => roots.forEach((remove) => remove()));

const commitAll = (dir: string, message: string) => {
  git(dir, 'add', '-A');
  git(dir, 'commit', '--quiet', '-m', message);
};

/** A remote, clone a (which registers and edits the canary case and shares it) and clone b (pulled, then unshared work). */
function setUp() {
  const repos = makeRemote({ 'organization.yml': ORG_YML, 'cases/README.md': 'Dossiers.\n', 'cases/2026/K-2026-001.md': other('Eerst.') });
  roots.push(process.env.KEEP_REPOS ? () => console.log(repos.root) : repos.remove);
  const a = repos.clone('a', 'Anouk');
  writeFiles(a, { [FILE]: canaryCase(1) });
  commitAll(a, `${ID}: klacht geregistreerd (art. 4.5)`);
  writeFiles(a, { [FILE]: canaryCase(2), [`cases/2024/${ID}/brief.txt`]: `Brief van ${CANARY.name}, ${CANARY.email}\n` });
  commitAll(a, `${ID}: klager gehoord (art. 5.2)`);
  writeFiles(a, { 'cases/2026/K-2026-001.md': other('Daarna.') });
  commitAll(a, 'K-2026-001: afhandeling gewijzigd');
  writeFiles(a, { [FILE]: canaryCase(3) });
  commitAll(a, `${ID}: afgehandeld (art. 4.6)`);
  git(a, 'push', '--quiet');
  const b = repos.clone('b', 'Bram');
  // b's own work, not shared: a new case, and a change to the case that is about to be erased
  writeFiles(b, { 'cases/2026/K-2026-002.md': other('Van Bram.').replace('K-2026-001', 'K-2026-002') });
  commitAll(b, 'K-2026-002: klacht geregistreerd (art. 4.5)');
  writeFiles(b, { [FILE]: canaryCase(3).replace('Versie 3.', `Versie 3. Teruggebeld: ${CANARY.phone}.`) });
  commitAll(b, `${ID}: notitie`);
  const otherBlobs = blobsOf(a, 'cases/2026/K-2026-001.md');
  return { repos, a, b, otherBlobs };
}

const sharingIn = (dir: string) => {
  const cases = join(dir, 'cases');
  return new Sharing({ cases, config: join(dir, 'organization.yml'), git: new Git(cases, { env: NO_GLOBAL_GIT }), autoShare: false });
};

/** Every blob id `path` had in the history of every ref. */
function blobsOf(dir: string, path: string): string[] {
  const out = git(dir, 'log', '--all', '--format=', '--raw', '--no-abbrev', '--', path);
  return [
    ...new Set(
      out
        .split('\n')
        .map((l) => l.split(' ')[3])
        .filter((x): x is string => !!x && !/^0+$/.test(x)),
    ),
  ].sort();
}

/** The canary values found in every object of a repository (loose and packed), or in every object reachable from its refs. */
function canariesIn(dir: string, o: { reachable?: boolean } = {}): string[] {
  const ids = o.reachable
    ? git(dir, 'rev-list', '--objects', '--all')
        .split('\n')
        .map((l) => l.split(' ')[0]!)
    : git(dir, 'cat-file', '--batch-all-objects', '--batch-check=%(objectname)').split('\n');
  const contents = execFileSync('git', ['cat-file', '--batch'], {
    cwd: dir,
    input: ids.join('\n') + '\n',
    env: NO_GLOBAL_GIT,
    maxBuffer: 1 << 28,
  }).toString('utf8');
  return CANARIES.filter((c) => contents.includes(c));
}

async function syncBoth(a: string, b: string) {
  for (const dir of [b, a]) {
    const s = sharingIn(dir);
    const r = await s.sync();
    expect(r.failure).toBeUndefined();
  }
}

/** What must hold after the erasure and a sync on both clones. */
function expectErased(s: ReturnType<typeof setUp>) {
  const { a, b, repos, otherBlobs } = s;
  expect(canariesIn(a)).toEqual([]);
  expect(canariesIn(b)).toEqual([]);
  expect(canariesIn(repos.remote, { reachable: true })).toEqual([]);
  // nothing left that holds the old objects: no backup refs, no reflog entries
  for (const dir of [a, b]) {
    expect(git(dir, 'for-each-ref', 'refs/original')).toBe('');
    expect(git(dir, 'reflog', 'show', '--all').split('\n').filter(Boolean).length).toBeLessThan(5);
    expect(existsSync(join(dir, `cases/2024/${ID}`))).toBe(false);
  }
  // the other case's versions keep their blob ids; b's unshared case reached the remote
  expect(blobsOf(repos.remote, 'cases/2026/K-2026-001.md')).toEqual(otherBlobs);
  expect(git(repos.remote, 'show', 'main:cases/2026/K-2026-002.md')).toContain('Van Bram.');
  expect(readFileSync(join(a, 'cases/2026/K-2026-002.md'), 'utf8')).toContain('Van Bram.');
  // the erased case keeps a true note, the log says what, when and why, without personal data
  const erased = git(repos.remote, 'show', `main:${FILE}`);
  expect(erased).toMatch(/anonymized: 2026-12-06/);
  // commit messages kept as they were
  expect(git(repos.remote, 'log', '--format=%s', 'main')).toContain(`${ID}: klager gehoord (art. 5.2)`);
  return erased;
}

describe('erasure on request reaches every copy we control', () => {
  it('through the action (as npm run retention -- --case … --now --apply runs it)', async () => {
    const s = setUp();
    const before = canariesIn(s.repos.remote, { reachable: true });
    expect(before.sort()).toEqual([...CANARIES].sort());
    const ws = workspace(join(s.a, 'cases'), org, TODAY, sharingIn(s.a));
    const r = await retention(ws, { caseId: ID, apply: true });
    expect(r.kind).toBe('applied');
    if (r.kind !== 'applied') return;
    const h = await r.history;
    expect(h?.shared).toBe(true);
    expect(h?.versions).toBeGreaterThanOrEqual(3);
    expect(h?.first.length).toBeGreaterThan(0);
    await syncBoth(s.a, s.b);
    const erased = expectErased(s);
    expect(erased).toMatch(/verwijderd op 2026-12-06 op verzoek van de betrokkene \(art\. 17 AVG\)/);
    const log = git(s.repos.remote, 'show', `main:cases/verwijderingen/2026-12-06-${ID}.yml`);
    expect(log).toMatch(/reason: request/);
    expect(log).toMatch(/by: "Anouk"/);
  });

  it('through the werkplek (Privacyverzoeken → Verwijderen, confirmed)', async () => {
    const s = setUp();
    const w = await startWerkplek({ port: 0, cases: join(s.a, 'cases'), config: join(s.a, 'organization.yml'), today: () => TODAY });
    try {
      const res = await post(w.url, '/privacy', { actie: 'verwijderen', dossier: ID, bevestig: 'ja' });
      expect(res.status).toBe(200);
      const page = await untilPage(w.url, 'privacy', (p) => /uit de geschiedenis verwijderd/.test(p) && !p.includes('Bezig:'));
      expect(page).toContain('de gedeelde opslag heeft de herschreven geschiedenis');
      expect(page).toContain('GitHub Support');
      expect(page).not.toMatch(new RegExp(CANARIES.join('|')));
    } finally {
      await w.close();
    }
    await syncBoth(s.a, s.b);
    expect(expectErased(s)).toMatch(/op verzoek van de betrokkene/);
  });
});

describe('retention at the end of the term reaches every copy we control', () => {
  it('through the action (as npm run retention -- --apply runs it)', async () => {
    const s = setUp();
    const ws = workspace(join(s.a, 'cases'), org, TODAY, sharingIn(s.a));
    const r = await retention(ws, { apply: true });
    if (r.kind !== 'applied') throw new Error(r.kind);
    expect(r.plan.map((a) => a.id)).toEqual([ID]);
    expect((await r.history)?.shared).toBe(true);
    await syncBoth(s.a, s.b);
    const erased = expectErased(s);
    expect(erased).toMatch(/na afloop van de bewaartermijn/);
    expect(erased).not.toMatch(/op verzoek/);
  });

  it('through the werkplek (Bewaartermijn, confirmed)', async () => {
    const s = setUp();
    const w = await startWerkplek({ port: 0, cases: join(s.a, 'cases'), config: join(s.a, 'organization.yml'), today: () => TODAY });
    try {
      expect((await post(w.url, '/bewaartermijn', { bevestig: 'ja' })).status).toBe(200);
      const page = await untilPage(w.url, 'bewaartermijn', (p) => /uit de geschiedenis verwijderd/.test(p) && !p.includes('Bezig:'));
      expect(page).toContain('de gedeelde opslag heeft de herschreven geschiedenis');
    } finally {
      await w.close();
    }
    await syncBoth(s.a, s.b);
    expect(expectErased(s)).toMatch(/na afloop van de bewaartermijn/);
  });
});

describe('a run that stops halfway, or meets a change pushed meanwhile', () => {
  it('stopped after the commit, before the history: the next sync finishes it', async () => {
    const s = setUp();
    class Stopped extends Sharing {
      override eraseHistory() {
        return Promise.resolve(undefined); // the process was killed here
      }
    }
    const cases = join(s.a, 'cases');
    const stopped = new Stopped({
      cases,
      config: join(s.a, 'organization.yml'),
      git: new Git(cases, { env: NO_GLOBAL_GIT }),
      autoShare: false,
    });
    const r = await retention(workspace(cases, org, TODAY, stopped), { caseId: ID, apply: true });
    expect(r.kind).toBe('applied');
    // b shares first (its old history, merged into a's); a's sync finishes the erasure; b follows at its next sync
    await syncBoth(s.a, s.b);
    await syncBoth(s.a, s.b);
    expectErased(s);
  });

  it('stopped between writing and committing: the next sync commits the log entry and finishes it', async () => {
    const s = setUp();
    class NoCommit extends Sharing {
      override commit() {
        return Promise.resolve({ kind: 'failed' as const, problem: { kind: 'failed' as const } }); // killed before the commit
      }
    }
    const cases = join(s.a, 'cases');
    const stopped = new NoCommit({
      cases,
      config: join(s.a, 'organization.yml'),
      git: new Git(cases, { env: NO_GLOBAL_GIT }),
      autoShare: false,
    });
    await retention(workspace(cases, org, TODAY, stopped), { caseId: ID, apply: true });
    expect(git(s.a, 'status', '--porcelain')).toContain('verwijderingen');
    await syncBoth(s.a, s.b);
    await syncBoth(s.a, s.b);
    expect(git(s.a, 'status', '--porcelain')).toBe('');
    expectErased(s);
  });

  it('a change pushed between the fetch and the push is never overwritten: fetched, merged, rewritten again', async () => {
    const s = setUp();
    // b shares a new case (on the old history) at the moment a pushes the rewritten one
    git(s.b, 'push', '--quiet', 'origin', 'HEAD~2:refs/heads/main');
    let raced = false;
    class Racing extends Git {
      override run(args: string[], o?: Parameters<Git['run']>[1]) {
        if (!raced && args[0] === 'push' && args.some((x) => x.startsWith('--force-with-lease='))) {
          raced = true;
          writeFiles(s.b, { 'cases/2026/K-2026-003.md': other('Tegelijk.').replace('K-2026-001', 'K-2026-003') });
          commitAll(s.b, 'K-2026-003: klacht geregistreerd (art. 4.5)');
          git(s.b, 'push', '--quiet', 'origin', 'HEAD:refs/heads/main', '--force');
        }
        return super.run(args, o);
      }
    }
    const cases = join(s.a, 'cases');
    const sharing = new Sharing({
      cases,
      config: join(s.a, 'organization.yml'),
      git: new Racing(cases, { env: NO_GLOBAL_GIT }),
      autoShare: false,
    });
    const r = await retention(workspace(cases, org, TODAY, sharing), { caseId: ID, apply: true });
    if (r.kind !== 'applied') throw new Error(r.kind);
    const h = await r.history;
    expect(raced).toBe(true);
    expect(h?.shared).toBe(true);
    // b's change, pushed during the erasure, is on the remote, and so is the erasure
    expect(git(s.repos.remote, 'show', 'main:cases/2026/K-2026-003.md')).toContain('Tegelijk.');
    await syncBoth(s.a, s.b);
    expectErased(s);
  });
});

function post(url: string, path: string, fields: Record<string, string>) {
  return fetch(url + path.replace(/^\//, ''), {
    method: 'POST',
    headers: { origin: new URL(url).origin, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
    redirect: 'manual',
  });
}
