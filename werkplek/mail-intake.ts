/**
 * The `.eml` intake (art. 4.1: a complaint by e-mail): the sender, the date, the text and the attachments of a
 * dropped e-mail as values for the registration form. The mail is parsed in a worker with a heap limit
 * (werkplek/mail-parse.ts has the why of the decoding), so a hostile mail (1,000 nested parts, huge headers, 20 MB of
 * unencoded text, which postal-mime needs about 50 times its size for) gets a Dutch message or is read in part,
 * never an error page or a werkplek out of memory.
 */
import { Worker } from 'node:worker_threads';
import { ATTACHMENT_MAX_BYTES, extensionOf, sizeWords, tooLargeWords } from '../lib/cases/attachments.ts';
import { todayIn, type IsoDate } from '../lib/dates/iso-date.ts';
import { mailDateQuestion } from '../lib/dates/mail-date.ts';
import { MAX_MIME_DEPTH, type ParsedMail } from './mail-parse.ts';

export { MAX_MIME_DEPTH };

/** What is read of a mail that cannot be parsed whole within the heap limit: its start (headers and text come first). */
export const MAX_MAIL_READ = 2 * 1024 * 1024;

/** The worker's heap limit: a 20 MB mail of attachments needs about 80 MB, one of 20 MB of unencoded text about 1 GB. */
export const MAIL_HEAP_MB = 256;

/** An attachment the intake offers to keep with the new case. */
export interface OfferedAttachment {
  name: string;
  type: string;
  size: number;
  /** An image inside the text (a logo, a pasted photo): offered, not ticked. */
  inline: boolean;
  bytes: Uint8Array;
  /** Why it cannot be kept (over {@link ATTACHMENT_MAX_BYTES}), in Dutch. */
  refusal?: string;
}

/** What the intake read: the form's values, remarks beside fields (a date to ask about), the attachments on offer. */
export type MailIntake =
  | {
      ok: true;
      values: Record<string, string>;
      /** Questions for the organizer beside a field, by field name: the received date left empty with why. */
      remarks: Record<string, string[]>;
      /** Only the first {@link MAX_MAIL_READ} bytes were read: the text may be cut short and attachments are missing. */
      partial: boolean;
      attachments: OfferedAttachment[];
    }
  | { ok: false; message: string };

type WorkerAnswer = { ok: true; mail: ParsedMail } | { ok: false; deep?: boolean; memory?: boolean };

/** Parse `bytes` in a worker with a heap of `heapMb`; running out of it is an answer (`memory`), not a crash. */
function parseInWorker(bytes: Uint8Array, heapMb: number): Promise<WorkerAnswer> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./mail-worker.ts', import.meta.url), {
      workerData: bytes,
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 16 },
    });
    let answered = false;
    const answer = (a: WorkerAnswer) => {
      if (answered) return;
      answered = true;
      resolve(a);
      void worker.terminate();
    };
    worker.once('message', answer);
    worker.once('error', (error: NodeJS.ErrnoException) => answer({ ok: false, memory: error.code === 'ERR_WORKER_OUT_OF_MEMORY' }));
    worker.once('exit', () => answer({ ok: false }));
  });
}

const UNREADABLE =
  'Deze e-mail kan niet worden gelezen (het bestand is beschadigd of geen e-mail). Er is niets ingevuld of opgeslagen. Vul de gegevens zelf in.';

/**
 * The registration form's values from an e-mail file: channel `email`, the sender's name and address, the day it
 * was sent (in `timeZone`; `today` without a date; left empty with a question when it lies after today or more than a
 * year back), the subject and the text (from the HTML when there is no plain text) as the complaint, and its
 * attachments. A mail whose parsing would need more than `heapMb` (default {@link MAIL_HEAP_MB}) is read up to
 * {@link MAX_MAIL_READ} (`partial`).
 */
export async function mailValues(file: Blob, timeZone: string, today: IsoDate, o: { heapMb?: number } = {}): Promise<MailIntake> {
  const bytes = await file.bytes();
  const heapMb = o.heapMb ?? MAIL_HEAP_MB;
  let partial = false;
  let r = await parseInWorker(bytes, heapMb);
  if (!r.ok && r.memory && bytes.length > MAX_MAIL_READ) {
    partial = true;
    r = await parseInWorker(bytes.slice(0, MAX_MAIL_READ), MAIL_HEAP_MB); // its start fits: about 100 MB at most
  }
  if (!r.ok)
    return {
      ok: false,
      message: r.deep
        ? `Deze e-mail kan niet worden gelezen: hij bestaat uit meer dan ${MAX_MIME_DEPTH} in elkaar geschoven delen. Er is niets ingevuld of opgeslagen. Vul de gegevens zelf in.`
        : UNREADABLE,
    };
  const mail = r.mail;
  const sent = mail.date ? todayIn(new Date(mail.date), timeZone) : undefined;
  const question = sent && mailDateQuestion(sent, today);
  return {
    ok: true,
    partial,
    values: {
      channel: 'email',
      'complainant.name': mail.fromName,
      'complainant.email': mail.fromAddress,
      received: question ? '' : (sent ?? today),
      klacht: [mail.subject ? `Onderwerp: ${mail.subject}` : '', mail.text].filter(Boolean).join('\n\n'),
    },
    remarks: question ? { received: [question] } : {},
    attachments: partial ? [] : mail.attachments.map(offered),
  };
}

/** A parsed attachment as offered: a name (`bijlage.pdf` when it came without one), its size, a refusal when too large. */
function offered(a: ParsedMail['attachments'][number]): OfferedAttachment {
  const name = a.name?.trim() || `bijlage${extensionOf(a.type)}`;
  const size = a.bytes.byteLength;
  return {
    name,
    type: a.type,
    size,
    inline: a.inline,
    bytes: a.bytes,
    ...(size > ATTACHMENT_MAX_BYTES ? { refusal: tooLargeWords(name, size) } : {}),
  };
}

/** How an offered attachment is shown: `factuur.pdf (120 kB)`. */
export const offeredWords = (a: { name: string; size: number }): string => `${a.name} (${sizeWords(a.size)})`;
