// The update path end to end with two local repositories: the upstream (releases are tags vX.Y.Z) and a practice
// made from its first release as from a template (a history of its own). Two releases, a practice-side change
// between them.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_GLOBAL_GIT, git, writeFiles } from '../helpers/git-repos.ts';
import { runScriptAsync } from '../helpers/run-script.ts';

let root: string;
let upstream: string;
let practice: string;
const ID = ['-c', 'user.name=Test', '-c', 'user.email=test@example.org'];
const commitAll = (dir: string, message: string) => {
  git(dir, 'add', '-A');
  git(dir, ...ID, 'commit', '--quiet', '-m', message);
};
const pkg = (version: string) =>
  `{\n  "name": "klachtenregeling",\n  "version": "${version}",\n  "repository": { "type": "git", "url": "git+file://${upstream}" },\n  "private": true\n}\n`;
const release = (version: string, files: Record<string, string>, removed: string[] = []) => {
  writeFiles(upstream, { ...files, 'package.json': pkg(version) });
  for (const f of removed) rmSync(join(upstream, f));
  commitAll(upstream, `release ${version}`);
  git(upstream, 'tag', `v${version}`);
};
const read = (path: string) => readFileSync(join(practice, path), 'utf8');
const update = (...args: string[]) =>
  runScriptAsync('update', ['--from', upstream, ...args], practice, {
    ...(NO_GLOBAL_GIT as Record<string, string>),
    GIT_AUTHOR_NAME: 'Praktijk',
    GIT_AUTHOR_EMAIL: 'p@example.org',
    GIT_COMMITTER_NAME: 'Praktijk',
    GIT_COMMITTER_EMAIL: 'p@example.org',
  });

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'update-'));
  upstream = join(root, 'upstream');
  practice = join(root, 'practice');
  git(root, 'init', '--quiet', '-b', 'main', upstream);
  release('1.0.0', {
    'lib/deadlines.ts': 'export const TERM = 20;\n',
    'lib/old.ts': 'export const OLD = 1;\n',
    'site/content/in-het-kort.mdx': 'Regel een\nRegel twee\nRegel drie\nRegel vier\nRegel vijf\n',
    'organization.yml': 'organization:\n  name: Organize4all\n',
    'cases/2026/K-2026-001.md': '---\nid: K-2026-001\n---\nVoorbeeld\n',
    '.github/workflows/ci.yml': 'name: CI\n',
  });
  // the practice: made from v1.0.0's files (as "Use this template" does: no shared history), then its own
  git(root, 'init', '--quiet', '-b', 'main', practice);
  git(upstream, 'archive', '--format=tar', '-o', join(root, 'v1.tar'), 'v1.0.0');
  execFileSync('tar', ['-xf', join(root, 'v1.tar'), '-C', practice]);
  commitAll(practice, 'start van de praktijk');
  rmSync(join(practice, 'cases/2026/K-2026-001.md'));
  writeFiles(practice, {
    'organization.yml': 'organization:\n  name: Praktijk De Opruimcoach\n',
    'cases/2026/K-2026-001.md': '---\nid: K-2026-001\n---\nEigen dossier\n',
    'site/content/in-het-kort.mdx': 'Regel een van De Opruimcoach\nRegel twee\nRegel drie\nRegel vier\nRegel vijf\n',
  });
  commitAll(practice, 'praktijk ingericht');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('npm run update', () => {
  it('up to date: says so, changes nothing (the upstream from package.json\'s "repository")', async () => {
    const head = git(practice, 'rev-parse', 'HEAD');
    const r = await runScriptAsync('update', ['--apply'], practice, {
      ...(NO_GLOBAL_GIT as Record<string, string>),
      KLACHTENREGELING_UPSTREAM: '',
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('De klachtenregeling is bij: versie 1.0.0 is de nieuwste.');
    expect(git(practice, 'rev-parse', 'HEAD')).toBe(head);
  });

  it('release 1.1.0: engine files taken, removed, merged; the practice’s own files untouched; a dry run first', async () => {
    release(
      '1.1.0',
      {
        'lib/deadlines.ts': 'export const TERM = 20; // art. 5.4\n',
        'lib/new.ts': 'export const NEW = 1;\n',
        'site/content/in-het-kort.mdx': 'Regel een\nRegel twee\nRegel drie\nRegel vier\nRegel vijf, verbeterd\n',
        'organization.yml': 'organization:\n  name: Organize4all B.V.\n',
        'cases/2026/K-2026-002.md': '---\nid: K-2026-002\n---\nNog een voorbeeld\n',
        '.github/workflows/ci.yml': 'name: CI\non: push\n',
      },
      ['lib/old.ts'],
    );
    const head = git(practice, 'rev-parse', 'HEAD');
    const dry = await update();
    expect(dry.stdout).toContain('De klachtenregeling van v1.0.0 naar v1.1.0.');
    expect(dry.stdout).toContain('Dit is een proef');
    expect(git(practice, 'rev-parse', 'HEAD')).toBe(head);
    expect(existsSync(join(practice, 'lib/new.ts'))).toBe(false);

    const r = await update('--apply', '--skip', '.github/workflows/');
    expect(r.stderr).toBe('');
    expect(read('lib/deadlines.ts')).toBe('export const TERM = 20; // art. 5.4\n');
    expect(read('lib/new.ts')).toBe('export const NEW = 1;\n');
    expect(existsSync(join(practice, 'lib/old.ts'))).toBe(false);
    expect(read('site/content/in-het-kort.mdx')).toBe(
      'Regel een van De Opruimcoach\nRegel twee\nRegel drie\nRegel vier\nRegel vijf, verbeterd\n',
    );
    expect(read('organization.yml')).toContain('Praktijk De Opruimcoach');
    expect(read('cases/2026/K-2026-001.md')).toContain('Eigen dossier');
    expect(existsSync(join(practice, 'cases/2026/K-2026-002.md'))).toBe(false);
    expect(read('.github/workflows/ci.yml')).toBe('name: CI\n');
    expect(r.stdout).toContain('- `.github/workflows/ci.yml`');
    expect(JSON.parse(read('package.json')).version).toBe('1.1.0');
    expect(git(practice, 'log', '-1', '--format=%s')).toBe('klachtenregeling bijgewerkt naar v1.1.0');
    expect(git(practice, 'status', '--porcelain')).toBe('');
    // again: nothing to do
    expect((await update('--apply')).stdout).toContain('versie 1.1.0 is de nieuwste');
  });

  it('release 1.2.0 after a change of her own to an engine file: hers stays and is named; on a branch', async () => {
    writeFiles(practice, {
      'lib/deadlines.ts': 'export const TERM = 15; // eigen aanpassing\n',
      'organization.yml': 'organization:\n  name: Praktijk De Opruimcoach\n  email: info@example.org\n',
    });
    commitAll(practice, 'eigen wijziging');
    release('1.2.0', { 'lib/deadlines.ts': 'export const TERM = 20; // art. 5.4, Awb\n', 'lib/new.ts': 'export const NEW = 2;\n' });
    const r = await update('--apply', '--branch');
    expect(r.stderr).toBe('');
    expect(git(practice, 'branch', '--show-current')).toBe('klachtenregeling-v1.2.0');
    expect(read('lib/deadlines.ts')).toBe('export const TERM = 15; // eigen aanpassing\n');
    expect(r.stdout).toContain('- `lib/deadlines.ts`: u en de nieuwe versie veranderden dezelfde regels');
    expect(read('lib/new.ts')).toBe('export const NEW = 2;\n');
    expect(read('organization.yml')).toContain('info@example.org');
    expect(JSON.parse(read('package.json')).version).toBe('1.2.0');
  });

  it('refuses with uncommitted changes, and a release that does not exist', async () => {
    writeFiles(practice, { 'lib/new.ts': 'half af\n' });
    const dirty = await update('--apply');
    expect(dirty.code).toBe(1);
    expect(dirty.stderr).toContain('er zijn wijzigingen die nog niet zijn vastgelegd');
    git(practice, 'checkout', '--', 'lib/new.ts');
    const missing = await update('--to', 'v9.9.9');
    expect(missing.stderr).toContain('heeft geen versie v9.9.9');
  });
});
