import { rename, rm, writeFile } from 'node:fs/promises';

/**
 * Write `text` to `file` through a temporary file beside it and a rename: a reader (or a crash) sees the old
 * or the new file, never half of one. Fails when the temporary file is there already (another run is busy).
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const tmp = `${file}.klachtenregeling-tmp`;
  await writeFile(tmp, text, { encoding: 'utf8', flag: 'wx' });
  try {
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}
