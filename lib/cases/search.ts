import { complaintSection } from './body.ts';

/**
 * Finding a dossier as the organizer asks for it: "mevrouw De Vries", "fresche", "06 12 34 56 78", "K-2026-005",
 * "lekkage". Pure: the werkplek keeps the documents in memory (io/case-text-index.ts), never on disk.
 */

/** The fields of one case a search looks in: personal data, so held in memory only. */
export interface SearchFields {
  id: string;
  names: readonly string[];
  emails: readonly string[];
  phones: readonly string[];
  /** The Markdown body: the complaint as received and as confirmed, and the notes. */
  text: string;
}

/** One case as a search sees it: its words folded, its phone numbers as digits. */
export interface SearchDocument {
  id: string;
  /** Every field folded (see {@link foldText}), one a line. */
  text: string;
  /** Every phone number as digits (see {@link phoneDigits}), space-separated. */
  phones: string;
}

/** A search as typed, read once: its folded words, and its digits when it looks like a phone number. */
export interface SearchQuery {
  words: readonly string[];
  phone?: string;
}

/**
 * Text as a search compares it: lower case, without accents or other marks (é → e, ï → i), ligatures and
 * compatibility forms spelled out (ĳ → ij, ß → ss), runs of white space as one space.
 * @example foldText('Frésche  DE Vries') === 'fresche de vries'
 */
export function foldText(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A phone number as digits only, the Dutch country code written as the trunk 0: `+31 (0)6-1234 5678`,
 * `0031 6 12345678` and `06-12345678` all become `0612345678`. Other country codes keep their digits.
 */
export function phoneDigits(s: string): string {
  const digits = s.replace(/\(0\)/g, '').replace(/^\s*\+/, '00').replace(/\D/g, '');
  return digits.startsWith('0031') ? `0${digits.slice(4)}` : digits;
}

/** A case's fields as a search reads them. */
export function searchDocument(f: SearchFields): SearchDocument {
  return {
    id: f.id,
    text: [f.id, ...f.names, ...f.emails, ...f.phones, f.text].map(foldText).join('\n'),
    phones: f.phones.map(phoneDigits).join(' '),
  };
}

/** What a search asks, or undefined for an empty one. Six digits or more with only phone punctuation is also a phone number. */
export function parseQuery(q: string): SearchQuery | undefined {
  const words = foldText(q).split(' ').filter(Boolean);
  if (!words.length) return undefined;
  const digits = phoneDigits(q);
  return /^[\s\d+()./-]+$/.test(q) && digits.length >= 6 ? { words, phone: digits } : { words };
}

/**
 * Whether a case answers a search: every word occurs in its fields (in any order, anywhere in a word: "vries"
 * finds "De Vries", "k-2026-5" does not find K-2026-005), or the phone number typed occurs in one of its phone numbers.
 */
export function matches(doc: SearchDocument, q: SearchQuery): boolean {
  if (q.phone && doc.phones.includes(q.phone)) return true;
  return q.words.every((w) => doc.text.includes(w));
}

/** How many characters a subject may have before it is cut at a word. */
const SUBJECT_LENGTH = 60;

/**
 * The short subject the Overzicht shows for a case: the subject of the e-mail it came in by (the complaint's
 * first line `Onderwerp: …`, as the e-mail intake writes it), else the first words of the complaint text; cut at
 * a word with "…" past {@link SUBJECT_LENGTH} characters. Markdown marks at line starts (#, >, -, *) are left out.
 * @example subjectOf('## Klacht\n\nDe factuur van oktober klopt niet.\n') === 'De factuur van oktober klopt niet.'
 */
export function subjectOf(body: string): string {
  const lines = complaintSection(body)
    .split('\n')
    .map((l) => l.replace(/^\s*(?:#+|>|[-*+]|\d+[.)])\s+/, '').trim())
    .filter(Boolean);
  const subject = /^onderwerp:\s*(.*)$/i.exec(lines[0] ?? '');
  const text = (subject?.[1]?.trim() || lines.join(' ')).replace(/\s+/g, ' ');
  if (text.length <= SUBJECT_LENGTH) return text;
  const cut = text.slice(0, SUBJECT_LENGTH + 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > SUBJECT_LENGTH / 2 ? cut.slice(0, space) : cut.slice(0, SUBJECT_LENGTH)).replace(/[\s,.;:–-]+$/, '')}…`;
}

/**
 * The Markdown body of a case file: what follows its closing `---` line (the whole text without frontmatter).
 * The same split as lib/cases/frontmatter.ts, without loading the YAML parsers, so the Overzicht's subjects load none.
 */
export function bodyOfCaseText(text: string): string {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const open = /^---[ \t]*\r?\n/.exec(clean);
  if (!open) return clean;
  const start = open[0].lastIndexOf('\n');
  const close = /\r?\n---[ \t]*(?:\r?\n|$)/.exec(clean.slice(start));
  return close ? clean.slice(start + close.index + close[0].length) : '';
}
