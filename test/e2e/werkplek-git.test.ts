// Two organizers, two clones, one bare remote: registering at the same moment never gives two complaints the
// same number for long, and no file ever holds two cases. Each werkplek runs as its own process (npm run
// werkplek), as on two machines; a registration answers at once and is shared in the background, and the push
// that loses the race renumbers its case. The remote's pre-receive hook waits a second, so both pushes overlap.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { todayIn } from '../../lib/dates/iso-date.ts';
import { postForm as post, sharingEnded as shared, startWerkplekIn, synced } from '../helpers/git-repos.ts';
import { ROOT } from '../helpers/temp-project.ts';

// git and two server processes on a small, busy machine: allow slow steps
vi.setConfig({ testTimeout: 120_000 });

const git = (cwd: string, ...args: string[]) => {
  const r = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@localhost', ...args], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
};

let root = '';
const servers: ChildProcess[] = [];
const urls: string[] = [];

const IDENTITY = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@localhost',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@localhost',
};
/** Start `npm run werkplek` in a clone, on a free port; resolves with its address. */
const startIn = (dir: string): Promise<string> => startWerkplekIn(dir, IDENTITY, servers);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'werkplek-git-'));
  git(root, 'init', '--quiet', '--bare', '-b', 'main', 'remote.git');
  writeFileSync(join(root, 'remote.git/hooks/pre-receive'), '#!/bin/sh\nsleep 1\n');
  chmodSync(join(root, 'remote.git/hooks/pre-receive'), 0o755);
  git(root, 'clone', '--quiet', 'remote.git', 'a');
  const a = join(root, 'a');
  git(a, 'checkout', '--quiet', '-b', 'main');
  cpSync(join(ROOT, 'organization.yml'), join(a, 'organization.yml'));
  cpSync(join(ROOT, 'templates'), join(a, 'templates'), { recursive: true });
  mkdirSync(join(a, 'cases'));
  writeFileSync(join(a, 'cases/README.md'), 'Dossiers.\n');
  git(a, 'add', '.');
  git(a, 'commit', '--quiet', '-m', 'start');
  git(a, 'push', '--quiet', '-u', 'origin', 'main');
  git(root, 'clone', '--quiet', 'remote.git', 'b');
  urls.push(...(await Promise.all([startIn(a), startIn(join(root, 'b'))])));
});
afterAll(() => {
  for (const s of servers) s.kill();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('two clones registering at once', () => {
  it('answer at once; the push that loses renumbers its case and says so; both reach the remote, no file mixes two cases', async () => {
    const today = todayIn(new Date(), 'Europe/Amsterdam');
    const year = today.slice(0, 4);
    const form = (name: string) => ({
      actie: 'registreren',
      organizer: 'anouk',
      received: today,
      channel: 'email',
      'complainant.name': name,
      categories: ['kosten'],
      klacht: `Klacht van ${name}.`,
    });
    const [ra, rb] = await Promise.all([post(urls[0]!, '/nieuw', form('Klant Alfa')), post(urls[1]!, '/nieuw', form('Klant Beta'))]);
    expect([ra.status, rb.status]).toEqual([303, 303]);
    const pages = await Promise.all(urls.map(shared));
    // both numbered K-…-001 without waiting for the remote: the one whose push lost is now 002, and says so
    const told = pages.filter((p) => p.includes(`Let op: nummer K-${year}-001 was intussen op een andere computer gebruikt`));
    expect(told).toHaveLength(1);
    expect(told[0]).toContain(`Uw klacht heeft nu nummer K-${year}-002.`);
    const ids = [`K-${year}-001`, `K-${year}-002`];

    // both synchronize: each clone then holds both cases, each file one case
    for (const url of urls) expect(await synced(url)).toContain('Gesynchroniseerd');
    const remoteFiles = git(join(root, 'remote.git'), 'ls-tree', '-r', '--name-only', 'main').split('\n');
    for (const id of ids) expect(remoteFiles).toContain(`cases/${year}/${id}.md`);
    for (const clone of ['a', 'b'])
      for (const id of ids) {
        const text = readFileSync(join(root, clone, 'cases', year, `${id}.md`), 'utf8');
        expect(text).toContain(`id: ${id}`);
        expect(text).not.toMatch(/^(<<<<<<<|=======|>>>>>>>)/m);
        expect(text.match(/name: Klant (Alfa|Beta)/g)).toHaveLength(1);
      }
    // commit messages name case and action, never the complainant
    const messages = git(join(root, 'remote.git'), 'log', '--format=%s', 'main');
    expect(messages).toMatch(/K-\d{4}-001: klacht geregistreerd \(art\. 4\.5\)/);
    expect(messages).not.toMatch(/Klant/);
  });

  it('renumbers a case registered while the remote was out of reach, when Synchroniseren finds its number taken', async () => {
    const today = todayIn(new Date(), 'Europe/Amsterdam');
    const year = today.slice(0, 4);
    const form = (name: string) => ({
      actie: 'registreren',
      organizer: 'bram',
      received: today,
      channel: 'letter',
      'complainant.name': name,
      categories: ['kosten'],
      klacht: `Klacht van ${name}.`,
    });
    // b registers while the remote cannot be reached: it numbers from what it knows (001, 002), and its
    // dossier says it is not shared, and why
    renameSync(join(root, 'remote.git'), join(root, 'remote.weg'));
    const offline = await post(urls[1]!, '/nieuw', form('Klant Gamma'));
    expect(offline.status).toBe(303);
    expect(offline.headers.get('location')).toContain(`/dossier/K-${year}-003`);
    expect(await shared(urls[1]!)).toContain('de gedeelde opslag is niet bereikbaar');
    expect(await (await fetch(`${urls[1]}dossier/K-${year}-003`)).text()).toContain('niet gedeeld: de gedeelde opslag is niet bereikbaar');
    // meanwhile a, with the remote back, registers another complaint: it gets the same number, and shares it
    renameSync(join(root, 'remote.weg'), join(root, 'remote.git'));
    const online = await post(urls[0]!, '/nieuw', form('Klant Delta'));
    expect(online.headers.get('location')).toContain(`/dossier/K-${year}-003`);
    expect(await shared(urls[0]!)).toContain('Gesynchroniseerd');
    // b synchronizes: its case becomes 004 (file and id) before anything is merged, and the organizer is told
    const said = await synced(urls[1]!);
    expect(said).toContain(
      `Let op: nummer K-${year}-003 was intussen op een andere computer gebruikt voor een andere klacht. Uw klacht heeft nu nummer K-${year}-004.`,
    );
    expect(said).toContain('Gesynchroniseerd');
    expect(await synced(urls[0]!)).toContain('Gesynchroniseerd');
    const remoteFiles = git(join(root, 'remote.git'), 'ls-tree', '-r', '--name-only', 'main').split('\n');
    expect(remoteFiles).toEqual(expect.arrayContaining([`cases/${year}/K-${year}-003.md`, `cases/${year}/K-${year}-004.md`]));
    for (const clone of ['a', 'b']) {
      const read = (id: string) => readFileSync(join(root, clone, 'cases', year, `${id}.md`), 'utf8');
      for (const [id, name] of [
        [`K-${year}-003`, 'Delta'],
        [`K-${year}-004`, 'Gamma'],
      ]) {
        const text = read(id!);
        expect(text).toContain(`id: ${id}`);
        expect(text.match(/name: Klant \w+/g)).toEqual([`name: Klant ${name}`]);
        expect(text).not.toMatch(/^(<<<<<<<|=======|>>>>>>>)/m);
      }
    }
    expect(git(join(root, 'remote.git'), 'log', '--format=%s', 'main')).toContain(
      `K-${year}-004: hernummerd, was K-${year}-003 (nummer al in gebruik)`,
    );
  });

  it('without a reachable remote it still saves, and says so', async () => {
    rmSync(join(root, 'remote.git'), { recursive: true, force: true });
    expect(await synced(urls[0]!)).toContain('Niet gedeeld: de gedeelde opslag is niet bereikbaar');
  });
});
