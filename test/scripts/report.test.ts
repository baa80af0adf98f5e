import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCaseFiles } from '../helpers/case-files.ts';
import { messagesIn } from '../helpers/language.ts';

// The developers' English messages (KLACHTEN_LANG=en); the organizer's Dutch ones: test/scripts/dutch-messages.test.ts.
messagesIn('en');

// These runs stop before Astro starts, so they are fast enough for the unit group.
const node = (script: string, args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'report-cli-'));
  await writeCaseFiles(join(work, 'cases'), [
    {
      data: {
        id: 'K-2026-001',
        organizer: 'nobody',
        received: '2026-02-30',
        channel: 'email',
        status: 'resolved',
        complainant: { name: 'X' },
        categories: ['communicatie'],
      },
    },
  ]);
});
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('npm run report', () => {
  it('--help explains the command', () => {
    const r = node('scripts/report.ts', ['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: npm run report');
    expect(r.stdout).toContain('--today YYYY-MM-DD');
  });

  it('stops on invalid cases with the same messages as npm run validate, and no stack trace', () => {
    const out = join(work, 'out');
    const report = node('scripts/report.ts', ['--cases', join(work, 'cases'), '--out', out]);
    const validate = node('scripts/validate.ts', ['--cases', join(work, 'cases')]);
    expect(report.status).toBe(1);
    const problems = (s: string) => s.split('\n').filter((l) => /K-2026-001\.md:\d+: /.test(l));
    expect(problems(report.stderr).length).toBeGreaterThan(0);
    expect(problems(report.stderr)).toEqual(problems(validate.stdout + validate.stderr));
    expect(report.stderr).toMatch(/report: \d+ error\(s\) in the case files; the report is not built/);
    expect(report.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses to write into the public site', () => {
    const r = node('scripts/report.ts', ['--out', 'dist/site']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('would mix the internal report with the public site');
  });

  it('rejects a bad --today', () => {
    const r = node('scripts/report.ts', ['--today', '2026-02-30', '--out', join(work, 'out')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--today expects a real date');
  });
});
