import { escapeForOutput } from '../problems/problems.ts';

/**
 * Text as a Markdown code span that shows it literally in a GitHub issue or table: a fence longer than any
 * run of backticks in it (so a backtick in a folder name cannot close the span and turn on a live `@mention`
 * or `#123` reference), control characters escaped, and `|` escaped so it cannot split a table cell.
 * @example inlineCode('cases/a`@owner`/K-2026-001.md') // '`` cases/a`@owner`/K-2026-001.md ``'
 */
export function inlineCode(text: string): string {
  const s = escapeForOutput(text).replace(/\|/g, '\\|');
  const longest = Math.max(0, ...[...s.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = longest > 0 || s.startsWith(' ') || s.endsWith(' ') ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

/** Text for one cell of a Markdown table: on one line, `|` escaped. */
export const tableCell = (text: string): string => escapeForOutput(text).replace(/\|/g, '\\|');
