import { currentLanguage, t } from '../../schemas/language.ts';
import type { Organization } from '../../schemas/organization.ts';
import type { IsoDate } from '../dates/iso-date.ts';
import { textTable } from '../problems/text-table.ts';
import type { Problem } from '../problems/problems.ts';
import { addWorkdays, type WorkCalendar } from '../calendar/calendar.ts';
import { beyondDecreedDays, decreedDaysCaveatText, decreedDaysWarning } from '../calendar/decreed-days.ts';
import type { CaseDeadline } from './deadlines.ts';
import { words } from '../vocabulary/index.ts';

/** A date in the table, marked `*` when it lies after the known decreed days (the footnote says a decree may move it). */
const marked = (date: IsoDate) => (beyondDecreedDays(date) ? `${date} *` : date);

const row = (d: CaseDeadline) => [
  d.id,
  d.organizer,
  d.status,
  d.received,
  marked(d.due),
  currentLanguage() === 'en' ? d.state : words().deadlineState[d.state],
  d.workdays_left === null ? '' : String(d.workdays_left),
  d.filed_late ? t(`te laat (indienen uiterlijk ${d.filing_deadline})`, `late (filing deadline ${d.filing_deadline})`) : '',
];

/**
 * The deadline table `deadlines` and `check` print: a heading line, a blank line, then one row per case. `timeZone`
 * is the organization's (organization.yml `time_zone`), in which `today` is counted.
 */
export function deadlineTableText(deadlines: readonly CaseDeadline[], today: IsoDate, handlingWorkdays: number, timeZone: string): string {
  const heading = t(
    `Termijnen op ${today} (${timeZone}), ${handlingWorkdays} werkdagen om een klacht af te handelen (art. 5.4):\n`,
    `Deadlines on ${today} (${timeZone}), ${handlingWorkdays} working days to handle a complaint:\n`,
  );
  const header =
    currentLanguage() === 'en'
      ? ['case', 'organizer', 'status', 'received', 'due', 'state', 'workdays left', 'filing']
      : ['dossier', words().role.organizer, 'status', 'ontvangen', 'uiterlijk', 'stand', 'werkdagen over', 'indienen'];
  // art. 3 lid 3 Atw: a date after the known decreed days may still move
  const footnote = deadlines.some((d) => beyondDecreedDays(d.due))
    ? `\n\n* ${decreedDaysCaveatText(currentLanguage() === 'en' ? 'en' : 'nl')}`
    : '';
  return `${heading}\n${textTable(header, deadlines.map(row))}${footnote}`;
}

/**
 * art. 3 lid 3 Atw: the warning `validate` and `check` print when a deadline counted from `today` may reach past
 * the decreed days we know (today plus the longest term); null while the list covers it.
 */
export function decreedDaysProblem(cal: WorkCalendar, deadlines: Organization['deadlines'], today: IsoDate): Problem | null {
  const longest = Math.max(deadlines.filing_workdays, deadlines.handling_workdays);
  const message = decreedDaysWarning(today, addWorkdays(cal, today, longest));
  return message
    ? { file: 'lib/calendar/decreed-days.ts', line: 1, field: 'DECREED_DAYS_KNOWN_UNTIL', message, severity: 'warning' }
    : null;
}
