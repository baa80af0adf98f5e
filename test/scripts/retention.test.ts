import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { caseSchemaFor } from '../../schemas/case.ts';
import { anonymizeCaseText } from '../../lib/cases/anonymize.ts';
import { parseCaseFile } from '../../lib/cases/case-file.ts';
import { parseOrganization } from '../../lib/organization/organization.ts';
import { ROOT, caseText, resolvedCase, tempProject } from '../helpers/temp-project.ts';
import { messagesIn } from '../helpers/language.ts';

// The developers' English messages (KLACHTEN_LANG=en); the organizer's Dutch ones: test/scripts/dutch-messages.test.ts.
messagesIn('en');

const org = parseOrganization('organization.yml', readFileSync(join(ROOT, 'organization.yml'), 'utf8'));
const CANARY = /Canary|canary|06 12121212|buurvrouw/;
const frontmatter = (text: string) =>
  parse(
    text
      .replace(/^\uFEFF/, '')
      .replace(/\r\n/g, '\n')
      .split(/^---$/m)[1]!,
  ) as Record<string, unknown>;

const WRITTEN = `---
id: K-2024-001
organizer: anouk   # eigenaar
received: 2024-01-08
channel: email
status: resolved
complainant:
  name: Canary Kanarie Persoon
  phone: "06 12121212"
  representative:
    name: Canary Dochter
    email: dochter.canary@example.org
categories: [communicatie]
# oorzaak na het gesprek vastgesteld
causes: [informatie]
steps:
  - kind: complainant_heard
    date: 2024-01-15
    note: Canary belde over haar buurvrouw.
  - kind: mediation
    date: 2024-01-20
response:
  date: 2024-01-30
  findings: "De afspraak was niet bevestigd: een fout."
  conclusions: >-
    De klacht is gegrond.
satisfied: true
improvements:
  - action: Afspraken bevestigen.
    owner: anouk
---

Canary Kanarie Persoon schrijft over de sessie.

## Notities

Canary notitie.
`;

