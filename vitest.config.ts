import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// One Vitest run for all of `npm test` (scripts/test.ts), in projects:
// - `unit TZ=…`: every unit test that may depend on the time zone, once per time zone below. Dates are
//   calendar dates: the results must not depend on TZ.
// - `unit`: unit tests that cannot depend on it (see touchesDates), once.
// - `e2e`: builds and a real browser (test/e2e), once; builds and the browser are shared (test/e2e/setup.ts).
// The projects share one pool of workers, so a test waiting for a child process leaves the CPU to another.

/** The time zones the date-dependent unit tests run under: far west, far east (UTC+14) and UTC. */
export const TIME_ZONES = ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC'] as const;

const ROOT = import.meta.dirname;
/** Anything that hints at dates, the clock, time zones or a spawned command (which reads the clock). */
const DATE_SIGNAL = /Date|date|today|TZ|[Tt]ime[Zz]one|\d{4}-\d{2}-\d{2}|spawn|exec|fork|process\.env|received|deadline|workday|calendar/;
const IMPORT = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/**
 * Whether a test file may depend on the time zone: when it, or any module of ours it imports (followed
 * through relative imports), shows a {@link DATE_SIGNAL}. Errs on the safe side: a new test that touches
 * dates runs under every time zone without anyone listing it.
 */
function touchesDates(file: string, seen = new Set<string>()): boolean {
  if (seen.has(file)) return false;
  seen.add(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return true; // unreadable: assume it does
  }
  if (DATE_SIGNAL.test(text.replace(/^\s*\/\/.*$/gm, ''))) return true;
  for (const [, spec] of text.matchAll(IMPORT)) {
    const target = resolve(dirname(file), spec!);
    if (/node_modules/.test(target) || !/\.(ts|mjs|js)$/.test(target)) continue;
    if (touchesDates(target, seen)) return true;
  }
  return false;
}

const unitFiles = (readdirSync(join(ROOT, 'test'), { recursive: true, encoding: 'utf8' }) as string[])
  .filter((f) => f.endsWith('.test.ts') && !f.startsWith('e2e'))
  .map((f) => `test/${f.split('\\').join('/')}`)
  .sort();
const zoned = unitFiles.filter((f) => touchesDates(join(ROOT, f)));
const unzoned = unitFiles.filter((f) => !zoned.includes(f));

// The run's own check cache (io/case-facts.ts), for the tests and every script they start: removed at the end
// (test/helpers/global-setup.ts), so a test run leaves no cache files of its temporary folders behind.
process.env.KLACHTEN_CACHE_DIR ??= mkdtempSync(join(tmpdir(), 'klachten-test-cache-'));

export default defineConfig({
  test: {
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // many tests wait for a child process (a script, a build, Chromium): more workers than cores keep them busy
    maxWorkers: availableParallelism() + 2,
    projects: [
      ...TIME_ZONES.map((tz) => ({
        extends: true,
        test: {
          name: `unit TZ=${tz}`,
          include: zoned,
          env: { TZ: tz },
          provide: { timeZone: tz },
          setupFiles: ['test/helpers/time-zone.ts'],
        },
      })),
      ...(unzoned.length ? [{ extends: true, test: { name: 'unit', include: unzoned } }] : []),
      {
        extends: true,
        test: {
          name: 'e2e',
          // one site build and one Chromium for all end-to-end tests
          globalSetup: ['test/e2e/global-setup.ts'],
          include: ['test/e2e/**/*.test.ts'],
          env: { TZ: 'Europe/Amsterdam' },
          provide: { timeZone: 'Europe/Amsterdam' },
          setupFiles: ['test/helpers/time-zone.ts'],
        },
      },
    ],
  },
});
