import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE_CASES, exampleCasesAmong, isExampleOrganization } from '../../../lib/organization/example.ts';
import { parseOrganization } from '../../../lib/organization/organization.ts';
import { findExampleCases } from '../../../actions/organization-settings.ts';
import { caseFileNames } from '../../../io/files.ts';

const ROOT = join(import.meta.dirname, '../../..');
const hashObject = (path: string) => execFileSync('git', ['hash-object', path], { encoding: 'utf8' }).trim();
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the shipped example cases, recognised exactly', () => {
  it('every case file shipped in cases/ is listed with its Git blob id (change an example: add its new id)', () => {
    const shipped = caseFileNames(join(ROOT, 'cases')).map((p) => ({ path: p, blob: hashObject(join(ROOT, 'cases', p)) }));
    expect(shipped.length).toBeGreaterThan(0);
    expect(exampleCasesAmong(shipped)).toEqual(shipped);
    expect(Object.keys(EXAMPLE_CASES).sort()).toEqual(shipped.map((f) => f.path).sort());
  });

  it.each([
    [
      'one byte changed (a step she recorded)',
      (d: string) => writeFileSync(join(d, '2026/K-2026-003.md'), readFileSync(join(d, '2026/K-2026-003.md'), 'utf8') + '\n'),
    ],
    [
      'Windows line ends',
      (d: string) =>
        writeFileSync(join(d, '2026/K-2026-003.md'), readFileSync(join(d, '2026/K-2026-003.md'), 'utf8').replace(/\n/g, '\r\n')),
    ],
    [
      'the same bytes under another name (her own case)',
      (d: string) => {
        writeFileSync(join(d, '2026/K-2026-005.md'), readFileSync(join(d, '2026/K-2026-003.md')));
        rmSync(join(d, '2026/K-2026-003.md'));
      },
    ],
  ])('is not an example when %s: never removed', (_, change) => {
    const d = mkdtempSync(join(tmpdir(), 'voorbeelden-'));
    dirs.push(d);
    cpSync(join(ROOT, 'cases'), d, { recursive: true });
    change(d);
    const found = findExampleCases(d);
    expect(found).not.toContain('2026/K-2026-003.md');
    expect(found).not.toContain('2026/K-2026-005.md');
    expect(found).toEqual(['2025/K-2025-001.md', '2026/K-2026-001.md', '2026/K-2026-002.md', '2026/K-2026-004.md']);
  });
});

describe('the example organization (first run)', () => {
  const shipped = parseOrganization('organization.yml', readFileSync(join(ROOT, 'organization.yml'), 'utf8'));
  it('the shipped organization.yml is the example: the werkplek opens Inrichten first', () => {
    expect(isExampleOrganization(shipped)).toBe(true);
  });
  it.each([
    ['another name', { ...shipped, organization: { ...shipped.organization, name: 'Praktijk De Opruimcoach' } }],
    ['a real phone number', { ...shipped, organization: { ...shipped.organization, phone: '030 123 45 67' } }],
    ['a colleague more', { ...shipped, organizers: [...shipped.organizers, { key: 'eva', name: 'Eva', github: 'eva-x' }] }],
    ['another login', { ...shipped, organizers: shipped.organizers.map((o, i) => (i ? o : { ...o, github: 'anouk-echt' })) }],
  ])('%s ends the first run', (_, org) => {
    expect(isExampleOrganization(org)).toBe(false);
  });
});
