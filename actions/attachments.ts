import { join } from 'node:path';
import {
  ATTACHMENT_MAX_BYTES,
  attachmentFolderOf,
  extensionOf,
  safeAttachmentName,
  tooLargeWords,
  uniqueAttachmentName,
} from '../lib/cases/attachments.ts';
import { listAttachments, removeAttachmentFolder } from '../io/attachments.ts';
import { CASE_ID } from '../schemas/case.ts';
import { writeOrCode } from './change-case.ts';
import { commitPaths, type CommitOutcome } from './commit.ts';
import { caseFileOf, type Workspace } from './workspace.ts';

/** A file to keep with a case: the name it came with (made safe here), its content type, its bytes. */
export interface NewAttachment {
  name: string;
  type?: string;
  bytes: Uint8Array;
}

/** What became of adding attachments. */
export type AttachOutcome =
  | { kind: 'not-found' }
  /** One is over {@link ATTACHMENT_MAX_BYTES}: nothing written (Dutch messages, one per file). */
  | { kind: 'too-large'; messages: string[] }
  | { kind: 'write-failed'; code: string }
  /** Written under their safe, unique names, and committed in one commit. */
  | { kind: 'saved'; names: string[]; commit: CommitOutcome };

/**
 * Keep files with case `id` (art. 4.5): each in the case's folder beside its file (`cases/2026/K-2026-007/`), under a
 * safe name ({@link safeAttachmentName}; a name taken gets ` (2)`), written atomically, never overwriting; then one
 * commit naming the case and the action only (a file name may name a person). A file over 10 MB refuses them all.
 * `commit: false` leaves the commit to the caller (a registration commits its case file and its attachments at once).
 */
export async function addAttachments(
  ws: Workspace,
  id: string,
  files: readonly NewAttachment[],
  o: { caseFile?: string; commit?: boolean } = {},
): Promise<AttachOutcome> {
  const caseFile = o.caseFile ?? (CASE_ID.test(id) ? caseFileOf(ws.cases, id) : undefined);
  if (!caseFile) return { kind: 'not-found' };
  const tooLarge = files.filter((f) => f.bytes.byteLength > ATTACHMENT_MAX_BYTES);
  if (tooLarge.length) return { kind: 'too-large', messages: tooLarge.map((f) => tooLargeWords(f.name, f.bytes.byteLength)) };
  const folder = attachmentFolderOf(caseFile);
  const taken = listAttachments(caseFile).map((a) => a.name);
  const names: string[] = [];
  for (const f of files) {
    const name = uniqueAttachmentName(safeAttachmentName(f.name, extensionOf(f.type ?? '')), taken);
    const failed = writeOrCode(join(folder, name), f.bytes, true, ws.fs);
    if (failed) return { kind: 'write-failed', code: failed };
    taken.push(name);
    names.push(name);
  }
  const commit =
    o.commit === false || !names.length
      ? ({ kind: 'no-repo' } as const)
      : await commitPaths(ws, [folder], `${id}: ${names.length === 1 ? 'bijlage' : `${names.length} bijlagen`} toegevoegd (art. 4.5)`);
  return { kind: 'saved', names, commit };
}

/**
 * Remove the attachment folder of a case file (retention, erasure on request): the folder goes from the work tree;
 * the caller commits it with the case file. Git history is rewritten elsewhere. Whether there was one.
 */
export const removeAttachments = (caseFile: string): boolean => removeAttachmentFolder(caseFile);
