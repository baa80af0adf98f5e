/** A rule of an article ("4.1"): its number within the article, its text in paragraphs, the line it starts on. */
export interface RegulationRule {
  number: number;
  /** The rule's text as written; a short first line (a defined term: "Klacht") is a paragraph of its own. */
  paragraphs: string[];
  line: number;
}

/** A part of an article, in order: a paragraph of its own (an intro, "De doelstellingen zijn:") or a rule. */
export type ArticleBlock = { kind: 'text'; text: string } | ({ kind: 'rule' } & RegulationRule);

/** An article: its number, its heading as written (without the number), what it says in order. */
export interface RegulationArticle {
  number: number;
  title: string;
  blocks: ArticleBlock[];
  line: number;
}

/** A regulation text split into articles: the title, what precedes the first article, the articles. */
export interface SplitRegulation {
  title: string | undefined;
  preamble: string[];
  articles: RegulationArticle[];
}

/** The rules of an article, in order. */
export const rulesOf = (a: RegulationArticle): RegulationRule[] =>
  a.blocks.filter((b): b is Extract<ArticleBlock, { kind: 'rule' }> => b.kind === 'rule');

/** "Artikel 4", "Art. 4:", "ARTIKEL 4 –", "Article 4." followed by the heading (or nothing). Not "Art. 4.1". */
const ARTICLE_WORD = /^(?:artikel|art\.?|article)\s*(\d+)(?!\s*[.,]\s*\d)\s*[.:\-–—)]?\s*(.*)$/i;
/** "4.1 text", "4.1. text", "Art. 4.1 text", "Artikel 4 lid 1 text". */
const RULE_EXPLICIT = /^(?:(?:artikel|art\.?|article)\s*)?(\d+)\s*(?:\.|,|\s+lid\s+)\s*(\d+)\s*[.:)]?(?:\s+(.*))?$/i;
/** "1. text", "1) text", "(1) text", "lid 1 text", "1 text" is not one (a year, an amount). */
const NUMBERED = /^(?:\((\d+)\)|lid\s+(\d+)[.:]?|(\d+)\s*[.)])(?:\s+(.*))?$/i;
/** "- text", "* text", "• text": a list item without a number. */
const BULLET = /^[-*•–]\s+(.*)$/;
/** A Markdown heading: its level and text. */
const MD_HEADING = /^(#{1,6})\s+(.*?)\s*#*$/;

interface Line {
  n: number;
  indent: number;
  /** The text without its indentation, Markdown heading marks and bold around the whole line. */
  text: string;
  heading: number; // Markdown heading level, 0 when none
}

/** A line as the splitter reads it: tabs, no-break spaces and carriage returns made plain, `**` around it removed. */
function readLine(raw: string, n: number): Line {
  const plain = raw
    .replace(/\t/g, '    ')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .trimEnd();
  const indent = plain.length - plain.trimStart().length;
  let text = plain.trim();
  let heading = 0;
  const md = MD_HEADING.exec(text);
  if (md) {
    heading = md[1]!.length;
    text = md[2]!;
  }
  const bold = /^(\*\*|__)(.+?)\1\s*(.*)$/.exec(text);
  if (bold) text = `${bold[2]!}${bold[3] ? ` ${bold[3]}` : ''}`.trim();
  return { n, indent, text, heading };
}

/** Whether a line reads as a heading rather than a rule: short, and not ending like a sentence part. */
const headingLike = (text: string): boolean => text.length <= 80 && !/[;,.]$/.test(text);

/** A rule's first line that names the term it defines ("Klacht", "Klachtenregistratieformulier:"). */
const isTerm = (line: string): boolean => line.split(/\s+/).length <= 5 && !/[,;.]$/.test(line);

/** A rule's lines as paragraphs: a defined term apart, a line after a sentence's end or an "a." item apart, others joined. */
function paragraphsOf(lines: readonly string[]): string[] {
  const out: string[] = [];
  lines.forEach((line, i) => {
    const prev = out.at(-1);
    if (prev === undefined || (i === 1 && isTerm(lines[0]!)) || /^[a-z]\s*[.)]\s/i.test(line) || /[.;:!?]$/.test(prev)) out.push(line);
    else out[out.length - 1] = `${prev} ${line}`;
  });
  return out;
}

/**
 * Split a regulation text, as a practice writes or pastes it, into its articles and rules.
 *
 * It reads the common forms: "Artikel 4 De interne klachtenprocedure" (also "Art. 4:", "ARTIKEL 4" with the heading
 * on the next line, Markdown "## Artikel 4"), rules numbered "4.1", "Art. 4.1", "artikel 4 lid 1", "(1)" or in a
 * numbered list ("1." or "1)", indented or not) or as bullets; in plain text without the word "Artikel" an article
 * is a numbered line at the margin ("2. Doelstellingen") and its rules are the indented numbered lines; a heading
 * without a number before article 2 is article 1. Nothing is dropped: every line ends up in the title, the preamble,
 * an article's heading, a paragraph or a rule, word for word. Pure; never throws.
 * @example splitArticles('Artikel 1 Doel\n1.1 Klachten worden binnen 20 werkdagen afgehandeld.').articles[0].number === 1
 */
