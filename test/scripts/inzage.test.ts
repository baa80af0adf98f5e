import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { caseConcerns } from '../../lib/cases/subject-access.ts';
import { resolvedCase, tempProject } from '../helpers/temp-project.ts';
import { caseData } from '../helpers/fixtures.ts';
import type { CaseData } from '../../schemas/case.ts';

describe('caseConcerns: whose data a case holds (complainant or representative, art. 1.2)', () => {
  const c = {
    ...caseData(),
    complainant: {
      name: 'Anna de  Vries',
      email: 'Anna@Example.org',
      representative: { name: 'Piet de Vries', email: 'piet@example.org' },
    },
  } as unknown as CaseData;
  it.each([
    [{ email: 'anna@example.org' }, true],
    [{ email: ' PIET@example.org ' }, true],
    [{ email: 'vries@example.org' }, false],
    [{ name: 'anna de vries' }, true],
    [{ name: 'Piet de Vries' }, true],
    [{ name: 'de Vries' }, false], // a name matches whole, never a part
  ])('%j → %s', (subject, expected) => expect(caseConcerns(c, subject)).toBe(expected));
  it('an anonymized case holds no one', () => {
    expect(caseConcerns({ ...c, complainant: undefined }, { name: 'Anna de Vries' })).toBe(false);
  });
});

