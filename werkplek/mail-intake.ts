/**
 * The `.eml` intake (art. 4.1: a complaint by e-mail): the sender, the date and the text of a dropped e-mail
 * as values for the registration form. postal-mime parses it with tight limits, so a hostile mail (1,000
 * nested parts, huge headers) gets a Dutch message instead of an error page.
 */
import PostalMime from 'postal-mime';
import { todayIn, type IsoDate } from '../lib/dates/iso-date.ts';

/** How deep MIME parts may nest: real mail clients stay far below (a forward in a reply in a signed mail: ~6). */
export const MAX_MIME_DEPTH = 50;

/**
 * How much of a mail is read: its headers and text come first, attachments after them. postal-mime needs about
 * 25 times a text's size while parsing it (a mail of 20 MB of text: 470 MB), so only the start is parsed.
 */
export const MAX_MAIL_READ = 2 * 1024 * 1024;

/** The form values read from a mail (`partial`: only its first {@link MAX_MAIL_READ} bytes), or why it could not be read (Dutch). */
export type MailIntake = { ok: true; values: Record<string, string>; partial: boolean } | { ok: false; message: string };

/**
 * The registration form's values from an e-mail file: channel `email`, the sender's name and address, the
 * day it was sent (in `timeZone`; `today` without a usable date) and the subject and text as the complaint.
 * Of a mail over {@link MAX_MAIL_READ} only the start is read (`partial`): the text may be cut short.
 */
export async function mailValues(file: Blob, timeZone: string, today: IsoDate): Promise<MailIntake> {
  const partial = file.size > MAX_MAIL_READ;
  let mail;
  try {
    mail = await PostalMime.parse(await file.slice(0, MAX_MAIL_READ).bytes(), {
      maxNestingDepth: MAX_MIME_DEPTH,
      maxRfc822NestingDepth: 3,
      maxHeadersSize: 1024 * 1024,
    });
  } catch (error) {
    const deep = /nesting depth/i.test((error as Error)?.message ?? '');
    return {
      ok: false,
      message: deep
        ? `Deze e-mail kan niet worden gelezen: hij bestaat uit meer dan ${MAX_MIME_DEPTH} in elkaar geschoven delen. Er is niets ingevuld of opgeslagen. Vul de gegevens zelf in.`
        : 'Deze e-mail kan niet worden gelezen (het bestand is beschadigd of geen e-mail). Er is niets ingevuld of opgeslagen. Vul de gegevens zelf in.',
    };
  }
  const when = mail.date ? new Date(mail.date) : undefined;
  return {
    ok: true,
    partial,
    values: {
      channel: 'email',
      'complainant.name': mail.from?.name ?? '',
      'complainant.email': mail.from?.address ?? '',
      received: when && !Number.isNaN(when.getTime()) ? todayIn(when, timeZone) : today,
      klacht: [mail.subject ? `Onderwerp: ${mail.subject}` : '', (mail.text ?? '').trim()].filter(Boolean).join('\n\n'),
    },
  };
}
