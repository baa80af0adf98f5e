import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  anchorOf,
  fillPlaceholders,
  parseRegulation,
  regulationValues,
  checkRegulationTerms,
  type RegulationValues,
} from '../../../lib/regulation/regulation.ts';
import { parseOrganization } from '../../../lib/organization/organization.ts';
import { InputError } from '../../../lib/problems/problems.ts';
import type { Regulation } from '../../../schemas/regulation.ts';
import { messagesIn } from '../../helpers/language.ts';

// The developers' English messages (KLACHTEN_LANG=en); the organizer's Dutch ones: test/scripts/dutch-messages.test.ts.
messagesIn('en');

const read = (file: string) => readFileSync(file, 'utf8');
/** The values the regulation was written with. */
const ORIGINAL: RegulationValues = {
  organization: 'Organize4all',
  escalation: 'Solopartners',
};
const nl = parseRegulation('regulation.nl.yml', read('site/content/regulation.nl.yml'), ORIGINAL);
const en = parseRegulation('regulation.en.yml', read('site/content/regulation.en.yml'), ORIGINAL);

/** Words of a text, without list numbers ("4." or "1."), non-breaking spaces as spaces. */
const words = (text: string) =>
  text
    .replace(/\u00a0/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !/^\d+\.$/.test(w));
const wordsOf = (reg: Regulation) =>
  words([reg.title, ...reg.articles.flatMap((a) => [a.title, a.intro ?? '', ...a.rules.flatMap((r) => [r.term ?? '', r.text])])].join(' '));

describe('the Dutch regulation on the site', () => {
  it('is the text the organization wrote, word for word (site/content/klachtenreglement.txt): the klachtenregeling of art. 1.4', () => {
    expect(wordsOf(nl)).toEqual(words(read('site/content/klachtenreglement.txt')));
  });
  it('keeps every article and the number of rules in each (hand-counted from the text)', () => {
    expect(nl.articles.map((a) => [a.number, a.rules.length])).toEqual([
      [1, 6],
      [2, 4],
      [3, 2],
      [4, 7],
      [5, 5],
      [6, 2],
    ]);
  });
  it('says 30 working days in art. 4.1 and 20 in art. 5.4 and 6.2', () => {
    expect(nl.articles[3]?.rules[0]?.text).toMatch(/maximaal 30 werkdagen na afronding/);
    expect(nl.articles[4]?.rules[3]?.text).toMatch(/maximaal 20 werkdagen$/);
    expect(nl.articles[5]?.rules[1]?.text).toMatch(/maximaal 20 werkdagen/);
  });
});

