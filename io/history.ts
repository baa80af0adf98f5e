import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  FastExportFilter,
  changedCommits,
  parseMarks,
  type FilterReport,
  type HeadChange,
  type RewriteRules,
} from '../lib/history/fast-export-filter.ts';
import type { Git, GitRun } from './git.ts';

/** What one rewrite of the local history did. */
export interface Rewrite {
  /** The refs it moved (branches, remote-tracking branches, tags, the stash). */
  heads: HeadChange[];
  /** The commits whose id changed, old → new, and the first of them (no changed parent). */
  changed: Map<string, string>;
  first: string[];
  report: FilterReport;
}

/** The refs a rewrite covers: branches, remote-tracking branches, tags and the stash; no symbolic ref (`origin/HEAD`). */
async function rewritableRefs(git: Git): Promise<Map<string, string>> {
  const r = await git.run([
    'for-each-ref',
    '--format=%(objectname) %(refname) %(symref)',
    'refs/heads',
    'refs/remotes',
    'refs/tags',
    'refs/stash',
  ]);
  const refs = new Map<string, string>();
  for (const line of r.out.split('\n')) {
    const [id, name, symref] = line.split(' ');
    if (id && name && !symref) refs.set(name, id);
  }
  return refs;
}

/**
 * Rewrite every commit of every branch, remote-tracking branch, tag and the stash by `rules` (lib/history): `git
 * fast-export --no-data` streamed through the filter into `git fast-import --force`. Blobs are never exported:
 * every other file keeps its blob id, a commit that held none of the paths keeps its id. The stream ends with
 * `done`: a rewrite stopped halfway moves no ref (its objects are unreachable and pruned later). Running it again
 * on rewritten history changes nothing.
 */
export async function rewriteHistory(git: Git, rules: RewriteRules, scratch: string): Promise<Rewrite | { failed: string }> {
  const before = await rewritableRefs(git);
  const empty: Rewrite = { heads: [], changed: new Map(), first: [], report: new FastExportFilter(rules).report };
  if (before.size === 0) return empty;
  mkdirSync(scratch, { recursive: true, mode: 0o700 });
  const marksFile = join(scratch, 'rewrite-marks');
  rmSync(marksFile, { force: true });
  const filter = new FastExportFilter(rules);
  const exporter = git.spawnPiped([
    'fast-export',
    '--no-data',
    '--show-original-ids',
    '--use-done-feature',
    '--signed-tags=strip',
    '--tag-of-filtered-object=rewrite',
    '--reencode=no',
    ...before.keys(),
  ]);
  const importer = git.spawnPiped(['fast-import', '--force', '--quiet', `--export-marks=${marksFile}`]);
  let err = '';
  exporter.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  importer.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  importer.stdout!.resume();
  importer.stdin!.on('error', () => undefined); // fast-import failed: its exit code says so
  const exported = new Promise<number | null>((resolve) => exporter.on('close', resolve));
  const imported = new Promise<number | null>((resolve) => importer.on('close', resolve));
  exporter.stdout!.on('data', (chunk: Buffer) => {
    const out = filter.write(chunk);
    if (out.length && !importer.stdin!.write(out)) {
      exporter.stdout!.pause();
      importer.stdin!.once('drain', () => exporter.stdout!.resume());
    }
  });
  const exportCode = await exported;
  importer.stdin!.end(filter.end());
  const importCode = await imported;
  if (exportCode !== 0 || importCode !== 0) return { failed: err.trim() || 'fast-export of fast-import stopte' };
  const marks = parseMarks(existsSync(marksFile) ? readFileSync(marksFile, 'utf8') : '');
  rmSync(marksFile, { force: true });
  const after = await rewritableRefs(git);
  const heads = [...before].flatMap(([ref, old]) => {
    const now = after.get(ref);
    return now && now !== old ? [{ ref, old, new: now }] : [];
  });
  return { heads, ...changedCommits(filter.report, marks), report: filter.report };
}

/**
 * Remove what still holds the old versions from this repository: backup refs (`refs/original/`, left by
 * filter-branch), ORIG_HEAD and FETCH_HEAD, every reflog entry, then every unreachable object, loose or packed
 * (`git gc --prune=now` repacks the reachable ones and drops the rest).
 */
export async function pruneOld(git: Git): Promise<boolean> {
  const backups = await git.run(['for-each-ref', '--format=%(refname)', 'refs/original']);
  for (const ref of backups.out.split('\n').filter(Boolean)) await git.run(['update-ref', '-d', ref]);
  await git.run(['update-ref', '-d', 'ORIG_HEAD']);
  const dir = await git.gitDir();
  if (dir) rmSync(join(dir, 'FETCH_HEAD'), { force: true });
  const expired = await git.run(['reflog', 'expire', '--expire=now', '--expire-unreachable=now', '--all']);
  const gc = await git.run(['-c', 'gc.auto=0', 'gc', '--prune=now', '--quiet'], { timeoutMs: 300_000 });
  return expired.ok && gc.ok;
}

/** The outcome of pushing rewritten branches: done, refused because the remote moved (`stale`), or failed. */
export type PushOutcome = { ok: true } | { ok: false; stale: boolean; run: GitRun };

/** One branch of the remote to set to a rewritten commit, if it still is at `old`. */
export interface LeasedPush {
  branch: string;
  old: string;
  new: string;
}

/**
 * Push rewritten branches to `remote`, each with a lease on the exact id it had before the rewrite: when
 * someone pushed meanwhile, nothing is overwritten and the push is refused (`stale`). All move together
 * (`--atomic`), or none.
 */
export async function pushRewritten(git: Git, remote: string, pushes: readonly LeasedPush[]): Promise<PushOutcome> {
  if (pushes.length === 0) return { ok: true };
  const r = await git.run(
    [
      'push',
      '--porcelain',
      '--atomic',
      ...pushes.map((p) => `--force-with-lease=refs/heads/${p.branch}:${p.old}`),
      remote,
      ...pushes.map((p) => `${p.new}:refs/heads/${p.branch}`),
    ],
    { network: true },
  );
  if (r.ok) return { ok: true };
  return { ok: false, stale: /stale info|fetch first|non-fast-forward|atomic push failed/.test(`${r.out}\n${r.err}`), run: r };
}
