import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode, encode, writeCompact, type Compact } from '../../io/compact-json.ts';

/** What the check cache held before: the value after a JSON round trip. */
const viaJson = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

describe('compact JSON of the check cache', () => {
  it('decodes to what JSON would give, with the same key order (so the commands print the same bytes)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const back = decode(JSON.parse(JSON.stringify(encode(v))) as ReturnType<typeof encode>);
        expect(JSON.stringify(back)).toBe(JSON.stringify(v));
        expect(back).toEqual(viaJson(v));
      }),
      { numRuns: 500 },
    );
  });

  it('leaves out undefined properties as JSON does, keeps an own __proto__ key, writes NaN as null', () => {
    const v = { a: undefined, b: [undefined, 1, NaN], ['__proto__']: { x: 1 }, c: -0 };
    const back = decode(encode(v)) as Record<string, unknown>;
    expect(JSON.stringify(back)).toBe(JSON.stringify(viaJson(v)));
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.keys(back)).toEqual(['b', '__proto__', 'c']);
  });

  it('stores each string and each object shape once, and decoded objects share their strings', () => {
    const cases = Array.from({ length: 1000 }, (_, i) => ({ id: `K-2026-${i}`, status: 'open', received: '2026-03-02', steps: [] }));
    const c = encode(cases);
    expect(c.strings.length).toBe(1000 + 2);
    expect(c.shapes).toEqual([['id', 'status', 'received', 'steps']]);
    // the structure is one list of small whole numbers: JSON.parse makes no object per value
    expect(c.tokens.every((t) => Number.isInteger(t) && t >= 0)).toBe(true);
    expect(JSON.stringify(c).length).toBeLessThan(JSON.stringify(cases).length / 2);
    expect(decode(c)).toEqual(cases);
  });

  it('writes a long list in pieces that together are the JSON of its Compact', () => {
    const items = Array.from({ length: 30_000 }, (_, i) => [i % 7, { id: `K-2026-${i}`, late: i % 3 === 0, steps: [] }]);
    const pieces: string[] = [];
    writeCompact(
      items.length,
      (i) => items[i],
      (text) => pieces.push(text),
    );
    expect(pieces.length).toBeGreaterThan(3); // more than 65,536 tokens: in several pieces
    expect(decode(JSON.parse(pieces.join('')) as Compact)).toEqual(items);
    const none: string[] = [];
    writeCompact(
      0,
      () => undefined,
      (text) => none.push(text),
    );
    expect(decode(JSON.parse(none.join('')) as Compact)).toEqual([]);
  });

  it('refuses what it did not make', () => {
    const none = { strings: [], numbers: [], shapes: [], tokens: [] };
    expect(() => decode(none)).toThrow(); // no value at all
    expect(() => decode({ ...none, tokens: [8] })).toThrow(); // string 1 of none
    expect(() => decode({ ...none, tokens: [3] })).toThrow(); // shape 0 of none
    expect(() => decode({ ...none, tokens: [2 * 8 + 2, 4] })).toThrow(); // a list of 2 with 1 item
    expect(() => decode({ ...none, tokens: [4, 4] })).toThrow(); // left over
    expect(() => decode({ ...none, tokens: [7] })).toThrow(); // no such kind
  });
});
