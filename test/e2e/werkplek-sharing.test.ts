// The werkplek with Git off the request path (docs/werkplek.md, "Git"): each werkplek runs as its own process in
// its own clone of one bare remote (temporary folders, no network). A remote that accepts connections and never
// answers leaves every page answering within a second; two organizers editing one dossier merge by field, or
// meet the conflict screen; a detached HEAD, a stale index.lock and a missing identity are said in Dutch.
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { caseFileText, TEST_ORGANIZATION_YML } from '../helpers/case-fixtures.ts';
import {
  git,
  makeRemote,
  NO_GLOBAL_GIT,
  postForm as post,
  sharingEnded as shared,
  silentServer,
  startWerkplekIn,
  synced,
} from '../helpers/git-repos.ts';

// werkplek processes and git on a small, busy machine: allow slow steps (each wait below waits for an event)
vi.setConfig({ testTimeout: 120_000 });

const seedCase = caseFileText({
  id: 'K-2026-001',
  received: '2026-11-02',
  complainant: { name: 'Fictief Een', email: 'een@example.org' },
  steps: [{ kind: 'complainant_heard', date: '2026-11-05', note: 'Gesprek gevoerd.' }],
});
const repos = makeRemote({ 'organization.yml': TEST_ORGANIZATION_YML, 'cases/2026/K-2026-001.md': seedCase });
const servers: ChildProcess[] = [];
afterAll(() => {
  for (const s of servers) s.kill();
  repos.remove();
});

/** Start `npm run werkplek` in a clone, on a free port, without the machine's Git identity; resolves with its address. */
const werkplekIn = (dir: string, ...args: string[]): Promise<string> => startWerkplekIn(dir, NO_GLOBAL_GIT, servers, ...args);

