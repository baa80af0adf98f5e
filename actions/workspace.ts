import { join } from 'node:path';
import { caseSchemaFor } from '../schemas/case.ts';
import type { Organization } from '../schemas/organization.ts';
import { calendarFor } from '../lib/calendar/holidays.ts';
import type { WorkCalendar } from '../lib/calendar/calendar.ts';
import type { IsoDate } from '../lib/dates/iso-date.ts';
import { caseFileNames } from '../io/files.ts';
import { readTextIfExists } from '../io/case-write.ts';
import type { Sharing } from '../io/sharing.ts';
import type { AtomicWriteFs } from '../io/atomic-write.ts';

/** Where an action works and by which rules: the cases folder, the organization, its calendar and schema, today, Git (through the sharing). */
export interface Workspace {
  cases: string;
  org: Organization;
  cal: WorkCalendar;
  schema: ReturnType<typeof caseSchemaFor>;
  today: IsoDate;
  /** The cases folder's Git and its sharing with the remote; without it an action writes and does not commit. */
  sharing?: Sharing;
  /** The file-system calls of the action's writes; default Node's (tests pass failing ones to simulate a full disk). */
  fs?: AtomicWriteFs;
}

/** A workspace for the cases folder `cases` under organization `org` on `today`. */
export function workspace(cases: string, org: Organization, today: IsoDate, sharing?: Sharing): Workspace {
  return { cases, org, cal: calendarFor(org), schema: caseSchemaFor(org), today, sharing };
}

/** The file of case `id`: `cases/YYYY/ID.md`, or wherever under the cases folder it lives; undefined when there is none. */
export function caseFileOf(cases: string, id: string): string | undefined {
  const usual = join(cases, id.slice(2, 6), `${id}.md`);
  if (readTextIfExists(usual) !== undefined) return usual;
  const found = caseFileNames(cases).find((n) => n.replace(/^.*[\\/]/, '') === `${id}.md`);
  return found && join(cases, found);
}
