import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, readlinkSync, renameSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { GitProblem } from '../lib/sharing/messages.ts';

/** The result of one git command. `timedOut`: it was stopped after its time limit (a remote that never answers). */
export interface GitRun {
  ok: boolean;
  out: string;
  err: string;
  timedOut: boolean;
}

/** Where a folder stands in Git: not a work tree, or one on `branch` (undefined: a detached HEAD) with its upstream, if any. */
export type GitState = { repo: false } | { repo: true; branch?: string; upstream?: string };

/** Who commits here: from Git's configuration (any level) or the environment. */
export interface GitIdentity {
  name: string;
  email: string;
}

/** Time limits for commands that talk to the shared remote. */
export interface NetworkLimits {
  /** The whole command is stopped after this long (default 30 s). */
  timeoutMs: number;
  /** ssh gives up connecting (and its banner) after this many seconds; a silent connection is dropped after 2× this (default 5). */
  connectSeconds: number;
  /** https gives up when less than 1 kB/s arrives for this many seconds (default 10). */
  lowSpeedSeconds: number;
}

const DEFAULT_LIMITS: NetworkLimits = { timeoutMs: 30_000, connectSeconds: 5, lowSpeedSeconds: 10 };
const LOCAL_TIMEOUT_MS = 30_000;

/**
 * Git commands in one folder (the cases folder), asynchronous: a command never blocks the werkplek's other
 * requests. Commands that reach the remote (fetch, push) run with short connect timeouts and a kill timeout, so a
 * remote that accepts a connection and never answers costs at most `limits.timeoutMs`. Commit messages never
 * hold personal data: the caller names case and action only.
 */
export class Git {
  readonly dir: string;
  readonly limits: NetworkLimits;
  private readonly env: NodeJS.ProcessEnv;
  private gitDirMemo: string | undefined;
  private topMemo: string | undefined;
  private identityMemo: GitIdentity | undefined;
  private readonly children = new Set<ChildProcess>();

  constructor(dir: string, o: { limits?: Partial<NetworkLimits>; env?: NodeJS.ProcessEnv } = {}) {
    this.dir = dir;
    this.limits = { ...DEFAULT_LIMITS, ...o.limits };
    this.env = o.env ?? process.env;
  }

