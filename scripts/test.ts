import { spawnSync } from 'node:child_process';
import { parseCommandLine, runMain } from '../io/cli.ts';

// `npm test`: format and type checks, then the unit tests under three time zones (dates are calendar dates:
// the result must not depend on TZ), then the build and browser tests once.
const HELP = `Usage: npm test [-- --unit-only]

Runs prettier --check, tsc --noEmit, the unit tests (test/, without test/e2e) under
TZ=America/Los_Angeles, Pacific/Kiritimati and UTC, then the end-to-end tests (test/e2e: builds and
Chromium) once. Stops at the first step that fails, with its exit code.

Options:
  --unit-only   skip the end-to-end tests
  -h, --help    show this help`;

await runMain('test', async () => {
  const { values } = parseCommandLine(process.argv.slice(2), {
    'unit-only': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return void console.log(HELP);
  const steps: [label: string, cmd: string, argv: string[], tz?: string][] = [
    ['format (npm run format fixes it)', 'prettier', ['--check', '--log-level', 'warn', '.']],
    ['typecheck', 'tsc', ['--noEmit']],
    ...['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC'].map((tz): [string, string, string[], string] => [
      `unit tests, TZ=${tz}`,
      'vitest',
      ['run', '--exclude', 'test/e2e/**'],
      tz,
    ]),
  ];
  if (!values['unit-only']) steps.push(['end-to-end tests', 'vitest', ['run', 'test/e2e', '--passWithNoTests'], 'Europe/Amsterdam']);
  for (const [label, cmd, argv, tz] of steps) {
    console.log(`\n=== ${label}`);
    const { status } = spawnSync(cmd, argv, { stdio: 'inherit', env: tz ? { ...process.env, TZ: tz } : process.env });
    if (status !== 0) {
      console.error(`\n${label} failed`);
      return status ?? 1;
    }
  }
});
