import jsyaml from 'js-yaml';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { t } from '../../schemas/language.ts';
import { readWrittenYaml } from './written-yaml.ts';

/** The text without a leading UTF-8 byte order mark (editors on Windows write one). */
export const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** Result of reading YAML text: the data, or where and why it failed. */
export type YamlResult = { ok: true; data: unknown } | { ok: false; line: number; message: string; field?: string };

/** The 1-based line of an offset in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

const CONFLICT = /^(?:<{7}|>{7})(?:[ \t].*)?\r?$/m;

/** The 1-based line of the first Git conflict marker (`<<<<<<<` or `>>>>>>>` opening a line), if any. */
export function conflictMarkerLine(text: string): number | undefined {
  if (!text.includes('<<<<<<<') && !text.includes('>>>>>>>')) return undefined; // most texts: no pattern to try
  const m = CONFLICT.exec(text);
  return m ? lineAt(text, m.index) : undefined;
}

/** The message for a file with Git conflict markers: two versions of it are mixed, the organizer must choose. */
export const conflictMessage = (): string =>
  t(
    'Git-conflict: dit bestand bevat twee versies tussen de regels <<<<<<<, ======= en >>>>>>> (na een git pull of merge). ' +
      'Kies per blok de juiste versie, verwijder de drie markeringsregels, en let op dat er maar één klacht in staat: ' +
      'staan er twee klagers in, geef de tweede klacht een eigen dossiernummer (npm run new-case)',
    'Git conflict: this file holds two versions between the lines <<<<<<<, ======= and >>>>>>> (after a git pull or merge). ' +
      'Choose the right version of each block, remove the three marker lines, and make sure the file holds one complaint only: ' +
      'if it holds two complainants, give the second complaint its own id (npm run new-case)',
  );

const oneMessage = (nl: string, en: string) => ({ message: t(nl, en) });

const QUOTE_EXAMPLE = 'findings: "Factuur #2026-12: te hoog berekend."';

/** A js-yaml failure in words the organizer can act on, with an example of the right form. */
function yamlMessage(reason: string, lineText: string): { message: string; field?: string } {
  // `key: text: more`: an unquoted text with ": " in it reads as a second key
  const entry = /^\s*(?:-\s+)?([A-Za-z_][\w-]*):[ \t]+([^'"\[{|>\s][^\n]*)$/.exec(lineText);
  if (/bad indentation of a mapping entry|incomplete explicit mapping pair/.test(reason) && entry && /:\s/.test(entry[2]! + ' '))
    return {
      field: entry[1],
      message: t(
        `de tekst van ${entry[1]} bevat een dubbele punt met een spatie erna (": "); zet de hele tekst tussen aanhalingstekens, bijvoorbeeld ${entry[1]}: "De klant zei: het was te duur."`,
        `the text of ${entry[1]} holds a colon followed by a space (": "); put the whole text in quotes, e.g. ${entry[1]}: "De klant zei: het was te duur."`,
      ),
    };
  if (/bad indentation/.test(reason))
    return oneMessage(
      'de inspringing klopt niet: velden op hetzelfde niveau beginnen even ver naar rechts, met spaties (geen tabs), bijvoorbeeld "response:" met op de regels eronder "  date: 2026-11-24" en "  findings: …"',
      'malformed YAML: bad indentation: fields on the same level start in the same column, indented with spaces (no tabs), e.g. "response:" with "  date: 2026-11-24" and "  findings: …" on the lines below it',
    );
  if (/duplicated mapping key/.test(reason))
    return oneMessage('dit veld staat twee keer in het blok; laat er één over', 'malformed YAML: duplicated mapping key; keep one of them');
  if (/within a (?:double|single) quoted scalar/.test(reason))
    return oneMessage(
      `een aanhalingsteken is niet gesloten: sluit de tekst af met hetzelfde teken waarmee hij begint, bijvoorbeeld ${QUOTE_EXAMPLE}`,
      `malformed YAML: a quote is not closed: end the text with the quote it starts with, e.g. ${QUOTE_EXAMPLE}`,
    );
  return oneMessage(
    `onleesbare YAML (${reason}): controleer deze regel; zet tekst met ": " of " #" erin tussen aanhalingstekens, bijvoorbeeld ${QUOTE_EXAMPLE}`,
    `malformed YAML: ${reason}`,
  );
}

/**
 * A plain scalar that none of the core schema's implicit types (null, bool, int, float) can take: it starts with
 * none of `~ + - . 0-9`, is no 4- or 5-letter word starting with n, t or f (null, true, false), and is no date's
 * `YYYY-`. It stays text, as in the core schema, after a look at its first characters instead of four tries
 * (one a regular expression): js-yaml reads 10,000 typical case files in 114 ms instead of 126.
 */
const plainText = new jsyaml.Type('tag:yaml.org,2002:str', {
  kind: 'scalar',
  resolve: (data: string | null): boolean => {
    if (data === null || data.length === 0) return false;
    const c = data.charCodeAt(0);
    if (c >= 0x30 && c <= 0x39) return isYearDash(data); // a number or a date
    if (c === 0x7e || c === 0x2b || c === 0x2d || c === 0x2e) return false; // ~ + - .
    if (c === 0x6e || c === 0x4e || c === 0x74 || c === 0x54 || c === 0x66 || c === 0x46) return data.length !== 4 && data.length !== 5; // n N t T f F
    return true;
  },
  construct: (data: string) => data,
});

/** `YYYY-…`: four digits and a hyphen, which no integer or float has. */
function isYearDash(s: string): boolean {
  if (s.length < 5 || s.charCodeAt(4) !== 0x2d) return false;
  for (let i = 1; i < 4; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

// YAML 1.2's core integers and floats as the `yaml` package reads them, which writes the case files: js-yaml's
// own also take 0b101, -0x1F and -0o7, which `yaml` writes unquoted as texts, so a text would come back a number
const INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const FLOAT = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const int = new jsyaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && INT.test(data),
  construct: (data: string) =>
    data[1] === 'o' ? parseInt(data.slice(2), 8) : data[1] === 'x' ? parseInt(data.slice(2), 16) : parseInt(data, 10),
});
const float = new jsyaml.Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && FLOAT.test(data),
  construct: (data: string) =>
    /^\.nan$/i.test(data) ? NaN : /^[-+]?\.inf$/i.test(data) ? (data[0] === '-' ? -Infinity : Infinity) : parseFloat(data),
});

