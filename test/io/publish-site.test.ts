import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SITE_MARKER, publishSite } from '../../io/publish-site.ts';
import { OUTPUT_MARKER } from '../../io/output-folder.ts';
import { runScript } from '../helpers/run-script.ts';

// The GitHub Free deployment (docs/deployment.md): dist/site pushed to a branch of a separate public
// repository. Here that repository is a bare one on disk; on GitHub it is reached with a deploy key.

const work = mkdtempSync(join(tmpdir(), 'publish-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const git = (cwd: string, ...args: string[]) => spawnSync('git', args, { cwd, encoding: 'utf8' }).stdout.trim();
const bare = (name: string) => {
  const dir = join(work, name);
  spawnSync('git', ['init', '-q', '--bare', dir]);
  return dir;
};
const site = (name: string, files: Record<string, string>) => {
  const dir = join(work, name);
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), text);
  }
  return dir;
};
const publish = (dir: string, repo: string, dryRun = false) =>
  publishSite({ dir, repo, branch: 'gh-pages', message: 'Publieke site', dryRun, log: () => {} });
const filesOn = (repo: string) => git(repo, 'ls-tree', '-r', '--name-only', 'gh-pages').split('\n').sort();

describe('publishSite', () => {
  it('pushes the site, with .nojekyll and its marker, to a new branch', () => {
    const repo = bare('a.git');
    const r = publish(site('s1', { 'index.html': '<h1>Klachtenregeling</h1>', 'en/index.html': 'en' }), repo);
    expect(r.status).toBe('published');
    expect(filesOn(repo)).toEqual(['.nojekyll', SITE_MARKER, 'en/index.html', 'index.html'].sort());
    expect(git(repo, 'show', 'gh-pages:index.html')).toBe('<h1>Klachtenregeling</h1>');
  });

  it('publishing the same site again makes no commit; a change makes one on top (no force push)', () => {
    const repo = bare('b.git');
    const s = site('s2', { 'index.html': 'v1' });
    const first = publish(s, repo);
    expect(publish(s, repo).status).toBe('unchanged');
    expect(git(repo, 'rev-list', '--count', 'gh-pages')).toBe('1');
    writeFileSync(join(s, 'index.html'), 'v2');
    const second = publish(s, repo);
    expect(second.status).toBe('published');
    expect(git(repo, 'rev-parse', 'gh-pages~1')).toBe(first.status === 'published' ? first.commit : '');
    expect(git(repo, 'show', 'gh-pages:index.html')).toBe('v2');
  });

  it('a dry run pushes nothing', () => {
    const repo = bare('c.git');
    expect(publish(site('s3', { 'index.html': 'x' }), repo, true).status).toBe('dry_run');
    expect(git(repo, 'branch', '--list')).toBe('');
  });

  it.each([
    ['the internal report', { 'index.html': 'r', [OUTPUT_MARKER]: '' }, /is the internal report/],
    ['a case file', { 'index.html': 'x', 'cases/2026/K-2026-001.md': '---' }, /holds case files/],
    ['no index.html', { 'a.html': 'x' }, /holds no index.html/],
  ])('refuses a folder holding %s, pushing nothing', (_name, files, message) => {
    const repo = bare(`r${Math.random().toString(16).slice(2)}.git`);
    expect(() => publish(site(`bad${Math.random().toString(16).slice(2)}`, files), repo)).toThrow(message);
    expect(git(repo, 'branch', '--list')).toBe('');
  });

  it('refuses a branch it did not write, and leaves it as it was', () => {
    const repo = bare('d.git');
    const clone = join(work, 'd-clone');
    spawnSync('git', ['clone', '-q', repo, clone]);
    writeFileSync(join(clone, 'README.md'), 'someone else');
    git(clone, '-c', 'user.name=x', '-c', 'user.email=x@x', 'commit', '-q', '--allow-empty', '-m', 'theirs');
    git(clone, 'add', '-A');
    git(clone, '-c', 'user.name=x', '-c', 'user.email=x@x', 'commit', '-q', '-m', 'theirs');
    git(clone, 'push', '-q', 'origin', 'HEAD:gh-pages');
    const before = git(repo, 'rev-parse', 'gh-pages');
    expect(() => publish(site('s4', { 'index.html': 'x' }), repo)).toThrow(/did not write/);
    expect(git(repo, 'rev-parse', 'gh-pages')).toBe(before);
  });
});

describe('npm run deploy:site', () => {
  it('without --repo: a usage error that says what to give', () => {
    const r = runScript('deploy-site', [], work, { PUBLIC_SITE_REPO: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--repo is missing');
  });
  it('publishes a folder to a bare repository on disk', () => {
    const repo = bare('e.git');
    const r = runScript('deploy-site', ['--repo', repo, '--dir', site('s5', { 'index.html': 'x' })], work);
    expect(r.code, r.output).toBe(0);
    expect(r.stdout).toMatch(/Published 1 file\(s\) .* branch gh-pages/);
    expect(filesOn(repo)).toContain('index.html');
  });
});
