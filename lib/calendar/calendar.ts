import { fromDayNumber, toDayNumber, weekdayOf, type IsoDate } from '../dates/iso-date.ts';

/** Non-working days of one year. */
type YearHolidays = ReadonlySet<number>;

/**
 * A working-day calendar: Monday to Friday except the Atw holidays and the organization's extra days.
 * Holidays are computed once per year and kept, so counting thousands of deadlines builds no holiday data per day.
 */
export interface WorkCalendar {
  /** Whether `date` is a working day. */
  isWorkday(date: IsoDate): boolean;
  /** Whether day number `day` is a working day. */
  isWorkdayNumber(day: number): boolean;
  /** The non-working weekdays (holidays and extra days) of `year`, sorted. */
  holidaysOf(year: number): IsoDate[];
}

/** Options of {@link createWorkCalendar}. */
export interface CalendarOptions {
  /** Extra non-working dates from organization.yml (e.g. decreed bridge days, art. 3 lid 3 Atw). */
  extraNonWorkingDays?: readonly IsoDate[];
  /** Holidays of a year: `atwHolidays` from `holidays.ts`, or a precomputed list (the browser, tests). */
  holidays: (year: number) => readonly IsoDate[];
}

/** Day numbers of 1900-01-01 and of the days up to 2199-12-31. */
const FIRST_KNOWN_DAY = -25_567;
const KNOWN_DAYS = 109_573;

/** A working-day calendar per the Algemene termijnenwet plus the configured extra days. */
export function createWorkCalendar(options: CalendarOptions): WorkCalendar {
  const holidaysFor = options.holidays;
  const extra = new Map<number, IsoDate[]>();
  for (const d of options.extraNonWorkingDays ?? []) {
    const y = +d.slice(0, 4);
    extra.set(y, [...(extra.get(y) ?? []), d]);
  }
  const years = new Map<number, YearHolidays>();
  const yearSet = (year: number): YearHolidays => {
    let set = years.get(year);
    if (!set) {
      set = new Set([...holidaysFor(year), ...(extra.get(year) ?? [])].map(toDayNumber));
      years.set(year, set);
    }
    return set;
  };
  // the answers for 1900–2199, filled as days are asked for: 1 a working day, 2 not, 0 not asked yet (110 KB,
  // looked up faster than a Map: counting 10,000 deadlines asks about some 400,000 days)
  const known = new Int8Array(KNOWN_DAYS);
  const isWorkdayNumber = (day: number): boolean => {
    const i = day - FIRST_KNOWN_DAY;
    const found = known[i] ?? 0; // undefined outside the span (or for a fraction)
    if (found !== 0) return found === 1;
    const wd = weekdayOf(day);
    const answer = wd !== 0 && wd !== 6 && !yearSet(new Date(day * 86_400_000).getUTCFullYear()).has(day);
    if (i >= 0 && i < KNOWN_DAYS) known[i] = answer ? 1 : 2;
    return answer;
  };
  return {
    isWorkdayNumber,
    isWorkday: (date) => isWorkdayNumber(toDayNumber(date)),
    holidaysOf: (year) =>
      [...yearSet(year)]
        .filter((d) => weekdayOf(d) !== 0 && weekdayOf(d) !== 6)
        .sort((a, b) => a - b)
        .map(fromDayNumber),
  };
}

/** Sums already counted: calendar → number of working days → start → result. */
const knownSums = new WeakMap<WorkCalendar, Map<number, Map<IsoDate, IsoDate>>>();

/**
 * The date `n` working days after `start`. The start is day 0 and need not be a working day:
 * day 1 is the first working day after it (Atw counting, see docs/case-files.md, "How deadlines are counted").
 * @example addWorkdays(cal, '2026-03-27', 1) === '2026-03-30' // Friday + 1 → Monday
 */
export function addWorkdays(cal: WorkCalendar, start: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`addWorkdays: n must be a whole number ≥ 0, got ${n}`);
  // thousands of cases share a few hundred start dates: each sum is counted once per calendar
  let byTerm = knownSums.get(cal);
  if (!byTerm) knownSums.set(cal, (byTerm = new Map()));
  let sums = byTerm.get(n);
  if (!sums) byTerm.set(n, (sums = new Map()));
  let due = sums.get(start);
  if (due === undefined) {
    let day = toDayNumber(start);
    for (let left = n; left > 0;) {
      day += 1;
      if (cal.isWorkdayNumber(day)) left -= 1;
    }
    sums.set(start, (due = fromDayNumber(day)));
  }
  return due;
}

/**
 * Working days from `from` to `to`: the count of working days d with from < d ≤ to,
 * negative (the count of from ≥ d > to) when `to` lies before `from`.
 * @example workdaysBetween(cal, '2026-11-20', '2026-11-24') === 2 // Fri → Mon, Tue
 */
export function workdaysBetween(cal: WorkCalendar, from: IsoDate, to: IsoDate): number {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let d = lo + 1; d <= hi; d++) if (cal.isWorkdayNumber(d)) count++;
  return sign * count;
}

/**
 * The most calendar days `n` working days can take, over every start date from `fromYear` to `toYear`:
 * shows that 20 working days always fall within the Wkkgz's six weeks (42 days).
 * @example longestCalendarSpan(cal, 20, 2000, 2100).days === 36 // 2023-04-24 → 2023-05-30, with the decreed days
 */
export function longestCalendarSpan(
  cal: WorkCalendar,
  n: number,
  fromYear: number,
  toYear: number,
): { days: number; start: IsoDate; end: IsoDate } {
  let best = { days: -1, start: '', end: '' };
  for (let d = toDayNumber(`${fromYear}-01-01`), last = toDayNumber(`${toYear}-12-31`); d <= last; d++) {
    const end = addWorkdays(cal, fromDayNumber(d), n);
    const days = toDayNumber(end) - d;
    if (days > best.days) best = { days, start: fromDayNumber(d), end };
  }
  return best;
}