// js-yaml exports the core schema's types; @types/js-yaml does not declare them
const { types } = jsyaml as unknown as { types: Record<'null' | 'bool', jsyaml.Type> };
/** The implicit types of YAML 1.2's core schema, with {@link plainText} tried first: the same values, sooner. */
const IMPLICIT = [plainText, types.null, types.bool, int, float];
/**
 * The schema every YAML file of the project is read with: YAML 1.2's core schema as the `yaml` package reads and
 * writes it (null, true/false, integers, floats), dates and everything else as text.
 */
export const YAML_SCHEMA = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: IMPLICIT });

/** A plain scalar's value as js-yaml gives it under {@link YAML_SCHEMA}: the first implicit type that takes it, else the text. */
export function resolvePlain(text: string): unknown {
  // by index: a for-of made an iterator for each plain scalar, some 20 a case file
  for (let i = 0; i < IMPLICIT.length; i++) if (IMPLICIT[i]!.resolve(text)) return IMPLICIT[i]!.construct(text);
  return text;
}

/**
 * Parse YAML with {@link YAML_SCHEMA}: `2026-03-02` stays the string "2026-03-02" (a calendar date, never a
 * UTC-midnight Date that shifts a day west of Greenwich). Anchors that alias mappings or lists are refused:
 * case files never need them, and they are how a "YAML bomb" blows up. Git conflict markers are named as such.
 * Lines are 1-based and relative to `text`.
 */
export function readYaml(text: string): YamlResult {
  const conflict = conflictMarkerLine(text);
  if (conflict !== undefined) return { ok: false, line: conflict, message: conflictMessage() };
  // the YAML this project writes is read without js-yaml (lib/problems/written-yaml.ts); the rest, and every error, by js-yaml
  const written = readWrittenYaml(text, resolvePlain);
  if (written !== undefined) return { ok: true, data: written };
  let data: unknown;
  try {
    data = jsyaml.load(text, { schema: YAML_SCHEMA });
  } catch (error) {
    const e = error as { mark?: { line: number }; reason?: string; message: string };
    const line = e.mark?.line ?? 0;
    return { ok: false, line: line + 1, ...yamlMessage(e.reason ?? e.message, text.split('\n')[line] ?? '') };
  }
  // an alias needs a `*`: most files have none, and skip the walk
  const shared = text.includes('*') ? findSharedNode(data) : undefined;
  if (shared)
    return {
      ok: false,
      line: lineOf(text, shared),
      message: t(
        'YAML-verwijzingen (*naam) naar blokken of lijsten zijn niet toegestaan; schrijf de waarden uit',
        'YAML aliases (*name) of mappings or lists are not allowed',
      ),
    };
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
 * The 1-based line of the deepest node on `path` that exists in `text` (the key's line for a mapping entry), from
 * the `yaml` package's positions (its LineCounter): js-yaml keeps none in its result. Only called when there is a
 * problem to report, so this second, position-keeping parse costs nothing on clean files.
 */
export function lineOf(text: string, path: readonly PropertyKey[]): number {
  if (path.length === 1 && typeof path[0] === 'string') {
    // a top-level field: its key starts a line (fast path, no second parse)
    const key = topLevelKey(path[0]).exec(text);
    if (key) return lineAt(text, key.index);
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
