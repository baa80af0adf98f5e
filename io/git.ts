import { spawnSync } from 'node:child_process';

/** The result of one git command. */
interface GitRun {
  ok: boolean;
  out: string;
  err: string;
}

/** Where a folder stands in Git: not a work tree, a work tree without a remote, or one with its upstream. */
export type GitState = { repo: false } | { repo: true; upstream?: string };

// An identity for commits on machines where Git has none configured (a fresh Codespace has one).
const FALLBACK_IDENTITY = {
  GIT_AUTHOR_NAME: 'Werkplek',
  GIT_AUTHOR_EMAIL: 'werkplek@localhost',
  GIT_COMMITTER_NAME: 'Werkplek',
  GIT_COMMITTER_EMAIL: 'werkplek@localhost',
};

/** Git commands in one folder (the cases folder). Commit messages never hold personal data: the caller names case and action only. */
export class Git {
  readonly dir: string;
  constructor(dir: string) {
    this.dir = dir;
  }

  run(args: string[], timeout = 30_000): GitRun {
    const r = spawnSync('git', args, {
      cwd: this.dir,
      encoding: 'utf8',
      timeout,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_EDITOR: 'true', ...(this.hasIdentity() ? {} : FALLBACK_IDENTITY) },
    });
    return { ok: r.status === 0, out: (r.stdout ?? '').trim(), err: (r.stderr ?? '').trim() || (r.error?.message ?? '') };
  }

  private identity: boolean | undefined;
  private hasIdentity(): boolean {
    this.identity ??= spawnSync('git', ['config', 'user.email'], { cwd: this.dir, encoding: 'utf8' }).stdout?.trim() !== '';
    return this.identity;
  }

  /** Whether the folder is in a Git work tree, and its branch's upstream (`origin/main`), if any. */
  state(): GitState {
    if (this.run(['rev-parse', '--is-inside-work-tree']).out !== 'true') return { repo: false };
    const up = this.run(['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{u}']);
    return { repo: true, upstream: up.ok && up.out ? up.out : undefined };
  }

  /** Commit exactly these paths (a save, or a renumbering's old and new name) with `message`; other changes stay uncommitted. */
  commit(paths: string[], message: string): GitRun {
    const add = this.run(['add', '-A', '--', ...paths]);
    if (!add.ok) return add;
    return this.run(['commit', '--quiet', '--no-verify', '-m', message, '--only', '--', ...paths]);
  }

  /** Fetch the upstream; false when it cannot be reached (offline). */
  fetch(): boolean {
    return this.run(['fetch', '--quiet'], 20_000).ok;
  }

  /** The file names (`K-2026-005.md`) of every case on `ref` under this folder. */
  caseNamesOn(ref: string): string[] {
    const r = this.run(['ls-tree', '-r', '--name-only', ref, '--', '.']);
    return r.ok ? r.out.split('\n').filter((l) => /(^|\/)K-[^/]*\.md$/.test(l)) : [];
  }

  /** Whether `ref` holds the file at `path` (relative to this folder). */
  hasOn(ref: string, path: string): boolean {
    return this.run(['cat-file', '-e', `${ref}:./${path}`]).ok;
  }

  push(): GitRun {
    return this.run(['push', '--quiet'], 60_000);
  }

  /** Pull with rebase; on a conflict the rebase is aborted, so no file ever holds two versions in conflict markers. */
  pullRebase(): GitRun {
    const r = this.run(['pull', '--rebase', '--autostash', '--quiet'], 60_000);
    if (!r.ok) this.run(['rebase', '--abort']);
    return r;
  }

  /** Files (relative to this folder) that commits on HEAD added since it parted from `ref`: cases registered here and not yet shared. */
  addedSince(ref: string): string[] {
    const base = this.run(['merge-base', 'HEAD', ref]);
    if (!base.ok) return [];
    const r = this.run(['diff', '--relative', '--name-only', '--no-renames', '--diff-filter=A', base.out, 'HEAD', '--', '.']);
    return r.ok && r.out ? r.out.split('\n') : [];
  }

  /**
   * Pull with a merge instead of a rebase: used after a renumbering, when replaying the commit that first added
   * the old number would collide with the remote's case of that number, while the merged trees do not. On a
   * conflict the merge is aborted: no file ever holds conflict markers.
   */
  pullMerge(): GitRun {
    const r = this.run(['pull', '--no-rebase', '--no-edit', '--autostash', '--quiet'], 60_000);
    if (!r.ok) this.run(['merge', '--abort']);
    return r;
  }

  /** Undo the last commit but keep its file on disk (used to renumber a registration before it is pushed). */
  uncommitLast(path: string): boolean {
    return this.run(['reset', '--soft', 'HEAD~1']).ok && this.run(['reset', '--quiet', '--', path]).ok;
  }
}
