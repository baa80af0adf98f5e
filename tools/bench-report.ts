import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMain } from '../io/cli.ts';
import { writeSyntheticCases } from './synthetic-cases.ts';

const HELP = `Usage: npm run bench:report

Builds the internal report (npm run report, as a whole process) for 100 and for 10,000 synthetic case
files generated in a temporary folder, and prints both times and their ratio.
Target: the 10,000-case report builds in less than twice the 100-case time.`;

const TODAY = '2026-06-30';
const SIZES = [100, 10_000];
const RUNS = 2;

await runMain('bench:report', async () => {
  if (process.argv.includes('--help') || process.argv.includes('-h')) return void console.log(HELP);
  const work = await mkdtemp(join(tmpdir(), 'bench-report-'));
  try {
    const times: number[] = [];
    for (const size of SIZES) {
      const cases = join(work, `cases-${size}`);
      await writeSyntheticCases(cases, size, TODAY);
      let best = Infinity;
      // best of RUNS: the first run of a size also warms the file cache
      for (let i = 0; i < RUNS; i++) {
        const start = performance.now();
        const r = spawnSync(
          process.execPath,
          ['scripts/report.ts', '--cases', cases, '--today', TODAY, '--out', join(work, `out-${size}`)],
          { encoding: 'utf8' },
        );
        const ms = performance.now() - start;
        if (r.status !== 0) throw new Error(`the report build for ${size} cases failed:\n${r.stderr}`);
        best = Math.min(best, ms);
      }
      times.push(best);
      console.log(`${String(size).padStart(6)} cases: ${(best / 1000).toFixed(2)} s (best of ${RUNS})`);
    }
    const ratio = times[1]! / times[0]!;
    console.log(`ratio 10,000 / 100: ${ratio.toFixed(2)} (target < 2)`);
    return ratio < 2 ? 0 : 1;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
