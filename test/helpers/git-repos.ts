// A bare remote and clones of it in a temporary folder, for the Git and sharing tests (no network).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, vi } from 'vitest';
import { ROOT } from './temp-project.ts';

/** An environment where Git has no identity of its own (no global or system configuration). */
export const NO_GLOBAL_GIT: NodeJS.ProcessEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GIT_'))),
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
};

/** Run git in `cwd` (throws on failure), without the machine's own Git configuration. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: NO_GLOBAL_GIT, stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** Write files (path relative to `dir` -> text). */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** A folder with `remote.git` (bare, branch main) holding `files` in one commit, and a way to clone it. */
export function makeRemote(files: Record<string, string>): {
  root: string;
  remote: string;
  clone: (name: string, who?: string) => string;
  remove: () => void;
} {
  const root = mkdtempSync(join(tmpdir(), 'sharing-'));
  const remote = join(root, 'remote.git');
  git(root, 'init', '--quiet', '--bare', '-b', 'main', remote);
  const seed = join(root, 'seed');
  git(root, 'clone', '--quiet', remote, seed);
  git(seed, 'checkout', '--quiet', '-b', 'main');
  writeFiles(seed, files);
  git(seed, 'add', '.');
  git(seed, '-c', 'user.name=Seed', '-c', 'user.email=seed@example.org', 'commit', '--quiet', '-m', 'start');
  git(seed, 'push', '--quiet', '-u', 'origin', 'main');
  const clone = (name: string, who?: string) => {
    const dir = join(root, name);
    git(root, 'clone', '--quiet', remote, dir);
    if (who) {
      git(dir, 'config', 'user.name', who);
      git(dir, 'config', 'user.email', `${who.toLowerCase().replace(/\s+/g, '-')}@users.noreply.github.com`);
    }
    return dir;
  };
  return { root, remote, clone, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** A TCP server on 127.0.0.1 that accepts every connection and never says a word: a remote behind a hung VPN. */
export async function silentServer(): Promise<{ port: number; connections: () => number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  let count = 0;
  const server: Server = createServer((s) => {
    count++;
    sockets.add(s);
    s.on('error', () => undefined);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as { port: number }).port,
    connections: () => count,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((r) => server.close(() => r()));
    },
  };
}

/**
 * Start `npm run werkplek` (as its npm script runs it) in `dir` on a free port with `env`; the process goes into
 * `servers`, for the caller to stop. Resolves with its address once it prints it.
 */
export function startWerkplekIn(dir: string, env: NodeJS.ProcessEnv, servers: ChildProcess[], ...args: string[]): Promise<string> {
  const child = spawn(
    process.execPath,
    ['--import', join(ROOT, 'io/compile-cache.mjs'), join(ROOT, 'scripts/werkplek.ts'), '--port', '0', '--quiet', ...args],
    { cwd: dir, env },
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

/**
 * The page at `path` of the werkplek at `url` once `ready` holds for it, for what a werkplek does in the background
 * (a sharing round, a history erasure): asked again every 50 ms, as her browser's refresh asks every 2 s. Asked back
 * to back instead, the requests kept a core busy while the round waited for Git (the three files that wait so, run
 * alone: 25-27 s of machine CPU then, 18-19 s now).
 */
export const untilPage = (url: string, path: string, ready: (page: string) => boolean): Promise<string> =>
  vi.waitUntil(
    async () => {
      const page = await (await fetch(url + path.replace(/^\//, ''))).text();
      return ready(page) ? page : undefined;
    },
    { timeout: 120_000, interval: 50 },
  ) as Promise<string>;

/** The werkplek's Synchroniseren page once its sharing round has ended (the page no longer says "Bezig met delen"). */
export const sharingEnded = (url: string): Promise<string> =>
  untilPage(url, '/synchroniseren', (page) => !page.includes('Bezig met delen'));

/** Synchroniseren, as the button does it; resolves with the Synchroniseren page once the round has ended. */
export async function synced(url: string): Promise<string> {
  expect((await postForm(url, '/synchroniseren', {})).status).toBe(303);
  return sharingEnded(url);
}

/** POST a form to a werkplek started by {@link startWerkplekIn}, with its own Origin, not following a redirect. */
export function postForm(url: string, path: string, fields: Record<string, string | string[]>): Promise<Response> {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
  return fetch(url + path.replace(/^\//, ''), {
    method: 'POST',
    headers: { origin: new URL(url).origin, 'content-type': 'application/x-www-form-urlencoded' },
    body,
    redirect: 'manual',
  });
}
