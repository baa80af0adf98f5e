import { describe, expect, it } from 'vitest';
import { allInOrder, repositoryFromRemote, setupFindings, type RepositorySettings } from '../../../lib/github/setup-check.ts';

const ORGANIZERS = [
  { name: 'Anouk Test', github: 'anouk-o4a' },
  { name: 'Bram Test', github: 'bram-o4a' },
];
const GOOD: RepositorySettings = {
  repository: 'praktijk/klachten',
  private: true,
  hasIssues: true,
  admin: true,
  actions: { enabled: true, allowed: 'all' },
  workflow: { defaultPermissions: 'read', canCreatePullRequests: true },
  collaborators: { 'anouk-o4a': true, 'bram-o4a': true },
  pages: null,
  secrets: { PUBLIC_SITE_REPO: true, PUBLIC_SITE_DEPLOY_KEY: true },
};
const missing = (s: Partial<RepositorySettings>) =>
  setupFindings({ ...GOOD, ...s }, ORGANIZERS)
    .filter((f) => f.state !== 'in-orde')
    .map((f) => `${f.state} ${f.topic}: ${f.fix}`);

describe('setupFindings', () => {
  it('a repository set up as the handbook says: everything in order, in the handbook order', () => {
    const findings = setupFindings(GOOD, ORGANIZERS);
    expect(allInOrder(findings)).toBe(true);
    expect(findings.map((f) => f.topic)).toEqual([
      'Privé',
      'GitHub Actions',
      'Rechten van workflows',
      'Issues',
      'Toegang voor Anouk Test',
      'Toegang voor Bram Test',
      'Publieke site',
    ]);
  });

  it.each<[string, Partial<RepositorySettings>, string]>([
    ['public', { private: false }, 'ontbreekt Privé: Maak de repository direct privé'],
    [
      'Actions off',
      { actions: { enabled: false, allowed: 'all' } },
      'ontbreekt GitHub Actions: Settings (Instellingen) › Actions › General',
    ],
    ['only local actions', { actions: { enabled: true, allowed: 'local_only' } }, 'Allow actions created by GitHub'],
    [
      'selected, GitHub-owned not allowed',
      { actions: { enabled: true, allowed: 'selected', githubOwnedAllowed: false } },
      'Allow actions created by GitHub',
    ],
    [
      'no pull requests',
      { workflow: { defaultPermissions: 'write', canCreatePullRequests: false } },
      'Allow GitHub Actions to create and approve pull requests',
    ],
    ['issues off', { hasIssues: false }, 'ontbreekt Issues: Settings (Instellingen) › General › Features'],
    [
      'a colleague not invited',
      { collaborators: { 'anouk-o4a': true, 'bram-o4a': false } },
      'ontbreekt Toegang voor Bram Test: Settings (Instellingen) › Collaborators › Add people: nodig bram-o4a uit',
    ],
    ['half the site secrets', { secrets: { PUBLIC_SITE_REPO: true, PUBLIC_SITE_DEPLOY_KEY: false } }, 'zet ook PUBLIC_SITE_DEPLOY_KEY'],
    [
      'no site target, private',
      { secrets: { PUBLIC_SITE_REPO: false, PUBLIC_SITE_DEPLOY_KEY: false } },
      'Met GitHub Free: publiceer via een aparte publieke repository',
    ],
    [
      'Pages from a branch',
      { secrets: { PUBLIC_SITE_REPO: false, PUBLIC_SITE_DEPLOY_KEY: false }, pages: { buildType: 'legacy' } },
      'ontbreekt Publieke site',
    ],
    [
      'a token without admin rights',
      { actions: { unreadable: true, status: 403 } },
      'onbekend GitHub Actions: Geef het token leesrecht op "Administration"',
    ],
  ])('%s: names what to do', (_, change, expected) => {
    const lines = missing(change);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(expected);
  });

  it('the site through this repository’s Pages (a paid plan) is in order', () => {
    expect(missing({ secrets: { PUBLIC_SITE_REPO: false, PUBLIC_SITE_DEPLOY_KEY: false }, pages: { buildType: 'workflow' } })).toEqual([]);
  });

  it('a login the answer does not cover is unknown, not in order', () => {
    expect(missing({ collaborators: { 'anouk-o4a': true } })[0]).toMatch(/^onbekend Toegang voor Bram Test/);
  });
});

describe('repositoryFromRemote', () => {
  it.each([
    ['https://github.com/praktijk/klachten.git', 'praktijk/klachten'],
    ['https://github.com/praktijk/klachten', 'praktijk/klachten'],
    ['https://x-access-token:abc@github.com/praktijk/klachten.git', 'praktijk/klachten'],
    ['git@github.com:praktijk/klachten.git', 'praktijk/klachten'],
    ['ssh://git@github.com/praktijk/de.opruimcoach.git', 'praktijk/de.opruimcoach'],
    ['/srv/git/klachten.git', undefined],
    ['https://gitlab.com/praktijk/klachten.git', undefined],
  ])('%s → %s', (url, expected) => expect(repositoryFromRemote(url)).toBe(expected));
});
