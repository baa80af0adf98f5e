import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError, parseCommandLine, runMain } from '../io/cli.ts';
import { writeSyntheticCases } from './synthetic-cases.ts';

const HELP = `Usage: npm run bench -- [--counts N,N,…] [--runs N]

For each count (default 1000,10000,100000) generates that many synthetic case files in a temporary Git
repository (git add, as in a checkout) and times, as whole processes:
  - ours: npm run check -- --json (validation and the deadline table in one process, with the Node options
    of package.json), cold (--no-cache)
    and warm (with the check cache, keyed by Git's blob ids); cold means without the check cache, after one run
    that leaves the code caches (Node's compile cache, the bundle of io/bundled.ts and V8's code cache of it,
    which the first cold run fills further) as any earlier run does
  - astro sync on an Astro content collection of the same files with the same zod schema, cold (its data
    store removed) and warm (its data store kept)
Ours and astro sync take turns (ours cold, sync cold, ours cold, …; then the same warm), so a busy moment
of the machine falls on both alike. Prints the times (best of --runs, default 5; 1 at 100,000 and more),
the ratios, and the peak resident memory of each process. The temporary folder, with Astro's data store and the check cache, is
removed afterwards: of the benchmark's data nothing is left in the repository's node_modules (the bundle of npm run check
and its code cache stay, as after any check).

Targets (issue 12): at 10,000 cases ours ≥ 10× faster than astro sync cold and ≥ 15× warm; at 100,000
cases a peak memory of at most 400 MiB.`;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TODAY = '2026-11-24';

interface Run {
  ms: number;
  peakBytes: number;
}

/** Wall-clock time and peak memory of a whole Node process; fails loudly if it fails. */
async function time(label: string, args: string[], cwd: string): Promise<Run> {
  const memoryFile = join(cwd, '.peak-memory');
  await rm(memoryFile, { force: true });
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--import', join(ROOT, 'tools/peak-memory.mjs'), ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    // the check cache of the temporary project stays in it, and goes with it
    env: { ...process.env, BENCH_PEAK_MEMORY_FILE: memoryFile, KLACHTEN_CACHE_DIR: join(cwd, '.check-cache') },
  });
  const ms = performance.now() - started;
  if (r.status !== 0 && !(label === 'check' && r.status === 1 && /0 error/.test(r.stderr)))
    throw new Error(`${label} failed (exit ${r.status}):\n${(r.stderr || r.stdout).slice(0, 2000)}`);
  const peaks = (await readFile(memoryFile, 'utf8')).trim().split('\n').map(Number);
  return { ms, peakBytes: Math.max(...peaks) };
}

/** The fastest of some runs, with the highest peak memory among them. */
const bestOf = (all: Run[]): Run => ({ ms: Math.min(...all.map((r) => r.ms)), peakBytes: Math.max(...all.map((r) => r.peakBytes)) });

/** `runs` runs each of two commands, taking turns; the best of each. */
async function alternate(runs: number, a: () => Promise<Run>, b: () => Promise<Run>): Promise<[Run, Run]> {
  const as: Run[] = [];
  const bs: Run[] = [];
  for (let i = 0; i < runs; i++) {
    as.push(await a());
    bs.push(await b());
  }
  return [bestOf(as), bestOf(bs)];
}

/**
 * A node_modules of its own for the temporary project, made of links to the repository's packages: Astro
 * writes its data store into node_modules/.astro, which must not land in the repository's node_modules
 * (a 13 MB data store there slows every later site build).
 */
async function linkPackages(dir: string): Promise<void> {
  await mkdir(join(dir, 'node_modules'));
  for (const name of await readdir(join(ROOT, 'node_modules')))
    if (!name.startsWith('.')) await symlink(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name));
}

/**
 * The Node options and script of `npm run check`, read from package.json (`node --expose-gc --max-semi-space-size=8
 * --initial-old-space-size=64 --import ./io/compile-cache.mjs io/bundled.ts scripts/check.ts`), with paths made absolute: the
 * benchmark times the command as people run it.
 */
