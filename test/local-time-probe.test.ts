import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The probe that decides which unit tests run under every time zone (vitest.config.ts, ZONED): it must see a use
// of the local zone in a Node process a test starts, and nothing else.
const PROBE = new URL('./helpers/local-time-probe.mjs', import.meta.url).href;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The uses the probe hands over from a Node process that runs `code` under TZ=UTC. */
function usesOf(code: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'klachten-probe-test-'));
  dirs.push(dir);
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC', NODE_OPTIONS: `--import=${PROBE}`, LOCAL_TIME_PROBE_DIR: dir },
  });
  expect(r.stderr).toBe('');
  return readdirSync(dir).flatMap((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as [string, string[]])[1]);
}

describe('the local-time probe', () => {
  it.each([
    ['new Date(2026, 0, 15)', 'new Date(year, month, …)'],
    ["new Date('2026-01-15T10:00')", 'new Date(text without offset)'],
    ["Date.parse('15 January 2026')", 'Date.parse of a text without offset'],
    ["new Date('2026-01-15T00:00:00Z').getDate()", 'Date#getDate'],
    ["new Date(0).toLocaleDateString('nl-NL')", 'Date#toLocaleDateString without timeZone'],
    ["new Intl.DateTimeFormat('nl-NL').format(0)", 'Intl.DateTimeFormat without timeZone'],
    ['String(new Date(0))', 'Date#toString'],
  ])('sees %s', (code, what) => {
    expect(usesOf(code).join('\n')).toContain(what);
  });

  it('lets pass what does not depend on the zone', () => {
    const code = [
      "new Date('2026-01-15').toISOString()",
      "new Date('2026-01-15T10:00:00+01:00').getUTCDate()",
      'new Date(Date.UTC(2026, 0, 15)).getUTCDay()',
      "new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam' }).format(0)",
      "new Date(0).toLocaleDateString('nl-NL', { timeZone: 'UTC' })",
      'Date.now()',
      'new Date(0) instanceof Date || process.exit(3)',
    ].join(';');
    expect(usesOf(code)).toEqual([]);
  });

  it('does not count a call made while TZ is set to another zone (as io/today.ts does)', () => {
    expect(usesOf("process.env.TZ = 'Europe/Amsterdam'; new Date(0).getHours(); process.env.TZ = 'UTC';")).toEqual([]);
  });
});