describe('anonymizeCaseText', () => {
  it('removes exactly the personal fields and says which, keeping the rest as written', () => {
    const { text, removed } = anonymizeCaseText(WRITTEN, '2026-03-02');
    expect(removed).toEqual([
      'complainant.name',
      'complainant.phone',
      'complainant.representative.name',
      'complainant.representative.email',
      'steps.0.note',
      'body (3 lines of complaint text and notes)',
    ]);
    expect(text).not.toMatch(CANARY);
    // every other line of the frontmatter is kept as written: comments, flow lists, quoting, block scalars
    // (only the spaces before an end-of-line comment become one)
    const kept = WRITTEN.split('---')[1]!
      .replace(/ +#/g, ' #')
      .split('\n')
      .filter((l) => !/^complainant:|^  (name|phone|representative):|^    (name|email):|^    note:/.test(l));
    expect(text.split('---')[1]).toBe(`${kept.join('\n')}anonymized: 2026-03-02\n`);
    const before = frontmatter(WRITTEN);
    const after = frontmatter(text);
    const { complainant: _, steps: stepsBefore, ...rest } = before;
    expect(after).toEqual({
      ...rest,
      steps: (stepsBefore as Record<string, unknown>[]).map(({ note: _n, ...s }: Record<string, unknown>) => s),
      anonymized: '2026-03-02',
    });
    const check = parseCaseFile('K-2024-001.md', text, caseSchemaFor(org));
    expect(check.problems).toEqual([]);
  });

  it('keeps CRLF line ends and a byte order mark', () => {
    const { text } = anonymizeCaseText(`\uFEFF${WRITTEN.replace(/\n/g, '\r\n')}`, '2026-03-02');
    expect(text.startsWith('\uFEFF---\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(text).not.toMatch(CANARY);
    expect(parseCaseFile('K-2024-001.md', text, caseSchemaFor(org)).problems).toEqual([]);
  });
});

describe('npm run retention', () => {
  const projects: ReturnType<typeof tempProject>[] = [];
  afterEach(() => {
    for (const p of projects.splice(0)) p.cleanup();
  });
  // Today 2026-06-01, two years' retention: closed on or before 2024-05-31 is past it.
  const cases = [
    resolvedCase(), // closed 2024-01-30: past
    resolvedCase({
      id: 'K-2024-002',
      received: '2024-05-06',
      assignment_completed: undefined,
      acknowledged: undefined,
      client_informed: undefined,
      steps: [],
      improvements: [],
      response: { date: '2024-06-03', findings: 'f', conclusions: 'c' },
      complainant: { name: 'Canary Recent' },
    }), // closed 2024-06-03: kept until 2026-06-03
    resolvedCase({
      id: 'K-2023-001',
      received: '2023-03-01',
      assignment_completed: undefined,
      acknowledged: undefined,
      client_informed: undefined,
      steps: [],
      improvements: [],
      status: 'withdrawn',
      response: undefined,
      satisfied: undefined,
      withdrawn_on: '2023-03-10',
    }), // past
    resolvedCase({
      id: 'K-2022-001',
      received: '2022-02-01',
      assignment_completed: undefined,
      acknowledged: undefined,
      client_informed: undefined,
      steps: [],
      improvements: [],
      status: 'open',
      response: undefined,
      satisfied: undefined,
    }), // open: never
    resolvedCase({
      id: 'K-2021-001',
      received: '2021-02-01',
      assignment_completed: undefined,
      acknowledged: undefined,
      client_informed: undefined,
      steps: [],
      improvements: [],
      complainant: undefined,
      anonymized: '2024-01-01',
      response: { date: '2021-02-10', findings: 'f', conclusions: 'c' },
      body: '(verwijderd)',
    }), // already done
  ];

  it('is a dry run by default: lists exactly what would be removed, changes nothing, prints no personal data', () => {
    const p = tempProject(cases);
    projects.push(p);
    const before = p.snapshot();
    const r = p.run('retention.ts', ['--today', '2026-06-01']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(p.snapshot()).toEqual(before);
    expect(r.stdout).not.toMatch(CANARY);
    expect(r.stdout).toContain(`K-2023-001 (${join('cases', '2023', 'K-2023-001.md')}): closed 2023-03-10, kept until 2025-03-10`);
    expect(r.stdout).toContain(
      `K-2024-001 (${join('cases', '2024', 'K-2024-001.md')}): closed 2024-01-30, kept until 2026-01-30\n  would remove complainant.name\n  would remove complainant.email\n  would remove complainant.phone\n  would remove steps.1.note\n  would remove body (3 lines of complaint text and notes)\n  would set anonymized: 2026-06-01`,
    );
    expect(r.stdout).not.toContain('K-2024-002');
    expect(r.stdout).not.toContain('K-2022-001');
    expect(r.stdout).not.toContain('K-2021-001');
    expect(r.stdout).toContain('Dry run: nothing was changed.');
  });

  it('with --apply removes the personal data of exactly those cases, touches no other file, and the result validates', () => {
    const p = tempProject(cases);
    projects.push(p);
    const before = p.snapshot();
    const r = p.run('retention.ts', ['--today', '2026-06-01', '--apply']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(CANARY);
    expect(r.stdout).toContain('  removed complainant.name');
    expect(r.stdout).toContain('Changed 2 case file(s)');
    const after = p.snapshot();
    const changed = [...after.keys()].filter((k) => after.get(k) !== before.get(k));
    expect(changed.sort()).toEqual([join('cases', '2023', 'K-2023-001.md'), join('cases', '2024', 'K-2024-001.md')]);
    expect([...after.keys()]).toEqual([...before.keys()]); // no file added or removed
    for (const f of changed) {
      expect(after.get(f)).not.toMatch(CANARY);
      expect(frontmatter(after.get(f)!)).toMatchObject({ anonymized: '2026-06-01' });
      expect(frontmatter(after.get(f)!)).not.toHaveProperty('complainant');
    }
    // what the report needs is still there
    expect(frontmatter(after.get(join('cases', '2024', 'K-2024-001.md'))!)).toMatchObject({
      organizer: 'anouk',
      received: '2024-01-08',
      categories: ['communicatie'],
      causes: ['informatie'],
      satisfied: true,
      response: { date: '2024-01-30', findings: 'De afspraak was niet schriftelijk bevestigd.' },
      improvements: [{ action: 'Afspraken per e-mail bevestigen.' }],
    });
    expect(p.run('validate.ts').status).toBe(0);
    // running it again changes nothing
    const again = p.run('retention.ts', ['--today', '2026-06-01', '--apply']);
    expect(again.stdout).toContain('No case is past its retention period.');
    expect(p.snapshot()).toEqual(after);
  });

  it('changes nothing while a case file is invalid', () => {
    const p = tempProject(cases);
    projects.push(p);
    p.write('cases/2024/K-2024-009.md', caseText(resolvedCase({ id: 'K-2024-009', status: 'bogus' })));
    const before = p.snapshot();
    const r = p.run('retention.ts', ['--today', '2026-06-01', '--apply']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('K-2024-009.md');
    expect(r.stderr).toContain('fix them first');
    expect(p.snapshot()).toEqual(before);
  });
});
