import { formatDate } from './format.ts';
import { toDayNumber, type IsoDate } from './iso-date.ts';

/** How long ago a mail's date may lie and still be taken as the day its complaint came in: a year. */
export const MAIL_DATE_MAX_AGE_DAYS = 366;

/**
 * The question for the organizer when a mail's date cannot be the day its complaint came in (art. 4.1: the
 * received date starts the terms): a date after today (a sender's clock, `Date: 01 Jan 9999`), or more than a year
 * ago (an old mail dropped by mistake, `Date: 1 Jan 1970`). Undefined when the date is plausible. Dutch.
 * @example mailDateQuestion('9999-01-01', '2026-12-06') // 'De e-mail is gedateerd 1 januari 9999, …'
 */
export function mailDateQuestion(sent: IsoDate, today: IsoDate): string | undefined {
  if (sent > today)
    return `De e-mail is gedateerd ${formatDate(sent)}: dat is na vandaag en kan niet kloppen. Wanneer kwam de klacht binnen? Vul de ontvangstdatum zelf in.`;
  if (toDayNumber(today) - toDayNumber(sent) > MAIL_DATE_MAX_AGE_DAYS)
    return `De e-mail is gedateerd ${formatDate(sent)}: meer dan een jaar geleden. Klopt dat? Vul de ontvangstdatum zelf in.`;
  return undefined;
}
