import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError, parseCommandLine, runMain } from '../io/cli.ts';
import { writeSyntheticCases } from './synthetic-cases.ts';

const HELP = `Usage: npm run bench -- [--counts N,N,…] [--runs N]

For each count (default 1000,10000,100000) generates that many synthetic case files in a temporary Git
repository (git add, as in a checkout) and times these commands as whole processes:
  - check cold: npm run check -- --json --no-cache (validation and the deadline table in one process, with
    the Node options of package.json), after one run that fills Node's compile cache as any earlier run does
  - sync cold: astro sync on an Astro content collection of the same files with the same zod schema, its data
    store removed
  - zod script: tools/bench-peers/validate-zod.ts, thirty lines that read the files, parse them with js-yaml and
    check them with the project's zod schema (validate only: no lines, no rules of organization.yml, no deadlines)
  - ajv script: tools/bench-peers/validate-ajv.ts, the same with ajv and the generated JSON Schema
  - check warm (with the check cache, keyed by Git's blob ids) and sync warm (its data store kept)
The cold commands take turns in each round (check, sync, zod, ajv; then check warm, sync warm), so a busy
moment of the machine falls on all alike; --runs rounds (default 5; 1 from 100,000 cases). For each it prints
the median wall time, the median CPU time (user + system, of the process and its children, from Linux's
/proc/self/stat) and the largest peak resident memory; the ratios are taken pair by pair (same round) and
their median is printed with the lowest and highest. The load average (1 minute) before and after each count
is printed beside it: on a busy machine wall times stretch, CPU times much less. The temporary folder, with
Astro's data store and the check cache, is removed afterwards.

Targets (issues 12 and 22): at 10,000 cases check cold ≥ 10× faster than sync cold and check warm ≥ 15×
faster than sync warm; check cold no slower than the zod script; at 100,000 cases a peak memory of at most
400 MiB.`;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TODAY = '2026-11-24';

interface Run {
  wall: number;
  cpu: number;
  peakBytes: number;
}

/** CPU seconds (user + system) of this process's finished children, from /proc/self/stat; NaN where there is none. */
function childrenCpu(): number {
  if (!existsSync('/proc/self/stat')) return NaN;
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from the state on (field 3)
  const ticks = Number(fields[13]) + Number(fields[14]); // cutime, cstime: fields 16 and 17
  return ticks / 100; // USER_HZ, 100 on Linux
}