describe('the English translation', () => {
  it('has the same articles and rules as the Dutch text, so the anchors match', () => {
    expect(en.articles.map((a) => [a.number, a.rules.length, a.rules.map((r) => r.term !== undefined)])).toEqual(
      nl.articles.map((a) => [a.number, a.rules.length, a.rules.map((r) => r.term !== undefined)]),
    );
  });
  it("art. 1.6: marks the explanation of the Wkkgz as a translator's note, not as part of the text", () => {
    const rule = en.articles[0]?.rules[5]?.text ?? '';
    expect(rule).toMatch(
      /\(falls under the Wkkgz\) \[translator's note: the Wkkgz is the Dutch Healthcare Quality, Complaints and Disputes Act\]\.$/,
    );
    expect(nl.articles[0]?.rules[5]?.text).toMatch(/\(valt onder de Wkkgz\)\.$/);
  });
  it('art. 4.1: "aan wie de klacht is gericht" is to whom the complaint is addressed, not what it concerns', () => {
    expect(en.articles[3]?.rules[0]?.text).toContain('to the Professional Organizer & Coach to whom the complaint is addressed.');
    expect(en.articles[3]?.rules[0]?.text).not.toContain('concerns');
  });
  it('uses the same numbers and names', () => {
    expect(en.articles[3]?.rules[0]?.text).toMatch(/at most 30 working days/);
    expect(en.articles[5]?.rules[1]?.text).toMatch(/Organize4all within at most 20 working days/);
  });
});

describe('placeholders come from organization.yml', () => {
  const ORG_TEXT = read('organization.yml');
  const org = parseOrganization('organization.yml', ORG_TEXT);
  it("fills the names of another organization; the terms stay the regulation's own text", () => {
    const other = {
      ...org,
      organization: { ...org.organization, name: 'Ordelijk BV' },
      escalation: { ...org.escalation, name: 'Geschillenhuis' },
    };
    const reg = parseRegulation('regulation.nl.yml', read('site/content/regulation.nl.yml'), regulationValues(other));
    const text = wordsOf(reg).join(' ');
    expect(text).toMatch(/maximaal 30 werkdagen na afronding/);
    expect(text).toMatch(/maximaal 20 werkdagen schriftelijk door Ordelijk BV/);
    expect(text).toMatch(/Klachtencommissie van Geschillenhuis/);
    expect(text).not.toMatch(/Organize4all|Solopartners/);
  });
  it("finds no problem when organization.yml counts with the regulation's 30 and 20 working days", () => {
    expect(checkRegulationTerms(nl, 'regulation.nl.yml', org, 'organization.yml', ORG_TEXT)).toEqual([]);
  });
  it('refuses other terms in organization.yml: a changed number would amend the regulation (art. 4.1, 5.4, 6.2)', () => {
    const other = { ...org, deadlines: { ...org.deadlines, filing_workdays: 25, handling_workdays: 15 } };
    const problems = checkRegulationTerms(nl, 'regulation.nl.yml', other, 'organization.yml', ORG_TEXT);
    const line = (field: string) => ORG_TEXT.split('\n').findIndex((l) => l.trimStart().startsWith(`${field}:`)) + 1;
    expect(problems.map((p) => `${p.file}:${p.line}: ${p.field}: ${p.message.split(' (')[0]}`)).toEqual([
      `organization.yml:${line('filing_workdays')}: deadlines.filing_workdays: is 25, maar artikel 4.1 van de klachtenregeling`,
      `organization.yml:${line('handling_workdays')}: deadlines.handling_workdays: is 15, maar artikel 5.4 van de klachtenregeling`,
      `organization.yml:${line('handling_workdays')}: deadlines.handling_workdays: is 15, maar artikel 6.2 van de klachtenregeling`,
    ]);
    expect(problems.every((p) => p.severity === 'error')).toBe(true);
  });
  it('refuses an unknown placeholder, naming the known ones', () => {
    expect(() => fillPlaceholders('binnen {filing_days} dagen', ORIGINAL)).toThrow(
      /unknown placeholder \{filing_days\}; known: \{organization\}/,
    );
  });
});

describe('a bad regulation file', () => {
  it.each([
    ['malformed YAML', 'lang: nl\ntitle: [', /malformed YAML/],
    [
      'articles out of order',
      'lang: nl\ntitle: T\narticles:\n  - number: 2\n    title: A\n    rules: [{ text: x }]\n',
      /articles\.0\.number: expected article number 1/,
    ],
    ['an unknown field', 'lang: nl\ntitle: T\narticles:\n  - number: 1\n    titel: A\n    rules: [{ text: x }]\n', /unknown field "titel"/],
    ['an article without rules', 'lang: nl\ntitle: T\narticles:\n  - number: 1\n    title: A\n    rules: []\n', /at least one rule/],
  ])('%s stops the build with the file, line and field', (_, text, message) => {
    try {
      parseRegulation('regulation.nl.yml', text, ORIGINAL);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      const problems = (error as InputError).problems.map((p) => `${p.file}:${p.line}: ${p.field}: ${p.message}`).join('\n');
      expect(problems).toMatch(message);
      expect(problems).toMatch(/^regulation\.nl\.yml:\d+: /);
    }
  });
});

describe('anchors', () => {
  it.each([
    [4, undefined, 'artikel-4'],
    [4, 1, 'artikel-4-1'],
    [1, 6, 'artikel-1-6'],
  ])('article %s rule %s → #%s', (article, rule, anchor) => expect(anchorOf(article, rule)).toBe(anchor));
});
