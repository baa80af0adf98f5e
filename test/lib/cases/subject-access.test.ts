// The access report (AVG art. 15): every element of art. 15(1) and (2), from organization.yml, and the parts a
// representative's request may leave out (15(4)).
import { describe, expect, it } from 'vitest';
import type { CaseData } from '../../../schemas/case.ts';
import type { CaseRecord } from '../../../lib/cases/case-file.ts';
import { accessExport, othersIn, sourceOf, withoutOthers } from '../../../lib/cases/subject-access.ts';
import { accessReportHtml } from '../../../lib/documents/access-report.ts';
import { calendarFor } from '../../../lib/calendar/holidays.ts';
import { parseOrganization } from '../../../lib/organization/organization.ts';
import { ORG_TEXT, caseData } from '../../helpers/fixtures.ts';

// another practice: no fact of Organize4all may come from the code
const org = parseOrganization(
  'organization.yml',
  ORG_TEXT.replace(/name: Organize4all/, 'name: Ordelijk Thuis')
    .replace(/postal_address: .*/, 'postal_address: "Ordelijk Thuis, Antwoordnummer 555, 2000 ZZ Haarlem"')
    .replace('  # contact: privacy@organize4all.nl', '  contact: privacy@ordelijk-thuis.example\n  dpo: Fenna Fictief, fg@ordelijk-thuis.example'),
);
const cal = calendarFor(org);

const record = (data: Record<string, unknown>, body: string): CaseRecord => ({
  file: `cases/2026/${data.id as string}.md`,
  data: { causes: [], improvements: [], steps: [], ...data } as unknown as CaseData,
  body,
});

const own = record(
  caseData({
    id: 'K-2026-001',
    status: 'resolved',
    complainant: { name: 'Klaas Klant', email: 'klaas@example.org', phone: '06 11111111' },
    steps: [{ kind: 'third_party_information', date: '2026-11-10', note: 'Collega gebeld.' }],
    response: { date: '2026-11-20', findings: 'Eigen bevinding.', conclusions: 'Gegrond.' },
  }),
  '## Klacht\n\nDe afspraak werd verzet.\n',
);
const represented = record(
  caseData({
    id: 'K-2026-002',
    complainant: {
      name: 'Cliënt Kanarie',
      email: 'client.kanarie@example.org',
      address: 'Adresstraat-kanarie 1',
      representative: { name: 'Klaas Klant', email: 'klaas@example.org', relation: 'zoon' },
    },
    steps: [{ kind: 'complainant_heard', date: '2026-11-05', note: 'Notitie-kanarie.' }],
  }),
  '## Klacht\n\nKlachttekst-kanarie.\n\n## Notities\n\nLosse-notitie-kanarie.\n',
);
const subject = { email: 'KLAAS@example.org' };

