// io/sharing.ts with a bare remote and two clones (no network): a save commits at once and is shared in the
// background; a registration whose number another clone shared first is renumbered; a remote that never
// answers leaves everything else running and gives up with a Dutch reason.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Git } from '../../io/git.ts';
import { Sharing } from '../../io/sharing.ts';
import { caseIdOfPath, shareStatusOf } from '../../lib/sharing/share-status.ts';
import { caseFileText, TEST_ORGANIZATION_YML } from '../helpers/case-fixtures.ts';
import { git, makeRemote, NO_GLOBAL_GIT, silentServer, writeFiles } from '../helpers/git-repos.ts';

const repos = makeRemote({ 'organization.yml': TEST_ORGANIZATION_YML, 'cases/README.md': 'Dossiers.\n' });
afterAll(() => repos.remove());

const sharingIn = (dir: string, limits = {}) => {
  const cases = join(dir, 'cases');
  return new Sharing({ cases, config: join(dir, 'organization.yml'), git: new Git(cases, { env: NO_GLOBAL_GIT, limits }) });
};
const statusOf = async (s: Sharing, id: string) => shareStatusOf(id, await s.sharingFacts());
const register = (dir: string, id: string, name: string) => {
  const path = join(dir, 'cases', id.slice(2, 6), `${id}.md`);
  writeFiles(dir, { [`cases/${id.slice(2, 6)}/${id}.md`]: caseFileText({ id, received: '2026-11-02', complainant: { name } }) });
  return path;
};

describe('sharing in the background', () => {
  it('a save is committed at once and shared; its status goes from wordt gedeeld to gedeeld', async () => {
    const a = repos.clone('a1', 'Anouk');
    const s = sharingIn(a);
    const path = register(a, 'K-2026-001', 'Fictief Een');
    const committed = await s.commit([path], 'K-2026-001: klacht geregistreerd (art. 4.5)');
    expect(committed).toEqual({ kind: 'committed', upstream: 'origin/main' });
    expect(s.running).toBe(true);
    expect(await statusOf(s, caseIdOfPath(path))).toEqual({ state: 'wordt-gedeeld' });
    await s.idle();
    expect(await statusOf(s, caseIdOfPath(path))).toEqual({ state: 'gedeeld' });
    expect(git(repos.remote, 'log', '-1', '--format=%s', 'main')).toBe('K-2026-001: klacht geregistreerd (art. 4.5)');
  });

  it('a registration whose number another clone shared first is renumbered, and the organizer is told', async () => {
    const b = repos.clone('b1', 'Bram');
    const c = repos.clone('c1', 'Anouk');
    const [sb, sc] = [sharingIn(b), sharingIn(c)];
    await sb.commit([register(b, 'K-2026-002', 'Fictief Twee')], 'K-2026-002: klacht geregistreerd (art. 4.5)');
    await sb.idle();
    await sc.commit([register(c, 'K-2026-002', 'Fictief Drie')], 'K-2026-002: klacht geregistreerd (art. 4.5)');
    await sc.idle();
    expect(sc.takeRenumbered()).toEqual([{ from: 'K-2026-002', to: 'K-2026-003', path: join('2026', 'K-2026-003.md') }]);
    expect(readdirSync(join(c, 'cases/2026')).sort()).toEqual(['K-2026-001.md', 'K-2026-002.md', 'K-2026-003.md']);
    const shared = git(repos.remote, 'show', 'main:cases/2026/K-2026-003.md');
    expect(shared).toMatch(/^id: K-2026-003$/m);
    expect(shared).toMatch(/Fictief Drie/);
    expect(git(repos.remote, 'show', 'main:cases/2026/K-2026-002.md')).toMatch(/Fictief Twee/);
    expect(await statusOf(sc, 'K-2026-003')).toEqual({ state: 'gedeeld' });
    // what a next registration numbers after, without asking the remote again
    expect(await sb.remoteCaseNames()).toEqual(['2026/K-2026-001.md', '2026/K-2026-002.md']);
    expect(await sc.remoteCaseNames()).toEqual(['2026/K-2026-001.md', '2026/K-2026-002.md', '2026/K-2026-003.md']);
  });

  it('says in Dutch why nothing is shared: no remote, or a refused commit', async () => {
    const d = repos.clone('d1', 'Anouk');
    git(d, 'branch', '--quiet', '--unset-upstream');
    const s = sharingIn(d);
    const path = register(d, 'K-2026-010', 'Fictief Tien');
    expect(await s.commit([path], 'K-2026-010: x')).toEqual({ kind: 'committed' });
    expect(await statusOf(s, caseIdOfPath(path))).toEqual({
      state: 'niet-gedeeld',
      reason: 'er is geen gedeelde opslag ingesteld',
    });
    git(d, 'checkout', '--quiet', '--detach');
    writeFileSync(path, caseFileText({ id: 'K-2026-010', received: '2026-11-03' }));
    const refused = await s.commit([path], 'K-2026-010: y');
    expect(refused).toEqual({ kind: 'failed', problem: { kind: 'detached' } });
    expect(await statusOf(s, caseIdOfPath(path))).toMatchObject({
      state: 'niet-gedeeld',
      reason: expect.stringMatching(/nog niet in de geschiedenis/),
    });
    // fixed as the message says: the refused commit is made at the next round, with its own message
    git(d, 'switch', '--quiet', 'main');
    expect(await s.sync()).toMatchObject({ failure: 'er is geen gedeelde opslag ingesteld' });
    expect(git(d, 'log', '-1', '--format=%s')).toBe('K-2026-010: y');
    expect(git(d, 'status', '--porcelain')).toBe('');
  });
});

