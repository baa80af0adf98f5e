import { addDays } from '../lib/dates/iso-date.ts';
import { loadFixture, type CaseSpec } from '../test/helpers/case-fixtures.ts';
import { startFakeGitHub } from './fake-github.ts';
import { syncGitHub } from '../io/github/sync.ts';
import { parseCommandLine, runMain } from '../io/cli.ts';
import { textTable } from '../lib/problems/text-table.ts';

// `npm run bench:github`: request counts of the deadline watch on ~200 synthetic cases, against the fake
// GitHub the tests use (on 127.0.0.1): a first run, a rerun the same day, and a run the next working day.
const HELP = `Usage: npm run bench:github

Generates 200 fictional cases (2024–2026), starts the tests' fake GitHub on 127.0.0.1 and runs
the GitHub sync three times (first run, rerun, next working day), printing the requests each made.`;

const specs: CaseSpec[] = [];
const resolved = (received: string, days: number) => ({
  status: 'resolved' as const,
  response: { date: addDays(received, days), findings: 'B.', conclusions: 'C.' },
});
for (let k = 1; k <= 20; k += 1) {
  const received = addDays('2024-01-08', k * 7); // closed early 2024: past the two-year retention by late 2026
  specs.push({ id: `K-2024-${String(k).padStart(3, '0')}`, received, ...resolved(received, 10) });
}
for (let k = 1; k <= 80; k += 1) {
  const received = addDays('2025-01-06', k * 4);
  specs.push({
    id: `K-2025-${String(k).padStart(3, '0')}`,
    received,
    ...(k % 9 === 0 ? { status: 'withdrawn' as const, withdrawn_on: addDays(received, 3) } : resolved(received, 12)),
  });
}
for (let k = 1; k <= 100; k += 1) {
  const received = addDays('2026-06-01', Math.floor(k * 1.75));
  const open = k % 3 === 0 || received > '2026-10-15';
  specs.push({
    id: `K-2026-${String(k).padStart(3, '0')}`,
    received,
    organizer: k % 2 ? 'anouk' : 'bram',
    ...(k % 10 === 0 ? { assignment_completed: addDays(received, -60) } : {}),
    ...(open ? {} : resolved(received, 14)),
  });
}

await runMain('bench:github', async () => {
  const { values } = parseCommandLine(process.argv.slice(2), { help: { type: 'boolean', short: 'h', default: false } });
  if (values.help) return void console.log(HELP);
  const { org, cal, cases } = loadFixture(specs);
  const fake = await startFakeGitHub();
  const env = { GITHUB_TOKEN: fake.token, GITHUB_REPOSITORY: fake.repository, GITHUB_API_URL: fake.url, DEADLINES_GITHUB_SECOND_MS: '0' };
  const rows: string[][] = [];
  for (const [label, today] of [
    ['first run', '2026-11-24'],
    ['rerun, same day', '2026-11-24'],
    ['next working day', '2026-11-25'],
  ] as const) {
    fake.clearLog();
    const started = performance.now();
    await syncGitHub({ cases, org, cal, today, dryRun: false, maxWrites: 10_000, env, log: () => {} });
    const ms = performance.now() - started;
    const c = fake.count();
    const open = fake.issues.filter((i) => i.state === 'open').length;
    rows.push([label, today, String(c.reads), String(c.writes), String(open), `${ms.toFixed(0)} ms`]);
  }
  await fake.close();
  console.log(`${cases.length} cases; GitHub requests per run (fake GitHub on 127.0.0.1, waits shortened):\n`);
  console.log(textTable(['run', 'today', 'reads', 'writes', 'open flag issues', 'time'], rows));
});