async function npmCheckCommand(): Promise<string[]> {
  const { scripts } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const [node, ...args] = scripts.check!.split(' ');
  if (node !== 'node') throw new Error(`npm run check does not start with node: ${scripts.check}`);
  return args.map((a) => (/^(?:\.\/)?(?:io|scripts)\//.test(a) ? join(ROOT, a) : a));
}
const npmCheck = await npmCheckCommand();

async function benchCount(count: number, runs: number) {
  const dir = await mkdtemp(join(tmpdir(), 'klachten-bench-'));
  try {
    await writeSyntheticCases(join(dir, 'cases'), count, TODAY);
    await cp(join(ROOT, 'organization.yml'), join(dir, 'organization.yml'));
    // a Git work tree as in CI after a checkout: the cache is keyed by the blob ids in its index
    for (const args of [
      ['init', '-q'],
      ['add', 'cases'],
    ]) {
      const g = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
      if (g.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${g.stderr}`);
    }
    // The Astro way: a content collection with a glob loader and the same zod schema.
    await linkPackages(dir);
    await mkdir(join(dir, 'src'), { recursive: true });
    await writeFile(
      join(dir, 'astro.config.mjs'),
      "import { defineConfig } from 'astro/config';\nexport default defineConfig({ telemetry: false });\n",
    );
    await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
    await writeFile(
      join(dir, 'src/content.config.ts'),
      `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nimport { z } from 'zod';\nimport { caseSchema } from '${join(ROOT, 'schemas/case.ts')}';\n` +
        // Astro's YAML turns dates into Date objects; turn them back into calendar dates for the same schema.
        `const dates = (v) => v instanceof Date ? v.toISOString().slice(0, 10) : Array.isArray(v) ? v.map(dates) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, dates(x)])) : v;\n` +
        `export const collections = { cases: defineCollection({ loader: glob({ pattern: '**/K-*.md', base: './cases' }), schema: z.preprocess(dates, caseSchema) }) };\n`,
    );
    const astro = [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'sync'];
    const check = (...args: string[]) => [...npmCheck, '--json', '--today', TODAY, ...args];
    const syncCold = async () => {
      await rm(join(dir, '.astro'), { recursive: true, force: true });
      await rm(join(dir, 'node_modules/.astro'), { recursive: true, force: true });
      return time('astro sync', astro, dir);
    };
    // the code caches first (Node's compile cache, the bundle of io/bundled.ts and its code cache), as any earlier run leaves them
    await time('check', check('--help'), dir);
    // ours and astro sync take turns, so a busy moment of the machine falls on both alike
    const [oursCold, astroCold] = await alternate(runs, () => time('check', check('--no-cache'), dir), syncCold);
    await time('check', check(), dir); // fills the check cache (astro sync's data store is there from its last run)
    const [oursWarm, astroWarm] = await alternate(
      runs,
      () => time('check', check(), dir),
      () => time('astro sync', astro, dir),
    );
    return { oursCold, oursWarm, syncCold: astroCold, syncWarm: astroWarm };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await runMain('bench', async () => {
  const { values } = parseCommandLine(process.argv.slice(2), {
    counts: { type: 'string', default: '1000,10000,100000' },
    runs: { type: 'string', default: '5' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return void console.log(HELP);
  const counts = values.counts.split(',').map(Number);
  const runs = Number(values.runs);
  if (counts.some((n) => !Number.isInteger(n) || n < 1)) throw new UsageError(`--counts expects whole numbers, got "${values.counts}"`);
  if (!Number.isInteger(runs) || runs < 1) throw new UsageError(`--runs expects a whole number ≥ 1, got "${values.runs}"`);

  const ms = (r: Run) => `${(r.ms / 1000).toFixed(2).padStart(6)} s`;
  const mib = (r: Run) => `${(r.peakBytes / 2 ** 20).toFixed(0).padStart(5)} MiB`;
  const x = (a: Run, b: Run) => `${(a.ms / b.ms).toFixed(1).padStart(5)}×`;
  console.log(`Node ${process.versions.node}; whole processes; ours = check --json --today ${TODAY}; peak = max resident memory`);
  console.log(
    `   cases | ours cold  peak      | ours warm  peak      | sync cold  peak      | sync warm  peak      | cold ratio | warm ratio`,
  );
  for (const count of counts) {
    const n = count >= 100_000 ? 1 : runs;
    const r = await benchCount(count, n);
    console.log(
      `${String(count).padStart(8)} | ${ms(r.oursCold)} ${mib(r.oursCold)} | ${ms(r.oursWarm)} ${mib(r.oursWarm)} | ${ms(r.syncCold)} ${mib(r.syncCold)} | ${ms(r.syncWarm)} ${mib(r.syncWarm)} | ${x(r.syncCold, r.oursCold)}     | ${x(r.syncWarm, r.oursWarm)}     (best of ${n})`,
    );
  }
  console.log('Targets: at 10,000 cold ratio ≥ 10×, warm ratio ≥ 15×; at 100,000 ours at most 400 MiB.');
});
