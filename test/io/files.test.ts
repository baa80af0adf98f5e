import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readUtf8 } from '../../io/files.ts';

const dir = mkdtempSync(join(tmpdir(), 'klachten-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'K-2026-001.md');

/** The reference: a strict decoder, as the WHATWG Encoding standard defines it. */
function strict(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

const read = (bytes: Uint8Array) => {
  writeFileSync(file, bytes);
  return readUtf8(file);
};

describe('readUtf8: a file’s text, strictly UTF-8', () => {
  it.each([
    ['plain text', Buffer.from('---\nid: K-2026-001\n---\n'), '---\nid: K-2026-001\n---\n'],
    ['a byte order mark, kept', Buffer.from('\uFEFF---\n'), '\uFEFF---\n'],
    ['a real U+FFFD in valid UTF-8', Buffer.from('name: Ren\uFFFD\n'), 'name: Ren\uFFFD\n'],
    ['Latin-1 "é"', Buffer.from('Ren\u00e9', 'latin1'), undefined],
    ['an encoded surrogate', Buffer.from([0x61, 0xed, 0xa0, 0x80]), undefined],
    ['an overlong "/"', Buffer.from([0xc0, 0xaf]), undefined],
    ['a sequence cut off at the end', Buffer.from([0x61, 0xe2, 0x82]), undefined],
  ])('%s', (_, bytes, expected) => {
    expect(read(bytes)).toBe(expected);
  });

  it('property: agrees with a strict decoder on any bytes', () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 }).map((s) => Buffer.from(s));
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 40 }),
      text,
      fc.tuple(text, fc.uint8Array({ maxLength: 4 }), text).map((p) => Buffer.concat(p)),
    );
    fc.assert(
      fc.property(bytes, (b) => read(b) === strict(b)),
      { numRuns: 300 },
    );
  });
});
