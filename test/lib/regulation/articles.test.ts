import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rulesOf, splitArticles, type SplitRegulation } from '../../../lib/regulation/articles.ts';
import { anchorOf, REGULATION_FILES } from '../../../lib/regulation/regulation.ts';
import { SECOND_REGULATION } from '../../helpers/second-practice.ts';

/** The words a reader sees, without the numbering and the markup the split turns into structure. */
const MARKUP = /^(#+|[-*•–—:]|\d+(\.\d+)*[.):]?|\(\d+\)|artikel|art\.|article|lid)$/i;
const words = (text: string) =>
  text
    .replace(/\*\*|__/g, '')
    .replace(/[\u00a0\t]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !MARKUP.test(w));
const wordsOf = (reg: SplitRegulation) =>
  words(
    [
      reg.title ?? '',
      ...reg.preamble,
      ...reg.articles.flatMap((a) => [a.title, ...a.blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : b.paragraphs))]),
    ].join(' '),
  );
/** Articles as [number, title, rule numbers]. */
const shape = (reg: SplitRegulation) => reg.articles.map((a) => [a.number, a.title, rulesOf(a).map((r) => r.number)]);

const FIRST = readFileSync(REGULATION_FILES.nl, 'utf8');

describe('splitArticles: the forms practices write their regulation in', () => {
  it.each<[string, string, (string | number | number[])[][]]>([
    [
      "the first practice's text: numbered at the margin, rules indented, article 1 without a number, NBSP lines",
      FIRST,
      [
        [1, 'Begripsomschrijving', [1, 2, 3, 4, 5, 6]],
        [2, 'Doelstellingen', [1, 2, 3, 4]],
        [3, 'Informeren van de cliënt:', [1, 2]],
        [4, 'De interne klachtenprocedure:', [1, 2, 3, 4, 5, 6, 7]],
        [5, 'Onder afhandeling van een klacht wordt verstaan:', [1, 2, 3, 4, 5]],
        [6, 'Verantwoordelijkheden', [1, 2]],
      ],
    ],
    [
      'Markdown, "## Artikel 2 –", rules "1.1" and "Art. 2.2", a numbered list, an article without rules',
      SECOND_REGULATION,
      [
        [1, 'Begrippen', [1, 2]],
        [2, 'Indienen', [1, 2]],
        [3, 'Behandeling', [1, 2, 3]],
        [4, 'Geschillen', []],
      ],
    ],
    [
      '"ARTIKEL 4" with its heading on the next line, rules as "lid 1", Windows line ends',
      'KLACHTENREGELING\r\n\r\nARTIKEL 1\r\nDoel\r\nlid 1. Deze regeling regelt klachten.\r\n\r\nARTIKEL 2\r\nTermijnen\r\nlid 1. Wij handelen een klacht binnen 10 werkdagen af.\r\nlid 2. Geheimhouding is gewaarborgd.\r\n',
      [
        [1, 'Doel', [1]],
        [2, 'Termijnen', [1, 2]],
      ],
    ],
    [
      '"Art. 3:" and "Artikel 3 lid 2" rules, bold headings',
      '**Art. 1: Begrippen**\nArtikel 1 lid 1 Een klacht is ongenoegen.\n\n**Art. 2: Termijn**\nArtikel 2 lid 1 Afhandeling binnen 20 werkdagen.\nArtikel 2 lid 2 Zo nodig langer, met bericht.\n',
      [
        [1, 'Begrippen', [1]],
        [2, 'Termijn', [1, 2]],
      ],
    ],
    [
      'plain numbered text without indentation: "2." an article, "1.", "2.", "3." its rules, then "3." the next article',
      'Klachtenregeling\n\n1. Begrippen\n1.1 Klacht: ongenoegen.\n\n2. Doelen\nDe doelen zijn:\n1. klachten snel afhandelen;\n2. oorzaken vinden;\n3. relaties behouden;\n3. Informeren\n1. De begeleider wijst de cliënt op deze regeling.\n',
      [
        [1, 'Begrippen', [1]],
        [2, 'Doelen', [1, 2, 3]],
        [3, 'Informeren', [1]],
      ],
    ],
    [
      'Markdown headings "## 1. Titel" with bullets and "(1)"',
      '# Reglement\n\n## 1. Begrippen\n\n- Klacht: ongenoegen.\n- Klager: de cliënt.\n\n## 2. Behandeling\n\n(1) Binnen 20 werkdagen.\n(2) Schriftelijk.\n',
      [
        [1, 'Begrippen', [1, 2]],
        [2, 'Behandeling', [1, 2]],
      ],
    ],
    [
      'tabs for indentation, a hard-wrapped rule',
      'Regeling\n\n1. Behandeling\n\t1. De klacht wordt binnen twintig werkdagen na\n\tontvangst schriftelijk afgehandeld.\n\t2. Geheimhouding is gewaarborgd.\n2. Slot\n\t1. Deze regeling geldt vanaf 2026.\n',
      [
        [1, 'Behandeling', [1, 2]],
        [2, 'Slot', [1]],
      ],
    ],
  ])('%s', (_, text, expected) => {
    const reg = splitArticles(text);
    expect(shape(reg)).toEqual(expected);
    // nothing dropped, nothing added: the words are the text's, in its order
    expect(wordsOf(reg)).toEqual(words(text.replace(/\r/g, '')));
  });

  it('joins a hard-wrapped rule into one paragraph, keeps a defined term apart', () => {
    const wrapped = splitArticles(
      'Regeling\n\n1. Behandeling\n\t1. De klacht wordt binnen twintig werkdagen na\n\tontvangst schriftelijk afgehandeld.\n',
    );
    expect(rulesOf(wrapped.articles[0]!)[0]!.paragraphs).toEqual([
      'De klacht wordt binnen twintig werkdagen na ontvangst schriftelijk afgehandeld.',
    ]);
    const first = splitArticles(FIRST);
    expect(rulesOf(first.articles[0]!)[0]!.paragraphs[0]).toBe('Klacht');
    expect(first.title).toBe('KLACHTENREGLEMENT');
    expect(first.articles[1]!.blocks[0]).toEqual({ kind: 'text', text: 'De doelstellingen van de klachtenregeling zijn:' });
  });

  it('gives each article and rule the line it starts on, for messages', () => {
    const reg = splitArticles(SECOND_REGULATION);
    const lines = SECOND_REGULATION.split('\n');
    expect(lines[reg.articles[1]!.line - 1]).toBe('## Artikel 2 – Indienen');
    expect(lines[rulesOf(reg.articles[1]!)[1]!.line - 1]).toMatch(/^Art\. 2\.2 De klacht kan maximaal 30 werkdagen/);
  });

  it.each([
    ['an empty text', ''],
    ['prose without any numbering', 'Wij nemen klachten serieus.\n\nBel ons gerust.'],
  ])('finds no articles in %s, and keeps its words', (_, text) => {
    const reg = splitArticles(text);
    expect(reg.articles).toEqual([]);
    expect(wordsOf(reg)).toEqual(words(text));
  });

  it('the English text of the first practice has the Dutch articles and rules, so the anchors match', () => {
    const en = splitArticles(readFileSync(REGULATION_FILES.en, 'utf8'));
    expect(shape(en).map(([n, , rules]) => [n, rules])).toEqual(shape(splitArticles(FIRST)).map(([n, , rules]) => [n, rules]));
  });
});

describe('anchors', () => {
  it.each([
    [4, undefined, 'artikel-4'],
    [4, 1, 'artikel-4-1'],
    [1, 6, 'artikel-1-6'],
  ])('article %s rule %s → #%s', (article, rule, anchor) => expect(anchorOf(article, rule)).toBe(anchor));
});
