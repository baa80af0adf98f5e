import { rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../../tools/fake-github.ts';
import { writeFixtureDir } from '../helpers/case-fixtures.ts';
import { runScriptAsync } from '../helpers/run-script.ts';
import { git } from '../helpers/git-repos.ts';

// `npm run github-check` as a whole process against the fake GitHub: what it reads, what it says, its exit code.

let dir: string;
let fake: FakeGitHub;
beforeAll(async () => {
  dir = await writeFixtureDir([]);
  fake = await startFakeGitHub('geheim-token', 'praktijk/klachten');
});
afterAll(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  fake.requests = [];
  fake.settings = {
    private: true,
    has_issues: true,
    admin: true,
    actions: { enabled: true, allowed_actions: 'all', github_owned_allowed: true },
    workflow: { default_workflow_permissions: 'read', can_approve_pull_request_reviews: true },
    collaborators: new Set(['anouk-o4a', 'bram-o4a']),
    pages: null,
    secrets: new Set(['PUBLIC_SITE_REPO', 'PUBLIC_SITE_DEPLOY_KEY']),
  };
});

const check = (env: Record<string, string> = {}, args = ['--repo', 'praktijk/klachten']) =>
  runScriptAsync('github-check', args, dir, { GITHUB_TOKEN: 'geheim-token', GITHUB_API_URL: fake.url, GITHUB_REPOSITORY: '', ...env });

describe('npm run github-check', () => {
  it('a repository in order: every point ticked, exit 0, only GET requests, the token printed nowhere', async () => {
    const r = await check();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('GitHub-controle van praktijk/klachten');
    expect(r.stdout).toContain('✓ Privé: praktijk/klachten is privé');
    expect(r.stdout).toContain('✓ Toegang voor Bram Test: Bram Test (bram-o4a) heeft toegang');
    expect(r.stdout).toContain('Alles staat goed.');
    expect(r.output).not.toContain('geheim-token');
    expect(new Set(fake.requests.map((q) => q.method))).toEqual(new Set(['GET']));
  });

  it('what is missing, with where to click; exit 1', async () => {
    fake.settings.private = false;
    fake.settings.has_issues = false;
    fake.settings.collaborators.delete('bram-o4a');
    fake.settings.workflow.can_approve_pull_request_reviews = false;
    const r = await check();
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ Privé: praktijk/klachten is openbaar');
    expect(r.stdout).toContain('✗ Issues: Issues staan uit');
    expect(r.stdout).toContain('✗ Toegang voor Bram Test');
    expect(r.stdout).toContain('✗ Rechten van workflows');
    expect(r.stdout).toContain('4 punt(en) om na te lopen.');
  });

  it('a token without admin rights: the settings it cannot read are "?" with the right to give', async () => {
    fake.settings.admin = false;
    const r = await check();
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('? GitHub Actions: Het token mag de instellingen van Actions niet lezen (GitHub antwoordde 403).');
    expect(r.stdout).toContain('✓ Privé');
  });

  it('a wrong token or repository: one Dutch sentence, no stack trace', async () => {
    const wrongToken = await check({ GITHUB_TOKEN: 'fout' });
    expect(wrongToken.code).toBe(1);
    expect(wrongToken.stderr).toContain('github-check: GitHub weigert het token');
    expect(wrongToken.stderr).not.toMatch(/\n\s+at /);
    const wrongRepo = await check({}, ['--repo', 'praktijk/bestaat-niet']);
    expect(wrongRepo.stderr).toContain('GitHub kent praktijk/bestaat-niet niet');
  });

  it('without --repo: the repository of the Git remote "origin" here', async () => {
    git(dir, 'init', '--quiet');
    git(dir, 'remote', 'add', 'origin', 'git@github.com:praktijk/klachten.git');
    try {
      const r = await check({}, []);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('GitHub-controle van praktijk/klachten');
    } finally {
      rmSync(join(dir, '.git'), { recursive: true, force: true });
    }
  });

  it('a malformed --repo is a usage error (exit 2) with an example', async () => {
    const r = await check({}, ['--repo', 'klachten']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--repo expects OWNER/NAME, e.g. praktijk/klachten');
  });
});
