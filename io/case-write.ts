import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

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
