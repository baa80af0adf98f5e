import type { Organization } from '../../schemas/organization.ts';
import type { Problem } from '../problems/problems.ts';
import { rulesOf, type SplitRegulation } from './articles.ts';

/**
 * The rules of a practice's regulation the software works by (the article → feature map of the docs): the term to
 * file a complaint (art. 4.1 in the first practice's text), the handling term (art. 5.4, 6.2), the complaints body a
 * complaint goes to (art. 4.7) and confidentiality (art. 4.4). Optional, also tied when the text has one: a term
 * to acknowledge receipt.
 */
export type TieKind = 'filing' | 'handling' | 'acknowledgement' | 'escalation' | 'confidentiality';

/** A term as the text writes it: "30 werkdagen", "binnen zes weken", "twintig werkdagen". */
export interface StatedTerm {
  count: number;
  unit: 'werkdagen' | 'dagen' | 'weken' | 'maanden' | 'jaar';
  /** The words as written ("zes weken"). */
  text: string;
}

/** One sentence of the regulation the software ties to a rule of its own. */
export interface Tie {
  kind: TieKind;
  /** "4.1", or "4" for a paragraph of article 4 outside its rules. */
  article: string;
  /** The sentence, word for word. */
  quote: string;
  term?: StatedTerm;
  /** The line in the regulation's file. */
  line: number;
}

const NUMBER_WORDS: Record<string, number> = {
  een: 1,
  één: 1,
  twee: 2,
  drie: 3,
  vier: 4,
  vijf: 5,
  zes: 6,
  zeven: 7,
  acht: 8,
  negen: 9,
  tien: 10,
  elf: 11,
  twaalf: 12,
  dertien: 13,
  veertien: 14,
  vijftien: 15,
  zestien: 16,
  twintig: 20,
  vijfentwintig: 25,
  dertig: 30,
  veertig: 40,
  zestig: 60,
};
const TERM = new RegExp(
  `(?<![\\w-])(\\d+|${Object.keys(NUMBER_WORDS).join('|')})\\s*\\(?\\d*\\)?\\s*(werkdag(?:en)?|kalenderdag(?:en)?|dag(?:en)?|we(?:e)?k(?:en)?|maand(?:en)?|jaar)\\b`,
  'i',
);
const UNITS: [RegExp, StatedTerm['unit']][] = [
  [/^werkdag/i, 'werkdagen'],
  [/^(kalender)?dag/i, 'dagen'],
  [/^we/i, 'weken'],
  [/^maand/i, 'maanden'],
  [/^jaar/i, 'jaar'],
];

/** The first term a sentence states, or undefined. @example termIn('binnen zes weken afgehandeld') // { count: 6, unit: 'weken', … } */
export function termIn(sentence: string): StatedTerm | undefined {
  const m = TERM.exec(sentence);
  if (!m) return undefined;
  const count = /^\d+$/.test(m[1]!) ? +m[1]! : NUMBER_WORDS[m[1]!.toLowerCase()]!;
  const unit = UNITS.find(([re]) => re.test(m[2]!))![1];
  return { count, unit, text: m[0]!.replace(/\s+/g, ' ') };
}

// the words that make a sentence about one of the software's rules
const ESCALATION =
  /klachtencommissie|geschillencommissie|geschilleninstantie|klachtenportaal|geschillenraad|voorgelegd aan|voorleggen aan|voor te leggen aan/i;
const CONFIDENTIAL = /geheimhouding|vertrouwelijk|privacy|\bgeheim\b/i;
const ACKNOWLEDGE = /ontvangst\w*\s.*bevestig|bevestig\w*\s.*ontvangst|ontvangstbevestiging/i;
const HANDLING = /afgehandeld|afhandel|behandeld|beantwoord|antwoord|reageert|reactie|\bhandel\w*\s.*\baf\b/i;
const FILING = /ingediend|indienen|geuit|uiten|gemeld|melden|kenbaar/i;
const AFTER_ASSIGNMENT = /na\s+(?:de\s+)?(?:afronding|afloop|beëindiging|einde|voltooiing)|nadat\s+de\s+(?:opdracht|dienst)/i;

