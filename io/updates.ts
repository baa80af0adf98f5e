import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { InputError } from '../lib/problems/problems.ts';
import {
  nextRelease,
  planUpdate,
  updateSummary,
  type KeepReason,
  type Tree,
  type TreeEntry,
  type UpdateStep,
} from '../lib/updates/update-plan.ts';

const run = promisify(execFile);

/** Where the upstream's release tags are kept in the practice's repository (apart from its own tags). */
const RELEASES = 'refs/klachtenregeling/releases';

/** A merge's outcome: the merged text, or a conflict (the practice's version stays). */
type Merged = { path: string; text: Buffer } | { path: string; conflict: true };

/** What an update found or did. */
export type UpdateOutcome =
  | { kind: 'up-to-date'; version: string }
  | {
      kind: 'planned' | 'applied';
      from: string;
      to: string;
      steps: UpdateStep[];
      merged: Merged[];
      skipped: string[];
      summary: string;
      /** With --branch: the branch the update was committed on. */
      branch?: string;
    };

async function git(dir: string, args: string[], o: { binary?: boolean } = {}): Promise<string> {
  const { stdout } = await run('git', ['-C', dir, ...args], { maxBuffer: 256 * 1024 * 1024, encoding: o.binary ? 'latin1' : 'utf8' });
  return stdout;
}
const blob = async (dir: string, oid: string): Promise<Buffer> =>
  (await run('git', ['-C', dir, 'cat-file', 'blob', oid], { maxBuffer: 256 * 1024 * 1024, encoding: 'buffer' })).stdout;

/** `git ls-tree -r` of a revision: every file (submodules left out). */
async function treeOf(dir: string, rev: string): Promise<Tree> {
  const out = await git(dir, ['ls-tree', '-r', '-z', '--full-tree', rev]);
  const tree = new Map<string, TreeEntry>();
  for (const line of out.split('\0')) {
    const m = /^(\d+) (\w+) ([0-9a-f]+)\t(.*)$/s.exec(line);
    if (m && m[2] === 'blob') tree.set(m[4]!, { mode: m[1]!, oid: m[3]! });
  }
  return tree;
}

/** Merge base, ours and theirs of one file with `git merge-file`; a conflict (or a binary file) leaves ours. */
async function mergeFile(dir: string, step: Extract<UpdateStep, { kind: 'merge' }>, scratch: string): Promise<Merged> {
  const files = await Promise.all(
    (['ours', 'base', 'theirs'] as const).map(async (side) => {
      const file = join(scratch, side);
      await writeFile(file, await blob(dir, step[side].oid));
      return file;
    }),
  );
  try {
    const { stdout } = await run('git', ['merge-file', '-p', ...files], { encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 });
    return { path: step.path, text: stdout };
  } catch {
    return { path: step.path, conflict: true }; // exit code = number of conflicts, or an error (binary)
  }
}

const versionAt = async (dir: string, rev: string): Promise<string> => {
  try {
    const version = (JSON.parse(await git(dir, ['show', `${rev}:package.json`])) as { version?: unknown }).version;
    if (typeof version === 'string') return version;
  } catch {
    // below
  }
  throw new InputError(`${rev}:package.json noemt geen versie ("version": "1.2.0"): welke versie van de klachtenregeling is dit?`);
};

/**
 * Bring the practice's repository in `dir` to the next release of the klachtenregeling at `from` (a Git address):
 * fetch the release tags, plan file by file (lib/updates/update-plan.ts), merge what both changed, and with `apply`
 * write and commit — on a branch `klachtenregeling-vX.Y.Z` with `branch`. A dry run (no `apply`) writes nothing but
 * the fetched tags. Running it again when up to date changes nothing.
 */
