import { t } from '../../schemas/language.ts';
import type { Problem } from '../problems/problems.ts';
import { lineAt, listItems, yamlNodes, type YamlNode } from '../problems/yaml-source.ts';

/** The case fields that hold free text, where a ` #` is far more likely meant as text than as a comment. */
export const FREE_TEXT_FIELDS = ['name', 'relation', 'address', 'note', 'findings', 'conclusions', 'mediation', 'reference', 'action'];

// cheap first look: a free-text key, an unquoted value, then " #" later on the line
const SUSPECT = new RegExp(`^[ \\t-]*(?:${FREE_TEXT_FIELDS.join('|')}):[ \\t]+[^'"\\s#|>][^\\n]*?[ \\t]#`, 'm');

/**
 * Warnings for free-text fields whose line holds a YAML comment after the text: `findings: Factuur #2026-12 …`
 * reads as "Factuur", the rest is a comment that no letter shows. Pure; the warning names the field and line,
 * never the text itself (it may hold personal data). `yamlText` keeps the file's line numbers.
 */
export function truncatedTextWarnings(file: string, yamlText: string): Problem[] {
  // most files have no " #" at all: one quick search spares the pattern, which tries every line
  if ((!yamlText.includes(' #') && !yamlText.includes('\t#')) || !SUSPECT.test(yamlText)) return [];
  const out: Problem[] = [];
  const walk = (node: YamlNode | undefined, path: string[]): void => {
    if (node?.kind === 'sequence') listItems(node, yamlText).forEach((item, i) => walk(item.node, [...path, String(i)]));
    if (node?.kind !== 'mapping') return;
    for (let i = 0; i + 1 < node.children.length; i += 2) {
      const [k, value] = [node.children[i]!, node.children[i + 1]!];
      const key = k.kind === 'scalar' ? String(k.value) : undefined;
      const start = key && FREE_TEXT_FIELDS.includes(key) && value.kind === 'scalar' ? textStart(yamlText, value.start) : -1;
      if (start !== -1 && isPlainAt(yamlText, start) && commentFollows(yamlText, start, value.end))
        out.push({
          file,
          line: lineAt(yamlText, start),
          field: [...path, key].join('.'),
          severity: 'warning',
          message: t(
            `na " #" leest YAML de rest van de regel als commentaar: alleen de tekst ervoor telt, en de brief toont de rest niet. Zet de hele tekst tussen aanhalingstekens, bijvoorbeeld ${key}: "Factuur #2026-12 was te hoog berekend."`,
            `YAML reads the rest of the line after " #" as a comment: only the text before it counts, and the letter leaves the rest out. Put the whole text in quotes, e.g. ${key}: "Factuur #2026-12 was te hoog berekend."`,
          ),
        });
      walk(value, key === undefined ? path : [...path, key]);
    }
  };
  walk(yamlNodes(yamlText), []);
  return out;
}

const SPACE = /\s*/y;

/** Where a value's text starts: past the blanks after its key's colon. */
function textStart(text: string, at: number): number {
  SPACE.lastIndex = at;
  SPACE.exec(text);
  return SPACE.lastIndex;
}

/** A plain text starts here: no quote, block or flow sign, tag, anchor or alias. */
const isPlainAt = (text: string, at: number): boolean => at < text.length && !`'"|>[{!&*#`.includes(text[at]!);

/**
 * js-yaml stopped reading the text that starts at `start` at `end`, on a `#` after blanks on the text's own
 * line: a comment there, not on a line of its own (which is meant as one).
 */
function commentFollows(text: string, start: number, end: number): boolean {
  if (text[end] !== '#') return false;
  let k = end;
  while (k > start && (text[k - 1] === ' ' || text[k - 1] === '\t')) k--;
  return k < end && k > start && text[k - 1] !== '\n' && text[k - 1] !== '\r';
}
