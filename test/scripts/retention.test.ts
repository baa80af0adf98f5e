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
      'response.findings',
      'response.conclusions',
      'comment (line 3)',
      'comment (line 14)',
      'body (3 lines of complaint text and notes)',
    ]);
    expect(text).not.toMatch(CANARY);
    expect(text).not.toContain('een fout');
    // every other line of the frontmatter is kept as written: flow lists, quoting, block scalars; comments are
    // free text and go (issue 13: personal data in a comment survived); the response's texts are replaced in
    // their own style
    const kept = WRITTEN.split('---')[1]!
      .replace(/ +#.*$/gm, '')
      .replace(/  findings: .*\n/, '  findings: "(verwijderd op 2026-03-02)"\n') // the quoting and block style stay
      .replace('    De klacht is gegrond.\n', '    (verwijderd op 2026-03-02)\n')
      .split('\n')
      .filter((l) => !/^complainant:|^  (name|phone|representative):|^    (name|email):|^    note:|^#/.test(l));
    expect(text.split('---')[1]).toBe(`${kept.join('\n')}anonymized: 2026-03-02\n`);
    const before = frontmatter(WRITTEN);
    const after = frontmatter(text);
    const { complainant: _, steps: stepsBefore, response: responseBefore, ...rest } = before;
    expect(after).toEqual({
      ...rest,
      steps: (stepsBefore as Record<string, unknown>[]).map(({ note: _n, ...s }: Record<string, unknown>) => s),
      response: { ...(responseBefore as object), findings: '(verwijderd op 2026-03-02)', conclusions: '(verwijderd op 2026-03-02)' },
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
      `K-2024-001 (${join('cases', '2024', 'K-2024-001.md')}): closed 2024-01-30, kept until 2026-01-30\n  would remove complainant.name\n  would remove complainant.email\n  would remove complainant.phone\n  would remove steps.1.note\n  would remove response.findings\n  would remove response.conclusions\n  would remove response.mediation\n  would remove body (3 lines of complaint text and notes)\n  would set anonymized: 2026-06-01`,
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
    const LOG = join('cases', 'verwijderingen');
    const changed = [...after.keys()].filter((k) => after.get(k) !== before.get(k) && !k.startsWith(LOG));
    expect(changed.sort()).toEqual([join('cases', '2023', 'K-2023-001.md'), join('cases', '2024', 'K-2024-001.md')]);
    // no file removed; one added per case: its entry in the erasure log (art. 5(2) AVG), without personal data
    const added = [...after.keys()].filter((k) => !before.has(k));
    expect(added.filter((k) => !k.startsWith(LOG))).toEqual([]);
    expect(added.filter((k) => k.endsWith('.yml')).sort()).toEqual([
      join(LOG, '2026-06-01-K-2023-001.yml'),
      join(LOG, '2026-06-01-K-2024-001.yml'),
    ]);
    expect(after.get(join(LOG, '2026-06-01-K-2024-001.yml'))).toMatch(/reason: retention/);
    expect(after.get(join(LOG, '2026-06-01-K-2024-001.yml'))).not.toMatch(CANARY);
    expect([...before.keys()].filter((k) => !after.has(k))).toEqual([]);
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
      // the response's date and that it had findings, conclusions and mediation (the outcome) stay; the texts go
      response: {
        date: '2024-01-30',
        findings: '(verwijderd op 2026-06-01)',
        conclusions: '(verwijderd op 2026-06-01)',
        mediation: '(verwijderd op 2026-06-01)',
      },
      // art. 2.4: improvement actions are the organization's own measures and stay for the report
      improvements: [{ action: 'Afspraken per e-mail bevestigen.' }],
    });
    expect(p.run('validate.ts').status).toBe(0);
    // running it again changes nothing
    const again = p.run('retention.ts', ['--today', '2026-06-01', '--apply']);
    expect(again.stdout).toContain('No case is past its retention period.');
    expect(p.snapshot()).toEqual(after);
  });

  it('--case K-… --now erases one closed case on request (AVG art. 17): dry run first, then exactly as retention', () => {
    const p = tempProject(cases);
    projects.push(p);
    const before = p.snapshot();
    // K-2024-002 is kept until 2026-06-03: retention leaves it, a request removes it now
    const dry = p.run('retention.ts', ['--today', '2026-06-01', '--case', 'K-2024-002', '--now']);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('Erasure on request (AVG art. 17) of K-2024-002');
    expect(dry.stdout).toContain('would remove complainant.name');
    expect(dry.stdout).toContain('would remove response.findings');
    expect(dry.stdout).toContain('npm run retention -- --case K-2024-002 --now --apply');
    expect(dry.stdout).not.toContain('K-2024-001');
    expect(dry.stdout).not.toMatch(CANARY);
    expect(p.snapshot()).toEqual(before);
    const applied = p.run('retention.ts', ['--today', '2026-06-01', '--case', 'K-2024-002', '--now', '--apply']);
    expect(applied.status, applied.stderr).toBe(0);
    const after = p.snapshot();
    const changed = [...after.keys()].filter((k) => after.get(k) !== before.get(k) && !k.startsWith(join('cases', 'verwijderingen')));
    expect(changed).toEqual([join('cases', '2024', 'K-2024-002.md')]);
    // the same text retention would have written, with the true reason in its note (not "the term ended")
    const viaRetention = anonymizeCaseText(before.get(join('cases', '2024', 'K-2024-002.md'))!, '2026-06-01', 'request').text;
    expect(after.get(join('cases', '2024', 'K-2024-002.md'))).toBe(viaRetention);
    expect(viaRetention).toContain('verwijderd op 2026-06-01 op verzoek van de betrokkene (art. 17 AVG)');
    expect(viaRetention).not.toContain('bewaartermijn');
    expect(after.get(join('cases', 'verwijderingen', '2026-06-01-K-2024-002.yml'))).toMatch(/reason: request/);
    expect(p.run('validate.ts').status).toBe(0);
    const again = p.run('retention.ts', ['--today', '2026-06-01', '--case', 'K-2024-002', '--now', '--apply']);
    expect(again.stdout).toContain('K-2024-002 is already anonymized. Nothing to do.');
    expect(p.snapshot()).toEqual(after);
  });

  it('--case refuses an open case, an unknown one, and --case without --now', () => {
    const p = tempProject(cases);
    projects.push(p);
    const before = p.snapshot();
    const open = p.run('retention.ts', ['--case', 'K-2022-001', '--now', '--apply']);
    expect(open.status).toBe(1);
    expect(open.stderr).toContain('dossier K-2022-001 is nog open; sluit het eerst af');
    const unknown = p.run('retention.ts', ['--case', 'K-2022-009', '--now']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('geen dossier K-2022-009 gevonden');
    const alone = p.run('retention.ts', ['--case', 'K-2022-001']);
    expect(alone.status).toBe(2);
    expect(alone.stderr).toContain('--case en --now horen bij elkaar');
    expect(p.snapshot()).toEqual(before);
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
