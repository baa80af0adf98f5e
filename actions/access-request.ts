import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CaseRecord } from '../lib/cases/case-file.ts';
import { accessExport, casesOf, othersIn, type AccessExport, type AccessSubject, type OthersPart } from '../lib/cases/subject-access.ts';
import { validateCases } from '../lib/cases/validate.ts';
import { accessReportHtml } from '../lib/documents/access-report.ts';
import type { Problem } from '../lib/problems/problems.ts';
import { loadCaseFiles } from '../io/case-files.ts';
import type { Workspace } from './workspace.ts';

/** The answer to an access request. */
export type AccessOutcome =
  /** A case file has errors: no export, so nothing held about the person is missed. */
  | { kind: 'invalid-cases'; errorCount: number; problems: Problem[]; searched: number }
  | {
      kind: 'found';
      /** Every case in which the person is complainant or representative; none: nothing is held. */
      records: CaseRecord[];
      /**
       * Per case id, what it holds about someone else than the person (AVG art. 15(4)): the client's data, address,
       * complaint text and notes when the person is the representative. The organizer chooses what to leave out.
       */
      others: Record<string, OthersPart[]>;
      searched: number;
      /** The export (JSON) and its readable form (HTML, printed to PDF by the caller). */
      export: AccessExport;
      html: string;
      /** The file name for it: the date and the cases, never the person. */
      name: string;
    };

/**
 * Access request (AVG art. 15): load every case → check them all → find the person's cases → the export, with
 * the documents made for those cases in `documentsDir`. Writes nothing: the caller saves or sends the export.
 */
export async function accessRequest(
  ws: Workspace,
  subject: AccessSubject,
  o: {
    documentsDir: string;
    warn?: (line: string) => void;
    /** What to leave out of every case where the person is the representative (art. 15(4)); default nothing. */
    leaveOut?: readonly OthersPart[];
  },
): Promise<AccessOutcome> {
  const files = await loadCaseFiles(ws.cases, o.warn);
  const result = validateCases(files, ws.org, ws.cal);
  if (result.errorCount > 0)
    return {
      kind: 'invalid-cases',
      errorCount: result.errorCount,
      problems: result.problems.filter((p) => p.severity === 'error'),
      searched: files.length,
    };
  const records = casesOf(result.cases, subject);
  let made: string[] = [];
  try {
    made = records.length ? await readdir(o.documentsDir) : [];
  } catch {
    // no documents folder: nothing made for these cases
  }
  const leaveOut = o.leaveOut ?? [];
  const exp = accessExport(
    records,
    ws.org,
    ws.today,
    (id) => made.filter((f) => f.startsWith(`${id}-`)).sort(),
    subject,
    () => leaveOut,
  );
  return {
    kind: 'found',
    records,
    others: Object.fromEntries(records.map((r) => [r.data.id, othersIn(r, subject)])),
    searched: files.length,
    export: exp,
    html: records.length ? accessReportHtml(exp, ws.org, ws.cal, ws.today) : '',
    name: `inzage-${ws.today}-${records.map((r) => r.data.id).join('-')}`,
  };
}

/** The documents folder beside organization.yml, where `npm run documents` writes. */
export const documentsDirOf = (configPath: string): string => join(configPath, '..', 'documents');
