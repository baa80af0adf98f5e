// Two organizers, two clones, one bare remote: registering at the same moment never gives two complaints the
// same number, and no file ever holds two cases. Each werkplek runs as its own process (npm run werkplek), as on
// two machines; the remote's pre-receive hook waits a second so that both number before either push lands.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { todayIn } from '../../lib/dates/iso-date.ts';
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

/** Start `npm run werkplek` in a clone, on a free port; resolves with its address. */
function startIn(dir: string): Promise<string> {
  const child = spawn(
    process.execPath,
    ['--import', join(ROOT, 'io/compile-cache.mjs'), join(ROOT, 'scripts/werkplek.ts'), '--port', '0', '--quiet'],
    {
      cwd: dir,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Test',
        GIT_AUTHOR_EMAIL: 'test@localhost',
        GIT_COMMITTER_NAME: 'Test',
        GIT_COMMITTER_EMAIL: 'test@localhost',
      },
    },
  );
  servers.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (m) resolve(m[0]);
    });
    child.stderr!.on('data', (d) => (out += d));
    child.on('exit', () => reject(new Error(`werkplek stopped: ${out}`)));
  });
}

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

const post = (url: string, path: string, fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
  return fetch(url + path.replace(/^\//, ''), {
    method: 'POST',
    headers: { origin: new URL(url).origin, 'content-type': 'application/x-www-form-urlencoded' },
    body,
    redirect: 'manual',
  });
};

describe('two clones registering at once', () => {
  it('get different numbers (the later one renumbered and told), both reach the remote, and no file mixes two cases', async () => {
    const today = todayIn(new Date(), 'Europe/Amsterdam');
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
    const ids = [ra, rb].map((r) => /K-\d{4}-\d+/.exec(r.headers.get('location') ?? '')![0]);
    expect(new Set(ids).size).toBe(2);
    const notices = await Promise.all([ra, rb].map(async (r, i) => (await fetch(urls[i]! + r.headers.get('location')!.slice(1))).text()));
    // when both numbered before either push landed, the later one was renumbered and the organizer told so
    const renumbered = notices.filter((n) => n.includes('was intussen op een andere computer gebruikt'));
    expect(renumbered.length).toBeLessThanOrEqual(1);
    expect(ids.sort()).toEqual([`K-${today.slice(0, 4)}-001`, `K-${today.slice(0, 4)}-002`]);

    // both synchronize: each clone then holds both cases, each file one case
    for (const url of urls) expect((await post(url, '/synchroniseren', {})).status).toBe(303);
    const remoteFiles = git(join(root, 'remote.git'), 'ls-tree', '-r', '--name-only', 'main').split('\n');
    for (const id of ids) expect(remoteFiles).toContain(`cases/${today.slice(0, 4)}/${id}.md`);
    for (const clone of ['a', 'b'])
      for (const id of ids) {
        const text = readFileSync(join(root, clone, 'cases', today.slice(0, 4), `${id}.md`), 'utf8');
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
    const notice = async (url: string, r: Response) => (await fetch(url + r.headers.get('location')!.slice(1))).text();
    // b registers while the remote cannot be reached: it numbers from what it knows (001, 002) and says so
    renameSync(join(root, 'remote.git'), join(root, 'remote.weg'));
    const offline = await post(urls[1]!, '/nieuw', form('Klant Gamma'));
    expect(offline.status).toBe(303);
    expect(offline.headers.get('location')).toContain(`/dossier/K-${year}-003`);
    expect(await notice(urls[1]!, offline)).toContain('Het dossiernummer kan dan nog veranderen');
    // meanwhile a, with the remote back, registers another complaint: it gets the same number, and shares it
    renameSync(join(root, 'remote.weg'), join(root, 'remote.git'));
    const online = await post(urls[0]!, '/nieuw', form('Klant Delta'));
    expect(online.headers.get('location')).toContain(`/dossier/K-${year}-003`);
    // b synchronizes: its case becomes 004 (file and id) before anything is merged, and the organizer is told
    const synced = await post(urls[1]!, '/synchroniseren', {});
    const said = await notice(urls[1]!, synced);
    expect(said).toContain(
      `Let op: nummer K-${year}-003 was intussen op een andere computer gebruikt voor een andere klacht. Uw klacht heeft nu nummer K-${year}-004.`,
    );
    expect(said).toContain('Gesynchroniseerd');
    expect((await post(urls[0]!, '/synchroniseren', {})).status).toBe(303);
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
    const res = await post(urls[0]!, '/synchroniseren', {});
    const page = await (await fetch(urls[0]! + res.headers.get('location')!.replace(/^\//, ''))).text();
    expect(page).toContain('Synchroniseren lukte niet');
  });
});
