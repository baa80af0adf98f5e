import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { printJsonList } from '../../io/print-json.ts';

const printed = (items: unknown[]) => {
  let out = '';
  printJsonList(items, (text) => (out += text));
  return out;
};

describe('printJsonList', () => {
  it('prints what console.log(JSON.stringify(items, null, 2)) prints, byte for byte', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 1200 }), (items) => {
        expect(printed(items)).toBe(`${JSON.stringify(items, null, 2)}\n`);
      }),
      { numRuns: 200 },
    );
  });

  it('prints an empty list as [] and undefined as null, as JSON does', () => {
    expect(printed([])).toBe('[]\n');
    expect(printed([undefined, { a: undefined }])).toBe(`${JSON.stringify([undefined, { a: undefined }], null, 2)}\n`);
  });

  it('writes 100,000 items in pieces, never as one string', () => {
    const pieces: string[] = [];
    printJsonList(
      Array.from({ length: 100_000 }, (_, i) => ({ id: `K-2026-${i}` })),
      (text) => pieces.push(text),
    );
    expect(pieces.length).toBe(200);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(20_000);
  });
});
