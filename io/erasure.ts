import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { HeadChange, RewriteRules } from '../lib/history/fast-export-filter.ts';
import type { ErasureReach } from '../lib/cases/erasure-words.ts';
import { githubRepository } from '../lib/history/github-support.ts';
import { ERASURE_LOG_FOLDER, attachmentsFolderOf, parseErasureEntry } from '../lib/history/erasure-log.ts';
import type { Git, GitRun } from './git.ts';

import { pruneOld, pushRewritten, rewriteHistory, type LeasedPush } from './history.ts';

/** What an erasure did to the history here, and to the shared remote. Holds no personal data. */
export interface HistoryErasure {
  /** The case files (relative to the repository's top) every commit now holds only in their anonymized version. */
  files: string[];
  /** The refs that moved, with their ids before and after. */
  heads: HeadChange[];
  /** The first changed commits, by their old id (GitHub Support asks for them). */
  first: string[];
  /** How many earlier versions of the files are gone from the history. */
  versions: number;
  /** Whether the rewritten branches are on the shared remote now. */
  shared: boolean;
  /** The remote's branches set to the rewritten history: old id (leased) and new id. */
  pushed: LeasedPush[];
  /** The remote as `owner/name`, when it is on GitHub (for the request to GitHub Support). */
  repository?: string;
  /** Why the remote was not reached (the command's raw answer), when it was not. */
  remoteFailure?: GitRun;
  /** The objects no longer reachable are removed from this repository. */
  pruned: boolean;
}

/** The rules for `files` (relative to the top) with the text in the work tree as their only version; a file that is gone goes from every commit. */
async function rulesFromWorkTree(git: Git, top: string, files: readonly string[]): Promise<RewriteRules> {
  const replace = new Map<string, string>();
  const drop: string[] = [];
  for (const f of files) {
    drop.push(attachmentsFolderOf(f));
    const blob = existsSync(join(top, f)) ? await git.run(['hash-object', '-w', '--', join(top, f)]) : undefined;
    if (blob?.ok) replace.set(f, blob.out);
    else drop.push(f);
  }
  return { replace, drop };
}

/** The rules for `files` with their version on `ref` (the rewritten upstream) as their only version. */
async function rulesFromRef(git: Git, ref: string, files: readonly string[]): Promise<RewriteRules> {
  const replace = new Map<string, string>();
  const drop: string[] = [];
  for (const f of files) {
    drop.push(attachmentsFolderOf(f));
    const blob = await git.run(['rev-parse', '--verify', '--quiet', `${ref}:${f}`]);
    if (blob.ok && blob.out) replace.set(f, blob.out);
    else drop.push(f);
  }
  return { replace, drop };
}

/** After a rewrite: the work tree holds the files' one version and no attachments folder; the index follows HEAD. */
async function settleWorkTree(git: Git, top: string, rules: RewriteRules): Promise<void> {
  for (const f of rules.replace.keys())
    if ((await git.run(['cat-file', '-e', `HEAD:${f}`])).ok) await git.run(['checkout', 'HEAD', '--', join(top, f)]);
  for (const d of rules.drop) rmSync(join(top, d), { recursive: true, force: true });
  await git.run(['reset', '--quiet']);
}

/** Merge the head changes of two rewrites of one run: a ref keeps its first old id and its last new one. */
function mergeHeads(a: readonly HeadChange[], b: readonly HeadChange[]): HeadChange[] {
  const by = new Map(a.map((h) => [h.ref, { ...h }]));
  for (const h of b) {
    const seen = by.get(h.ref);
    if (seen) seen.new = h.new;
    else by.set(h.ref, { ...h });
  }
  return [...by.values()].filter((h) => h.old !== h.new);
}

/** Where the branch is shared: the remote, its branch, the remote-tracking ref (`origin`, `main`, `refs/remotes/origin/main`). */
export interface Upstream {
  remote: string;
  branch: string;
  ref: string;
}

/**
 * Erasure here (AVG art. 17, 5(1)(e)): every commit of every branch that held one of `files` (relative to the
 * repository's top) gets its version in the work tree instead, its attachments folder goes from every commit.
 * With an upstream: fetch and merge first (`bringIn`, so this branch holds everything the remote has), rewrite,
 * then push this branch and the other rewritten remote branches with a lease on their exact old ids; someone
 * pushed meanwhile: fetch, merge, rewrite again, push again (three times at most). Then the old objects are pruned.
 */