describe('the access report holds every element of art. 15(1) and (2)', () => {
  const exp = accessExport([own, represented], org, '2026-12-01', () => [], subject);
  const html = accessReportHtml(exp, org, cal, '2026-12-01').replace(/\s+/g, ' ');
  it.each([
    ['controller, from organization.yml', 'Ordelijk Thuis, Antwoordnummer 555, 2000 ZZ Haarlem, privacy@ordelijk-thuis.example'],
    ['data protection officer, when there is one', 'Fenna Fictief, fg@ordelijk-thuis.example'],
    ['(a) purposes', 'Het behandelen van uw klacht volgens onze klachtenregeling'],
    ['legal basis', 'art. 6 lid 1 onder b AVG'],
    ['(b) categories', 'Naam en contactgegevens (e-mailadres, telefoonnummer, adres) van de klager'],
    ['(b) per case', 'uw naam, e-mailadres en telefoonnummer'],
    ['special categories', 'art. 9 lid 2 onder f AVG'],
    ['(c) every organizer', 'Alle Professional Organizers &amp; Coaches van Ordelijk Thuis (nu twee) kunnen elk klachtdossier openen'],
    ['(c) processor', 'GitHub, Inc. is onze verwerker'],
    ['(c) committee', 'Klachtencommissie van Solopartners, dan krijgt die het dossier'],
    ['15(2) transfer', 'GitHub, Inc. (de Verenigde Staten): GitHub is aangesloten bij het EU-VS Data Privacy Framework'],
    ['(d) retention', 'Tot 2 jaar nadat uw klacht is afgehandeld'],
    ['(d) per case', 'tot en met 20 november 2028 (2 jaar na afsluiting op 20 november 2026)'],
    ['(e) rectification, erasure', 'laten verbeteren (art. 16) en laten verwijderen (art. 17)'],
    ['(e) restriction', 'beperken (art. 18)'],
    ['(e) portability', '(art. 20)'],
    ['(f) the Autoriteit Persoonsgegevens', 'klacht indienen bij de Autoriteit Persoonsgegevens (https://www.autoriteitpersoonsgegevens.nl/)'],
    ['(g) source: third parties asked', 'Op 10 november 2026 vroegen wij anderen om informatie over de klacht (artikel 5.3 van de regeling)'],
    ['(g) source: a representative', 'Uw eigen gegevens en de klacht kregen wij van u, toen u namens de cliënt klaagde'],
    ['(h) no automated decisions', 'geen besluiten over u die alleen door een computer worden genomen'],
    ['15(3) the copy', 'Dit document is ook uw kopie van die gegevens (art. 15 lid 3 AVG)'],
    ['the role per case', 'de vertegenwoordiger, die namens de cliënt klaagde'],
  ])('%s', (_element, words) => expect(html).toContain(words));

  it('never says "Niemand buiten", names no practice from the code, and lists no general right to object', () => {
    expect(html).not.toMatch(/Niemand buiten|Organize4all/);
    expect(html).not.toMatch(/verwijderen \(art\. 17\) en bezwaar/);
    expect(JSON.stringify(exp)).not.toMatch(/Niemand buiten|Organize4all/);
  });
});

describe('what concerns someone else (art. 15(4))', () => {
  it('is nothing for the complainant’s own case, and every part present for a representative’s', () => {
    expect(othersIn(own, subject)).toEqual([]);
    expect(othersIn(represented, subject)).toEqual(['client', 'address', 'complaint', 'notes']);
    const noAddress = record({ ...represented.data, complainant: { name: 'C', representative: { name: 'Klaas Klant', email: 'klaas@example.org' } }, steps: [] }, 'Alleen klacht.');
    expect(othersIn(noAddress, subject)).toEqual(['client', 'complaint']);
  });
  it('left out, leaves no trace of it in the data or the text, and keeps the rest', () => {
    const all = withoutOthers(represented, ['client', 'address', 'complaint', 'notes']);
    const text = JSON.stringify(all);
    for (const canary of ['Cliënt Kanarie', 'client.kanarie', 'Adresstraat-kanarie', 'Klachttekst-kanarie', 'Notitie-kanarie', 'Losse-notitie-kanarie'])
      expect(text, canary).not.toContain(canary);
    expect(all.data.complainant?.representative?.name).toBe('Klaas Klant');
    const complaintOnly = withoutOthers(represented, ['complaint']);
    expect(complaintOnly.body).toContain('Losse-notitie-kanarie');
    expect(complaintOnly.body).not.toContain('Klachttekst-kanarie');
    expect(represented.body).toContain('Klachttekst-kanarie'); // the record itself is never changed
  });
  it('the export leaves out only what the organizer chose, and says so', () => {
    const exp = accessExport([own, represented], org, '2026-12-01', () => [], subject, () => ['address']);
    expect(exp.dossiers.map((d) => d.weggelaten)).toEqual([[], ['adres van de cliënt']]);
    expect(JSON.stringify(exp)).not.toContain('Adresstraat-kanarie');
    expect(JSON.stringify(exp)).toContain('Klachttekst-kanarie');
  });
});

describe('the source of the data (art. 15(1)(g))', () => {
  it('for the client of a representative: the representative, by name and relation', () => {
    expect(sourceOf(represented.data, { name: 'cliënt kanarie' })).toMatch(/^Uw gegevens en de klacht kregen wij van Klaas Klant \(zoon\), die namens u klaagde\./);
  });
});
