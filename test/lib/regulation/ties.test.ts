import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitArticles } from '../../../lib/regulation/articles.ts';
import { REGULATION_FILES } from '../../../lib/regulation/regulation.ts';
import { checkRegulation, regulationTies, termIn } from '../../../lib/regulation/ties.ts';
import { parseOrganization } from '../../../lib/organization/organization.ts';
import { formatProblem } from '../../../lib/problems/problems.ts';
import { lineOf as lineOfField } from '../../../lib/problems/yaml-source.ts';
import { otherOrganization } from '../../e2e/shared-site.ts';
import { SECOND_REGULATION } from '../../helpers/second-practice.ts';

const ORG_TEXT = readFileSync('organization.yml', 'utf8');
const org = parseOrganization('organization.yml', ORG_TEXT);
const FIRST = readFileSync(REGULATION_FILES.nl, 'utf8');
const lineOf = (field: string) => ORG_TEXT.split('\n').findIndex((l) => l.trimStart().startsWith(`${field}:`)) + 1;
const check = (text: string, yml = ORG_TEXT) =>
  checkRegulation(
    splitArticles(text),
    'regulation/klachtenreglement.nl.txt',
    parseOrganization('organization.yml', yml),
    'organization.yml',
    (field) => lineOfField(yml, field),
  );

describe('termIn: a term as a regulation writes it', () => {
  it.each([
    ['maximaal 30 werkdagen na afronding', 30, 'werkdagen'],
    ['binnen zes weken', 6, 'weken'],
    ['binnen twintig werkdagen', 20, 'werkdagen'],
    ['binnen twintig (20) werkdagen', 20, 'werkdagen'],
    ['binnen 14 dagen', 14, 'dagen'],
    ['binnen één maand', 1, 'maanden'],
    ['binnen vijftien kalenderdagen', 15, 'dagen'],
  ])('%j → %s %s', (text, count, unit) => expect(termIn(text)).toMatchObject({ count, unit }));
  it.each(['binnen redelijke termijn', 'op de 2e werkdag', 'binnen een redelijke termijn'])('%j states none', (text) =>
    expect(termIn(text)).toBeUndefined(),
  );
});

describe('regulationTies: the rules the software works by, found in the text', () => {
  it('the first practice: filing 4.1, handling 5.4 and 6.2, escalation 1.6, 3.2, 4.7, confidentiality 4.4', () => {
    const ties = regulationTies(splitArticles(FIRST), org).map((t) => `${t.kind} ${t.article}${t.term ? ` ${t.term.text}` : ''}`);
    expect(ties).toEqual([
      'escalation 1.6',
      'escalation 3.2',
      'filing 4.1 30 werkdagen',
      'confidentiality 4.4',
      'escalation 4.7',
      'handling 5.4 20 werkdagen',
      'handling 6.2 20 werkdagen',
    ]);
  });
  it('the second practice: written in another form, with an acknowledgement term and an article without rules', () => {
    const second = parseOrganization('organization.yml', otherOrganization(ORG_TEXT));
    const ties = regulationTies(splitArticles(SECOND_REGULATION), second).map(
      (t) => `${t.kind} ${t.article}${t.term ? ` ${t.term.text}` : ''}`,
    );
    expect(ties).toEqual([
      'filing 2.2 30 werkdagen',
      'acknowledgement 3.1 5 werkdagen',
      'confidentiality 3.2',
      'handling 3.3 20 werkdagen',
      'escalation 4',
    ]);
  });
  it("ignores a complaints body's own term (up to a year): it is not the practice's", () => {
    const ties = regulationTies(
      splitArticles('Artikel 1 Geschillen\n1.1 U kunt de klacht tot één jaar na indiening voorleggen aan de geschilleninstantie.'),
      org,
    );
    expect(ties.map((t) => t.kind)).toEqual(['escalation']);
  });
});

