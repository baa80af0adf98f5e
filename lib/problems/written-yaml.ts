/**
 * A quick reader for the YAML this project writes (`yaml`'s stringify with `lineWidth: 0`): block mappings and
 * lists indented with spaces, one value a line, plain or quoted on one line, and flow lists of plain words
 * (`categories: [communicatie]`). It reads 10,000 case files in a fraction of js-yaml's time and with a fraction of
 * its garbage, because it only looks at each line's start and end. Anything else (a comment, a tab, a text over
 * two lines, a block scalar, an anchor, a duplicate key, a value starting with an indicator, …) gives undefined:
 * the caller then reads the text with js-yaml, which also names any error. Where it answers, it answers as
 * js-yaml does: the plain scalars are resolved by the schema's own implicit types, in its order
 * (`test/lib/problems/written-yaml.test.ts` compares the two on generated YAML). Pure.
 */

/** Resolves a plain scalar as the schema does: the value of the first implicit type that takes it, else the text. */
export type ResolvePlain = (text: string) => unknown;

/** Not in the subset: the caller reads the text with js-yaml. */
class Unread extends Error {}
const UNREAD = new Unread();

// what js-yaml refuses (non-printable), and what this reader leaves to it: tabs, CR, NEL, separators, BOM, surrogates
const LEAVE = /[\x00-\x09\x0B-\x1F\x7F-\x9F\u2028\u2029\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/;
// a plain scalar cannot start with an indicator, nor with "-", "?" or ":" and a space ("- a" is a list item)
const INDICATOR = /^(?:[,[\]{}#&*!|>'"%@`]|[-?:](?: |$))/;
// in a flow list, a plain word holds no flow indicator, quote or colon
const FLOW_ITEM = /^[^-?:,[\]{}#&*!|>'"%@`\s][^:,[\]{}#'"]*$/;

/**
 * The data of `text` (a block mapping at its top), or undefined when the text is not of the subset described
 * above. `resolve` turns a plain scalar into its value.
 */
export function readWrittenYaml(text: string, resolve: ResolvePlain): Record<string, unknown> | undefined {
  if (LEAVE.test(text) || text.includes(' #')) return undefined;
  const lines = new Lines(text);
  try {
    if (lines.done || lines.indent !== 0) return undefined;
    const data = readMapping(lines, 0, lines.start, resolve);
    return lines.done ? data : undefined;
  } catch (e) {
    if (e === UNREAD) return undefined;
    throw e;
  }
}

/** The text's non-blank lines, one at a time: where the current one's content starts and ends (trailing spaces dropped). */
class Lines {
  readonly text: string;
  private next = 0;
  done = false;
  indent = 0;
  start = 0;
  end = 0;
  constructor(text: string) {
    this.text = text;
    this.advance();
  }
  /** Move to the next non-blank line. */
  advance(): void {
    const text = this.text;
    for (;;) {
      if (this.next > text.length) {
        this.done = true;
        return;
      }
      const lineStart = this.next;
      let end = text.indexOf('\n', lineStart);
      if (end === -1) end = text.length;
      this.next = end + 1;
      let i = lineStart;
      while (i < end && text.charCodeAt(i) === 0x20) i++;
      while (end > i && text.charCodeAt(end - 1) === 0x20) end--;
      if (i < end) {
        this.indent = i - lineStart;
        this.start = i;
        this.end = end;
        return;
      }
    }
  }
}

/** Where the key at `i` ends (its ":"), when `i` starts `key:` followed by a space or the line's end; else -1. */
function keyEnd(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (!(isLetter(c) || c === 0x5f)) return -1;
  let j = i + 1;
  for (let d = text.charCodeAt(j); isLetter(d) || isDigit(d) || d === 0x5f; d = text.charCodeAt(++j));
  if (j >= end || text.charCodeAt(j) !== 0x3a) return -1;
  return j + 1 === end || text.charCodeAt(j + 1) === 0x20 ? j : -1;
}
const isLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** A block mapping whose keys start at column `indent`; its first key starts at `from` of the current line. */
function readMapping(lines: Lines, indent: number, from: number, resolve: ResolvePlain): Record<string, unknown> {
  const { text } = lines;
  const map: Record<string, unknown> = {};
  for (;;) {
    const colon = keyEnd(text, from, lines.end);
    if (colon < 0) throw UNREAD;
    const name = text.slice(from, colon);
    // a key that the schema reads as something else (True, NULL: of the keys keyEnd takes, only null, true and
    // false in their spellings, all of 4 or 5 letters), that an object treats specially, or twice (a key named like an
    // inherited member, such as constructor, counts as twice: js-yaml is asked, at no risk)
    if (name === '__proto__' || map[name] !== undefined || ((name.length === 4 || name.length === 5) && resolve(name) !== name))
      throw UNREAD;
    let v = colon + 1;
    while (v < lines.end && text.charCodeAt(v) === 0x20) v++;
    const value = v < lines.end ? text.slice(v, lines.end) : undefined;
    lines.advance();
    if (value === undefined) {
      // a nested block on the lines below, deeper; or nothing (null)
      map[name] = !lines.done && lines.indent > indent ? readBlock(lines, resolve) : null;
    } else {
      map[name] = readInline(value, resolve);
      if (!lines.done && lines.indent > indent) throw UNREAD; // a text continued on the next line
    }
    if (lines.done || lines.indent < indent) return map;
    if (lines.indent > indent) throw UNREAD;
    from = lines.start;
  }
}

/** A block mapping or list starting on the current line. */
function readBlock(lines: Lines, resolve: ResolvePlain): unknown {
  return isItem(lines) ? readList(lines, lines.indent, resolve) : readMapping(lines, lines.indent, lines.start, resolve);
}

/** Whether the current line starts a list item ("- "). */
const isItem = (lines: Lines): boolean =>
  lines.text.charCodeAt(lines.start) === 0x2d && lines.start + 1 < lines.end && lines.text.charCodeAt(lines.start + 1) === 0x20;

/** A block list whose "- " start at column `indent`. */
function readList(lines: Lines, indent: number, resolve: ResolvePlain): unknown[] {
  const { text } = lines;
  const list: unknown[] = [];
  for (;;) {
    if (!isItem(lines)) throw UNREAD;
    let item = lines.start + 2;
    while (text.charCodeAt(item) === 0x20) item++;
    if (keyEnd(text, item, lines.end) >= 0) list.push(readMapping(lines, indent + item - lines.start, item, resolve));
    else {
      list.push(readInline(text.slice(item, lines.end), resolve));
      lines.advance();
      if (!lines.done && lines.indent > indent) throw UNREAD;
    }
    if (lines.done || lines.indent < indent) return list;
    if (lines.indent > indent) throw UNREAD;
  }
}

/** A value on the rest of a line: a quoted text, a flow list of plain words, or a plain scalar. */
function readInline(value: string, resolve: ResolvePlain): unknown {
  const c = value.charCodeAt(0);
  if (c === 0x22) return doubleQuoted(value);
  if (c === 0x27) return singleQuoted(value);
  if (c === 0x5b) return flowList(value, resolve);
  if (value === '{}') return {};
  if (INDICATOR.test(value) || value.includes(': ') || value.endsWith(':')) throw UNREAD;
  return resolve(value);
}

/** `"…"` on one line, with JSON's escapes only (whose meaning YAML shares); other escapes are left to js-yaml. */
function doubleQuoted(value: string): string {
  if (value.length < 2 || !value.endsWith('"')) throw UNREAD;
  const inner = value.slice(1, -1);
  if (!inner.includes('\\')) {
    if (inner.includes('"')) throw UNREAD;
    return inner;
  }
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed === 'string') return parsed;
  } catch {
    // an escape JSON does not have (\x41, \e, \N), or a quote inside: js-yaml's
  }
  throw UNREAD;
}

/** `'…'` on one line, with `''` for a quote. */
function singleQuoted(value: string): string {
  if (value.length < 2 || !value.endsWith("'")) throw UNREAD;
  const inner = value.slice(1, -1);
  if (inner.replaceAll("''", '').includes("'")) throw UNREAD;
  return inner.replaceAll("''", "'");
}

/** `[a, b]` on one line, of plain words. */
function flowList(value: string, resolve: ResolvePlain): unknown[] {
  if (!value.endsWith(']')) throw UNREAD;
  const inner = value.slice(1, -1).trim();
  if (inner === '') return [];
  return inner.split(',').map((part) => {
    const item = part.trim();
    if (!FLOW_ITEM.test(item)) throw UNREAD;
    return resolve(item);
  });
}