  /** Run `git args` here; `network` adds the remote's time limits. Never throws; a command over its time is killed with its children. */
  run(args: string[], o: { network?: boolean; timeoutMs?: number; env?: Record<string, string> } = {}): Promise<GitRun> {
    const { lowSpeedSeconds, timeoutMs } = this.limits;
    const network = o.network ? ['-c', 'http.lowSpeedLimit=1000', '-c', `http.lowSpeedTime=${lowSpeedSeconds}`] : [];
    const env = this.envFor(o.env);
    const limit = o.timeoutMs ?? (o.network ? timeoutMs : LOCAL_TIMEOUT_MS);
    return new Promise((resolve) => {
      // its own process group: on a timeout the helpers git starts (ssh, git-remote-http) are stopped with it
      const child = spawn('git', [...network, ...args], { cwd: this.dir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      this.children.add(child);
      let out = '';
      let err = '';
      let timedOut = false;
      let settled = false;
      const finish = (ok: boolean) => {
        if (settled) return;
        settled = true;
        this.children.delete(child);
        clearTimeout(timer);
        resolve({ ok, out: out.trim(), err: err.trim(), timedOut });
      };
      const timer = setTimeout(() => {
        timedOut = true;
        killGroup(child);
        finish(false);
      }, limit);
      child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
      child.on('error', (e) => {
        err += e.message;
        finish(false);
      });
      child.on('close', (code) => finish(code === 0));
    });
  }

  /** The environment every git command here runs with: no prompts, no editor, English messages, ssh with time limits. */
  private envFor(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    const { connectSeconds } = this.limits;
    return {
      ...this.env,
      LC_ALL: 'C',
      // a read (status, diff) never takes index.lock to refresh the index: the background reads (sharing's state,
      // the dossier's history) cannot make a save's commit fail with "index.lock exists"
      GIT_OPTIONAL_LOCKS: '0',
      GIT_TERMINAL_PROMPT: '0',
      GIT_EDITOR: 'true',
      GCM_INTERACTIVE: 'never',
      GIT_SSH_COMMAND: `${this.env.GIT_SSH_COMMAND ?? 'ssh'} -o BatchMode=yes -o ConnectTimeout=${connectSeconds} -o ServerAliveInterval=${connectSeconds} -o ServerAliveCountMax=2`,
      ...extra,
    };
  }

  /**
   * Start `git args` here with its standard streams piped, for a stream between two commands (fast-export into
   * fast-import); the caller reads and waits. Stopped with the others by {@link stop}.
   */
  spawnPiped(args: string[]): ChildProcess {
    const child = spawn('git', args, { cwd: this.dir, env: this.envFor(), detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    this.children.add(child);
    child.on('close', () => this.children.delete(child));
    return child;
  }

  /** Stop every git command still running (with the helpers it started): the werkplek is closing. */
  stop(): void {
    for (const child of this.children) killGroup(child);
  }

  /** The absolute path of the repository's Git folder (read once). */
  async gitDir(): Promise<string | undefined> {
    if (this.gitDirMemo) return this.gitDirMemo;
    const r = await this.run(['rev-parse', '--absolute-git-dir']);
    if (r.ok) this.gitDirMemo = r.out;
    return this.gitDirMemo;
  }

  /** The absolute path of the work tree's top folder (read once). */
  async topLevel(): Promise<string | undefined> {
    if (this.topMemo) return this.topMemo;
    const r = await this.run(['rev-parse', '--show-toplevel']);
    if (r.ok) this.topMemo = r.out;
    return this.topMemo;
  }

  /** Whether the folder is in a Git work tree, its branch (none when HEAD is detached) and the branch's upstream (`origin/main`). */
  async state(): Promise<GitState> {
    const inside = await this.run(['rev-parse', '--is-inside-work-tree']);
    if (inside.out !== 'true') return { repo: false };
    const [branch, up] = await Promise.all([
      this.run(['symbolic-ref', '--quiet', '--short', 'HEAD']),
      this.run(['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{u}']),
    ]);
    return { repo: true, branch: branch.ok ? branch.out : undefined, upstream: up.ok && up.out ? up.out : undefined };
  }

  /** Whether HEAD is detached: read from the HEAD file itself, no process (it is checked before every commit). */
  async detached(): Promise<boolean> {
    const dir = await this.gitDir();
    if (!dir) return false;
    try {
      return !readFileSync(join(dir, 'HEAD'), 'utf8').startsWith('ref:');
    } catch {
      return false;
    }
  }

  /** The identity commits here carry, or undefined when Git has none (the werkplek never invents one). */
  async identity(): Promise<GitIdentity | undefined> {
    if (this.identityMemo) return this.identityMemo;
    const [name, email] = await Promise.all([this.run(['config', 'user.name']), this.run(['config', 'user.email'])]);
    const n = this.env.GIT_AUTHOR_NAME ?? name.out;
    const e = this.env.GIT_AUTHOR_EMAIL ?? email.out;
    if (n && e) this.identityMemo = { name: n, email: e };
    return this.identityMemo;
  }

  /** Store who commits in this clone (its own Git configuration, not the computer's) and which organizer that is. */
  async setIdentity(identity: GitIdentity, organizerKey: string): Promise<boolean> {
    this.identityMemo = undefined;
    for (const [key, value] of [
      ['user.name', identity.name],
      ['user.email', identity.email],
      ['werkplek.organizer', organizerKey],
    ] as const)
      if (!(await this.run(['config', '--local', key, value])).ok) return false;
    return true;
  }

  /** The organizer key chosen in this clone (`werkplek.organizer`), if any. */
  async organizerKey(): Promise<string | undefined> {
    const r = await this.run(['config', 'werkplek.organizer']);
    return r.ok && r.out ? r.out : undefined;
  }

  /**
   * Why a commit cannot be made here now, if anything: a detached HEAD, a missing identity or an `index.lock`
   * (held by a running git, or left behind by one that stopped).
   */
  async problem(): Promise<GitProblem | undefined> {
    if (await this.detached()) return { kind: 'detached' };
    const lock = await this.lockProblem();
    if (lock) return lock;
    if (!(await this.identity())) return { kind: 'no-identity' };
    return undefined;
  }

  /** The index lock's state: absent (undefined), held by a running git, or stale (no git process works in this repository). */
  async lockProblem(): Promise<GitProblem | undefined> {
    const dir = await this.gitDir();
    if (!dir) return undefined;
    const lock = join(dir, 'index.lock');
    let age: number;
    try {
      age = Date.now() - statSync(lock).mtimeMs;
    } catch {
      return undefined;
    }
    const running = gitProcessesIn([dir, (await this.topLevel()) ?? this.dir]);
    // without /proc (not Linux) a lock older than ten minutes counts as left behind
    const stale = running === undefined ? age > 10 * 60_000 : running === 0;
    return stale ? { kind: 'stale-lock', lock } : { kind: 'busy-lock' };
  }

  /**
   * Move a stale `index.lock` aside (renamed to `index.lock.oud-<time>`, never deleted), after checking again that
   * no git process works here. Returns whether Git can commit again.
   */
  async moveStaleLock(now = new Date()): Promise<boolean> {
    const p = await this.lockProblem();
    if (!p) return true;
    if (p.kind !== 'stale-lock') return false;
    try {
      renameSync(p.lock, `${p.lock}.oud-${now.toISOString().replace(/[:.]/g, '-')}`);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Commit exactly these paths (a save, or a renumbering's old and new name) with `message`; other changes stay
   * uncommitted. Refused on a detached HEAD (the commit would land on no branch) and without an identity (the
   * werkplek never invents one); a failure says why when it can (an index lock).
   */
  async commit(paths: string[], message: string): Promise<{ ok: true } | { ok: false; problem: GitProblem }> {
    if (await this.detached()) return { ok: false, problem: { kind: 'detached' } };
    if (!(await this.identity())) return { ok: false, problem: { kind: 'no-identity' } };
    // a path gone from the work tree that Git never knew (an attachment folder removed before it was committed) has
    // nothing to commit, and naming it would make `git add` refuse the whole commit
    const known = await Promise.all(
      paths.map(async (p) => existsSync(join(this.dir, p)) || (await this.run(['ls-files', '--', p])).out.trim() !== ''),
    );
    paths = paths.filter((_, i) => known[i]);
    if (!paths.length) return { ok: true };
    const add = await this.run(['add', '-A', '--', ...paths]);
    const done = add.ok && (await this.run(['commit', '--quiet', '--no-verify', '-m', message, '--only', '--', ...paths]));
    if (done && done.ok) return { ok: true };
    const said = `${add.err}\n${done ? done.err : ''}`;
    if (/index\.lock/.test(said)) return { ok: false, problem: (await this.lockProblem()) ?? { kind: 'busy-lock' } };
    return { ok: false, problem: { kind: 'failed' } };
  }

  /** Fetch the upstream (with the network's time limits). */
  fetch(): Promise<GitRun> {
    return this.run(['fetch', '--quiet'], { network: true });
  }

  /** Push the branch to its upstream; `rejected`: the remote answered but did not take the branch (fetch, merge, push again). */
  async push(): Promise<GitRun & { rejected: boolean }> {
    const r = await this.run(['push', '--porcelain'], { network: true });
    // `!` before a ref: the remote answered but did not take it (it has commits this clone lacks, or another push
    // updated the branch at the same moment: "[remote rejected] … (failed to lock)")
    return { ...r, rejected: !r.ok && /^!\t/m.test(r.out) };
  }

  /** The file names (`K-2026-005.md`) of every case on `ref` under this folder. */
  async caseNamesOn(ref: string): Promise<string[]> {
    const r = await this.run(['ls-tree', '-r', '--name-only', ref, '--', '.']);
    // a file inside a case's attachment folder (K-2026-007/…) is never a case, whatever its name
    return r.ok ? r.out.split('\n').filter((l) => /(^|\/)K-[^/]*\.md$/.test(l) && !/(^|\/)K-\d{4}-\d+\//.test(l)) : [];
  }

  /** Whether `ref` holds the file at `path` (relative to this folder). */
  async hasOn(ref: string, path: string): Promise<boolean> {
    return (await this.run(['cat-file', '-e', `${ref}:./${path}`])).ok;
  }

  /** Files (relative to this folder) that commits on HEAD added since it parted from `ref`: cases registered here and not yet shared. */
  async addedSince(ref: string): Promise<string[]> {
    const base = await this.run(['merge-base', 'HEAD', ref]);
    if (!base.ok) return [];
    const r = await this.run(['diff', '--relative', '--name-only', '--no-renames', '--diff-filter=A', base.out, 'HEAD', '--', '.']);
    return r.ok && r.out ? r.out.split('\n') : [];
  }

  /** Files (relative to this folder) that commits on HEAD not yet on `ref` touch (`git log ref..HEAD`): changed here, not shared. */
  async changedSince(ref: string): Promise<string[] | undefined> {
    const r = await this.run(['log', '--relative', '--no-renames', '--name-only', '--format=', `${ref}..HEAD`, '--', '.']);
    return r.ok ? [...new Set(r.out.split('\n').filter(Boolean))] : undefined;
  }

  /** Files (relative to this folder) with changes not committed: changed since HEAD, or new and not ignored. */
  async uncommitted(): Promise<string[]> {
    const [changed, added] = await Promise.all([
      this.run(['diff', '--name-only', '--relative', '--no-renames', 'HEAD', '--', '.']),
      this.run(['ls-files', '--others', '--exclude-standard', '--', '.']),
    ]);
    return [changed, added].flatMap((r) => (r.ok ? r.out.split('\n').filter(Boolean) : []));
  }

  /**
   * Merge `ref` into HEAD (fast-forward when it can), with `config` (`-c key=value` arguments) and `env` (such as
   * the case merge driver's). On a conflict the merge is aborted: no file ever holds two versions in conflict markers.
   */
  async merge(ref: string, o: { config?: string[]; env?: Record<string, string> } = {}): Promise<GitRun> {
    const r = await this.run([...(o.config ?? []), 'merge', '--no-edit', '--autostash', '--quiet', ref], { env: o.env });
    if (!r.ok) await this.run(['merge', '--abort']);
    return r;
  }
}

/** Kill a command and the processes it started (it runs in its own process group). */
function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Git commands that only read, when run as this process runs them (GIT_OPTIONAL_LOCKS=0): they never hold index.lock. */
const READERS = new Set([
  'log',
  'cat-file',
  'ls-files',
  'ls-tree',
  'rev-parse',
  'rev-list',
  'diff',
  'status',
  'config',
  'merge-base',
  'show',
  'for-each-ref',
  'symbolic-ref',
  'hash-object',
]);

/** Whether `pid` is a reading git command this process started (its own background reads do not make a lock busy). */
function ownReader(pid: string): boolean {
  const ppid = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[1];
  if (ppid !== String(process.pid)) return false;
  const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').slice(1);
  let i = 0;
  while (args[i] === '-c') i += 2; // the network limits: -c key=value
  return READERS.has(args[i] ?? '');
}

/**
 * How many git processes work in one of `dirs` (their working folder inside it), from /proc; undefined where
 * there is no /proc to read.
 */
function gitProcessesIn(dirs: string[]): number | undefined {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return undefined;
  }
  let n = 0;
  for (const pid of pids) {
    try {
      if (!/^git/.test(readFileSync(`/proc/${pid}/comm`, 'utf8'))) continue;
      const cwd = readlinkSync(`/proc/${pid}/cwd`);
      if (!dirs.some((d) => !relative(d, cwd).startsWith('..') && !isAbsolute(relative(d, cwd)))) continue;
      if (ownReader(pid)) continue;
      n++;
    } catch {
      // the process ended meanwhile, or is not ours to read
    }
  }
  return n;
}