const get = async (url: string, path: string) => (await fetch(url + path.replace(/^\//, ''))).text();
/** Follow a 303 and read the page it leads to. */
const follow = async (url: string, r: Response) => {
  expect(r.status).toBe(303);
  return get(url, r.headers.get('location')!);
};
const registration = (name: string) => ({
  organizer: 'anouk',
  received: '2026-11-09',
  channel: 'email',
  'complainant.name': name,
  categories: ['afspraken'],
  klacht: `Klacht van ${name}.`,
});
const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const r = await work();
  return [r, performance.now() - start];
};

describe('a remote that accepts connections and never answers', () => {
  it('pages answer within a second while sharing runs; sharing gives up in time and says why in Dutch', async () => {
    const silent = await silentServer();
    try {
      const dir = repos.clone('hung', 'Anouk Jansen');
      git(dir, 'remote', 'set-url', 'origin', `http://127.0.0.1:${silent.port}/remote.git`);
      const url = await werkplekIn(dir, '--git-timeout', '6');
      // the registration answers without waiting for the push: sharing is still running when it is back
      const registered = await post(url, '/nieuw', registration('Fictief Hangend'));
      expect(registered.status).toBe(303);
      expect(await get(url, '/synchroniseren')).toContain('Bezig met delen');
      const dossier = registered.headers.get('location')!;
      // while the push hangs: the overview, the dossier and the sync page answer at once
      for (const path of ['/', dossier, '/synchroniseren']) {
        const [page, t] = await timed(() => get(url, path));
        expect(t).toBeLessThan(1000);
        expect(page).toMatch(/wordt gedeeld|Bezig met delen/);
      }
      const after = await shared(url);
      expect(silent.connections()).toBeGreaterThanOrEqual(1);
      expect(after).toContain('gaf binnen 6 seconden geen antwoord');
      expect(await get(url, dossier)).toMatch(/niet gedeeld: de gedeelde opslag gaf binnen 6 seconden geen antwoord/);
    } finally {
      await silent.close();
    }
  });
});

describe('two organizers on one dossier', () => {
  it('edits to different fields merge; the same field leads to the conflict screen, then both are in sync', async () => {
    const [a, b] = [repos.clone('a', 'Anouk Jansen'), repos.clone('b', 'Bram de Wit')];
    const [ua, ub] = await Promise.all([werkplekIn(a), werkplekIn(b)]);
    const file = (dir: string) => join(dir, 'cases/2026/K-2026-001.md');
    const change = (dir: string, from: string, to: string, message: string) => {
      writeFileSync(file(dir), readFileSync(file(dir), 'utf8').replace(from, to));
      git(dir, 'commit', '--quiet', '-am', message);
    };
    // different fields: a's e-mail address and b's organizer both stay
    change(a, 'een@example.org', 'nieuw@example.org', 'K-2026-001: e-mail');
    change(b, 'organizer: anouk', 'organizer: bram', 'K-2026-001: begeleider');
    for (const u of [ua, ub, ua]) expect(await synced(u)).toContain('Gesynchroniseerd');
    for (const dir of [a, b]) expect(readFileSync(file(dir), 'utf8')).toMatch(/organizer: bram[\s\S]*nieuw@example\.org/);

    // the same field, differently: Synchroniseren names the dossier and the field and shows both versions
    change(a, 'Gesprek gevoerd.', 'Gesprek gevoerd, versie Anouk.', 'K-2026-001: notitie');
    expect(await synced(ua)).toContain('Gesynchroniseerd');
    change(b, 'Gesprek gevoerd.', 'Gesprek gevoerd, versie Bram.', 'K-2026-001: notitie');
    const screen = await synced(ub);
    expect(screen).toContain('In K-2026-001 wijzigden u en een collega het veld Notitie (stap 1) allebei verschillend');
    expect(screen).toMatch(/Mijn versie[\s\S]*versie Bram[\s\S]*Andere versie[\s\S]*versie Anouk/);
    expect(screen).toContain('Beide houden');
    const remoteBefore = git(repos.remote, 'rev-parse', 'main');

    // meanwhile she registers another complaint: saved at once, not shared until she chose, and told so
    const other = await post(ub, '/nieuw', registration('Fictief Tussendoor'));
    const otherId = /K-2026-\d+/.exec(other.headers.get('location')!)![0];
    expect(await follow(ub, other)).toContain('zodra het conflict');
    expect(await get(ub, '/')).toContain(`wordt gedeeld zodra u het conflict in K-2026-001 hebt opgelost`);
    expect(git(repos.remote, 'rev-parse', 'main')).toBe(remoteBefore);

    // a refused choice keeps the screen; "keep both" merges and shares everything
    expect((await post(ub, '/synchroniseren', { actie: 'kies' })).status).toBe(422);
    expect((await post(ub, '/synchroniseren', { actie: 'kies', 'keuze-0': 'both' })).status).toBe(303);
    expect(await shared(ub)).toContain('Gesynchroniseerd');
    const merged = git(repos.remote, 'show', 'main:cases/2026/K-2026-001.md');
    expect(merged).toMatch(/versie Bram[\s\S]*versie Anouk/);
    expect(git(repos.remote, 'ls-tree', '--name-only', 'main', 'cases/2026/')).toContain(`${otherId}.md`);
    expect(await synced(ua)).toContain('Gesynchroniseerd');
    expect(git(a, 'rev-parse', 'HEAD')).toBe(git(repos.remote, 'rev-parse', 'main'));
    expect(git(repos.remote, 'log', '-3', '--format=%an', 'main')).toMatch(/Bram de Wit/);
  });
});

describe('Git problems, each said in Dutch with what to do', () => {
  it('no identity: saved, not committed, until she picks who she is; then her commits carry her name', async () => {
    const dir = repos.clone('nobody');
    const url = await werkplekIn(dir);
    const said = await follow(url, await post(url, '/nieuw', registration('Fictief Niemand')));
    expect(said).toContain('De werkplek weet nog niet wie u bent');
    expect(await get(url, '/wie-ben-ik')).toContain('Anouk Test');
    expect(await follow(url, await post(url, '/wie-ben-ik', { wie: 'anouk' }))).toContain('U bent Anouk Test');
    await shared(url);
    expect(git(dir, 'log', '-1', '--format=%an <%ae> %s')).toMatch(
      /^Anouk Test <anouk-o4a@users\.noreply\.github\.com> K-2026-\d+: klacht geregistreerd/,
    );
  });

  it('a detached HEAD: nothing committed on no branch, and how to fix it', async () => {
    const dir = repos.clone('detached', 'Anouk Jansen');
    git(dir, 'checkout', '--quiet', '--detach');
    const url = await werkplekIn(dir);
    const head = git(dir, 'rev-parse', 'HEAD');
    const said = await follow(url, await post(url, '/nieuw', registration('Fictief Los')));
    expect(said).toContain('Vraag hulp: wie de dossiermap beheert, zet haar terug');
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
  });

  it('a stale index.lock: said, and moved aside from the Synchroniseren page', async () => {
    const dir = repos.clone('locked', 'Anouk Jansen');
    writeFileSync(join(dir, '.git/index.lock'), '');
    const url = await werkplekIn(dir);
    const said = await follow(url, await post(url, '/nieuw', registration('Fictief Slot')));
    expect(said).toContain('liet een slot achter');
    // stale means no git process works in this repository: the werkplek's own sharing round (fetch, push and the
    // git processes they start) may hold it busy for a moment, so the page offers the button once they are done;
    // the click checks again, and one that meets a new round is refused ("nog iets bezig"): she clicks again
    const moveAside = async () => {
      await expect.poll(() => get(url, '/synchroniseren'), { timeout: 60_000 }).toContain('Slot opzijzetten');
      return follow(url, await post(url, '/synchroniseren', { actie: 'slot' }));
    };
    await expect.poll(moveAside, { timeout: 90_000 }).toContain('Het slot is opzijgezet');
    // the round that follows commits and pushes, and may hold a fresh index.lock for a moment: check after it ends
    await shared(url);
    expect(existsSync(join(dir, '.git/index.lock'))).toBe(false);
    expect(git(dir, 'log', '-1', '--format=%s')).toMatch(/klacht geregistreerd/);
  });
});