/** The sentences of a text: cut after . ; ! ? followed by a space (not inside "art. 4" or "t.a.v."). */
const sentencesOf = (text: string): string[] => text.split(/(?<=[a-zà-ÿ)][.;!?])\s+(?=[^\s\d])/i).filter((s) => s.trim() !== '');

const TERM_KINDS: ReadonlySet<TieKind> = new Set(['filing', 'handling', 'acknowledgement']);

/** What a sentence is about, for the software: the rules it states (none when it states nothing the software works by). */
function kindOf(sentence: string, org: Organization): TieKind[] {
  const kinds: TieKind[] = [];
  const names = [org.escalation.name, org.escalation.committee].map((n) => n.toLowerCase());
  const escalation = ESCALATION.test(sentence) || names.some((n) => sentence.toLowerCase().includes(n));
  if (escalation) kinds.push('escalation');
  if (CONFIDENTIAL.test(sentence)) kinds.push('confidentiality');
  // a term in a sentence about the complaints body is the body's own (its term, not the practice's)
  if (!escalation && termIn(sentence)) {
    if (ACKNOWLEDGE.test(sentence)) kinds.push('acknowledgement');
    else if (FILING.test(sentence) && (!HANDLING.test(sentence) || AFTER_ASSIGNMENT.test(sentence))) kinds.push('filing');
    else if (HANDLING.test(sentence)) kinds.push('handling');
  }
  return kinds;
}

/**
 * Every sentence of the regulation the software ties to one of its rules, in the text's order, with the article
 * it is in and the term it states. Pure.
 */
export function regulationTies(reg: SplitRegulation, org: Organization): Tie[] {
  const ties: Tie[] = [];
  const add = (article: string, text: string, line: number) => {
    for (const quote of sentencesOf(text))
      for (const kind of kindOf(quote, org)) {
        // a term is checked sentence by sentence; the other rules once per rule
        if (!TERM_KINDS.has(kind) && ties.some((t) => t.kind === kind && t.article === article)) continue;
        const term = TERM_KINDS.has(kind) ? termIn(quote) : undefined;
        ties.push({ kind, article, quote: quote.trim(), line, ...(term ? { term } : {}) });
      }
  };
  for (const a of reg.articles) {
    if (rulesOf(a).length === 0) add(String(a.number), a.title, a.line);
    for (const b of a.blocks)
      if (b.kind === 'text') add(String(a.number), b.text, a.line);
      else for (const p of b.paragraphs) add(`${a.number}.${b.number}`, p, b.line);
  }
  return ties;
}

/** The field of organization.yml each term of the regulation is counted with. */
const TERM_FIELDS = {
  filing: 'filing_workdays', // art. 4.1: the latest filing date
  handling: 'handling_workdays', // art. 5.4, 6.2: the handling deadline
  acknowledgement: 'acknowledgement_workdays', // the practice's own standard, unless its text sets one
} as const;

/** What the software does with each term, in the words of a message. */
const TERM_WORDS = {
  filing: 'de termijn om een klacht in te dienen',
  handling: 'de termijn om een klacht af te handelen',
  acknowledgement: 'de termijn om de ontvangst te bevestigen',
} as const;

const quoted = (t: Tie) => `artikel ${t.article} van de klachtenregeling zegt: “${t.quote}”.`;

/**
 * The problems when organization.yml and the practice's regulation text disagree: a term the software counts
 * with that the text states otherwise (another number, or weeks where the software counts working days), a
 * term the text does not state, an escalation body the text does not name. Each message is Dutch and quotes the
 * article. A regulation that says nothing about a complaints body or about confidentiality gets a warning.
 * `lineIn(path)` gives the line of a field of `orgFile` (`lineOf` of lib/problems/yaml-source.ts on its text); it is asked only
 * for a problem there.
 */
