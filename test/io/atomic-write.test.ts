// Atomic writes: a crash leaves the old file or the new one, never half of one, and no temporary file behind
// on success; an exclusive write never replaces a file (a case number taken in the meantime).
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { leftoverTempFiles, writeFileAtomic, writeFileAtomicSync } from '../../io/atomic-write.ts';

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
