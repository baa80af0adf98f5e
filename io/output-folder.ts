import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from './cli.ts';

/** The project's root folder (this checkout). */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

const within = (dir: string, path: string) => {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/**
 * Whether Git ignores `path` (a folder, existing or not) in the repository at `root`. A folder Git does not
 * ignore may end up in a commit, or (under site/public/) on the public site.
 */
function gitIgnores(root: string, path: string): boolean {
  // a file inside the folder: `documents/` in .gitignore matches it even before the folder exists
  const probe = join(relative(root, path), 'K-0000-000.html');
  const r = spawnSync('git', ['-C', root, 'check-ignore', '-q', '--no-index', probe], { encoding: 'utf8' });
  return r.status === 0;
}

/**
 * Refuse an `--out` folder where written files could be committed or published: inside this repository
 * (or containing it) unless Git ignores it, and never inside `.git`. Outside the repository any folder is fine.
 * @example assertPrivateOutput('documents', '--out') // fine: .gitignore lists documents/
 */
export function assertPrivateOutput(out: string, option: string, root = PROJECT_ROOT): void {
  const full = resolve(out);
  const repo = resolve(root);
  if (within(full, repo))
    throw new UsageError(`${option} ${out} contains the project itself; choose a folder of its own (default: see --help)`);
  if (!within(repo, full)) return;
  if (within(join(repo, '.git'), full)) throw new UsageError(`${option} ${out} is inside .git; choose another folder`);
  if (!gitIgnores(repo, full))
    throw new UsageError(
      `${option} ${out} is inside the repository and Git does not ignore it: what is written there could be committed ` +
        `or published (site/public/ ends up on the public site). Use the default, a folder listed in .gitignore, or a folder outside the repository`,
    );
}

/** The file that marks a folder as this tool's own earlier output. */
export const OUTPUT_MARKER = '.klachtenregeling-output';

const entries = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);

/**
 * Stop unless `out` is absent, empty, or this tool's own earlier output (it holds {@link OUTPUT_MARKER});
 * returns what it holds. Call it before any slow work, so a refusal comes at once.
 */
export function assertReplaceableOutput(out: string, option: string): string[] {
  const full = resolve(out);
  if (existsSync(full) && !statSync(full).isDirectory()) throw new UsageError(`${option} ${out} is a file, not a folder`);
  const present = entries(full);
  if (present.length > 0 && !present.includes(OUTPUT_MARKER))
    throw new UsageError(
      `${option} ${out} is not empty and was not written by this command (no ${OUTPUT_MARKER} in it): ` +
        `nothing is deleted that this command did not write. Choose an empty or new folder`,
    );
  return present;
}

/**
 * Build into a fresh folder beside `out` and swap it in, so no file is deleted that this tool did not write:
 * an existing `out` must be empty or hold {@link OUTPUT_MARKER} (this tool's earlier output), else the run
 * stops before building. A crash leaves at most a hidden `.<name>.building-*` folder beside `out`, which the
 * next run removes; `out` itself is the old or the new output, never half of one.
 * @example await buildIntoFolder('dist/report', '--out', (dir) => astroBuild(dir))
 */
export async function buildIntoFolder(out: string, option: string, build: (dir: string) => Promise<void>): Promise<void> {
  const full = resolve(out);
  const present = assertReplaceableOutput(out, option);
  const parent = dirname(full);
  const name = basename(full);
  // leftovers of an earlier run that crashed: our own hidden folders, by their unique names
  for (const e of entries(parent))
    if (e.startsWith(`.${name}.building-`) || e.startsWith(`.${name}.old-`)) await rm(join(parent, e), { recursive: true, force: true });
  await mkdir(parent, { recursive: true });
  const staging = await mkdtemp(join(parent, `.${name}.building-`));
  try {
    await build(staging);
    await writeFile(join(staging, OUTPUT_MARKER), 'Written by klachtenregeling; the next run replaces this whole folder.\n');
    if (present.length > 0) {
      const old = await mkdtemp(join(parent, `.${name}.old-`));
      await rename(full, join(old, name));
      await rename(staging, full);
      await rm(old, { recursive: true, force: true }); // only our own earlier output (it held the marker)
    } else {
      if (existsSync(full)) await rmdir(full); // empty: rmdir refuses anything else
      await rename(staging, full);
    }
  } finally {
    if (existsSync(staging)) await rm(staging, { recursive: true, force: true });
  }
}
