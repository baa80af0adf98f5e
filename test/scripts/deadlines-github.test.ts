import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFixtureDir, type CaseSpec } from '../helpers/case-fixtures.ts';
import { startFakeGitHub, type FakeGitHub } from '../../tools/fake-github.ts';

// `npm run deadlines -- --github` as a whole process: options, environment, exit codes.

const SCRIPT = resolve('scripts/deadlines.ts');
const CASES: CaseSpec[] = [
  { id: 'K-2026-001', received: '2026-10-01' },
  { id: 'K-2026-003', received: '2026-11-03' },
];

let dir: string;
let fake: FakeGitHub;
beforeAll(async () => {
  dir = await writeFixtureDir(CASES);
  fake = await startFakeGitHub();
});
afterAll(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

async function deadlines(args: string[], env: Record<string, string> = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GITHUB_')));
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [SCRIPT, ...args], { cwd: dir, env: { ...clean, ...env } });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('npm run deadlines -- --github', () => {
  it('without a token: a dry run that says so, exit 0', async () => {
    const r = await deadlines(['--github', '--today', '2026-11-24']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('GITHUB_TOKEN is not set: dry run.');
    expect(r.stdout).toContain(
      '  would open an issue for K-2026-001 (deadline, overdue): "Klacht K-2026-001: termijn 18 werkdagen overschreden"',
    );
    expect(fake.requests).toHaveLength(0);
  });

  it('with the environment of GitHub Actions: writes the issues, the summary and the annotations', async () => {
    const summary = join(dir, 'summary.md');
    const env = {
      GITHUB_TOKEN: fake.token,
      GITHUB_REPOSITORY: fake.repository,
      GITHUB_API_URL: fake.url,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_ACTIONS: 'true',
      DEADLINES_GITHUB_SECOND_MS: '1',
    };
    const r = await deadlines(['--github', '--today', '2026-11-24'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(fake.issues).toHaveLength(2);
    expect(r.stdout).toMatch(/^::warning file=cases\/2026\/K-2026-001\.md,line=1,/m);
    expect(await readFile(summary, 'utf8')).toContain('| K-2026-001 | deadline | overdue |');
    const again = await deadlines(['--github', '--today', '2026-11-24'], env);
    expect(again.stdout).toContain('Done: 0 write(s), 1 read(s). GitHub was already in step.');
  });

  it('one invalid case file does not silence the alerts: the valid cases are synced, one issue names the file, exit 1', async () => {
    const bad = await writeFixtureDir(CASES);
    const { writeFile } = await import('node:fs/promises');
    const file = join(bad, 'cases/2026/K-2026-003.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^received: .*$/m, 'received: 2026-11-3'));
    const own = await startFakeGitHub();
    try {
      const env = {
        GITHUB_TOKEN: own.token,
        GITHUB_REPOSITORY: own.repository,
        GITHUB_API_URL: own.url,
        DEADLINES_GITHUB_SECOND_MS: '1',
      };
      const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GITHUB_')));
      const r = await promisify(execFile)(process.execPath, [SCRIPT, '--github', '--today', '2026-11-24'], {
        cwd: bad,
        env: { ...clean, ...env },
      }).then(
        (x) => ({ code: 0, ...x }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^cases\/2026\/K-2026-003\.md:\d+: received: /m);
      expect(r.stderr).toContain('deadlines: 1 error(s) in 1 case file(s); the valid cases were synced');
      const titles = own.issues
        .filter((i) => i.state === 'open')
        .map((i) => i.title)
        .sort();
      expect(titles).toEqual(['Klacht K-2026-001: termijn 18 werkdagen overschreden', 'Ongeldig dossier: 1 bestand herstellen']);
    } finally {
      await own.close();
      await rm(bad, { recursive: true, force: true });
    }
  });

  it('a refused token: exit 1 with one clear line, no stack trace', async () => {
    const r = await deadlines(['--github', '--today', '2026-11-24'], {
      GITHUB_TOKEN: 'wrong',
      GITHUB_REPOSITORY: fake.repository,
      GITHUB_API_URL: fake.url,
      DEADLINES_GITHUB_SECOND_MS: '1',
    });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      'deadlines: listing the issues labelled "klacht-termijn" failed (401 Bad credentials): GitHub refused the token: check GITHUB_TOKEN',
    );
  });

  it('wrong use is a usage error (exit 2) that says what to do', async () => {
    const cases: [string[], Record<string, string>, string][] = [
      [['--dry-run'], {}, '--dry-run and --max-writes go with --github'],
      [['--github', '--max-writes', 'veel'], {}, '--max-writes expects a whole number ≥ 0, got "veel"'],
      [['--github', '--json'], {}, '--json and --github cannot be combined'],
      [['--github'], { GITHUB_TOKEN: 'x' }, 'GITHUB_REPOSITORY is not set: expected owner/repo'],
    ];
    const results = await Promise.all(cases.map(([args, env]) => deadlines(args, env)));
    results.forEach((r, i) => {
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(cases[i]![2]);
    });
  });

  it('--help documents the options and the environment', async () => {
    const r = await deadlines(['--help']);
    for (const word of ['--github', '--dry-run', '--max-writes', 'GITHUB_TOKEN', 'GITHUB_REPOSITORY', 'GITHUB_API_URL'])
      expect(r.stdout).toContain(word);
  });
});