/** Wall time, CPU time and peak memory of a whole Node process; fails loudly if it fails. */
async function time(label: string, args: string[], cwd: string): Promise<Run> {
  const memoryFile = join(cwd, '.peak-memory');
  await rm(memoryFile, { force: true });
  const cpuBefore = childrenCpu();
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--import', join(ROOT, 'tools/peak-memory.mjs'), ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    // the check cache of the temporary project stays in it, and goes with it
    env: { ...process.env, BENCH_PEAK_MEMORY_FILE: memoryFile, KLACHTEN_CACHE_DIR: join(cwd, '.check-cache') },
  });
  const wall = (performance.now() - started) / 1000;
  const cpu = childrenCpu() - cpuBefore;
  if (r.status !== 0 && !(label === 'check' && r.status === 1 && /0 (error|fout)/.test(r.stderr)))
    throw new Error(`${label} failed (exit ${r.status}):\n${(r.stderr || r.stdout).slice(0, 2000)}`);
  const peaks = (await readFile(memoryFile, 'utf8')).trim().split('\n').map(Number);
  return { wall, cpu, peakBytes: Math.max(...peaks) };
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
 * --initial-old-space-size=64 --no-opt --import ./io/compile-cache.mjs scripts/check.ts`), with paths made absolute: the
 * benchmark times the command as people run it.
 */
async function npmCheckCommand(): Promise<string[]> {
  const { scripts } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const [node, ...args] = scripts.check!.split(' ');
  if (node !== 'node') throw new Error(`npm run check does not start with node: ${scripts.check}`);
  return args.map((a) => (/^(?:\.\/)?(?:io|scripts)\//.test(a) ? join(ROOT, a) : a));
}
const npmCheck = await npmCheckCommand();

const COMMANDS = ['check cold', 'sync cold', 'zod script', 'ajv script', 'check warm', 'sync warm'] as const;
type Command = (typeof COMMANDS)[number];

async function benchCount(count: number, rounds: number): Promise<{ runs: Record<Command, Run[]>; load: [number, number] }> {
  const dir = await mkdtemp(join(tmpdir(), 'klachten-bench-'));
  try {
    await writeSyntheticCases(join(dir, 'cases'), count, TODAY);
    await cp(join(ROOT, 'organization.yml'), join(dir, 'organization.yml'));
    await cp(join(ROOT, 'regulation'), join(dir, 'regulation'), { recursive: true }); // the regulation check reads it
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
    const peer = (name: string) => [join(ROOT, 'tools/bench-peers', name), 'cases'];
    const run: Record<Command, () => Promise<Run>> = {
      'check cold': () => time('check', check('--no-cache'), dir),
      'sync cold': async () => {
        await rm(join(dir, '.astro'), { recursive: true, force: true });
        await rm(join(dir, 'node_modules/.astro'), { recursive: true, force: true });
        return time('astro sync', astro, dir);
      },
      'zod script': () => time('zod script', peer('validate-zod.ts'), dir),
      'ajv script': () => time('ajv script', peer('validate-ajv.ts'), dir),
      'check warm': () => time('check', check(), dir),
      'sync warm': () => time('astro sync', astro, dir),
    };
    const runs = Object.fromEntries(COMMANDS.map((c) => [c, [] as Run[]])) as Record<Command, Run[]>;
    const load: [number, number] = [loadavg()[0]!, 0];
    // Node's compile cache first, as any earlier run leaves it
    await time('check', check('--help'), dir);
    for (let i = 0; i < rounds; i++) for (const c of COMMANDS.slice(0, 4)) runs[c].push(await run[c]());
    await time('check', check(), dir); // fills the check cache (astro sync's data store is there from its last run)
    for (let i = 0; i < rounds; i++) for (const c of COMMANDS.slice(4)) runs[c].push(await run[c]());
    load[1] = loadavg()[0]!;
    return { runs, load };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Ratio a/b pair by pair (same round): "median (min–max)". */
function ratio(a: Run[], b: Run[], of: 'wall' | 'cpu'): string {
  const rs = a.map((r, i) => b[i]![of] / r[of]);
  const f = (x: number) => x.toFixed(x < 10 ? 2 : 1);
  return rs.length > 1 ? `${f(median(rs))}× (${f(Math.min(...rs))}–${f(Math.max(...rs))})` : `${f(rs[0]!)}×`;
}

await runMain('bench', async () => {
  const { values } = parseCommandLine(process.argv.slice(2), {
    counts: { type: 'string', default: '1000,10000,100000' },
    runs: { type: 'string', default: '5' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return void console.log(HELP);
  const counts = values.counts.split(',').map(Number);
  const rounds = Number(values.runs);
  if (counts.some((n) => !Number.isInteger(n) || n < 1)) throw new UsageError(`--counts expects whole numbers, got "${values.counts}"`);
  if (!Number.isInteger(rounds) || rounds < 1) throw new UsageError(`--runs expects a whole number ≥ 1, got "${values.runs}"`);

  console.log(
    `Node ${process.versions.node}; whole processes; check = npm run check -- --json --today ${TODAY}; medians; peak = max resident memory`,
  );
  for (const count of counts) {
    const n = count >= 100_000 ? 1 : rounds;
    const { runs, load } = await benchCount(count, n);
    console.log(`\n${count.toLocaleString('en')} cases, ${n} round(s), load average ${load[0].toFixed(1)} → ${load[1].toFixed(1)}`);
    console.log('  command      wall s    cpu s   peak MiB');
    for (const c of COMMANDS) {
      const rs = runs[c];
      const peak = Math.max(...rs.map((r) => r.peakBytes)) / 2 ** 20;
      console.log(
        `  ${c.padEnd(10)} ${median(rs.map((r) => r.wall))
          .toFixed(3)
          .padStart(8)} ${median(rs.map((r) => r.cpu))
          .toFixed(2)
          .padStart(8)} ${peak.toFixed(0).padStart(10)}`,
      );
    }
    const [cc, sc, zod, ajv, cw, sw] = COMMANDS.map((c) => runs[c]);
    console.log(`  sync cold / check cold: wall ${ratio(cc!, sc!, 'wall')}, cpu ${ratio(cc!, sc!, 'cpu')}`);
    console.log(`  sync warm / check warm: wall ${ratio(cw!, sw!, 'wall')}, cpu ${ratio(cw!, sw!, 'cpu')}`);
    console.log(`  zod script / check cold: wall ${ratio(cc!, zod!, 'wall')}, cpu ${ratio(cc!, zod!, 'cpu')}`);
    console.log(`  ajv script / check cold: wall ${ratio(cc!, ajv!, 'wall')}, cpu ${ratio(cc!, ajv!, 'cpu')}`);
  }
  console.log(
    '\nTargets: at 10,000 sync cold / check cold ≥ 10×, sync warm / check warm ≥ 15×, zod script / check cold ≥ 1×; at 100,000 check at most 400 MiB.',
  );
});
