import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { attachmentFolderOf, attachmentType, type AttachmentInfo } from '../lib/cases/attachments.ts';
import { readRegularFile } from './files.ts';

/** A listed attachment with the key its download address uses (a hash of its name: a name never reaches an address or a log). */
export interface StoredAttachment extends AttachmentInfo {
  key: string;
  path: string;
}

/** The key of an attachment's download address: 16 hex digits of the SHA-256 of its name. */
export const attachmentKey = (name: string): string => createHash('sha256').update(name).digest('hex').slice(0, 16);

/**
 * The attachments of the case file `caseFile`: the regular files in its folder (`cases/2026/K-2026-007/`), sorted by
 * name; dot-files (a crashed write's temporary file), folders and symbolic links are left out. No folder: none.
 */
export function listAttachments(caseFile: string): StoredAttachment[] {
  const folder = attachmentFolderOf(caseFile);
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => {
      const path = join(folder, e.name);
      return { name: e.name, size: lstatSync(path).size, type: attachmentType(e.name), key: attachmentKey(e.name), path };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/**
 * The attachment of `caseFile` whose key is `key`, with its bytes; undefined when the folder holds no such file.
 * Only a file listed in the case's own folder can be found, so no address reaches another file.
 */
export function readAttachment(caseFile: string, key: string): (StoredAttachment & { bytes: Buffer }) | undefined {
  const found = listAttachments(caseFile).find((a) => a.key === key);
  const bytes = found && readRegularFile(found.path);
  return found && bytes ? { ...found, bytes } : undefined;
}

/** Remove the attachment folder of `caseFile` with everything in it; whether there was one. */
export function removeAttachmentFolder(caseFile: string): boolean {
  const folder = attachmentFolderOf(caseFile);
  if (!existsSync(folder)) return false;
  rmSync(folder, { recursive: true, force: true });
  return true;
}
