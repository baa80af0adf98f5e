// Atomic writes: a crash leaves the old file or the new one, never half of one, and no temporary file behind
// on success or failure (a full disk); an exclusive write never replaces a file (a case number taken meanwhile).
import * as fs from 'node:fs';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { leftoverTempFiles, writeFileAtomic, writeFileAtomicSync, WriteFailedError } from '../../io/atomic-write.ts';

const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomicSync', () => {
  it('replaces a file and leaves no temporary file', () => {
    const path = join(dir, '2026', 'K-2026-001.md');
    expect(writeFileAtomicSync(path, 'eerste')).toBe(true); // creates the folder
    expect(writeFileAtomicSync(path, 'tweede ✓')).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('tweede ✓');
    expect(readdirSync(join(dir, '2026'))).toEqual(['K-2026-001.md']);
  });

  it('exclusive: writes a new file, and refuses (false) to replace an existing one, which stays as it was', () => {
    const path = join(dir, '2026', 'K-2026-002.md');
    expect(writeFileAtomicSync(path, 'van mij', true)).toBe(true);
    writeFileSync(join(dir, '2026', 'K-2026-003.md'), 'van een ander');
    expect(writeFileAtomicSync(join(dir, '2026', 'K-2026-003.md'), 'van mij', true)).toBe(false);
    expect(readFileSync(join(dir, '2026', 'K-2026-003.md'), 'utf8')).toBe('van een ander');
    expect(readdirSync(join(dir, '2026')).sort()).toEqual(['K-2026-001.md', 'K-2026-002.md', 'K-2026-003.md']);
    expect(leftoverTempFiles(dir)).toEqual([]);
  });
});

describe('writeFileAtomic (async)', () => {
  it('replaces a file and leaves no temporary file', async () => {
    const path = join(dir, 'K-2026-009.md');
    await writeFileAtomic(path, 'a');
    await writeFileAtomic(path, 'b');
    expect(readFileSync(path, 'utf8')).toBe('b');
    expect(leftoverTempFiles(dir)).toEqual([]);
  });
});

// A full disk (ENOSPC), simulated by passing file-system calls that fail the way the kernel does: the write
// fails after the temporary file was created, which is where a real full disk fails.
describe('a write that fails', () => {
  const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
  /** Node's calls, with one of them failing with `error`. */
  const failing = (call: 'writeFileSync' | 'fsyncSync' | 'renameSync' | 'linkSync' | 'openSync', error: Error = enospc()) => ({
    ...fs,
    [call]: () => {
      throw error;
    },
  });

  it.each(['writeFileSync', 'fsyncSync', 'renameSync', 'openSync'] as const)(
    'disk full at %s: WriteFailedError (Dutch, diskFull), the file unchanged, no temporary file left',
    (call) => {
      const path = join(dir, 'vol', 'K-2026-010.md');
      writeFileAtomicSync(path, 'oud');
      let error: unknown;
      try {
        writeFileAtomicSync(path, 'nieuw', false, failing(call));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(WriteFailedError);
      expect(error).toMatchObject({ code: 'ENOSPC', diskFull: true, path });
      expect((error as Error).message).toMatch(/^De schijf is vol: .*K-2026-010\.md kon niet worden opgeslagen\. Er is niets veranderd\./);
      expect(readFileSync(path, 'utf8')).toBe('oud');
      expect(readdirSync(join(dir, 'vol'))).toEqual(['K-2026-010.md']);
    },
  );

  it('an exclusive write (a new case) on a full disk: no file, no temporary file', () => {
    const path = join(dir, 'vol2', 'K-2026-011.md');
    expect(() => writeFileAtomicSync(path, 'nieuw', true, failing('writeFileSync'))).toThrow(WriteFailedError);
    expect(() => writeFileAtomicSync(path, 'nieuw', true, failing('linkSync'))).toThrow(WriteFailedError);
    expect(readdirSync(join(dir, 'vol2'))).toEqual([]);
  });

  it('a read-only folder: WriteFailedError that says so, not diskFull', () => {
    const erofs = Object.assign(new Error('EROFS'), { code: 'EROFS' });
    const path = join(dir, 'K-2026-012.md');
    expect(() => writeFileAtomicSync(path, 'x', false, failing('openSync', erofs))).toThrow(
      expect.objectContaining({
        diskFull: false,
        code: 'EROFS',
        message: expect.stringMatching(/de map mag niet worden beschreven \(EROFS\)/),
      }),
    );
  });

  it('async: disk full while writing leaves the old text and no temporary file', async () => {
    const path = join(dir, 'vol3', 'K-2026-013.md');
    writeFileAtomicSync(path, 'oud');
    const full: typeof fsp = {
      ...fsp,
      open: (async (...args: Parameters<typeof fsp.open>) => {
        const handle = await fsp.open(...args);
        return Object.assign(handle, { writeFile: () => Promise.reject(enospc()) });
      }) as typeof fsp.open,
    };
    await expect(writeFileAtomic(path, 'nieuw', full)).rejects.toMatchObject({ name: 'WriteFailedError', diskFull: true });
    expect(readFileSync(path, 'utf8')).toBe('oud');
    expect(readdirSync(join(dir, 'vol3'))).toEqual(['K-2026-013.md']);
  });
});
