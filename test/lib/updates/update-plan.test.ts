import { describe, expect, it } from 'vitest';
import { isPracticeFile, nextRelease, planUpdate, type Tree } from '../../../lib/updates/update-plan.ts';

const tree = (files: Record<string, string>): Tree => new Map(Object.entries(files).map(([p, oid]) => [p, { mode: '100644', oid }]));

describe('planUpdate', () => {
  const base = tree({
    'lib/a.ts': 'a1',
    'lib/b.ts': 'b1',
    'lib/gone.ts': 'g1',
    'lib/mine.ts': 'm1',
    'organization.yml': 'o1',
    'cases/2026/K-2026-001.md': 'c1',
    'README.md': 'r1',
  });
  it.each<[string, Record<string, string>, Record<string, string>, unknown]>([
    ['changed only in the release: taken', { 'lib/a.ts': 'a2' }, {}, { kind: 'take', path: 'lib/a.ts', why: 'changed' }],
    ['new in the release: taken', { 'lib/new.ts': 'n1' }, {}, { kind: 'take', path: 'lib/new.ts', why: 'new' }],
    ['removed in the release, unchanged here: removed', { 'lib/gone.ts': '' }, {}, { kind: 'remove', path: 'lib/gone.ts' }],
    [
      'removed in the release, changed here: kept',
      { 'lib/gone.ts': '' },
      { 'lib/gone.ts': 'g2' },
      { kind: 'keep', path: 'lib/gone.ts', why: 'removed-in-release' },
    ],
    ['changed on both sides: merged', { 'lib/mine.ts': 'm2' }, { 'lib/mine.ts': 'm3' }, { kind: 'merge', path: 'lib/mine.ts' }],
    [
      'removed here, changed in the release: her choice stands',
      { 'lib/b.ts': 'b2' },
      { 'lib/b.ts': '' },
      { kind: 'keep', path: 'lib/b.ts', why: 'changed-here' },
    ],
    [
      'added on both sides with other contents: hers stays',
      { 'lib/x.ts': 'x1' },
      { 'lib/x.ts': 'x2' },
      { kind: 'keep', path: 'lib/x.ts', why: 'added-both' },
    ],
    [
      'the practice’s configuration: never touched',
      { 'organization.yml': 'o2' },
      { 'organization.yml': 'o9' },
      { kind: 'keep', path: 'organization.yml', why: 'practice-file' },
    ],
  ])('%s', (_, release, here, expected) => {
    const change = (t: Tree, c: Record<string, string>) => {
      const m = new Map(t);
      for (const [p, oid] of Object.entries(c)) oid === '' ? m.delete(p) : m.set(p, { mode: '100644', oid });
      return m;
    };
    const { steps } = planUpdate(base, change(base, release), change(base, here));
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject(expected as object);
  });

  it('a release’s new example case and its changed example configuration never reach the practice', () => {
    const theirs = new Map(base)
      .set('cases/2027/K-2027-001.md', { mode: '100644', oid: 'e1' })
      .set('organization.yml', { mode: '100644', oid: 'o2' });
    const ours = new Map(base);
    ours.delete('cases/2026/K-2026-001.md'); // the practice removed the examples
    expect(planUpdate(base, theirs, ours).steps).toEqual([{ kind: 'keep', path: 'organization.yml', why: 'practice-file' }]);
  });

  it('nothing to do when nothing changed, or when the practice already has the release’s version', () => {
    expect(planUpdate(base, base, base).steps).toEqual([]);
    const theirs = new Map(base).set('lib/a.ts', { mode: '100644', oid: 'a2' });
    expect(planUpdate(base, theirs, theirs).steps).toEqual([]);
  });

  it('skipped paths are named, not written', () => {
    const theirs = new Map(base).set('.github/workflows/ci.yml', { mode: '100644', oid: 'w2' });
    expect(planUpdate(base, theirs, base, { skip: ['.github/workflows/'] })).toEqual({ steps: [], skipped: ['.github/workflows/ci.yml'] });
  });
});

describe('isPracticeFile', () => {
  it.each([
    ['organization.yml', true],
    ['cases/2026/K-2026-001.md', true],
    ['cases/2026/K-2026-001/factuur.pdf', true],
    ['regulation/klachtenreglement.md', true],
    ['organization.yml.bak', false],
    ['casesx/a', false],
    ['lib/cases/x.ts', false],
  ])('%s: %s', (path, own) => expect(isPracticeFile(path)).toBe(own));
});

describe('nextRelease', () => {
  it.each([
    [['v1.0.0', 'v1.1.0', 'v1.10.0', 'v1.2.0', 'nightly'], '1.1.0', 'v1.10.0'],
    [['v1.0.0', 'v1.1.0'], '1.1.0', undefined],
    [['v2.0.0'], 'not-a-version', undefined],
    [[], '1.0.0', undefined],
  ])('%j after %s: %s', (tags, current, expected) => expect(nextRelease(tags, current)).toBe(expected));
});
