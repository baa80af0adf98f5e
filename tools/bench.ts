import { spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, rm, symlink, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCommandLine, runMain } from '../io/cli.ts';
import { writeSyntheticCases } from './synthetic-cases.ts';

const HELP = `Usage: npm run bench -- [--count N]

Generates N (default 10000) synthetic case files in a temporary folder and times, as whole
processes, \`validate\` and \`deadlines --json\` on them, cold (--no-cache) and warm (with the
check cache), and \`astro sync\` on an Astro content collection of the same files with the same
zod schema, cold and warm. Prints the figures and the ratios.`;

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Wall-clock milliseconds of a whole process; fails loudly if it fails. */
function time(label: string, cmd: string, args: string[], cwd: string): number {
  const started = performance.now();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`${label} failed (exit ${r.status}):\n${(r.stderr || r.stdout).slice(0, 2000)}`);
  return ms;
}

await runMain('bench', async () => {
  const { values } = parseCommandLine(process.argv.slice(2), {
    count: { type: 'string', default: '10000' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return void console.log(HELP);
  const count = Number(values.count);
  const dir = await mkdtemp(join(tmpdir(), 'klachten-bench-'));
  try {
    await writeSyntheticCases(join(dir, 'cases'), count, '2026-11-24');
    await cp(join(ROOT, 'organization.yml'), join(dir, 'organization.yml'));
    const node = process.execPath;
    const runs = 3;
    const best = (f: () => number) => Math.min(...Array.from({ length: runs }, f));
    // as `npm run validate` / `npm run deadlines` start them
    const script = (name: string, ...args: string[]) => [
      '--import',
      join(ROOT, 'io/compile-cache.mjs'),
      join(ROOT, `scripts/${name}.ts`),
      ...args,
    ];
    const deadlineArgs = ['--json', '--today', '2026-11-24'];
    const validateCold = best(() => time('validate', node, script('validate', '--no-cache'), dir));
    const deadlinesCold = best(() => time('deadlines', node, script('deadlines', '--no-cache', ...deadlineArgs), dir));
    time('validate', node, script('validate'), dir); // fills the check cache
    const validateWarm = best(() => time('validate', node, script('validate'), dir));
    const deadlinesWarm = best(() => time('deadlines', node, script('deadlines', ...deadlineArgs), dir));

    // The Astro way: a content collection with a glob loader and the same zod schema.
    await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
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
    const astro = join(ROOT, 'node_modules/astro/bin/astro.mjs');
    const syncCold = best(() => {
      spawnSync('rm', ['-rf', join(dir, '.astro'), join(dir, 'node_modules/.astro')]);
      return time('astro sync', node, [astro, 'sync'], dir);
    });
    const syncWarm = best(() => time('astro sync', node, [astro, 'sync'], dir)); // keeps its data store

    const cold = validateCold + deadlinesCold;
    const warm = validateWarm + deadlinesWarm;
    const ms = (n: number) => `${n.toFixed(0).padStart(6)} ms`;
    console.log(`${count} synthetic case files, best of ${runs} runs, whole processes (Node ${process.versions.node}):`);
    console.log(`                         cold (--no-cache)   warm (check cache)`);
    console.log(`  validate               ${ms(validateCold)}           ${ms(validateWarm)}`);
    console.log(`  deadlines --json       ${ms(deadlinesCold)}           ${ms(deadlinesWarm)}`);
    console.log(`  validate + deadlines   ${ms(cold)}           ${ms(warm)}`);
    console.log(`  astro sync             ${ms(syncCold)}           ${ms(syncWarm)}   (cold: .astro removed; warm: its data store kept)`);
    console.log(`  ratio astro sync / ours, cold: ${(syncCold / cold).toFixed(1)}x, warm: ${(syncWarm / warm).toFixed(1)}x (target ≥ 10x)`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
