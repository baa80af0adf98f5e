import { createHash } from 'node:crypto';
import { readRegularFile } from './files.ts';

/** The fingerprint of a file's text, carried by a form so a save can tell that the file changed since it was loaded. */
export const textHash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 32);

/**
 * The text of a file, or undefined when it does not exist. Something there that is not a regular file (a
 * named pipe named like a case, whose reading would hang the werkplek) is never read: NotRegularFileError.
 */
export function readTextIfExists(path: string): string | undefined {
  return readRegularFile(path)?.toString('utf8');
}
