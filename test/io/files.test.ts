import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTextIfExists } from '../../io/case-write.ts';
import { listCaseFiles, NotRegularFileError, readRegularFile, readUtf8 } from '../../io/files.ts';

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

// A named pipe (or a socket, a folder, a link) named like a case is never read: reading a pipe waits forever
// for a writer, and the werkplek read case files on its request thread.
describe.skipIf(process.platform === 'win32')('not a regular file', () => {
  const cases = join(dir, 'cases');
  const year = join(cases, '2026');
  let socket: Server;
  beforeAll(async () => {
    mkdirSync(year, { recursive: true });
    writeFileSync(join(year, 'K-2026-001.md'), '---\nid: K-2026-001\n---\n');
    execFileSync('mkfifo', [join(year, 'K-2026-002.md')]);
    mkdirSync(join(year, 'K-2026-003.md'));
    symlinkSync(join(year, 'K-2026-001.md'), join(year, 'K-2026-004.md'));
    socket = createServer();
    await new Promise<void>((r) => socket.listen(join(year, 'K-2026-005.md'), r));
  });
  afterAll(() => new Promise((r) => socket.close(r)));

  it('the listing names them as skipped, with what they are, and lists only the regular file', () => {
    const listing = listCaseFiles(cases);
    expect(listing.names).toEqual([join('2026', 'K-2026-001.md')]);
    expect(listing.skipped.map((s) => [s.name, s.kind])).toEqual([
      [join('2026', 'K-2026-002.md'), 'een named pipe'],
      [join('2026', 'K-2026-004.md'), 'een symbolische koppeling'],
      [join('2026', 'K-2026-005.md'), 'een socket'],
    ]);
  });

  it('reads a regular file; a missing one is undefined', () => {
    expect(readRegularFile(join(year, 'K-2026-001.md'))?.toString()).toBe('---\nid: K-2026-001\n---\n');
    expect(readRegularFile(join(year, 'K-2026-999.md'))).toBeUndefined();
  });

  it.each([
    ['K-2026-002.md', 'een named pipe'],
    ['K-2026-003.md', 'een map'],
    ['K-2026-004.md', 'een symbolische koppeling'],
    ['K-2026-005.md', 'een socket'],
  ])('%s (%s) is refused at once with a Dutch message naming it, never read', (name, kind) => {
    const path = join(year, name);
    let error: unknown;
    try {
      readRegularFile(path);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NotRegularFileError);
    expect(error).toMatchObject({
      path,
      kind,
      message: expect.stringMatching(new RegExp(`${name}: overgeslagen: dit is ${kind}, geen gewoon bestand`)),
    });
    expect(() => readTextIfExists(path)).toThrow(NotRegularFileError);
  });
});
