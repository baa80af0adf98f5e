import { LineCounter, isPair, isScalar, isSeq, parseDocument, visit, type Node } from 'yaml';
import { t } from '../../schemas/language.ts';
import type { Problem } from '../problems/problems.ts';

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
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, uniqueKeys: false, logLevel: 'error' });
  const out: Problem[] = [];
  visit(doc, {
    Pair(_, pair, ancestors) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      const value = pair.value;
      if (!key || !FREE_TEXT_FIELDS.includes(key) || !isScalar(value) || value.type !== 'PLAIN' || !value.comment) return;
      const [start = 0, end = 0] = value.range ?? [];
      const lineEnd = yamlText.indexOf('\n', end);
      // only a comment on the value's own line: a comment on a line of its own is meant as one
      if (!/^[ \t]+#/.test(yamlText.slice(end, lineEnd === -1 ? undefined : lineEnd))) return;
      const valueLine = counter.linePos(start).line;
      const path: string[] = [];
      ancestors.forEach((node, i) => {
        if (isPair(node) && isScalar(node.key)) path.push(String(node.key.value));
        else if (isSeq(node)) path.push(String(node.items.indexOf(ancestors[i + 1] as Node)));
      });
      out.push({
        file,
        line: valueLine,
        field: [...path, key].join('.'),
        severity: 'warning',
        message: t(
          `na " #" leest YAML de rest van de regel als commentaar: alleen de tekst ervoor telt, en de brief toont de rest niet. Zet de hele tekst tussen aanhalingstekens, bijvoorbeeld ${key}: "Factuur #2026-12 was te hoog berekend."`,
          `YAML reads the rest of the line after " #" as a comment: only the text before it counts, and the letter leaves the rest out. Put the whole text in quotes, e.g. ${key}: "Factuur #2026-12 was te hoog berekend."`,
        ),
      });
    },
  });
  return out;
}