export async function eraseHere(
  git: Git,
  top: string,
  files: readonly string[],
  o: { upstream?: Upstream; bringIn?: () => Promise<boolean> },
): Promise<HistoryErasure> {
  const scratch = join((await git.gitDir())!, 'werkplek');
  const rules = await rulesFromWorkTree(git, top, files);
  const up = o.upstream;
  let heads: HeadChange[] = [];
  const first = new Set<string>();
  let versions = 0;
  let shared = false;
  let pushed: LeasedPush[] = [];
  let remoteFailure: GitRun | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    let reachable = false;
    if (up) {
      const fetched = await git.run(['fetch', '--quiet', up.remote], { network: true });
      remoteFailure = fetched.ok ? undefined : fetched;
      reachable = fetched.ok && (o.bringIn ? await o.bringIn() : true);
    }
    const oldUpstream = up ? (await git.run(['rev-parse', '--verify', '--quiet', up.ref])).out : '';
    const rw = await rewriteHistory(git, rules, scratch);
    if ('failed' in rw) throw new Error(`rewrite failed: ${rw.failed}`);
    heads = mergeHeads(heads, rw.heads);
    rw.first.forEach((c) => first.add(c));
    for (const s of rw.report.replacedVersions.values()) versions = Math.max(versions, s.size);
    if (!up || !reachable) break;
    // this branch (it holds the remote's commits, merged) goes to its upstream; other rewritten remote branches as they are
    const prefix = `refs/remotes/${up.remote}/`;
    const pushes: LeasedPush[] = rw.heads
      .filter((h) => h.ref.startsWith(prefix) && h.ref !== up.ref && h.ref !== `${prefix}HEAD`)
      .map((h) => ({ branch: h.ref.slice(prefix.length), old: h.old, new: h.new }));
    const head = (await git.run(['rev-parse', 'HEAD'])).out;
    if (oldUpstream) pushes.push({ branch: up.branch, old: oldUpstream, new: head });
    const r = await pushRewritten(git, up.remote, pushes);
    if (r.ok) {
      shared = true;
      pushed = pushes;
      remoteFailure = undefined;
      break;
    }
    remoteFailure = r.run;
    if (!r.stale) break;
  }
  await settleWorkTree(git, top, rules);
  const pruned = await pruneOld(git);
  const url = up ? (await git.run(['remote', 'get-url', up.remote])).out : '';
  const repository = githubRepository(url);
  return {
    files: [...files],
    heads,
    first: [...first],
    versions,
    shared,
    pushed,
    pruned,
    ...(repository ? { repository } : {}),
    ...(remoteFailure ? { remoteFailure } : {}),
  };
}

/** The erasure log's entries (their paths from the top) on `ref`, under the cases folder `casesRel`. */
async function entriesOn(git: Git, ref: string, casesRel: string): Promise<string[]> {
  const folder = `${casesRel ? `${casesRel}/` : ''}${ERASURE_LOG_FOLDER}/`;
  const r = await git.run(['ls-tree', '-r', '--name-only', '--full-tree', ref, '--', folder]);
  return r.ok ? r.out.split('\n').filter((l) => l.endsWith('.yml')) : [];
}

/**
 * Another clone rewrote the history (its erasure log on `upstream` has entries this branch lacks): rewrite this
 * clone's own history the same way (each erased file gets the upstream's version, which is its only one there),
 * including the commits not shared yet, bring the work tree along and prune the old objects. Then the ordinary
 * merge joins two histories without the old versions. Returns the files it erased here (none: nothing to do).
 */
export async function followErasures(git: Git, top: string, casesRel: string, upstream: string): Promise<string[]> {
  const mine = new Set(await entriesOn(git, 'HEAD', casesRel));
  const fresh = (await entriesOn(git, upstream, casesRel)).filter((e) => !mine.has(e));
  const files: string[] = [];
  for (const path of fresh) {
    const entry = parseErasureEntry((await git.run(['show', `${upstream}:${path}`])).out);
    if (entry) files.push(`${casesRel ? `${casesRel}/` : ''}${entry.file}`);
  }
  if (files.length === 0) return [];
  const rules = await rulesFromRef(git, upstream, files);
  const rw = await rewriteHistory(git, rules, join((await git.gitDir())!, 'werkplek'));
  if ('failed' in rw) throw new Error(`rewrite failed: ${rw.failed}`);
  await settleWorkTree(git, top, rules);
  await pruneOld(git);
  return files;
}

/**
 * How far an erasure of `file` (absolute) reaches, for the preview: the distinct versions of it in the history
 * of every branch and ref, the files in its attachments folder, whether there is a shared remote.
 */
export async function erasureReach(git: Git, file: string, shared: boolean): Promise<ErasureReach> {
  const r = await git.run(['log', '--all', '--format=', '--raw', '--no-abbrev', '--no-renames', '--', file]);
  const blobs = new Set<string>();
  for (const line of r.ok ? r.out.split('\n') : []) {
    const id = line.split(' ')[3];
    if (id && !/^0+$/.test(id)) blobs.add(id);
  }
  const folder = attachmentsFolderOf(file);
  let attachments = 0;
  try {
    attachments = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
  } catch {
    // no attachments folder
  }
  return { versions: blobs.size, attachments, shared };
}