export function checkRegulation(
  reg: SplitRegulation,
  regFile: string,
  org: Organization,
  orgFile: string,
  lineIn: (path: string[]) => number,
): Problem[] {
  const problems: Problem[] = [];
  const ties = regulationTies(reg, org);
  if (reg.articles.length === 0)
    return [
      {
        file: regFile,
        line: 1,
        field: '(tekst)',
        message:
          'geen artikelen gevonden: begin elk artikel op een eigen regel met "Artikel 1", "Artikel 2", … (of "1.", "2.") en nummer de regels eronder (1., 2., … of 4.1, 4.2, …)',
        severity: 'error',
      },
    ];
  for (const kind of ['filing', 'handling', 'acknowledgement'] as const) {
    const field = TERM_FIELDS[kind];
    const configured = org.deadlines[field];
    const stated = ties.filter((t) => t.kind === kind);
    if (stated.length === 0 && kind !== 'acknowledgement')
      problems.push({
        file: regFile,
        line: 1,
        field: '(tekst)',
        message:
          `de klachtenregeling noemt ${TERM_WORDS[kind]} niet, maar de software rekent met ${configured} werkdagen (deadlines.${field} in ${orgFile}) ` +
          `en de site en de brieven noemen die termijn. Zet de termijn in de regeling, bijvoorbeeld "binnen ${configured} werkdagen".`,
        severity: 'error',
      });
    for (const t of stated) {
      const term = t.term!;
      if (term.unit === 'werkdagen' && term.count === configured) continue;
      problems.push({
        file: orgFile,
        line: lineIn(['deadlines', field]),
        field: `deadlines.${field}`,
        message:
          term.unit === 'werkdagen'
            ? `is ${configured} werkdagen, maar ${quoted(t)} De regeling bindt: zet ${field} op ${term.count}, of pas eerst de tekst van de regeling aan.`
            : `is ${configured} werkdagen, maar ${quoted(t)} De software rekent termijnen in werkdagen en kan “${term.text}” niet precies zo tellen: ` +
              `schrijf de termijn in de regeling in werkdagen (bijvoorbeeld "${configured} werkdagen"), zodat de regeling en de deadlines hetzelfde zeggen.`,
        severity: 'error',
      });
    }
  }
  const escalation = ties.filter((t) => t.kind === 'escalation');
  const fullText = [
    reg.title ?? '',
    ...reg.preamble,
    ...reg.articles.flatMap((a) => [a.title, ...a.blocks.map((b) => (b.kind === 'text' ? b.text : b.paragraphs.join(' ')))]),
  ]
    .join(' ')
    .toLowerCase();
  if (escalation.length === 0)
    problems.push({
      file: regFile,
      line: 1,
      field: '(tekst)',
      message: `de klachtenregeling zegt niet waar een klager terechtkan die niet tevreden is; uw instellingen noemen ${org.escalation.name}. Noem die instantie in de regeling (de Wkkgz vraagt een geschilleninstantie).`,
      severity: 'warning',
    });
  else if (!fullText.includes(org.escalation.name.toLowerCase()))
    problems.push({
      file: orgFile,
      line: lineIn(['escalation', 'name']),
      field: 'escalation.name',
      message: `is “${org.escalation.name}”, maar de klachtenregeling noemt die instantie nergens; ${quoted(escalation[0]!)} Kies in de instellingen de instantie die de regeling noemt, of pas eerst de tekst van de regeling aan.`,
      severity: 'error',
    });
  if (!ties.some((t) => t.kind === 'confidentiality'))
    problems.push({
      file: regFile,
      line: 1,
      field: '(tekst)',
      message:
        'de klachtenregeling zegt niets over geheimhouding of privacy; de software houdt persoonsgegevens toch binnen de dossiers. Een zin als "Geheimhouding en privacy zijn gewaarborgd." maakt dat zichtbaar voor de klager.',
      severity: 'warning',
    });
  return problems;
}
