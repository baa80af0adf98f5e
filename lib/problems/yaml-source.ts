import jsyaml from 'js-yaml';
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';

/** The text without a leading UTF-8 byte order mark (editors on Windows write one). */
export const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** Result of reading YAML text: the data, or where and why it failed. */
export type YamlResult = { ok: true; data: unknown } | { ok: false; line: number; message: string };

/**
 * Parse YAML with the core schema: `2026-03-02` stays the string "2026-03-02" (a calendar date, never a
 * UTC-midnight Date that shifts a day west of Greenwich). Anchors that alias mappings or lists are refused:
 * case files never need them, and they are how a "YAML bomb" blows up.
 * Lines are 1-based and relative to `text`.
 */
export function readYaml(text: string): YamlResult {
  let data: unknown;
  try {
    data = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA });
  } catch (error) {
    const e = error as { mark?: { line: number }; reason?: string; message: string };
    return { ok: false, line: (e.mark?.line ?? 0) + 1, message: `malformed YAML: ${e.reason ?? e.message}` };
  }
  // an alias needs a `*`: most files have none, and skip the walk
  const shared = text.includes('*') ? findSharedNode(data) : undefined;
  if (shared) return { ok: false, line: lineOf(text, shared), message: 'YAML aliases (*name) of mappings or lists are not allowed' };
  return { ok: true, data };
}

/** The path of the first mapping or list that occurs twice in the tree (an alias), if any. */
function findSharedNode(root: unknown): (string | number)[] | undefined {
  const seen = new Set<object>();
  const walk = (node: unknown, path: (string | number)[]): (string | number)[] | undefined => {
    if (node === null || typeof node !== 'object') return undefined;
    if (seen.has(node)) return path;
    seen.add(node);
    const entries = Array.isArray(node) ? node.map((v, i) => [i, v] as const) : Object.entries(node);
    for (const [k, v] of entries) {
      const found = walk(v, [...path, k]);
      if (found) return found;
    }
    return undefined;
  };
  return walk(root, []);
}

const keyPatterns = new Map<string, RegExp>();
/** A pattern for `field:` at the start of a line; compiled once per field name. */
function topLevelKey(field: string): RegExp {
  let re = keyPatterns.get(field);
  if (!re) keyPatterns.set(field, (re = new RegExp(`^${field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`, 'm')));
  return re;
}

/**
 * The 1-based line of the deepest node on `path` that exists in `text` (the key's line for a mapping entry).
 * Only called when there is a problem to report, so its slower, position-keeping parser costs nothing on clean files.
 */
export function lineOf(text: string, path: readonly PropertyKey[]): number {
  if (path.length === 1 && typeof path[0] === 'string') {
    // a top-level field: its key starts a line (fast path, no second parse)
    const key = topLevelKey(path[0]).exec(text);
    if (key) return text.slice(0, key.index).split('\n').length;
  }
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, keepSourceTokens: false, uniqueKeys: false });
  let node: Node | null | undefined = doc.contents as Node | null;
  let offset = node?.range?.[0] ?? 0;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof key === 'number' && node.items[key]) {
      node = node.items[key] as Node;
      offset = node.range?.[0] ?? offset;
    } else break;
  }
  return counter.linePos(offset).line;
}
