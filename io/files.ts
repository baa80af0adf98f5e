import type { Dirent, Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isCaseFileName } from '../lib/cases/case-set.ts'; // no parser imports on the cached path
import { isAttachmentFolderName } from '../lib/cases/attachments.ts';
import { t } from '../schemas/language.ts';
import { InputError } from '../lib/problems/problems.ts';

// node:fs as Node's own object, not its ES module, whose making loads Node's file streams (about 9 ms of every check)
const { closeSync, constants, fstatSync, openSync, readFileSync, readdirSync } = process.getBuiltinModule('node:fs');

/** A path as shown in messages: relative to the working directory. */
export const shown = (path: string): string => relative(process.cwd(), path) || path;

const reason = (error: unknown) => (error as NodeJS.ErrnoException).code ?? String(error);

// fatal: a byte sequence that is not UTF-8 throws instead of becoming U+FFFD. Made on first use: Node loads its
// TextDecoder then (about 5 ms), which a command whose files are all UTF-8 never needs (see readUtf8)
let strictUtf8: TextDecoder | undefined;

/** The message for a file that is not UTF-8 (Dutch: the organizer reads it). */
export const notUtf8 = (): string =>
  t(
    'is geen UTF-8 (opgeslagen als Latin-1?): open het bestand in je editor en sla het op met de codering UTF-8',
    'not UTF-8 (saved as Latin-1?): open the file in your editor and save it with the encoding UTF-8',
  );

/** Decode bytes as UTF-8, strictly; undefined when they are not UTF-8 (e.g. a file saved as Latin-1). */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return (strictUtf8 ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * A file's text, strictly UTF-8; undefined when its bytes are not UTF-8. Read and decoded in one call to Node
 * (a quarter faster than reading bytes, then decoding): a byte sequence that is not UTF-8 then becomes U+FFFD,
 * so only a text with a U+FFFD in it is read again as bytes and decoded strictly.
 */
export function readUtf8(path: string): string | undefined {
  const text = readFileSync(path, 'utf8');
  return text.includes('\uFFFD') ? decodeUtf8(readFileSync(path)) : text;
}

/** The text of organization.yml; a missing file or one that is not UTF-8 stops the command with a clear message. */
export function readConfigText(path: string): string {
  let text: string | undefined;
  try {
    text = readUtf8(path);
  } catch (error) {
    throw new InputError(
      t(
        `kan de configuratie ${shown(path)} niet lezen: ${reason(error)}`,
        `cannot read the configuration ${shown(path)}: ${reason(error)}`,
      ),
      [],
      { cause: error },
    );
  }
  if (text === undefined)
    throw new InputError(t(`${shown(path)} is ongeldig`, `${shown(path)} is not valid`), [
      { file: shown(path), line: 1, field: '(file)', message: notUtf8(), severity: 'error' },
    ]);
  return text;
}

/** Something named like a case file that is not a regular file (a symbolic link, a pipe, …): skipped, with a warning. */
export interface SkippedEntry {
  /** Path relative to the cases folder. */
  name: string;
  /** What it is, in Dutch, for the warning. */
  kind: string;
}

/** The case files found under a folder, and what was skipped because it is not a regular file. */
export interface CaseFileListing {
  /** Paths (relative to the folder, sorted) of the case files `K-*.md`. */
  names: string[];
  skipped: SkippedEntry[];
}

const kindOf = (e: Dirent | Stats): string =>
  e.isDirectory()
    ? 'een map'
    : e.isSymbolicLink()
      ? 'een symbolische koppeling'
      : e.isFIFO()
        ? 'een named pipe'
        : e.isSocket()
          ? 'een socket'
          : e.isBlockDevice() || e.isCharacterDevice()
            ? 'een apparaatbestand'
            : 'geen gewoon bestand';

/** The warning for a skipped entry (Dutch: the organizer reads it). */
export const skippedMessage = (s: SkippedEntry): string =>
  t(
    `overgeslagen: dit is ${s.kind}, geen gewoon bestand; zet het dossier zelf als bestand in de map cases/`,
    `skipped: this is not a regular file (${s.kind}); put the case file itself in the cases/ folder`,
  );

/**
 * The case files `K-*.md` below `dir` (other files are skipped silently, e.g. a README; so is a case's attachment
 * folder `K-2026-007/`, whatever it holds), plus every entry named
 * `K-*.md` that is not a regular file: a symbolic link (which could point outside the repository) or a pipe
 * is never read, but named, so a case never goes missing without a word.
 */
export function listCaseFiles(dir: string): CaseFileListing {
  const names: string[] = [];
  const skipped: SkippedEntry[] = [];
  // directory entries carry their type: no stat per entry
  const walk = (below: string): void => {
    for (const e of readdirSync(join(dir, below), { withFileTypes: true })) {
      const name = below === '' ? e.name : below + sep + e.name; // not join(): it normalizes, about 1.5 µs a file
      // a folder named like a case id holds that case's attachments (lib/cases/attachments.ts), never cases
      if (e.isDirectory()) {
        if (!isAttachmentFolderName(e.name)) walk(name);
      } else if (!isCaseFileName(e.name)) continue;
      else if (e.isFile()) names.push(name);
      else skipped.push({ name, kind: kindOf(e) });
    }
  };
  try {
    walk('');
  } catch (error) {
    throw new InputError(
      t(
        `kan de map met dossiers ${shown(dir)} niet lezen: ${reason(error)}`,
        `cannot read the cases folder ${shown(dir)}: ${reason(error)}`,
      ),
      [],
      { cause: error },
    );
  }
  return { names: names.sort(), skipped: skipped.sort((a, b) => (a.name < b.name ? -1 : 1)) };
}

/** A path that is not a regular file (a pipe, a socket, a device, a folder, a symbolic link): it was not read. */
export class NotRegularFileError extends InputError {
  readonly path: string;
  readonly kind: string;
  constructor(path: string, kind: string) {
    const entry = { name: shown(path), kind };
    super(`${shown(path)}: ${skippedMessage(entry)}`, [
      { file: shown(path), line: 1, field: '(file)', message: skippedMessage(entry), severity: 'error' },
    ]);
    this.name = 'NotRegularFileError';
    this.path = path;
    this.kind = kind;
  }
}

// O_NONBLOCK: opening a named pipe returns at once instead of waiting for a writer; O_NOFOLLOW: a symbolic
// link is not followed (as the listing skips it). Neither exists on Windows, which has no pipes in folders.
const OPEN_REGULAR = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

/**
 * The bytes of the regular file at `path`, or undefined when there is none. Anything else at that path (a
 * named pipe, whose reading would wait forever; a socket, a device, a folder, a symbolic link) is never read:
 * {@link NotRegularFileError}, with a Dutch message naming the file. Decided on the opened file itself, so it
 * cannot be swapped between the check and the read.
 */
export function readRegularFile(path: string): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(path, OPEN_REGULAR);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ELOOP') throw new NotRegularFileError(path, 'een symbolische koppeling');
    if (code === 'ENXIO') throw new NotRegularFileError(path, 'een socket');
    if (code === 'EISDIR') throw new NotRegularFileError(path, 'een map');
    throw error;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new NotRegularFileError(path, kindOf(stats));
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Paths (relative to `dir`, sorted) of the case files `K-*.md` below it; other entries are skipped. */
export function caseFileNames(dir: string): string[] {
  return listCaseFiles(dir).names;
}