describe('npm run inzage (AVG art. 15)', () => {
  const p = tempProject([
    resolvedCase(), // Canary Kanarie Persoon, canary.kanarie@example.org
    resolvedCase({
      id: 'K-2024-002',
      complainant: {
        name: 'Ander Persoon',
        email: 'ander@example.org',
        phone: '06 34343434',
        address: 'Cliëntstraat-kanarie 9, 1234 AB Ergens',
        representative: { name: 'Canary Kanarie Persoon', relation: 'buurvrouw' },
      },
      steps: [{ kind: 'complainant_heard', date: '2024-01-15', note: 'Notitie-kanarie-2 over de cliënt.' }],
      response: { date: '2024-01-30', findings: 'Bevinding-kanarie-2.', conclusions: 'Conclusie-kanarie-2.' },
      body: '## Klacht\n\nTekst-kanarie-2\n\n## Notities\n\nEigen-notitie-kanarie-2',
    }),
    resolvedCase({ id: 'K-2024-003', complainant: { name: 'Derde Persoon', email: 'derde@example.org' }, body: 'derde-tekst' }),
  ]);
  afterAll(() => p.cleanup());

  const CLIENT_CANARIES = [
    'Ander Persoon',
    'ander@example.org',
    '06 34343434',
    'Cliëntstraat-kanarie',
    'Tekst-kanarie-2',
    'Notitie-kanarie-2',
    'Bevinding-kanarie-2',
    'Conclusie-kanarie-2',
    'Eigen-notitie-kanarie-2',
  ];

  it("for a representative's cases, asks what to leave out (art. 15(4)) and writes nothing until told", () => {
    const r = p.run('inzage.ts', ['--name', 'canary kanarie persoon', '--html-only', '--today', '2026-03-02', '--out', 'gevraagd']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('De persoon is vertegenwoordiger in K-2024-002');
    expect(r.stderr).toContain(
      'K-2024-002: naam, e-mailadres en telefoonnummer van de cliënt (client), adres van de cliënt (address), de tekst van de klacht (complaint), de aantekeningen, bevindingen en conclusies (notes)',
    );
    expect(r.stderr).not.toMatch(/Ander Persoon|Canary/);
    expect(existsSync(join(p.dir, 'gevraagd'))).toBe(false);
    expect(p.run('inzage.ts', ['--name', 'canary kanarie persoon', '--leave-out', 'cliënt']).stderr).toContain(
      '--leave-out: kies uit client, address, complaint, notes, all of none, niet "cliënt"',
    );
  });

  it('finds every case of the person (as complainant or representative) and exports everything held, JSON and HTML', () => {
    const r = p.run('inzage.ts', ['--name', 'canary kanarie persoon', '--html-only', '--today', '2026-03-02', '--leave-out', 'none']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/Canary|canary/); // the log never shows the personal data
    expect(r.stdout).toContain('2 dossier(s): K-2024-001, K-2024-002');
    const files = readdirSync(join(p.dir, 'inzage')).sort();
    expect(files).toEqual(['inzage-2026-03-02-K-2024-001-K-2024-002.html', 'inzage-2026-03-02-K-2024-001-K-2024-002.json']);
    const json = JSON.parse(readFileSync(join(p.dir, 'inzage', files[1]!), 'utf8'));
    expect(json.dossiers.map((d: { dossiernummer: string }) => d.dossiernummer)).toEqual(['K-2024-001', 'K-2024-002']);
    expect(json.dossiers.map((d: { rol: string }) => d.rol)).toEqual(['klager', 'vertegenwoordiger']);
    expect(json.dossiers[0].gegevens.complainant.email).toBe('canary.kanarie@example.org');
    expect(json.dossiers[0].gegevens.response.findings).toBe('De afspraak was niet schriftelijk bevestigd.');
    expect(json.dossiers[0].tekst).toContain('Canary notitie.');
    expect(json.dossiers[1].tekst).toContain('Tekst-kanarie-2');
    expect(json.dossiers[1].weggelaten).toEqual([]);
    expect(json.bewaartermijn).toContain('2 jaar');
    expect(JSON.stringify(json)).not.toMatch(/derde-tekst|Derde Persoon/);
    const html = readFileSync(join(p.dir, 'inzage', files[0]!), 'utf8');
    expect(html).toContain('Inzage in uw persoonsgegevens');
    expect(html).toContain('Dossiernummer</th><td>K-2024-002');
    for (const canary of CLIENT_CANARIES) expect(html).toContain(canary);
    expect(html).not.toMatch(/derde-tekst|Derde Persoon/);
  });

  it('leaves out what concerns the client when the organizer says so: no canary of the client in JSON or HTML', () => {
    const r = p.run('inzage.ts', ['--name', 'canary kanarie persoon', '--html-only', '--leave-out', 'all', '--out', 'weg']);
    expect(r.status).toBe(0);
    const files = readdirSync(join(p.dir, 'weg')).sort();
    const json = readFileSync(join(p.dir, 'weg', files[1]!), 'utf8');
    const html = readFileSync(join(p.dir, 'weg', files[0]!), 'utf8');
    for (const canary of CLIENT_CANARIES) {
      expect(json, canary).not.toContain(canary);
      expect(html, canary).not.toContain(canary);
    }
    // the representative's own data stays, and the report says what was left out and why
    expect(html).toContain('Canary Kanarie Persoon');
    expect(html).toContain('buurvrouw');
    expect(html).toContain('Weggelaten (art. 15 lid 4)');
    expect(JSON.parse(json).dossiers[1].weggelaten).toEqual([
      'naam, e-mailadres en telefoonnummer van de cliënt',
      'adres van de cliënt',
      'de tekst van de klacht',
      'de aantekeningen, bevindingen en conclusies',
    ]);
    // the complainant's own case (K-2024-001) is whole: art. 15(4) concerns the representative's cases only
    expect(html).toContain('Canary notitie.');
    expect(html).toContain('De afspraak was niet schriftelijk bevestigd.');
  });

  it('leaves out only the parts named: the address, not the complaint', () => {
    const r = p.run('inzage.ts', ['--name', 'canary kanarie persoon', '--html-only', '--leave-out', 'address', '--out', 'adres']);
    expect(r.status).toBe(0);
    const html = readFileSync(join(p.dir, 'adres', readdirSync(join(p.dir, 'adres')).sort()[0]!), 'utf8');
    expect(html).not.toContain('Cliëntstraat-kanarie');
    expect(html).toContain('Tekst-kanarie-2');
    expect(html).toContain('Ander Persoon');
  });

  it('by e-mail, and says so when nothing is held, writing nothing', () => {
    const r = p.run('inzage.ts', ['--email', 'DERDE@example.org', '--html-only', '--out', 'elders']);
    expect(r.status).toBe(0);
    expect(readdirSync(join(p.dir, 'elders'))[0]).toMatch(/K-2024-003\.html$/);
    const none = p.run('inzage.ts', ['--email', 'niemand@example.org', '--out', 'leeg']);
    expect(none.status).toBe(0);
    expect(none.stdout).toContain('Geen dossier gevonden voor dit e-mailadres');
    expect(existsSync(join(p.dir, 'leeg'))).toBe(false);
  });

  it('needs exactly one of --email and --name', () => {
    for (const args of [[], ['--email', 'a@b.nl', '--name', 'A']]) {
      const r = p.run('inzage.ts', args);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('geef precies één van --email of --name');
    }
  });
});
