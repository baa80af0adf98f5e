import { mkdtempSync, readdirSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, matchesGlob } from 'node:path';
import { defineConfig } from 'vitest/config';

// One Vitest run for all of `npm test` (scripts/test.ts), in projects:
// - `unit TZ=…`: the unit tests in ZONED, once per time zone below. Dates are calendar dates: the results must
//   not depend on TZ.
// - `unit`: every other unit test, once, under TZ=UTC, with a probe (test/helpers/local-time-guard.ts) in its
//   process and in every Node process it starts: a file whose code uses the local time zone (a Date's local
//   fields, `new Date(y, m, d)`, Intl without a timeZone, …) fails and names the call, so a new test that
//   depends on the time zone cannot run under one zone unnoticed. The choice is made by what the code does
//   when it runs, not by words in its text.
// - `e2e`: builds and a real browser (test/e2e), once; builds and the browser are shared (test/e2e/global-setup.ts).
// The projects share one pool of workers, so a test waiting for a child process leaves the CPU to another.
// Order: Vitest's default sequencer starts the projects in the order of their names, so `e2e` (the long files)
// starts before `unit`; within a project it starts the longest file of the last run first
// (node_modules/.vite/vitest/), on a fresh clone the largest file first. No e2e file runs much longer than 30-40 s
// in the full run (independent blocks have files of their own), so none is left running alone at the end.

/** The time zones the ZONED unit tests run under: far west, far east (UTC+14) and UTC. */
export const TIME_ZONES = ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC'] as const;

/**
 * The unit test files whose code uses the local time zone (the probe fails them when run once), as globs.
 * Measured with the probe (issue 22); the rest of test/ runs once.
 */
export const ZONED: string[] = [
  'test/io/today.test.ts',
  'test/lib/calendar/calendar.test.ts',
  // postal-mime reads a Date header without a zone in local time
  'test/werkplek/mail-intake.test.ts',
];

const ROOT = import.meta.dirname;
const unitFiles = (readdirSync(join(ROOT, 'test'), { recursive: true, encoding: 'utf8' }) as string[])
  .filter((f) => f.endsWith('.test.ts') && !f.startsWith('e2e'))
  .map((f) => `test/${f.split('\\').join('/')}`)
  .sort();
const zoned = unitFiles.filter((f) => ZONED.some((glob) => matchesGlob(f, glob)));
const unzoned = unitFiles.filter((f) => !zoned.includes(f));

// The run's own check cache (io/case-facts.ts), for the tests and every script they start: removed at the end
// (test/helpers/global-setup.ts), so a test run leaves no cache files of its temporary folders behind.
process.env.KLACHTEN_CACHE_DIR ??= mkdtempSync(join(tmpdir(), 'klachten-test-cache-'));

export default defineConfig({
  test: {
    globalSetup: ['test/helpers/global-setup.ts'],
    // bounds for a test that hangs, not waits: a busy machine (load 10-18 on 2 cores) made 60 s too short
    testTimeout: 180_000,
    hookTimeout: 240_000,
    // expect.poll's bound, when a test gives none (Vitest's is 1 s): with two busy loops beside the run (load 23), the
    // site's calculator answered later than that
    expect: { poll: { timeout: 30_000 } },
    // many tests wait for a child process (a script, a build, Chromium): more workers than cores keep them busy.
    // On 2 cores 3, 4, 5 and 6 workers measured alike (issue 22: 180-215 s wall, within the machine's noise): the
    // full run keeps both cores busy (vmstat: under 1 % idle), so the CPU limits it, not the number of workers.
    maxWorkers: availableParallelism() + 2,
    projects: [
      ...TIME_ZONES.map((tz) => ({
        extends: true,
        test: {
          name: `unit TZ=${tz}`,
          include: zoned,
          env: { TZ: tz },
          provide: { timeZone: tz },
          setupFiles: ['test/helpers/time-zone.ts', 'test/helpers/temp-projects.ts'],
        },
      })),
      ...(unzoned.length
        ? [
            {
              extends: true,
              test: {
                name: 'unit',
                include: unzoned,
                env: { TZ: 'UTC' },
                // files share worker processes: a module is loaded once per process, not once per file (unit
                // project: 79-82 s of CPU instead of 89-100). The guard fails a file that leaves the process changed.
                isolate: false,
                setupFiles: ['test/helpers/shared-process-guard.ts', 'test/helpers/local-time-guard.ts', 'test/helpers/temp-projects.ts'],
              },
            },
          ]
        : []),
      {
        extends: true,
        test: {
          name: 'e2e',
          // one site build and one Chromium for all end-to-end tests
          globalSetup: ['test/e2e/global-setup.ts'],
          include: ['test/e2e/**/*.test.ts'],
          env: { TZ: 'Europe/Amsterdam' },
          provide: { timeZone: 'Europe/Amsterdam' },
          // shared as the unit files' (`vitest run --project e2e`: 147-150 s of CPU instead of 168)
          isolate: false,
          setupFiles: [
            'test/helpers/shared-process-guard.ts',
            'test/helpers/time-zone.ts',
            'test/e2e/shared-chromium.ts',
            'test/helpers/temp-projects.ts',
          ],
        },
      },
    ],
  },
});
