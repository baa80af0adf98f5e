import type { Organization } from '../schemas/organization.ts';
import { isIsoDate, todayIn, type IsoDate } from '../lib/dates/iso-date.ts';
import { t } from '../schemas/language.ts';
import { UsageError } from './cli.ts';

/** Today's date in the organization's time zone, or the `--today` override (checked). */
export function resolveToday(org: Organization, override: string | undefined): IsoDate {
  if (override === undefined) return todayIn(new Date(), org.time_zone);
  if (!isIsoDate(override))
    throw new UsageError(
      t(
        `--today: verwacht een bestaande datum als JJJJ-MM-DD, bijvoorbeeld 2026-11-24, niet "${override}"`,
        `--today expects a real date as YYYY-MM-DD, got "${override}"`,
      ),
    );
  return override;
}