describe('checkRegulation: organization.yml and the regulation cannot disagree silently', () => {
  it('finds nothing when they agree (both practices)', () => {
    expect(check(FIRST)).toEqual([]);
    expect(check(SECOND_REGULATION, otherOrganization(ORG_TEXT))).toEqual([]);
  });

  it('refuses another number in organization.yml, quoting the article (Dutch)', () => {
    const problems = check(
      FIRST,
      ORG_TEXT.replace(/filing_workdays: 30/, 'filing_workdays: 25').replace(/handling_workdays: 20/, 'handling_workdays: 15'),
    );
    expect(problems.map(formatProblem)).toEqual([
      `organization.yml:${lineOf('filing_workdays')}: deadlines.filing_workdays: is 25 werkdagen, maar artikel 4.1 van de klachtenregeling zegt: “De klacht kan maximaal 30 werkdagen na afronding van de opdracht worden ingediend;”. De regeling bindt: zet filing_workdays op 30, of pas eerst de tekst van de regeling aan.`,
      `organization.yml:${lineOf('handling_workdays')}: deadlines.handling_workdays: is 15 werkdagen, maar artikel 5.4 van de klachtenregeling zegt: “Het afhandelen van de klacht binnen een redelijke termijn van maximaal 20 werkdagen”. De regeling bindt: zet handling_workdays op 20, of pas eerst de tekst van de regeling aan.`,
      `organization.yml:${lineOf('handling_workdays')}: deadlines.handling_workdays: is 15 werkdagen, maar artikel 6.2 van de klachtenregeling zegt: “De klacht dient binnen maximaal 20 werkdagen schriftelijk door Organize4all afgehandeld te zijn.”. De regeling bindt: zet handling_workdays op 20, of pas eerst de tekst van de regeling aan.`,
    ]);
    expect(problems.every((p) => p.severity === 'error')).toBe(true);
  });

  it('refuses 20 working days against "binnen zes weken": the software counts working days', () => {
    const text =
      'Artikel 1 Indienen\n1.1 De klacht kan maximaal 30 werkdagen na afronding van de opdracht worden ingediend.\n1.2 Geheimhouding is gewaarborgd.\n\nArtikel 2 Afhandeling\n2.1 Wij handelen de klacht binnen zes weken af.\n2.2 Niet tevreden? Leg de klacht voor aan Solopartners.\n';
    const [problem, ...rest] = check(text);
    expect(rest).toEqual([]);
    expect(formatProblem(problem!)).toBe(
      `organization.yml:${lineOf('handling_workdays')}: deadlines.handling_workdays: is 20 werkdagen, maar artikel 2.1 van de klachtenregeling zegt: “Wij handelen de klacht binnen zes weken af.”. De software rekent termijnen in werkdagen en kan “zes weken” niet precies zo tellen: schrijf de termijn in de regeling in werkdagen (bijvoorbeeld "20 werkdagen"), zodat de regeling en de deadlines hetzelfde zeggen.`,
    );
  });

  it('refuses an escalation body the text does not name, quoting where the text sends complaints ("Klachtencommissie van" not doubled)', () => {
    const yml = ORG_TEXT.replace('name: Solopartners', 'name: Geschillencommissie Zorg');
    const problems = check(FIRST, yml);
    const line = yml.split('\n').findIndex((l) => l.includes('name: Geschillencommissie Zorg')) + 1;
    expect(problems.map((p) => [p.field, p.line, p.severity])).toEqual([['escalation.name', line, 'error']]);
    expect(problems[0]!.message).toMatch(
      /^is “Geschillencommissie Zorg”, maar de klachtenregeling noemt die instantie nergens; artikel 1\.6 van de klachtenregeling zegt: “Als de klager niet tevreden is/,
    );
  });

  it('refuses a text without a filing or handling term, and without articles', () => {
    const none = check(
      'Artikel 1 Algemeen\n1.1 Wij nemen klachten serieus.\n1.2 Geheimhouding is gewaarborgd.\n1.3 Niet tevreden? Leg de klacht voor aan Solopartners.\n',
    );
    expect(none.map((p) => p.message.split(',')[0])).toEqual([
      'de klachtenregeling noemt de termijn om een klacht in te dienen niet',
      'de klachtenregeling noemt de termijn om een klacht af te handelen niet',
    ]);
    expect(check('Wij nemen klachten serieus.').map((p) => p.message)).toEqual([
      expect.stringMatching(/^geen artikelen gevonden: begin elk artikel/),
    ]);
  });

  it('warns when the text names no complaints body or says nothing about confidentiality', () => {
    const text =
      'Artikel 1\n1.1 De klacht kan maximaal 30 werkdagen na afronding van de opdracht worden ingediend.\n1.2 Wij handelen de klacht binnen 20 werkdagen af.\n';
    expect(check(text).map((p) => [p.severity, p.message])).toEqual([
      [
        'warning',
        expect.stringMatching(
          /^de klachtenregeling zegt niet waar een klager terechtkan die niet tevreden is; uw instellingen noemen Solopartners/,
        ),
      ],
      ['warning', expect.stringMatching(/^de klachtenregeling zegt niets over geheimhouding of privacy/)],
    ]);
  });

  it('checks an acknowledgement term when the text sets one', () => {
    const yml = otherOrganization(ORG_TEXT).replace('acknowledgement_workdays: 5', 'acknowledgement_workdays: 3');
    expect(check(SECOND_REGULATION, yml).map((p) => `${p.field}: ${p.message}`)).toEqual([
      expect.stringMatching(
        /^deadlines.acknowledgement_workdays: is 3 werkdagen, maar artikel 3.1 van de klachtenregeling zegt: “De begeleider bevestigt de ontvangst binnen 5 werkdagen.”/,
      ),
    ]);
  });
});
