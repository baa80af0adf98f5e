import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The fingerprint of a file's text, carried by a form so a save can tell that the file changed since it was loaded. */
export const textHash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 32);

/** The text of a file, or undefined when it does not exist. */
export function readTextIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Write a file atomically: a temporary file beside it, then a rename, so a reader (or a crash) never sees half
 * a case file. With `exclusive`, refuses (returns false) when the file already exists.
 */
export function writeFileAtomic(path: string, text: string, exclusive = false): boolean {
  mkdirSync(dirname(path), { recursive: true });
  if (exclusive && readTextIfExists(path) !== undefined) return false;
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, text, { encoding: 'utf8', flag: 'wx' });
  renameSync(tmp, path);
  return true;
}
