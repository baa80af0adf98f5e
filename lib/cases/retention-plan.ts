import { caseSchemaFor } from '../../schemas/case.ts';
import type { Organization } from '../../schemas/organization.ts';
import { anonymizeCaseText } from './anonymize.ts';
import { parseCaseFile, type CaseRecord } from './case-file.ts';
import type { IsoDate } from '../dates/iso-date.ts';
import { InputError } from '../problems/problems.ts';
import { pastRetention, type RetentionDue } from './retention.ts';
import { t } from '../../schemas/language.ts';
import type { SourceFile } from './validate.ts';

/** One case whose personal data is to be removed: where, what, and the file's new text. */
export interface RetentionAction extends RetentionDue {
  file: string;
  /** Removed fields (paths, never values), as reported by the command. */
  removed: string[];
  /** The anonymized file; it passes validation. */
  text: string;
}

/**
 * The plan of `npm run retention`: for every closed case past its retention period on `today`, the anonymized
 * text of its file. Pure. Every new text is validated; if one would not pass, it throws an InputError and no
 * plan is returned, so nothing is written.
 */
export function planRetention(files: readonly SourceFile[], cases: readonly CaseRecord[], org: Organization, today: IsoDate): RetentionAction[] {
  const schema = caseSchemaFor(org);
  const recordOf = new Map(cases.map((r) => [r.data.id, r]));
  const textOf = new Map(files.map((f) => [f.path, f.text]));
  return pastRetention(
    cases.map((r) => r.data),
    org.retention,
    today,
  ).map((due) => {
    const file = recordOf.get(due.id)!.file;
    const { text, removed } = anonymizeCaseText(textOf.get(file) ?? '', today);
    const check = parseCaseFile(file, text, schema);
    if (!check.record) throw new InputError(
        t(
          `${file} zou na het verwijderen van de persoonsgegevens niet geldig zijn; er is niets veranderd`,
          `${file} would not be valid after removing its personal data; nothing was changed`,
        ),
        check.problems,
      );
    return { ...due, file, removed, text };
  });
}
