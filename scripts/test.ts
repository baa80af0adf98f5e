import { spawnSync } from 'node:child_process';

// `npm test`: type-check, then the unit tests under three time zones (dates are calendar dates: the
// result must not depend on TZ), then the build and browser tests once.
const HELP = `Usage: npm test [-- --unit-only]

Runs tsc --noEmit, the unit tests (test/, without test/e2e) under TZ=America/Los_Angeles, Pacific/Kiritimati
and UTC, then the end-to-end tests (test/e2e: builds and Chromium) once.`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(HELP);
  process.exit(0);
}
const run = (label: string, cmd: string, argv: string[], env: Record<string, string> = {}) => {
  console.log(`\n=== ${label}`);
  const { status } = spawnSync(cmd, argv, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (status !== 0) {
    console.error(`\n${label} failed`);
    process.exit(status ?? 1);
  }
};
run('typecheck', 'tsc', ['--noEmit']);
for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC'])
  run(`unit tests, TZ=${tz}`, 'vitest', ['run', '--exclude', 'test/e2e/**'], { TZ: tz });
if (!args.includes('--unit-only')) run('end-to-end tests', 'vitest', ['run', 'test/e2e', '--passWithNoTests'], { TZ: 'Europe/Amsterdam' });
