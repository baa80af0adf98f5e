// io/sharing.ts with a bare remote and two clones (no network): a save commits at once and is shared in the
// background; a registration whose number another clone shared first is renumbered; a remote that never
// answers leaves everything else running and gives up with a Dutch reason.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Git } from '../../io/git.ts';
import { Sharing } from '../../io/sharing.ts';
import { caseFileText, TEST_ORGANIZATION_YML } from '../helpers/case-fixtures.ts';
import { git, makeRemote, NO_GLOBAL_GIT, silentServer, writeFiles } from '../helpers/git-repos.ts';

const repos = makeRemote({ 'organization.yml': TEST_ORGANIZATION_YML, 'cases/README.md': 'Dossiers.\n' });
afterAll(() => repos.remove());

const sharingIn = (dir: string, limits = {}) => {
  const cases = join(dir, 'cases');
  return new Sharing({ cases, git: new Git(cases, { env: NO_GLOBAL_GIT, limits }) });
};
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
    expect(committed).toMatchObject({ ok: true, said: expect.stringMatching(/op de achtergrond gedeeld/) });
    expect(s.running).toBe(true);
    expect(await s.statusOf(path)).toEqual({ state: 'wordt-gedeeld' });
    await s.idle();
    expect(await s.statusOf(path)).toEqual({ state: 'gedeeld' });
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
    expect(await sc.statusOf(join(c, 'cases/2026/K-2026-003.md'))).toEqual({ state: 'gedeeld' });
  });

  it('says in Dutch why nothing is shared: no remote, or a refused commit', async () => {
    const d = repos.clone('d1', 'Anouk');
    git(d, 'branch', '--quiet', '--unset-upstream');
    const s = sharingIn(d);
    const path = register(d, 'K-2026-010', 'Fictief Tien');
    expect((await s.commit([path], 'K-2026-010: x')).said).toMatch(/geen gedeelde opslag/);
    expect(await s.statusOf(path)).toEqual({ state: 'niet-gedeeld', reason: 'er is geen gedeelde opslag (remote) ingesteld' });
    git(d, 'checkout', '--quiet', '--detach');
    writeFileSync(path, caseFileText({ id: 'K-2026-010', received: '2026-11-03' }));
    const refused = await s.commit([path], 'K-2026-010: y');
    expect(refused).toMatchObject({
      ok: false,
      problem: { kind: 'detached' },
      said: expect.stringMatching(/^Opgeslagen, maar niet vastgelegd\. .*git switch main/),
    });
    expect((await s.statusOf(path)).state).toBe('niet-gedeeld');
  });
});

describe('a remote that accepts connections and never answers', () => {
  it('the commit answers at once; sharing gives up within its time limit with a Dutch reason', async () => {
    const silent = await silentServer();
    try {
      const e = repos.clone('e1', 'Anouk');
      git(e, 'remote', 'set-url', 'origin', `http://127.0.0.1:${silent.port}/remote.git`);
      const s = sharingIn(e, { timeoutMs: 2000, connectSeconds: 1, lowSpeedSeconds: 1 });
      const path = register(e, 'K-2026-020', 'Fictief Twintig');
      const start = performance.now();
      await s.commit([path], 'K-2026-020: klacht geregistreerd (art. 4.5)');
      const committed = performance.now() - start;
      expect(committed).toBeLessThan(1000);
      expect(await s.statusOf(path)).toEqual({ state: 'wordt-gedeeld' });
      const outcome = await s.sync();
      const took = performance.now() - start;
      expect(took).toBeLessThan(6000);
      expect(outcome).toMatchObject({
        shared: false,
        failure: expect.stringMatching(/gaf binnen 2 seconden geen antwoord|niet bereikbaar/),
      });
      expect(await s.statusOf(path)).toMatchObject({ state: 'niet-gedeeld', reason: outcome.failure });
    } finally {
      await silent.close();
    }
  });
});
