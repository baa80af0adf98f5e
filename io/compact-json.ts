/**
 * A compact encoding of JSON-like data for the check cache: every string and number is stored once (in a
 * table), every object's keys once per shape, and the structure as one flat list of small whole numbers.
 * 100,000 cases with the same fields, the same few organizers, statuses and dates take a fraction of their
 * plain JSON, parse into one array of small integers (no object per value), and decode into objects that
 * share their strings. `decode(encode(x))` equals `JSON.parse(JSON.stringify(x))`, key order included (so
 * the commands print the same bytes): undefined properties are left out, as JSON does.
 *
 * Each token is `payload * 8 + kind`: a string (payload: its index in `strings`), a number (its index in
 * `numbers`), a list (its length; its items follow), an object (its shape, the index of its keys in
 * `shapes`; its values follow), null, true or false.
 */
export interface Compact {
  tokens: number[];
  strings: string[];
  numbers: number[];
  shapes: string[][];
}

const STRING = 0;
const NUMBER = 1;
const LIST = 2;
const OBJECT = 3;
const NULL = 4;
const TRUE = 5;
const FALSE = 6;

/** Tokens are handed on in pieces of this many: 100,000 cases never need their whole token list at once. */
const PIECE = 65_536;

/**
 * Write a list of `count` JSON-like values (strings, finite numbers, booleans, null, lists, plain objects),
 * `itemAt(0)` to `itemAt(count - 1)`, as the JSON text of a {@link Compact}, in pieces: the tokens first,
 * as they are made, then the tables.
 */
export function writeCompact(count: number, itemAt: (i: number) => unknown, write: (text: string) => void): void {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const numbers: number[] = [];
  const numberIndex = new Map<number, number>();
  const shapes: string[][] = [];
  const shapeIndex = new Map<string, number>();
  let tokens: number[] = [];
  let first = true;
  const push = (token: number) => {
    if (tokens.push(token) < PIECE) return;
    write((first ? '{"tokens":[' : ',') + tokens.join(','));
    first = false;
    tokens = [];
  };
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      let i = stringIndex.get(v);
      if (i === undefined) stringIndex.set(v, (i = strings.push(v) - 1));
      push(i * 8 + STRING);
    } else if (typeof v === 'number' && Number.isFinite(v)) {
      let i = numberIndex.get(v);
      if (i === undefined) numberIndex.set(v, (i = numbers.push(v) - 1));
      push(i * 8 + NUMBER);
    } else if (typeof v === 'boolean') push(v ? TRUE : FALSE);
    else if (Array.isArray(v)) {
      push(v.length * 8 + LIST);
      // as JSON: an undefined item or a function becomes null
      for (const item of v)
        if (item === undefined || typeof item === 'function') push(NULL);
        else walk(item);
    } else if (v !== null && typeof v === 'object') {
      const keys: string[] = [];
      const values: unknown[] = [];
      for (const [k, x] of Object.entries(v))
        if (x !== undefined && typeof x !== 'function') {
          keys.push(k);
          values.push(x);
        }
      const id = JSON.stringify(keys);
      let s = shapeIndex.get(id);
      if (s === undefined) shapeIndex.set(id, (s = shapes.push(keys) - 1));
      push(s * 8 + OBJECT);
      for (const x of values) walk(x);
    } else push(NULL); // null, and as JSON: NaN and ±Infinity
  };
  push(count * 8 + LIST);
  for (let i = 0; i < count; i++) {
    const item = itemAt(i);
    if (item === undefined || typeof item === 'function') push(NULL);
    else walk(item);
  }
  write(`${(first ? '{"tokens":[' : tokens.length ? ',' : '') + tokens.join(',')}],"strings":`);
  for (let i = 0; i < strings.length; i += PIECE) write((i ? ',' : '[') + JSON.stringify(strings.slice(i, i + PIECE)).slice(1, -1));
  write(`${strings.length ? '' : '['}],"numbers":${JSON.stringify(numbers)},"shapes":${JSON.stringify(shapes)}}`);
}

/** A JSON-like value as a {@link Compact} (the tables and tokens of {@link writeCompact}, as one object). */
export function encode(value: unknown): Compact {
  const pieces: string[] = [];
  const list = Array.isArray(value) ? value : [value];
  writeCompact(
    list.length,
    (i) => list[i],
    (text) => pieces.push(text),
  );
  const c = JSON.parse(pieces.join('')) as Compact;
  // a value that is not a list: drop the list of one around it
  if (!Array.isArray(value)) c.tokens.shift();
  return c;
}

/** Decode what {@link writeCompact} or {@link encode} made. Throws on input they did not make (the caller then starts afresh). */
export function decode({ strings, numbers, shapes, tokens }: Compact): unknown {
  let at = 0;
  const walk = (): unknown => {
    const token = tokens[at++];
    if (token === undefined) throw new RangeError('the tokens end too soon');
    const payload = Math.floor(token / 8);
    switch (token % 8) {
      case STRING:
        return lookUp(strings, payload);
      case NUMBER:
        return lookUp(numbers, payload);
      case LIST: {
        const out: unknown[] = new Array(payload);
        for (let i = 0; i < payload; i++) out[i] = walk();
        return out;
      }
      case OBJECT: {
        const out: Record<string, unknown> = {};
        for (const k of lookUp(shapes, payload))
          // an own property named __proto__, as JSON.parse makes it (an assignment would set the prototype)
          if (k === '__proto__') Object.defineProperty(out, k, { value: walk(), enumerable: true, writable: true, configurable: true });
          else out[k] = walk();
        return out;
      }
      case NULL:
        return null;
      case TRUE:
        return true;
      case FALSE:
        return false;
      default:
        throw new RangeError(`no token ${token}`);
    }
  };
  const value = walk();
  if (at !== tokens.length) throw new RangeError('tokens left over');
  return value;
}

function lookUp<T>(table: readonly T[], i: number): T {
  if (i >= table.length) throw new RangeError(`no entry ${i} in a table of ${table.length}`);
  return table[i]!;
}
