import { caseSchemaFor } from '../../schemas/case.ts';
import type { Organization } from '../../schemas/organization.ts';
import { AnonymizeError, anonymizeCaseText, type Anonymization } from './anonymize.ts';
import { parseCaseFile, type CaseRecord } from './case-file.ts';
import type { IsoDate } from '../dates/iso-date.ts';
import { InputError } from '../problems/problems.ts';
import { addYears, pastRetention, type RetentionDue } from './retention.ts';
import { closedOn } from '../deadlines/deadlines.ts';
import { t } from '../../schemas/language.ts';
import type { SourceFile } from './validate.ts';
import { attachmentFolderOf } from './attachments.ts';

/** One case whose personal data is to be removed: where, what, and the file's new text. */
export interface RetentionAction extends RetentionDue {
  file: string;
  /** Removed fields (paths, never values), as reported by the command. */
  removed: string[];
  /** The anonymized file; it passes validation. */
  text: string;
  /** The case's attachment folder beside its file (lib/cases/attachments.ts): removed with the personal data. */
  attachments: string;
  /** How many removed comments are the organizer's own (not the new-case template's help lines). */
  ownComments: number;
}

/**
 * The plan of `npm run retention`: for every closed case past its retention period on `today`, the anonymized
 * text of its file. Pure. Every new text is validated; if one would not pass, it throws an InputError and no
 * plan is returned, so nothing is written.
 */
export function planRetention(
  files: readonly SourceFile[],
  cases: readonly CaseRecord[],
  org: Organization,
  today: IsoDate,
  eraseNow?: string,
): RetentionAction[] {
  const schema = caseSchemaFor(org);
  const recordOf = new Map(cases.map((r) => [r.data.id, r]));
  const textOf = new Map(files.map((f) => [f.path, f.text]));
  const due = eraseNow === undefined ? pastRetention(cases.map((r) => r.data), org.retention, today) : erasureDue(recordOf, eraseNow, org);
  return due.map((due) => {
    const file = recordOf.get(due.id)!.file;
    let result: Anonymization;
    try {
      result = anonymizeCaseText(textOf.get(file) ?? '', today, eraseNow === undefined ? 'retention' : 'request');
    } catch (error) {
      // art. 4.4: say which file and field stop the removal; nothing is written
      const where =
        error instanceof AnonymizeError
          ? { line: error.line, field: error.field }
          : { line: 1, field: '(file)' };
      throw new InputError(`${file}: its personal data cannot be removed as it stands; nothing was changed`, [
        { file, ...where, message: (error as Error).message, severity: 'error' },
      ]);
    }
    const { text, removed, ownComments } = result;
    const check = parseCaseFile(file, text, schema);
    if (!check.record) throw new InputError(
        t(
          `${file} zou na het verwijderen van de persoonsgegevens niet geldig zijn; er is niets veranderd`,
          `${file} would not be valid after removing its personal data; nothing was changed`,
        ),
        check.problems,
      );
    return { ...due, file, removed, text, attachments: attachmentFolderOf(file), ownComments };
  });
}

/**
 * AVG art. 17 (verwijderen op verzoek): the one case to anonymize now, as retention would at the end of its
 * term. Only a closed case: an open complaint is still being handled (close or withdraw it first).
 * An already anonymized case needs nothing. Throws an InputError (Dutch, for the organizer) otherwise.
 */
function erasureDue(recordOf: ReadonlyMap<string, CaseRecord>, id: string, org: Organization): RetentionDue[] {
  const record = recordOf.get(id);
  if (!record) throw new InputError(`geen dossier ${id} gevonden; controleer het dossiernummer (bijvoorbeeld K-2026-003)`);
  const closed = closedOn(record.data);
  if (record.data.anonymized) return [];
  if (!closed)
    throw new InputError(
      `${record.file}: dossier ${id} is nog open; sluit het eerst af (status withdrawn met withdrawn_on, of resolved met de afhandeling) en verwijder dan de persoonsgegevens`,
    );
  return [{ id, closed_on: closed, keep_until: addYears(closed, org.retention.years_after_closing) }];
}
