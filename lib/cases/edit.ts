import { isMap, isScalar, isSeq, parseDocument, Scalar, type Document } from 'yaml';
import { readYaml } from '../problems/yaml-source.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { COMPLAINT_HEADING, headingLine } from './body.ts';

/** A path into the frontmatter: `['response', 'findings']`, `['steps', 2, 'date']`. */
export type FieldPath = readonly (string | number)[];

/** One change to a case file's frontmatter: set a value (a string, boolean, list or object) or remove the field. */
export type CaseEdit =
  | { op: 'set'; path: FieldPath; value: unknown }
  | { op: 'delete'; path: FieldPath }
  /** Add an item at the end of a list (created when missing), e.g. a handling step. */
  | { op: 'append'; path: FieldPath; value: unknown };

/** A case file after edits: the new text, or why the file could not be edited (no frontmatter, broken YAML). */
export type EditResult = { ok: true; text: string } | { ok: false; message: string };

const PLAIN_SAFE = /^[\p{L}\p{N}][\p{L}\p{N} .,;()'/&+-]*$/u;

/**
 * A YAML scalar for `value` that reads back as exactly `value` with the project's reader (lib/problems/yaml-source.ts).
 * Plain when that is unambiguous, a block literal for multi-line text that survives it, else double quotes
 * (which escape anything: ` #`, `: `, leading dashes or quotes, control characters, emoji).
 */
function scalarFor(doc: Document, value: string, quoted: boolean): Scalar {
  const node = doc.createNode(value) as Scalar;
  const candidates: Scalar.Type[] = quoted ? ['QUOTE_DOUBLE'] : value.includes('\n') ? ['BLOCK_LITERAL', 'QUOTE_DOUBLE'] : PLAIN_SAFE.test(value) ? ['PLAIN', 'QUOTE_DOUBLE'] : ['QUOTE_DOUBLE'];
  for (const type of candidates) {
    node.type = type;
    if (type === 'QUOTE_DOUBLE' || readsBackAs(doc, node, value)) return node;
  }
  return node;
}

/** Whether `key: <node>` reads back as `value` (the yaml library may pick another style for some strings). */
function readsBackAs(doc: Document, node: Scalar, value: string): boolean {
  const probe = parseDocument('x: ""');
  probe.set('x', node);
  const back = readYaml(probe.toString({ lineWidth: 0 }));
  return back.ok && (back.data as { x?: unknown }).x === value;
}

/** A YAML node for any value: strings through {@link scalarFor}, lists and objects item by item. */
function nodeFor(doc: Document, value: unknown, quoted: boolean): unknown {
  if (typeof value === 'string') return scalarFor(doc, value, quoted);
  if (Array.isArray(value)) {
    const seq = doc.createNode([]) as ReturnType<Document['createNode']> & { items: unknown[] };
    for (const v of value) seq.items.push(nodeFor(doc, v, quoted));
    return seq;
  }
  if (value !== null && typeof value === 'object') {
    const map = doc.createNode({}) as unknown as { set: (k: string, v: unknown) => void };
    for (const [k, v] of Object.entries(value)) if (v !== undefined) map.set(k, nodeFor(doc, v, quoted));
    return map;
  }
  return doc.createNode(value);
}

/** Remove empty parents left by a delete (a `response:` with nothing under it would be invalid). */
function pruneEmpty(doc: Document, path: FieldPath): void {
  for (let n = path.length - 1; n > 0; n--) {
    const parent = doc.getIn(path.slice(0, n), true);
    if ((isMap(parent) || isSeq(parent)) && parent.items.length === 0) doc.deleteIn(path.slice(0, n));
    else return;
  }
}

/**
 * Apply edits to a case file's frontmatter through the `yaml` Document API: comments, key order and the
 * quoting of every field not edited stay as written; the Markdown body is kept byte for byte (unless
 * `body` is given). A UTF-8 BOM and CRLF line ends are kept. Free text is written so that it reads back
 * exactly (see {@link scalarFor}). Pure; never throws.
 */
export function editCaseText(text: string, edits: readonly CaseEdit[], body?: string): EditResult {
  const first = applyEdits(text, edits, body, false);
  // a block literal can read back differently where it lands (trailing blank lines at the end of a list):
  // check every edited value, and fall back to double quotes, which always read back exactly
  if (!first.ok || readsBack(first.text, edits)) return first;
  return applyEdits(text, edits, body, true);
}

/** Whether every value set or appended reads back from `text` as given. */
function readsBack(text: string, edits: readonly CaseEdit[]): boolean {
  const split = splitFrontmatter(text);
  const read = split.ok ? readYaml(split.yamlText) : undefined;
  if (!read?.ok) return false;
  const at = (path: FieldPath) => path.reduce<unknown>((node, k) => (node as Record<string | number, unknown> | undefined)?.[k], read.data);
  return edits.every((e) => {
    if (e.op === 'delete') return true;
    const list = at(e.path);
    const got = e.op === 'set' ? list : Array.isArray(list) ? list[list.length - 1] : undefined;
    return JSON.stringify(got) === JSON.stringify(e.value);
  });
}

function applyEdits(text: string, edits: readonly CaseEdit[], body: string | undefined, quoted: boolean): EditResult {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const crlf = /\r\n/.test(text);
  const split = splitFrontmatter(text.replace(/\r\n/g, '\n'));
  if (!split.ok) return { ok: false, message: 'het bestand heeft geen kopblok (--- … ---) met de velden van de klacht' };
  const doc = parseDocument(split.yamlText.replace(/^\n/, ''), { keepSourceTokens: false });
  if (doc.errors.length) return { ok: false, message: `de velden van het bestand zijn niet leesbaar: ${doc.errors[0]!.message}` };
  if (!isMap(doc.contents)) return { ok: false, message: 'het kopblok van het bestand is geen lijst van velden' };
  for (const e of edits) {
    if (e.op === 'delete') {
      if (doc.hasIn(e.path)) doc.deleteIn(e.path);
      pruneEmpty(doc, e.path);
    } else if (e.op === 'set') {
      const old = doc.getIn(e.path, true);
      // an unchanged value keeps its quoting and comments
      if (isScalar(old) && old.value === e.value) continue;
      doc.setIn(e.path, nodeFor(doc, e.value, quoted));
    } else {
      const list = doc.getIn(e.path, true);
      if (isSeq(list)) list.items.push(nodeFor(doc, e.value, quoted) as never);
      else doc.setIn(e.path, nodeFor(doc, [e.value], quoted));
    }
  }
  const yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  const out = `---\n${yaml}---\n${body === undefined ? split.body : body}`;
  return { ok: true, text: bom + (crlf ? out.replace(/\r?\n/g, '\r\n') : out) };
}

/** The new text of a case file renumbered to `newId` (the `id` field; the caller renames the file). */
export function renumberCaseText(text: string, newId: string): EditResult {
  return editCaseText(text, [{ op: 'set', path: ['id'], value: newId }]);
}

/**
 * A case body with the section under `## heading` (up to the next `##` heading) replaced by `text`; the notes
 * and every other section stay byte for byte. Without that heading the section is added after the `## Klacht`
 * section (or at the end); an empty `text` removes the section, unless `keepEmpty`.
 */
export function replaceBodySection(body: string, heading: string, text: string, keepEmpty = false): string {
  const eol = /\r\n/.test(body) ? '\r\n' : '\n';
  const value = text.trim().replace(/\r?\n/g, eol);
  const lines = body.split(/\r?\n/);
  const start = headingLine(lines, heading);
  const nextHeading = (from: number) => {
    const i = lines.slice(from).findIndex((l) => /^##\s/.test(l.trim()));
    return i < 0 ? lines.length : from + i;
  };
  if (start < 0) {
    if (!value) return body;
    const complaint = headingLine(lines, COMPLAINT_HEADING);
    const at = complaint < 0 ? lines.length : nextHeading(complaint + 1);
    const before = lines.slice(0, at);
    while (before.length && before.at(-1)!.trim() === '') before.pop();
    const after = lines.slice(at);
    return [...before, '', `## ${heading}`, '', value, ...(after.length ? ['', ...after] : [''])].join(eol);
  }
  const end = nextHeading(start + 1);
  if (!value && !keepEmpty) {
    const kept = [...lines.slice(0, start), ...lines.slice(end)];
    return kept.join(eol);
  }
  const tail = end === lines.length ? [''] : ['', ...lines.slice(end)];
  return [...lines.slice(0, start + 1), '', value, ...tail].join(eol);
}

/**
 * A case body with the complaint as received (the part under `## Klacht`, up to the next `##` heading)
 * replaced by `complaint`; the notes and any other section stay byte for byte. A body without that heading
 * is the complaint as a whole (as `complaintSection` reads it) and is replaced with a `## Klacht` section.
 * @example replaceComplaintSection('\n## Klacht\n\noud\n\n## Notities\n\nx\n', 'nieuw') // '\n## Klacht\n\nnieuw\n\n## Notities\n\nx\n'
 */
export function replaceComplaintSection(body: string, complaint: string): string {
  const eol = /\r\n/.test(body) ? '\r\n' : '\n';
  if (headingLine(body.split(/\r?\n/), COMPLAINT_HEADING) < 0) return `${eol}## ${COMPLAINT_HEADING}${eol}${eol}${complaint.trim().replace(/\r?\n/g, eol)}${eol}`;
  return replaceBodySection(body, COMPLAINT_HEADING, complaint, true);
}
