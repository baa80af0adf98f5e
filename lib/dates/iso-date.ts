/** A calendar date written `YYYY-MM-DD`. It names a day, not an instant: no time, no time zone. */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `s` is a `YYYY-MM-DD` date that exists on the calendar (2026-02-30 does not). */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const m = ISO.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** Days in month `m` (1–12) of year `y`, leap years included. */
export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The day number of a date: whole days since 1970-01-01. Pure UTC arithmetic, the same under any `TZ`. */
export function toDayNumber(date: IsoDate): number {
  return Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / MS_PER_DAY;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The date of a year, a month (1–12) and a day, as numbers. @example isoDateOf(2026, 3, 2) === '2026-03-02' */
export const isoDateOf = (year: number, month: number, day: number): IsoDate =>
  `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;

/** The date of a day number. @example fromDayNumber(0) === '1970-01-01' */
export function fromDayNumber(day: number): IsoDate {
  // whole-number arithmetic (H. Hinnant's civil_from_days): no Date object per call, as deadlines ask for many
  if (Number.isInteger(day) && day >= -719_162 && day <= 2_932_896) {
    const z = day + 719_468; // days since 0000-03-01
    const era = Math.floor(z / 146_097);
    const doe = z - era * 146_097; // day of the 400-year era
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)); // from 1 March
    const mp = Math.floor((5 * doy + 2) / 153);
    const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
    const m = mp < 10 ? mp + 3 : mp - 9;
    const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    return isoDateOf(y, m, d);
  }
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10); // years outside 0001–9999, fractions
}

/** Day of the week of a day number: 0 Sunday … 6 Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** `date` plus `n` calendar days. */
export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + n);
}

/** The year of a date. */
export function yearOf(date: IsoDate): number {
  return +date.slice(0, 4);
}

/**
 * Today's date in a time zone, from an instant the caller passes in (lib never reads the clock).
 * @example todayIn(new Date('2026-11-23T23:30:00Z'), 'Europe/Amsterdam') === '2026-11-24'
 */
export function todayIn(instant: Date, timeZone: string): IsoDate {
  // en-CA formats as YYYY-MM-DD
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** A date in words, from lib/dates/format.ts (Intl), where the other formatting helpers are; its callers import it from here. */
export { formatDate } from './format.ts';
