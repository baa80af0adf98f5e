import type { Organization } from '../schemas/organization.ts';
import { isIsoDate, isoDateOf, type IsoDate } from '../lib/dates/iso-date.ts';
import { t } from '../schemas/language.ts';
import { UsageError } from './cli.ts';

/** Today's date in the organization's time zone, or the `--today` override (checked). */
export function resolveToday(org: Organization, override: string | undefined): IsoDate {
  if (override === undefined) return localDateIn(new Date(), org.time_zone);
  if (!isIsoDate(override))
    throw new UsageError(
      t(
        `--today: verwacht een bestaande datum als JJJJ-MM-DD, bijvoorbeeld 2026-11-24, niet "${override}"`,
        `--today expects a real date as YYYY-MM-DD, got "${override}"`,
      ),
    );
  return override;
}

/**
 * The calendar date of `instant` in `timeZone`, as lib's `todayIn` gives it, read as local time with the
 * process's TZ set to the zone for the moment and then restored (Node re-reads TZ whenever it is set or deleted).
 * V8 takes local time from the same ICU zone data as Intl, without the locale data a first
 * Intl.DateTimeFormat loads: under a millisecond instead of about 12, on every command that prints a deadline.
 */
export function localDateIn(instant: Date, timeZone: string): IsoDate {
  const before = process.env.TZ;
  process.env.TZ = timeZone;
  try {
    return isoDateOf(instant.getFullYear(), instant.getMonth() + 1, instant.getDate());
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}
