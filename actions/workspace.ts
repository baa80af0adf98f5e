import { join } from 'node:path';
import { caseSchemaFor } from '../schemas/case.ts';
import type { Organization } from '../schemas/organization.ts';
import { calendarFor } from '../lib/calendar/holidays.ts';
import type { WorkCalendar } from '../lib/calendar/calendar.ts';
import type { IsoDate } from '../lib/dates/iso-date.ts';
import { caseFileNames } from '../io/files.ts';
import { readTextIfExists } from '../io/case-write.ts';
import type { Git } from '../io/git.ts';
import type { AtomicWriteFs } from '../io/atomic-write.ts';

/** Where an action works and by which rules: the cases folder, the organization, its calendar and schema, today, Git. */
export interface Workspace {
  cases: string;
  org: Organization;
  cal: WorkCalendar;
  schema: ReturnType<typeof caseSchemaFor>;
  today: IsoDate;
  /** The cases folder's Git; without it an action writes and does not commit. */
  git?: Git;
  /** The file-system calls of the action's writes; default Node's (tests pass failing ones to simulate a full disk). */
  fs?: AtomicWriteFs;
}

/** A workspace for the cases folder `cases` under organization `org` on `today`. */
export function workspace(cases: string, org: Organization, today: IsoDate, git?: Git): Workspace {
  return { cases, org, cal: calendarFor(org), schema: caseSchemaFor(org), today, git };
}

/** The file of case `id`: `cases/YYYY/ID.md`, or wherever under the cases folder it lives; undefined when there is none. */
export function caseFileOf(cases: string, id: string): string | undefined {
  const usual = join(cases, id.slice(2, 6), `${id}.md`);
  if (readTextIfExists(usual) !== undefined) return usual;
  const found = caseFileNames(cases).find((n) => n.replace(/^.*[\\/]/, '') === `${id}.md`);
  return found && join(cases, found);
}
