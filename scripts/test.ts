import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseCommandLine, runMain } from '../io/cli.ts';

// `npm test`: format and type checks (side by side), then one Vitest run of every project in
// vitest.config.ts: the unit tests that use the local time zone under three TZ values (dates are calendar
// dates: the result must not depend on TZ), the others once, and the build and browser tests once.
const HELP = `Usage: npm test [-- --unit-only]

Runs prettier --check (with its cache) and tsc --noEmit side by side, then one Vitest run of the projects in
vitest.config.ts: the unit tests whose code uses the local time zone (ZONED) under
TZ=America/Los_Angeles, Pacific/Kiritimati and UTC; the other unit tests once, under TZ=UTC, with a
probe that fails a file whose code (or a Node process it starts) uses the local zone; the end-to-end tests (test/e2e: builds and Chromium) once, under
Europe/Amsterdam. All share one pool of workers. Stops at the first step that fails, with its exit code.

Options:
  --unit-only   skip the end-to-end tests
  -h, --help    show this help`;

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Run a command from node_modules/.bin; resolves with its exit code. */
function run(cmd: string, argv: string[]): Promise<number> {
  return new Promise((done) => {
    const child = spawn(cmd, argv, {
      stdio: 'inherit',
      // every Node process the tests start keeps its compiled code: a spawned script starts in about half the time
      // (portable, as io/compile-cache.mjs keeps it: the same entries whether a process turns it on or inherits it)
      env: { ...process.env, NODE_COMPILE_CACHE: `${ROOT}node_modules/.cache/node-compile`, NODE_COMPILE_CACHE_PORTABLE: '1' },
    });
    child.on('error', () => done(127));
    child.on('close', (code) => done(code ?? 1));
  });
}

await runMain('test', async () => {
  const { values } = parseCommandLine(process.argv.slice(2), {
    'unit-only': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return void console.log(HELP);
  console.log('\n=== format (npm run format fixes it) and typecheck');
  const [format, typecheck] = await Promise.all([
    run('prettier', ['--check', '--cache', '--cache-strategy', 'content', '--log-level', 'warn', '.']),
    run('tsc', ['--noEmit']),
  ]);
  if (format !== 0) return (console.error('\nformat failed'), format);
  if (typecheck !== 0) return (console.error('\ntypecheck failed'), typecheck);
  console.log(`\n=== ${values['unit-only'] ? 'unit tests' : 'unit tests and end-to-end tests'} (projects: vitest.config.ts)`);
  const tests = await run('vitest', ['run', ...(values['unit-only'] ? ['--project', 'unit*'] : [])]);
  if (tests !== 0) console.error('\ntests failed');
  return tests;
});
