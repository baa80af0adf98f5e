import { stripBom } from '../problems/yaml-source.ts';

/** A case file split at its `---` lines, or why it cannot be. */
export type FrontmatterSplit =
  | {
      ok: true;
      /** The YAML between the `---` lines, starting with the newline after the opening one: its line numbers are the file's. */
      yamlText: string;
      /** The Markdown body after the closing `---` line. */
      body: string;
    }
  | { ok: false; reason: 'empty' | 'no_start' | 'no_end' };

const OPEN = /^---[ \t]*\r?\n/;
const CLOSE = /\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * Split a case file into frontmatter and body. A UTF-8 BOM and CRLF line ends are fine.
 * @example splitFrontmatter('---\nid: K-2026-001\n---\nText') // { ok: true, yamlText: '\nid: K-2026-001', body: 'Text' }
 */
export function splitFrontmatter(text: string): FrontmatterSplit {
  const clean = stripBom(text);
  if (clean.trim() === '') return { ok: false, reason: 'empty' };
  const open = OPEN.exec(clean);
  if (!open) return { ok: false, reason: 'no_start' };
  const start = open[0].lastIndexOf('\n');
  const close = CLOSE.exec(clean.slice(start));
  if (!close) return { ok: false, reason: 'no_end' };
  return { ok: true, yamlText: clean.slice(start, start + close.index), body: clean.slice(start + close.index + close[0].length) };
}
