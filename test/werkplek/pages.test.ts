// The werkplek's pages name the organization's facts as organization.yml gives them, never a fixed name.
import { describe, expect, it } from 'vitest';
import { caseSchemaFor, type CaseData } from '../../schemas/case.ts';
import { calendarFor } from '../../lib/calendar/holidays.ts';
import { caseDeadline } from '../../lib/deadlines/deadlines.ts';
import { parseOrganization } from '../../lib/organization/organization.ts';
import { dossierPage } from '../../werkplek/pages/dossier.ts';
import { newCasePage } from '../../werkplek/pages/new-case.ts';
import { overviewPage } from '../../werkplek/pages/overview.ts';
import { caseData, ORG_TEXT } from '../helpers/fixtures.ts';

const org = parseOrganization(
  'organization.yml',
  ORG_TEXT.replace(/Klachtencommissie van Solopartners/g, 'Geschillencommissie Zorg')
    .replace(/Solopartners/g, 'Klachtenloket Zorg')
    .replace(/filing_workdays: \d+/, 'filing_workdays: 25'),
);

/** The Dossier page of a case on 2026-11-24, as the werkplek renders it. */
const dossierHtml = (data: CaseData, dayOfTerm: number) =>
  dossierPage({
    org,
    data,
    body: '\n## Klacht\n\nTekst.\n',
    file: `cases/2026/${data.id}.md`,
    hash: 'x',
    deadline: caseDeadline(data, calendarFor(org), org.deadlines, '2026-11-24'),
    today: '2026-11-24',
    dayOfTerm,
    warnings: [],
    documents: [],
  }).text;

describe('werkplek pages', () => {
  it('name the escalation body and the filing term of organization.yml (art. 1.6, 3.2, 4.1, 4.7)', () => {
    const data = caseSchemaFor(org).parse(caseData({ id: 'K-2026-001', received: '2026-11-02' })) as CaseData;
    const html = dossierHtml(data, 16);
    expect(html).toContain('Cliënt bij de start van de opdracht gewezen op de klachtenregeling en Klachtenloket Zorg');
    expect(html).toContain('Voorgelegd aan de Geschillencommissie Zorg (art. 4.7)');
    expect(html).toContain('Kenmerk bij Klachtenloket Zorg (optioneel)');
    const form = newCasePage({ org, state: { values: {}, errors: {} }, today: '2026-11-24' }).text;
    expect(form).toContain('tot 25 werkdagen na afronding');
    expect(html + form).not.toContain('Solopartners');
  });
});

describe('the dossier timeline', () => {
  it('says a later decree may move a deadline after the known decreed days (art. 3 lid 3 Atw)', () => {
    const late = caseSchemaFor(org).parse(caseData({ id: 'K-2028-001', received: '2028-12-11' })) as CaseData;
    expect(dossierHtml(late, 1)).toContain('Deze datum ligt na 31 december 2028.');
    const known = caseSchemaFor(org).parse(caseData({ id: 'K-2026-003', received: '2026-11-02' })) as CaseData;
    expect(dossierHtml(known, 16)).not.toContain('Deze datum ligt na');
    const overview = (data: CaseData) =>
      overviewPage({
        org,
        rows: [caseDeadline(data, calendarFor(org), org.deadlines, '2028-12-12')],
        subjects: new Map(),
        warnings: new Map(),
        total: 1,
        years: ['2028'],
        filter: { pagina: 1 },
        invalid: [],
        today: '2028-12-12',
      }).text;
    expect(overview(late)).toMatch(/11 januari 2029(<\/time>)? \*/);
    expect(overview(late)).toContain('* Deze datum ligt na 31 december 2028.');
    expect(overview(known)).not.toContain('Deze datum ligt na');
  });

  it('tells the written response (art. 5.4) apart from the closing of an escalated case (art. 4.7)', () => {
    const data = caseSchemaFor(org).parse(
      caseData({
        id: 'K-2026-002',
        received: '2026-05-04',
        status: 'escalated',
        response: { date: '2026-06-01', findings: 'Bevinding.', conclusions: 'Conclusie.' },
        satisfied: false,
        escalation: { date: '2026-06-15', reference: 'X-1' },
      }),
    ) as CaseData;
    const html = dossierHtml(data, 0);
    const stand = (/<strong>Stand<\/strong>(.*?)<\/li>/s.exec(html)?.[1] ?? '').replace(/<br>/g, ' ').replace(/<[^>]+>/g, '');
    expect(stand).toContain('afgerond, binnen de termijn');
    expect(stand).toContain('schriftelijk afgehandeld op 1 juni 2026'); // due 5 June 2026: 20 working days, Hemelvaart, 15 May (decreed) and Pinkstermaandag excluded
    expect(stand).toContain('afgesloten op 15 juni 2026');
  });
});
