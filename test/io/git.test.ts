// io/git.ts on real repositories: asynchronous, time-limited towards the remote, and it tells a detached HEAD,
// a stale index.lock and a missing identity apart.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Git } from '../../io/git.ts';
import { gitProblemMessage } from '../../lib/sharing/messages.ts';
import { git, makeRemote, NO_GLOBAL_GIT, silentServer } from '../helpers/git-repos.ts';

const repos = makeRemote({ 'cases/README.md': 'Dossiers.\n' });
afterAll(() => repos.remove());

const gitIn = (dir: string, limits = {}) => new Git(join(dir, 'cases'), { env: NO_GLOBAL_GIT, limits });

describe('commit', () => {
  it('commits one file with the identity of this clone', async () => {
    const dir = repos.clone('commit', 'Anouk Jansen');
    writeFileSync(join(dir, 'cases/a.md'), 'a\n');
    expect(await gitIn(dir).commit(['a.md'], 'K-2026-001: test')).toEqual({ ok: true });
    expect(git(dir, 'log', '-1', '--format=%an <%ae> %s')).toBe('Anouk Jansen <anouk-jansen@users.noreply.github.com> K-2026-001: test');
  });

  it('refuses without an identity, and commits under the chosen one once set', async () => {
    const dir = repos.clone('no-identity');
    const g = gitIn(dir);
    writeFileSync(join(dir, 'cases/a.md'), 'a\n');
    const refused = await g.commit(['a.md'], 'x');
    expect(refused).toEqual({ ok: false, problem: { kind: 'no-identity' } });
    expect(gitProblemMessage({ kind: 'no-identity' })).toMatch(/Wie ben ik/);
    expect(git(dir, 'status', '--porcelain')).toBe('?? cases/a.md');
    expect(await g.setIdentity({ name: 'Bram de Wit', email: 'bram-o4a@users.noreply.github.com' }, 'bram')).toBe(true);
    expect(await g.commit(['a.md'], 'x')).toEqual({ ok: true });
    expect(git(dir, 'log', '-1', '--format=%an <%ae>')).toBe('Bram de Wit <bram-o4a@users.noreply.github.com>');
    expect(await g.organizerKey()).toBe('bram');
  });

  it('refuses on a detached HEAD: the commit would land on no branch', async () => {
    const dir = repos.clone('detached', 'Anouk');
    git(dir, 'checkout', '--quiet', '--detach');
    const g = gitIn(dir);
    writeFileSync(join(dir, 'cases/a.md'), 'a\n');
    expect(await g.commit(['a.md'], 'x')).toEqual({ ok: false, problem: { kind: 'detached' } });
    expect(await g.state()).toMatchObject({ repo: true, branch: undefined });
    expect(gitProblemMessage({ kind: 'detached' })).toMatch(/nooit gedeeld/);
  });

  it('tells a stale index.lock from one a running git holds, and moves a stale one aside', async () => {
    const dir = repos.clone('lock', 'Anouk');
    const g = gitIn(dir);
    writeFileSync(join(dir, '.git/index.lock'), '');
    writeFileSync(join(dir, 'cases/a.md'), 'a\n');
    const refused = await g.commit(['a.md'], 'x');
    expect(refused).toMatchObject({ ok: false, problem: { kind: 'stale-lock' } });

    // a git process working in this repository (waiting on its input) makes the lock not stale; one that writes (a
    // reading command this process started itself never holds the lock: see below)
    const busy = spawn('git', ['mktree'], { cwd: dir, stdio: ['pipe', 'ignore', 'ignore'] });
    await new Promise((r) => busy.once('spawn', r));
    try {
      expect(await g.lockProblem()).toEqual({ kind: 'busy-lock' });
      expect(await g.moveStaleLock()).toBe(false);
    } finally {
      busy.stdin.end();
      await new Promise((r) => busy.once('close', r));
    }

    // this process's own reading command (as the werkplek's background reads run) does not make it busy
    const reader = spawn('git', ['cat-file', '--batch'], { cwd: dir, stdio: ['pipe', 'ignore', 'ignore'] });
    await new Promise((r) => reader.once('spawn', r));
    try {
      expect(await g.lockProblem()).toMatchObject({ kind: 'stale-lock' });
    } finally {
      reader.stdin.end();
      await new Promise((r) => reader.once('close', r));
    }

    expect(await g.moveStaleLock()).toBe(true);
    expect(existsSync(join(dir, '.git/index.lock'))).toBe(false);
    expect(readdirSync(join(dir, '.git')).filter((f) => f.startsWith('index.lock.oud-'))).toHaveLength(1);
    expect(await g.commit(['a.md'], 'x')).toEqual({ ok: true });
  });
});

describe('a remote that accepts connections and never answers', () => {
  it.each(['http', 'ssh'])('%s: fetch and push give up within the time limit, and the event loop keeps turning', async (scheme) => {
    const silent = await silentServer();
    try {
      const dir = repos.clone(`hung-${scheme}`, 'Anouk');
      git(dir, 'remote', 'set-url', 'origin', `${scheme}://127.0.0.1:${silent.port}/remote.git`);
      const g = gitIn(dir, { timeoutMs: 1500, connectSeconds: 1, lowSpeedSeconds: 1 });
      let ticks = 0;
      const ticker = setInterval(() => ticks++, 50);
      const start = performance.now();
      const [fetched, pushed] = await Promise.all([g.fetch(), g.push()]);
      const took = performance.now() - start;
      clearInterval(ticker);
      expect(fetched.ok).toBe(false);
      expect(pushed).toMatchObject({ ok: false, rejected: false });
      expect(silent.connections()).toBeGreaterThanOrEqual(1);
      expect(took).toBeLessThan(5000);
      expect(ticks).toBeGreaterThan(took / 50 / 4);
    } finally {
      await silent.close();
    }
  });
});
