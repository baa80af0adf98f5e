// Words only developers read (issue 25, "her words only"): none may reach a werkplek page or a document the
// organizer reads. test/werkplek/her-words.test.ts renders every route of the route table (a new page without a
// sample address there fails that test) and every document, and looks for these in what a person sees.
import { vocabulary } from '../../lib/vocabulary/index.ts';

/** Every field key with a dot or an underscore (complainant.name, withdrawn_on): a key she would have to know. */
export const KEY_NAMES: readonly string[] = Object.keys(vocabulary('nl').field).filter((k) => /[._]/.test(k));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The developer words, each a pattern over visible text (case-insensitive where a word could start a sentence). */
export const DEVELOPER_WORDS: readonly RegExp[] = [
  /\bgit\b/i,
  /\bcommit(s|ted)?\b/i,
  /\bremotes?\b/i,
  /\brepositor(y|ies)\b/i,
  /\bbranch\b/i,
  /\bdetached\b/i,
  /\bindex\.lock\b/i,
  /\bcases\//,
  /\w\.md\b/,
  /\bdossierbestand(en)?\b/i,
  /\bbestand (van|cases)\b/i,
  /\bya?ml\b/i,
  /\bnpm\b/i,
  /\bmarkdown\b/i,
  /\bfrontmatter\b/i,
  /^#{1,6} /m,
  ...KEY_NAMES.map((k) => new RegExp(`\\b${escape(k)}\\b`)),
];

/**
 * The developer words in `text`, each as it was found (none is the goal). `keysAllowed`: the repair page, where
 * she edits the dossier's own text and its keys are what she reads there.
 */
export function developerWordsIn(text: string, o: { keysAllowed?: boolean } = {}): string[] {
  const words = o.keysAllowed ? DEVELOPER_WORDS.slice(0, DEVELOPER_WORDS.length - KEY_NAMES.length) : DEVELOPER_WORDS;
  return words.flatMap((re) => {
    const m = re.exec(text);
    return m ? [`${m[0]} (…${text.slice(Math.max(0, m.index - 40), m.index + 40).replace(/\s+/g, ' ')}…)`] : [];
  });
}

/**
 * What a person sees of an HTML page as our words: its text without tags, scripts and styles, entities decoded;
 * without what she typed herself (a textarea's content: the dossier's text, the complaint).
 */
export function visibleText(html: string): string {
  return html
    .replace(/<(script|style|textarea)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
