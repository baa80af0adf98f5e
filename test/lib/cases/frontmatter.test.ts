import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../../lib/cases/frontmatter.ts';

describe('splitFrontmatter', () => {
  it.each([
    ['LF', '---\nid: K-2026-001\nstatus: open\n---\nDe klacht.\n', '\nid: K-2026-001\nstatus: open', 'De klacht.\n'],
    ['CRLF', '---\r\nid: K-2026-001\r\n---\r\nDe klacht.\r\n', '\nid: K-2026-001', 'De klacht.\r\n'],
    ['BOM', '\uFEFF---\nid: K-2026-001\n---\n', '\nid: K-2026-001', ''],
    ['no body, no final newline', '---\nid: K-2026-001\n---', '\nid: K-2026-001', ''],
    ['empty frontmatter', '---\n---\nText', '', 'Text'],
    ['--- inside the body stays', '---\na: 1\n---\nx\n---\ny', '\na: 1', 'x\n---\ny'],
  ])('%s', (_, text, yamlText, body) => {
    expect(splitFrontmatter(text)).toEqual({ ok: true, yamlText, body });
  });

  it('keeps the file’s line numbers: line n of yamlText is line n of the file', () => {
    const split = splitFrontmatter('---\na: 1\nb: 2\n---\n');
    expect(split.ok && split.yamlText.split('\n')[2]).toBe('b: 2');
  });

  it.each([
    ['empty', ' \n\n', 'empty'],
    ['no_start', 'id: K-2026-001\n', 'no_start'],
    ['no_end', '---\nid: K-2026-001\n', 'no_end'],
  ])('%s', (_, text, reason) => {
    expect(splitFrontmatter(text)).toEqual({ ok: false, reason });
  });
});
