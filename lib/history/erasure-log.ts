import { parse } from 'yaml';
import type { IsoDate } from '../dates/iso-date.ts';

/** Why personal data is removed: the retention period ran out (art. 5(1)(e) AVG), or the person asked (art. 17). */
export type RemovalReason = 'retention' | 'request';

/**
 * One entry of the erasure log (art. 5(2) AVG: the practice can show what it removed, when, why and by whom). It
 * holds no personal data: the date, the case id, the reason, the organizer's key and the case file's path. The
 * log is a folder in the repository, one file per erasure (`cases/verwijderingen/2026-12-06-K-2026-003.yml`), so
 * two clones never edit one file; the entry travels inside the rewritten history, and a clone that finds an entry
 * its own branch lacks knows the history was rewritten and rewrites its own copy the same way.
 */
export interface ErasureEntry {
  date: IsoDate;
  case: string;
  reason: RemovalReason;
  /** The organizer who did it (organization.yml key), or the Git user name. */
  by: string;
  /** The case file, relative to the cases folder (`2026/K-2026-003.md`); its attachments folder is beside it, without `.md`. */
  file: string;
}

/** The folder of the log, inside the cases folder. */
export const ERASURE_LOG_FOLDER = 'verwijderingen';

/** The log file of one erasure, relative to the cases folder. */
export const erasureEntryPath = (e: Pick<ErasureEntry, 'date' | 'case'>): string => `${ERASURE_LOG_FOLDER}/${e.date}-${e.case}.yml`;

/** The attachments folder of a case file (`2026/K-2026-003.md` → `2026/K-2026-003/`). */
export const attachmentsFolderOf = (file: string): string => `${file.replace(/\.md$/, '')}/`;

/** An entry as its file holds it. */
export function erasureEntryText(e: ErasureEntry): string {
  return [
    '# Verwijderd uit het klachtenregister (art. 5 lid 2 AVG: verantwoording). Zonder persoonsgegevens.',
    `date: ${e.date}`,
    `case: ${e.case}`,
    `reason: ${e.reason}`,
    `by: ${JSON.stringify(e.by)}`,
    `file: ${JSON.stringify(e.file)}`,
    '',
  ].join('\n');
}

/** An entry read back, or undefined when the text is not one (a hand-made file is ignored, never trusted). */
export function parseErasureEntry(text: string): ErasureEntry | undefined {
  let v: unknown;
  try {
    v = parse(text);
  } catch {
    return undefined;
  }
  if (typeof v !== 'object' || v === null) return undefined;
  const o = v as Record<string, unknown>;
  const file = o.file;
  if (typeof file !== 'string' || !/^(?:[^/]+\/)*K-\d{4}-\d+\.md$/.test(file) || file.split('/').includes('..')) return undefined;
  if (o.reason !== 'retention' && o.reason !== 'request') return undefined;
  return { date: String(o.date) as IsoDate, case: String(o.case), reason: o.reason, by: String(o.by ?? ''), file };
}