export function splitArticles(text: string): SplitRegulation {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((raw, i) => readLine(raw, i + 1));
  const wordMode = lines.some((l) => ARTICLE_WORD.test(l.text) && !RULE_EXPLICIT.test(l.text));
  const headingLevels = lines.filter((l) => l.heading > 0).map((l) => l.heading);
  // Markdown: the articles are the headings below the title's level (or all of them, when there is one level only)
  const articleLevel = headingLevels.length > 1 ? Math.max(Math.min(...headingLevels.slice(1)), Math.min(...headingLevels)) : 0;
  const headingMode = !wordMode && articleLevel > 0 && headingLevels.filter((h) => h === articleLevel).length > 1;

  const reg: SplitRegulation = { title: undefined, preamble: [], articles: [] };
  let article: RegulationArticle | undefined;
  let rule: RegulationRule | undefined;
  let ruleLines: string[] = [];
  let para: string[] = []; // the open paragraph outside a rule
  let pendingHeading: Line | undefined; // plain text: a line at the margin that may head an unnumbered article 1
  let blank = false;
  let wantTitle = false; // "ARTIKEL 4" alone: its heading is the next line

  const closeRule = () => {
    if (rule) rule.paragraphs = paragraphsOf(ruleLines);
    rule = undefined;
    ruleLines = [];
  };
  const closePara = () => {
    if (para.length) {
      const joined = para.join(' ');
      if (article) article.blocks.push({ kind: 'text', text: joined });
      else if (reg.title === undefined) reg.title = joined;
      else {
        reg.preamble.push(joined);
        pendingHeading = undefined; // only a heading right before the numbered list heads article 1
      }
    }
    para = [];
  };
  const openArticle = (number: number, title: string, line: number) => {
    closeRule();
    closePara();
    if (pendingHeading && reg.articles.length === 0 && number === 2) {
      reg.preamble.pop();
      reg.articles.push({ number: 1, title: pendingHeading.text, blocks: [], line: pendingHeading.n });
    }
    pendingHeading = undefined;
    article = { number, title, blocks: [], line };
    reg.articles.push(article);
    wantTitle = title === '';
  };
  const openRule = (number: number | undefined, first: string | undefined, line: number) => {
    closeRule();
    closePara();
    if (!article) {
      // plain text: a numbered list before the first numbered article belongs to an unnumbered article 1
      const title = pendingHeading?.text ?? '';
      if (pendingHeading) reg.preamble.pop();
      article = { number: 1, title, blocks: [], line: pendingHeading?.n ?? line };
      reg.articles.push(article);
      pendingHeading = undefined;
    }
    const block = { kind: 'rule' as const, number: number ?? (rulesOf(article).at(-1)?.number ?? 0) + 1, paragraphs: [], line };
    article.blocks.push(block);
    rule = block;
    if (first) ruleLines.push(first);
    wantTitle = false;
  };

  for (const l of lines) {
    if (l.text === '') {
      blank = true;
      if (!rule) closePara();
      continue;
    }
    const wasBlank = blank;
    blank = false;
    const explicit = RULE_EXPLICIT.exec(l.text);
    const word = !explicit && ARTICLE_WORD.exec(l.text);
    const numbered = !explicit && NUMBERED.exec(l.text);
    const numberOf = (m: RegExpExecArray) => +(m[1] ?? m[2] ?? m[3])!;

    if (wordMode && word) {
      openArticle(+word[1]!, word[2]!.trim(), l.n);
      continue;
    }
    if (headingMode && l.heading === articleLevel) {
      const m = /^(\d+)\s*[.:)]?\s+(.*)$/.exec(l.text);
      openArticle(m ? +m[1]! : (article?.number ?? 0) + 1, m ? m[2]! : l.text, l.n);
      continue;
    }
    if (l.heading > 0 && reg.title === undefined && !article) {
      reg.title = l.text;
      continue;
    }
    if (wantTitle && article && !explicit && !numbered && headingLike(l.text)) {
      article.title = l.text;
      wantTitle = false;
      continue;
    }
    if (explicit) {
      const [a, r] = [+explicit[1]!, +explicit[2]!];
      if (!article || a !== article.number) openArticle(a, '', l.n);
      openRule(r, explicit[3]?.trim(), l.n);
      continue;
    }
    if (!wordMode && !headingMode && numbered && l.indent === 0) {
      const n = numberOf(numbered);
      const next = (article?.number ?? (pendingHeading ? 1 : 0)) + 1;
      const asRule = article ? (rulesOf(article).at(-1)?.number ?? 0) + 1 : -1;
      const body = numbered[4]?.trim() ?? '';
      const isArticle = (!article && (n === 1 || n === 2)) || (n === next && (n !== asRule || headingLike(body)));
      if (isArticle) {
        openArticle(n, body, l.n);
        continue;
      }
    }
    if (numbered) {
      openRule(numberOf(numbered), numbered[4]?.trim(), l.n);
      continue;
    }
    const bullet = BULLET.exec(l.text);
    if (bullet && article) {
      openRule(undefined, bullet[1], l.n);
      continue;
    }
    // a plain line: part of the open rule (indented, or no blank line before it), or a paragraph
    if (rule && (!wasBlank || l.indent > 0)) {
      ruleLines.push(l.text);
      continue;
    }
    closeRule();
    if (wasBlank) closePara();
    if (!wordMode && !headingMode && !article && reg.title !== undefined && l.indent === 0 && headingLike(l.text) && para.length === 0) {
      pendingHeading = l;
      reg.preamble.push(l.text);
      continue;
    }
    para.push(l.text);
  }
  closeRule();
  closePara();
  return reg;
}