describe('two organizers on one dossier (the case merge driver)', () => {
  const base = (id: string) =>
    caseFileText({
      id,
      received: '2026-11-02',
      complainant: { name: 'Fictief Veertig', email: 'veertig@example.org' },
      steps: [{ kind: 'complainant_heard', date: '2026-11-05', note: 'Gesprek gevoerd.' }],
    });
  const edit = (dir: string, id: string, from: string, to: string) => {
    const path = join(dir, 'cases', id.slice(2, 6), `${id}.md`);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain(from);
    writeFileSync(path, text.replace(from, to));
    return path;
  };
  /** A dossier shared by a third clone, and two organizers' clones of it. */
  const shared = async (id: string, names: [string, string]) => {
    const seed = repos.clone(`${names[0]}-seed`, 'Seed');
    const s = sharingIn(seed);
    const path = join(seed, 'cases', id.slice(2, 6), `${id}.md`);
    writeFiles(seed, { [relative(seed, path)]: base(id) });
    await s.commit([path], `${id}: klacht geregistreerd (art. 4.5)`);
    await s.idle();
    return names.map((n) => repos.clone(n, n));
  };

  it('edits to different fields both end up in both clones', async () => {
    const [a, b] = await shared('K-2026-040', ['a40', 'b40']);
    const [sa, sb] = [sharingIn(a!), sharingIn(b!)];
    await sa.commit([edit(a!, 'K-2026-040', 'organizer: anouk', 'organizer: bram')], 'K-2026-040: begeleider');
    await sa.idle();
    await sb.commit([edit(b!, 'K-2026-040', 'veertig@example.org', 'nieuw@example.org')], 'K-2026-040: e-mail');
    expect(await sb.idle().then(() => sb.pendingConflicts)).toEqual([]);
    expect(sb.lastOutcome).toMatchObject({ shared: true });
    expect(await sa.sync()).toMatchObject({ shared: true });
    for (const dir of [a!, b!]) {
      const text = readFileSync(join(dir, 'cases/2026/K-2026-040.md'), 'utf8');
      expect(text).toMatch(/organizer: bram/);
      expect(text).toMatch(/nieuw@example\.org/);
      expect(git(dir, 'rev-parse', 'HEAD')).toBe(git(repos.remote, 'rev-parse', 'main'));
    }
  });

  it('the same field changed differently waits for her choice; other saves go on and are shared after', async () => {
    const [a, b] = await shared('K-2026-050', ['a50', 'b50']);
    const [sa, sb] = [sharingIn(a!), sharingIn(b!)];
    await sa.commit([edit(a!, 'K-2026-050', 'Gesprek gevoerd.', 'Gesprek gevoerd, versie Anouk.')], 'K-2026-050: notitie');
    await sa.idle();
    const path = edit(b!, 'K-2026-050', 'Gesprek gevoerd.', 'Gesprek gevoerd, versie Bram.');
    await sb.commit([path], 'K-2026-050: notitie');
    await sb.idle();
    expect(sb.pendingConflicts).toEqual([
      {
        path: join('2026', 'K-2026-050.md'),
        id: 'K-2026-050',
        field: 'steps.0.note',
        mine: 'Gesprek gevoerd, versie Bram.',
        theirs: 'Gesprek gevoerd, versie Anouk.',
        freeText: true,
      },
    ]);
    expect(readFileSync(path, 'utf8')).toMatch(/versie Bram\.$/m); // no conflict markers, her version stays
    expect(await statusOf(sb, 'K-2026-050')).toMatchObject({ state: 'niet-gedeeld', reason: expect.stringMatching(/steps\.0\.note/) });
    const remoteBefore = git(repos.remote, 'rev-parse', 'main');

    // meanwhile: another dossier saved, committed, not shared until the choice
    const other = register(b!, 'K-2026-051', 'Fictief Eenenvijftig');
    expect(await sb.commit([other], 'K-2026-051: klacht geregistreerd (art. 4.5)')).toEqual({
      kind: 'committed',
      upstream: 'origin/main',
      waiting: true,
    });
    await sb.idle();
    expect(await statusOf(sb, 'K-2026-051')).toMatchObject({
      state: 'niet-gedeeld',
      reason: expect.stringMatching(/conflict in K-2026-050/),
    });
    expect(git(repos.remote, 'rev-parse', 'main')).toBe(remoteBefore);

    expect(await sb.resolve([{ path: join('2026', 'K-2026-050.md'), field: 'steps.0.note', choice: 'both' }])).toMatchObject({
      shared: true,
    });
    const merged = git(repos.remote, 'show', 'main:cases/2026/K-2026-050.md');
    expect(merged).toMatch(/versie Bram[\s\S]*versie Anouk/);
    expect(git(repos.remote, 'show', 'main:cases/2026/K-2026-051.md')).toMatch(/Fictief Eenenvijftig/);
    expect(await statusOf(sb, 'K-2026-051')).toEqual({ state: 'gedeeld' });
    expect(await sa.sync()).toMatchObject({ shared: true });
    expect(readFileSync(join(a!, 'cases/2026/K-2026-050.md'), 'utf8')).toBe(merged + '\n');
    expect(readdirSync(join(b!, '.git', 'werkplek'))).toEqual([]); // the report and the choices are gone
  });
});