export async function updateFromUpstream(o: {
  dir: string;
  from: string;
  to?: string;
  apply: boolean;
  branch?: boolean;
  skip?: readonly string[];
}): Promise<UpdateOutcome> {
  const top = (await git(o.dir, ['rev-parse', '--show-toplevel']).catch(() => '')).trim();
  if (!top) throw new InputError(`${o.dir} is geen Git-repository: een update heeft de geschiedenis nodig`);
  if (o.apply && (await git(top, ['status', '--porcelain', '--untracked-files=no'])).trim() !== '')
    throw new InputError('er zijn wijzigingen die nog niet zijn vastgelegd: leg ze eerst vast (of zet ze opzij), dan kan de update veilig');
  try {
    await git(top, ['fetch', '--no-tags', '--quiet', o.from, `+refs/tags/v*:${RELEASES}/v*`]);
  } catch (error) {
    throw new InputError(
      `de versies van ${o.from} konden niet worden opgehaald: ${(error as { stderr?: string }).stderr?.trim() || (error as Error).message}`,
    );
  }
  const tags = (await git(top, ['for-each-ref', '--format=%(refname:strip=3)', `${RELEASES}/`])).split('\n').filter(Boolean);
  const current = await versionAt(top, 'HEAD');
  const to = o.to ?? nextRelease(tags, current);
  if (to === undefined || to === `v${current}`) return { kind: 'up-to-date', version: current };
  if (!tags.includes(to)) throw new InputError(`${o.from} heeft geen versie ${to} (wel: ${tags.join(', ') || 'geen'})`);
  if (!tags.includes(`v${current}`))
    throw new InputError(
      `${o.from} heeft de versie v${current} niet waar deze repository op staat: zonder die versie weet de update niet wat u zelf veranderde`,
    );
  const [base, theirs, ours] = await Promise.all([
    treeOf(top, `${RELEASES}/v${current}`),
    treeOf(top, `${RELEASES}/${to}`),
    treeOf(top, 'HEAD'),
  ]);
  const { steps, skipped } = planUpdate(base, theirs, ours, { skip: o.skip });
  const scratch = await mkdtemp(join(tmpdir(), 'klachtenregeling-update-'));
  let merged: Merged[];
  try {
    merged = [];
    for (const s of steps) if (s.kind === 'merge') merged.push(await mergeFile(top, s, scratch));
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  const kept: { path: string; why: KeepReason | 'conflict' }[] = [
    ...steps.flatMap((s) => (s.kind === 'keep' ? [{ path: s.path, why: s.why }] : [])),
    ...merged.flatMap((m) => ('conflict' in m ? [{ path: m.path, why: 'conflict' as const }] : [])),
  ];
  const summary = updateSummary({
    from: `v${current}`,
    to,
    taken: steps.flatMap((s) => (s.kind === 'take' ? [s.path] : [])),
    removed: steps.flatMap((s) => (s.kind === 'remove' ? [s.path] : [])),
    merged: merged.flatMap((m) => ('text' in m ? [m.path] : [])),
    kept,
    skipped,
  });
  const plan = { from: `v${current}`, to, steps, merged, skipped, summary };
  if (!o.apply) return { kind: 'planned', ...plan };

  const branch = o.branch ? `klachtenregeling-${to}` : undefined;
  if (branch) await git(top, ['switch', '--quiet', '-C', branch]);
  const write = async (path: string, data: Buffer, mode: string) => {
    const file = join(top, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, data);
    await chmod(file, mode === '100755' ? 0o755 : 0o644);
  };
  const touched: string[] = [];
  for (const s of steps) {
    if (s.kind === 'take') await write(s.path, await blob(top, s.entry.oid), s.entry.mode);
    else if (s.kind === 'remove')
      await rm(join(top, s.path), { force: true }); // a file of the old release, unchanged here
    else continue;
    touched.push(s.path);
  }
  for (const m of merged)
    if ('text' in m) {
      const step = steps.find((s) => s.path === m.path) as Extract<UpdateStep, { kind: 'merge' }>;
      await write(m.path, m.text, step.ours.mode);
      touched.push(m.path);
    }
  if (touched.length > 0) {
    await git(top, ['add', '-A', '--', ...touched]);
    await git(top, ['commit', '--quiet', '-m', `klachtenregeling bijgewerkt naar ${to}`, '-m', summary]);
  }
  return { kind: 'applied', ...plan, branch };
}
