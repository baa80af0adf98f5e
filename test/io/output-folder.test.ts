import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OUTPUT_MARKER, buildIntoFolder } from '../../io/output-folder.ts';

// The report is built into a fresh folder beside --out and swapped in: what was there before is either this
// tool's own output (it holds the marker) or nothing. A crash never leaves --out half-built or blocks a rerun.

const work = mkdtempSync(join(tmpdir(), 'build-into-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const write = (dir: string, files: Record<string, string>) => {
  mkdirSync(dir, { recursive: true });
  for (const [k, v] of Object.entries(files)) writeFileSync(join(dir, k), v);
};

describe('buildIntoFolder', () => {
  it('builds a new folder and marks it as its own', async () => {
    const out = join(work, 'new', 'report');
    await buildIntoFolder(out, '--out', async (dir) => write(dir, { 'index.html': 'v1' }));
    expect(readdirSync(out).sort()).toEqual([OUTPUT_MARKER, 'index.html']);
  });

  it('replaces its own earlier output whole', async () => {
    const out = join(work, 'again');
    await buildIntoFolder(out, '--out', async (dir) => write(dir, { 'index.html': 'v1', 'old.html': 'x' }));
    await buildIntoFolder(out, '--out', async (dir) => write(dir, { 'index.html': 'v2' }));
    expect(readdirSync(out).sort()).toEqual([OUTPUT_MARKER, 'index.html']);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('v2');
    expect(readdirSync(work).filter((e) => e.startsWith('.again.'))).toEqual([]); // no leftovers
  });

  it('refuses a folder it did not write, before building', async () => {
    const out = join(work, 'theirs');
    write(out, { 'K-2026-001.md': 'case' });
    let built = false;
    await expect(
      buildIntoFolder(out, '--out', async () => {
        built = true;
      }),
    ).rejects.toThrow(/not empty and was not written by this command/);
    expect(built).toBe(false);
    expect(readdirSync(out)).toEqual(['K-2026-001.md']);
  });

  it('a crash during the build leaves the earlier output as it was, and the next run cleans up and succeeds', async () => {
    const out = join(work, 'crash');
    await buildIntoFolder(out, '--out', async (dir) => write(dir, { 'index.html': 'v1' }));
    await expect(
      buildIntoFolder(out, '--out', async (dir) => {
        write(dir, { 'half.html': '...' });
        throw new Error('killed');
      }),
    ).rejects.toThrow('killed');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('v1');
    // a hard kill leaves the staging folder behind: simulate it
    write(join(work, '.crash.building-abc123'), { 'half.html': '...' });
    await buildIntoFolder(out, '--out', async (dir) => write(dir, { 'index.html': 'v3' }));
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('v3');
    expect(existsSync(join(work, '.crash.building-abc123'))).toBe(false);
  });
});
