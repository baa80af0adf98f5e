import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCommandLine, runMain } from '../io/cli.ts';

const HELP = `Usage: npm run bench:keys -- [--keys N]

Times \`validate --no-cache\` (a whole process) on one case file whose frontmatter holds N (default
100000) unknown keys, as a hostile or broken file could (issue 13: it took over 180 s). Target: under 5 s.
Prints the time and the problem lines about that file (ten, then "… en N meer").`;

const ROOT = fileURLToPath(new URL('..', import.meta.url));

await runMain('bench:keys', async () => {
  const { values } = parseCommandLine(process.argv.slice(2), {
    keys: { type: 'string', default: '100000' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return void console.log(HELP);
  const keys = Number(values.keys);
  const dir = await mkdtemp(join(tmpdir(), 'klachten-bench-keys-'));
  try {
    await cp(join(ROOT, 'organization.yml'), join(dir, 'organization.yml'));
    await cp(join(ROOT, 'regulation'), join(dir, 'regulation'), { recursive: true });
    await mkdir(join(dir, 'cases', '2026'), { recursive: true });
    const text = await readFile(join(ROOT, 'cases', '2026', 'K-2026-001.md'), 'utf8');
    const extra = Array.from({ length: keys }, (_, i) => `onbekend_${i}: 1`).join('\n');
    await writeFile(
      join(dir, 'cases', '2026', 'K-2026-001.md'),
      text.replace(/^id: .*$/m, (m) => `${m}\n${extra}`),
    );
    const started = performance.now();
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'validate.ts'), '--no-cache'], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    const ms = performance.now() - started;
    const lines = `${r.stdout}${r.stderr}`.split('\n').filter((l) => l.includes('K-2026-001.md'));
    console.log(
      `validate --no-cache, one file with ${keys.toLocaleString('en')} unknown keys: ${(ms / 1000).toFixed(2)} s (exit ${r.status}), ${lines.length} problem line(s)`,
    );
    console.log(`  last: ${lines.at(-1) ?? '(none)'}`);
    console.log(ms < 5000 ? 'within the 5 s target' : 'OVER the 5 s target');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
