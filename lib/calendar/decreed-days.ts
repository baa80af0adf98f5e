import { formatDate, type IsoDate } from '../dates/iso-date.ts';

/** One day the government decreed equal to an Atw holiday (Algemene termijnenwet art. 3 lid 3). */
export interface DecreedDay {
  date: IsoDate;
  /** The decree that names the day (Staatscourant number). */
  source: string;
  /** What was checked for this entry, honestly. */
  checked: string;
}

const SECONDARY =
  'secondary sources agree with each other; not checked against the Staatscourant here (no internet access when this list was made). Checked by test: a weekday, not already an Atw holiday, next to one or to a weekend bridging to one';

/**
 * The decreed days (gelijkstellingsbesluiten, art. 3 lid 3 Atw), from their decrees in the Staatscourant.
 * The Atw's counting rule includes them, so every deadline of the project does. Update this list (and
 * {@link DECREED_DAYS_KNOWN_UNTIL}) when a new decree appears; `npm run validate` warns and the deadline watch
 * opens an issue ("nieuw gelijkstellingsbesluit opzoeken") before the list runs out.
 */
export const DECREED_DAYS: readonly DecreedDay[] = [
  // Stcrt. 2022, 7812: Friday after Koningsdag 2023, Friday after Hemelvaart 2023, 2024, 2025, 27 December 2024
  { date: '2023-04-28', source: 'Stcrt. 2022, 7812', checked: SECONDARY },
  { date: '2023-05-19', source: 'Stcrt. 2022, 7812', checked: SECONDARY },
  { date: '2024-05-10', source: 'Stcrt. 2022, 7812', checked: SECONDARY },
  { date: '2024-12-27', source: 'Stcrt. 2022, 7812', checked: SECONDARY },
  { date: '2025-05-30', source: 'Stcrt. 2022, 7812', checked: SECONDARY },
  // Stcrt. 2025, 24713: 2 January 2026 and the Fridays after Hemelvaart/Koningsdag up to 2028
  { date: '2026-01-02', source: 'Stcrt. 2025, 24713', checked: SECONDARY },
  { date: '2026-05-15', source: 'Stcrt. 2025, 24713', checked: SECONDARY },
  { date: '2027-05-07', source: 'Stcrt. 2025, 24713', checked: SECONDARY },
  { date: '2028-04-28', source: 'Stcrt. 2025, 24713', checked: SECONDARY },
  { date: '2028-05-26', source: 'Stcrt. 2025, 24713', checked: SECONDARY },
];

/**
 * The last date the decrees above cover: Stcrt. 2025, 24713 decrees days up to and including 2028.
 * After this date the list may be incomplete (a decree for 2029 is not known yet).
 */
export const DECREED_DAYS_KNOWN_UNTIL: IsoDate = '2028-12-31';

/** The decreed days as dates, sorted. */
export const decreedDates = (): IsoDate[] => DECREED_DAYS.map((d) => d.date).sort();

/** The decreed day on `date`, if any. */
export const decreedDayOn = (date: IsoDate): DecreedDay | undefined => DECREED_DAYS.find((d) => d.date === date);

/**
 * Whether a deadline computed on `today` might pass the end of the known decreed days: `horizon` is
 * today plus the longest term (computed by the caller). Then a new decree must be looked up.
 * @example decreedDaysRunOut('2029-01-10') === true
 */
export const decreedDaysRunOut = (horizon: IsoDate): boolean => horizon > DECREED_DAYS_KNOWN_UNTIL;

/**
 * The warning `npm run validate` prints (and the deadline watch's issue text) when a deadline counted from
 * `today` may reach past {@link DECREED_DAYS_KNOWN_UNTIL}; null while the list covers the longest term.
 * `horizon` is today plus the longest term (filing or handling) in working days, computed by the caller.
 */
export function decreedDaysWarning(today: IsoDate, horizon: IsoDate): string | null {
  if (!decreedDaysRunOut(horizon)) return null;
  return (
    `de lijst met gelijkgestelde dagen (art. 3 lid 3 Atw) loopt tot en met ${DECREED_DAYS_KNOWN_UNTIL}, maar een termijn die ` +
    `vandaag (${today}) begint, loopt tot ${horizon}: zoek het nieuwe gelijkstellingsbesluit op in de Staatscourant en ` +
    `voeg de dagen toe aan lib/calendar/decreed-days.ts (bijvoorbeeld { date: '2029-05-11', source: 'Stcrt. 2028, …' })`
  );
}

/** Whether `date` lies after {@link DECREED_DAYS_KNOWN_UNTIL}: a later decree may still move a deadline that ends there. */
export const beyondDecreedDays = (date: IsoDate): boolean => date > DECREED_DAYS_KNOWN_UNTIL;

/**
 * The caveat every place that shows a deadline after {@link DECREED_DAYS_KNOWN_UNTIL} prints beside it (art. 3 lid 3
 * Atw: the government may still decree a day equal to a holiday, which moves the deadline a working day on).
 */
export function decreedDaysCaveatText(lang: 'nl' | 'en' = 'nl'): string {
  const until = formatDate(DECREED_DAYS_KNOWN_UNTIL, lang);
  return lang === 'nl'
    ? `Deze datum ligt na ${until}. Welke vrije dagen de overheid daarna nog aanwijst, is nog niet bekend. Een later besluit kan de datum dus nog verschuiven.`
    : `This date is after ${until}. Which extra days off the government will decree after that is not known yet, so a later decree may still move the date.`;
}

/**
 * {@link decreedDaysCaveatText} when one of `dates` lies after {@link DECREED_DAYS_KNOWN_UNTIL}; null when every date
 * lies within the known decrees.
 * @example decreedDaysCaveat(['2029-01-15']) // 'Deze datum ligt na 31 december 2028. …'
 */
export function decreedDaysCaveat(dates: readonly IsoDate[], lang: 'nl' | 'en' = 'nl'): string | null {
  return dates.some(beyondDecreedDays) ? decreedDaysCaveatText(lang) : null;
}
