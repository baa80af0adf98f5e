import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';

const ROOT = resolve(import.meta.dirname, '..');
const SKIP = new Set(['node_modules', 'dist', '.git', '.astro', '.tmp']);

/** A copy of the project in a temporary folder (node_modules linked, not copied); `remove()` deletes it. */
export async function projectCopy(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'klachten-site-'));
  await cp(ROOT, dir, { recursive: true, filter: (src) => !SKIP.has(relative(ROOT, src).split(/[\\/]/)[0] ?? '') });
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Node's compile cache for processes run in `dir` (the project or a copy of it): the project's, as
 * io/compile-cache.mjs keeps it, reached through the folder's node_modules and keyed by paths relative to it. A
 * process in a copy then finds the entries of the project's own files instead of adding some 70 each time.
 */
export const compileCacheIn = (dir: string): NodeJS.ProcessEnv => ({
  NODE_COMPILE_CACHE: join(dir, 'node_modules/.cache/node-compile'),
  NODE_COMPILE_CACHE_PORTABLE: '1',
});

/**
 * The environment for a build in `dir`: ours, without what Vitest puts in process.env (BASE_URL=/, MODE, …),
 * which Astro would read as its own import.meta.env and so lose the base path.
 */
function buildEnv(dir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...compileCacheIn(dir) };
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST']) delete env[key];
  for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
  return env;
}

/** Run the public build (`astro build`, as `npm run build:site` does) in `dir`; resolves with its output. */
export async function buildSite(dir: string): Promise<string> {
  const astro = join(ROOT, 'node_modules/astro/bin/astro.mjs');
  const { stdout, stderr } = await promisify(execFile)(process.execPath, [astro, 'build'], {
    cwd: dir,
    env: buildEnv(dir),
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout + stderr;
}

/** The public pages: path below the base, and whether it may ship JavaScript (the calculator's pages only). */
export const SITE_PAGES = [
  { path: '', js: false },
  { path: 'en/', js: false },
  { path: 'klacht-indienen/', js: true },
  { path: 'en/making-a-complaint/', js: true },
  { path: 'klachtformulier/', js: false },
  { path: 'en/complaint-form/', js: false },
  { path: '404.html', js: false },
] as const;
