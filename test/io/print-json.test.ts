import { Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { printJsonList } from '../../io/print-json.ts';

/** A stream that keeps what it is given; with `highWaterMark` small, it asks the writer to wait often. */
function collector(highWaterMark = 16_384) {
  const pieces: string[] = [];
  let queuedMax = 0;
  const out = new Writable({
    highWaterMark,
    decodeStrings: false,
    write(chunk: string, _encoding, done) {
      pieces.push(chunk);
      queuedMax = Math.max(queuedMax, out.writableLength);
      setImmediate(done); // a slow reader, as a pipe can be
    },
  });
  return { out, pieces, queuedMax: () => queuedMax };
}

const printed = async (items: unknown[]) => {
  const c = collector();
  await printJsonList(items, c.out);
  return c.pieces.join('');
};

describe('printJsonList', () => {
  it('prints what console.log(JSON.stringify(items, null, 2)) prints, byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.jsonValue(), { maxLength: 1200 }), async (items) => {
        expect(await printed(items)).toBe(`${JSON.stringify(items, null, 2)}\n`);
      }),
      { numRuns: 100 },
    );
  });

  it('joins its pieces of 500 exactly: 1,234 nested items as one JSON.stringify', async () => {
    const items = Array.from({ length: 1234 }, (_, i) => ({
      id: `K-2026-${i}`,
      steps: [{ kind: 'received', date: '2026-11-24' }],
      left: i % 3 ? i : null,
    }));
    expect(await printed(items)).toBe(`${JSON.stringify(items, null, 2)}\n`);
    expect(await printed(items.slice(0, 500))).toBe(`${JSON.stringify(items.slice(0, 500), null, 2)}\n`);
    expect(await printed(items.slice(0, 501))).toBe(`${JSON.stringify(items.slice(0, 501), null, 2)}\n`);
  });

  it('prints an empty list as [] and undefined as null, as JSON does', async () => {
    expect(await printed([])).toBe('[]\n');
    expect(await printed([undefined, { a: undefined }])).toBe(`${JSON.stringify([undefined, { a: undefined }], null, 2)}\n`);
  });

  it('writes 100,000 items in pieces, each when the output has taken the one before', async () => {
    const c = collector();
    await printJsonList(
      Array.from({ length: 100_000 }, (_, i) => ({ id: `K-2026-${i}` })),
      c.out,
    );
    expect(c.pieces.length).toBe(200);
    expect(Math.max(...c.pieces.map((p) => p.length))).toBeLessThan(20_000);
    // never more than one piece waiting beyond the stream's own buffer
    expect(c.queuedMax()).toBeLessThan(16_384 + 20_000);
  });
});
