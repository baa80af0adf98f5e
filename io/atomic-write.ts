import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { existsSync, readdirSync } from 'node:fs';
import * as nodeFsPromises from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { t } from '../schemas/language.ts';

/** The file-system calls a synchronous atomic write makes (Node's own; a test passes one that fails). */
export type AtomicWriteFs = Pick<
  typeof nodeFs,
  'closeSync' | 'fsyncSync' | 'linkSync' | 'mkdirSync' | 'openSync' | 'renameSync' | 'rmSync' | 'writeFileSync'
>;
/** The file-system calls an asynchronous atomic write makes. */
export type AtomicWriteFsPromises = Pick<typeof nodeFsPromises, 'open' | 'rename' | 'rm'>;

/** Error codes that mean the disk (or the user's quota) is full. */
const DISK_FULL = new Set(['ENOSPC', 'EDQUOT']);
/** Error codes that mean the folder may not be written. */
const NOT_WRITABLE = new Set(['EROFS', 'EACCES', 'EPERM']);

/**
 * A write that failed: the file is as it was (old text, or not there), and no temporary file is left. Its
 * message says so, in Dutch (or English for developers), with what to do; `diskFull` for a full disk.
 */
export class WriteFailedError extends Error {
  readonly path: string;
  /** The system's error code, e.g. `ENOSPC`. */
  readonly code: string;
  readonly diskFull: boolean;
  constructor(path: string, cause: unknown) {
    const code = (cause as NodeJS.ErrnoException)?.code ?? 'EIO';
    const file = relative(process.cwd(), path) || path;
    super(
      DISK_FULL.has(code)
        ? t(
            `De schijf is vol: ${file} kon niet worden opgeslagen. Er is niets veranderd. Maak ruimte vrij (bijvoorbeeld door de prullenbak te legen) en sla dan opnieuw op.`,
            `The disk is full: ${file} could not be saved. Nothing was changed. Free some space and save again.`,
          )
        : NOT_WRITABLE.has(code)
          ? t(
              `${file} kon niet worden opgeslagen: de map mag niet worden beschreven (${code}). Er is niets veranderd. Vraag hulp.`,
              `${file} could not be saved: the folder is not writable (${code}). Nothing was changed.`,
            )
          : t(
              `${file} kon niet worden opgeslagen (${code}). Er is niets veranderd. Probeer het opnieuw of vraag hulp.`,
              `${file} could not be saved (${code}). Nothing was changed. Try again.`,
            ),
      { cause },
    );
    this.name = 'WriteFailedError';
    this.path = path;
    this.code = code;
    this.diskFull = DISK_FULL.has(code);
  }
}

/** The temporary file beside `path` that {@link writeFileAtomic} writes first: hidden, unique per run. */
const tempName = (path: string) => join(dirname(path), `.${basename(path)}.retention-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);

/** Our own leftovers: this module's temporary names, and the fixed name of earlier versions (`K-….md.retention-tmp`). */
const LEFTOVER = /^\..+\.retention-\d+-[0-9a-f]+\.tmp$|\.md\.retention-tmp$/;

/**
 * Replace `path` by `text` so that a crash at any moment leaves the old file or the new one, never half of
 * one: write a uniquely named file beside it, flush it to disk (fsync), rename it over `path`, and flush the
 * folder, so the rename survives a power cut too.
 */
export async function writeFileAtomic(path: string, text: string, fs: AtomicWriteFsPromises = nodeFsPromises): Promise<void> {
  const tmp = tempName(path);
  let created = false;
  try {
    const file = await fs.open(tmp, 'wx');
    created = true;
    try {
      await file.writeFile(text, 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    await fs.rename(tmp, path);
  } catch (error) {
    if (created) await fs.rm(tmp, { force: true }).catch(() => undefined); // a full disk leaves no temporary file behind
    throw new WriteFailedError(path, error);
  }
  const dir = await fs.open(dirname(path), 'r').catch(() => undefined);
  try {
    await dir?.sync();
  } catch {
    // some file systems cannot sync a folder; the rename itself is still atomic
  } finally {
    await dir?.close();
  }
}

/**
 * {@link writeFileAtomic}, synchronous (the werkplek's request handlers), creating the folder if needed. With
 * `exclusive` it never replaces an existing file: it returns false when `path` exists (a case number just taken),
 * decided atomically by a hard link where the file system has them.
 */
export function writeFileAtomicSync(path: string, text: string | Uint8Array, exclusive = false, fs: AtomicWriteFs = nodeFs): boolean {
  const tmp = tempName(path);
  let created = false;
  try {
    fs.mkdirSync(dirname(path), { recursive: true });
    const fd = fs.openSync(tmp, 'wx');
    created = true;
    try {
      fs.writeFileSync(fd, text, 'utf8'); // bytes as they are
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (!exclusive) fs.renameSync(tmp, path);
    else if (!placeExclusively(tmp, path, fs)) return false;
  } catch (error) {
    throw new WriteFailedError(path, error);
  } finally {
    try {
      if (created) fs.rmSync(tmp, { force: true }); // after a rename: already gone; after a failed write: none left
    } catch {
      // the folder itself is gone or unreadable: there is no temporary file to remove
    }
  }
  syncFolder(dirname(path));
  return true;
}

/** Error codes of a file system without hard links (FAT, some network shares). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/** Put `tmp` at `path` unless `path` exists; false when it does. */
function placeExclusively(tmp: string, path: string, fs: AtomicWriteFs): boolean {
  try {
    fs.linkSync(tmp, path); // fails with EEXIST when the name is taken, atomically
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return false;
    if (!NO_HARD_LINKS.has(code)) throw error; // a full disk, …
    // no hard links on this file system: check, then rename
    if (existsSync(path)) return false;
    fs.renameSync(tmp, path);
    return true;
  }
}

function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = nodeFs.openSync(dir, 'r');
    nodeFs.fsyncSync(fd);
  } catch {
    // some file systems cannot sync a folder; the rename itself is still atomic
  } finally {
    if (fd !== undefined) nodeFs.closeSync(fd);
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