describe('a remote that accepts connections and never answers', () => {
  it('the commit does not wait for the push; sharing gives up within its time limit with a Dutch reason', async () => {
    const silent = await silentServer();
    try {
      const e = repos.clone('e1', 'Anouk');
      git(e, 'remote', 'set-url', 'origin', `http://127.0.0.1:${silent.port}/remote.git`);
      const s = sharingIn(e, { timeoutMs: 2000, connectSeconds: 1, lowSpeedSeconds: 1 });
      const path = register(e, 'K-2026-020', 'Fictief Twintig');
      const start = performance.now();
      await s.commit([path], 'K-2026-020: klacht geregistreerd (art. 4.5)');
      // the commit is back while the push it started still hangs: it never waits for the remote
      expect(s.running).toBe(true);
      expect(await statusOf(s, caseIdOfPath(path))).toEqual({ state: 'wordt-gedeeld' });
      const outcome = await s.sync();
      const took = performance.now() - start;
      // the kill timeout is 2 s; a busy machine adds process start-up, never the old 20-60 s
      expect(took).toBeLessThan(15_000);
      expect(outcome).toMatchObject({
        shared: false,
        failure: expect.stringMatching(/gaf binnen 2 seconden geen antwoord|niet bereikbaar/),
      });
      expect(await statusOf(s, caseIdOfPath(path))).toMatchObject({ state: 'niet-gedeeld', reason: outcome.failure });
    } finally {
      await silent.close();
    }
  });
});
