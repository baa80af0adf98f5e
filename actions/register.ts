import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { nextCaseId } from '../lib/cases/case-number.ts';
import type { CaseRecord } from '../lib/cases/case-file.ts';
import { checkCaseFile } from '../lib/cases/validate.ts';
import type { Problem } from '../lib/problems/problems.ts';
import { caseFileNames } from '../io/files.ts';
import { writeOrCode } from './change-case.ts';
import { attachmentFolderOf } from '../lib/cases/attachments.ts';
import { addAttachments, type NewAttachment } from './attachments.ts';
import { commitPaths, type CommitOutcome } from './commit.ts';
import type { Workspace } from './workspace.ts';

/** What became of a registration. */
export type RegisterOutcome =
  /** The new case would not be valid: nothing numbered, nothing written. */
  | { kind: 'refused'; problems: Problem[] }
  /** The asked-for id exists already: never overwritten. */
  | { kind: 'taken'; id: string; path: string }
  | { kind: 'write-failed'; code: string }
  | {
      kind: 'registered';
      id: string;
      path: string;
      record: CaseRecord;
      commit: CommitOutcome;
      /** The attachments kept, under their safe names; or why they could not be (Dutch: the case is registered). */
      attachments: string[];
      attachmentProblem?: string;
    };

/**
 * Register a new case (art. 1.5, 4.5): check it as `npm run validate` would, then number it (after the local
 * cases and the remote's as of the last fetch: no network), write it exclusively (a number taken meanwhile is
 * never overwritten) and commit it. The sharing pushes it in the background, which takes the number; when another
 * machine took it first, the sharing renumbers it and tells the organizer (io/sharing.ts).
 * `draft(id)` gives the new file's text for an id; `o.id` asks for one id (refused when it exists). `o.attachments`
 * (a mail's, art. 4.5) go into the case's folder and the same commit, so a renumbering moves them with the case.
 */
export async function registerCase(
  ws: Workspace,
  draft: (id: string) => string,
  o: { year: number; id?: string; attachments?: readonly NewAttachment[] },
): Promise<RegisterOutcome> {
  const place = (id: string) => join(ws.cases, String(o.year), `${id}.md`);
  // a first case: the cases folder may not exist yet
  const local = () => (existsSync(ws.cases) ? caseFileNames(ws.cases) : []);
  // check first, with the number it would get here: nothing is numbered or written for an invalid case
  const probe = o.id ?? nextCaseId(local(), o.year);
  const check = checkCaseFile({ path: place(probe), text: draft(probe) }, ws.schema, ws.org, ws.cal);
  if (!check.record) return { kind: 'refused', problems: check.problems };

  let id = o.id ?? nextCaseId([...local(), ...((await ws.sharing?.remoteCaseNames()) ?? [])], o.year);
  let path = place(id);
  for (;;) {
    const failed = writeOrCode(path, draft(id), true, ws.fs);
    if (!failed) break;
    if (failed !== 'EEXIST') return { kind: 'write-failed', code: failed };
    if (o.id) return { kind: 'taken', id, path };
    id = nextCaseId([...local(), id], o.year);
    path = place(id);
  }
  const record = checkCaseFile({ path, text: draft(id) }, ws.schema, ws.org, ws.cal).record!;
  const kept = o.attachments?.length ? await addAttachments(ws, id, o.attachments, { caseFile: path, commit: false }) : undefined;
  const names = kept?.kind === 'saved' ? kept.names : [];
  const commit = await commitPaths(
    ws,
    o.attachments?.length ? [path, attachmentFolderOf(path)] : [path],
    `${id}: klacht geregistreerd (art. 4.5)`,
  );
  const attachmentProblem =
    kept?.kind === 'too-large'
      ? kept.messages.join(' ')
      : kept?.kind === 'write-failed'
        ? `De bijlagen konden niet worden bewaard (${kept.code}); voeg ze toe onder Bijlagen.`
        : undefined;
  return { kind: 'registered', id, path, record, commit, attachments: names, ...(attachmentProblem ? { attachmentProblem } : {}) };
}
