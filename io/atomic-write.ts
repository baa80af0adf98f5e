import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The temporary file beside `path` that {@link writeFileAtomic} writes first: hidden, unique per run. */
const tempName = (path: string) => join(dirname(path), `.${basename(path)}.retention-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);

/** Our own leftovers: this module's temporary names, and the fixed name of earlier versions (`K-….md.retention-tmp`). */
const LEFTOVER = /^\..+\.retention-\d+-[0-9a-f]+\.tmp$|\.md\.retention-tmp$/;

/**
 * Replace `path` by `text` so that a crash at any moment leaves the old file or the new one, never half of
 * one: write a uniquely named file beside it, flush it to disk (fsync), rename it over `path`, and flush the
 * folder, so the rename survives a power cut too.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const tmp = tempName(path);
  const file = await open(tmp, 'wx');
  try {
    await file.writeFile(text, 'utf8');
    await file.sync();
  } finally {
    await file.close();
  }
  try {
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  const dir = await open(dirname(path), 'r');
  try {
    await dir.sync();
  } catch {
    // some file systems cannot sync a folder; the rename itself is still atomic
  } finally {
    await dir.close();
  }
}

/**
 * {@link writeFileAtomic}, synchronous (the werkplek's request handlers), creating the folder if needed. With
 * `exclusive` it never replaces an existing file: it returns false when `path` exists (a case number just taken),
 * decided atomically by a hard link where the file system has them.
 */
export function writeFileAtomicSync(path: string, text: string | Uint8Array, exclusive = false): boolean {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = tempName(path);
  const fd = openSync(tmp, 'wx');
  try {
    writeFileSync(fd, text, 'utf8'); // bytes as they are
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    if (!exclusive) renameSync(tmp, path);
    else if (!placeExclusively(tmp, path)) return false;
  } finally {
    rmSync(tmp, { force: true }); // after a rename: already gone
  }
  syncFolder(dirname(path));
  return true;
}

/** Put `tmp` at `path` unless `path` exists; false when it does. */
function placeExclusively(tmp: string, path: string): boolean {
  try {
    linkSync(tmp, path); // fails with EEXIST when the name is taken, atomically
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    // no hard links on this file system: check, then rename
    if (existsSync(path)) return false;
    renameSync(tmp, path);
    return true;
  }
}

function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // some file systems cannot sync a folder; the rename itself is still atomic
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Temporary files a crashed run left under `dir` (recursive), by their names: only ever our own. */
export function leftoverTempFiles(dir: string): string[] {
  const walk = (below: string): string[] =>
    readdirSync(join(dir, below), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(below, e.name)) : e.isFile() && LEFTOVER.test(e.name) ? [join(dir, below, e.name)] : [],
    );
  try {
    return walk('').sort();
  } catch {
    return [];
  }
}
