/**
 * The `.eml` intake (art. 4.1: a complaint by e-mail): the sender, the date, the text and the attachments of a
 * dropped e-mail as values for the registration form. The mail is parsed in a worker with a heap limit
 * (werkplek/mail-parse.ts has the why of the decoding), and a mail of very many lines of text only in part, so a hostile
 * mail (1,000 nested parts, huge headers, 20 MB of unencoded text, which postal-mime needs about 70 times its size for)
 * gets a Dutch message or is read in part, never an error page or a werkplek out of memory.
 */
import { Worker } from 'node:worker_threads';
import { ATTACHMENT_MAX_BYTES, extensionOf, sizeWords, tooLargeWords } from '../lib/cases/attachments.ts';
import { todayIn, type IsoDate } from '../lib/dates/iso-date.ts';
import { mailDateQuestion } from '../lib/dates/mail-date.ts';
import { MAX_MIME_DEPTH, type ParsedMail } from './mail-parse.ts';

export { MAX_MIME_DEPTH };

/** What is read of a mail too costly to parse whole: its start (headers and text come first). */
export const MAX_MAIL_READ = 2 * 1024 * 1024;

/** The worker's heap limit: a 20 MB mail of attachments needs about 80 MB. */
export const MAIL_HEAP_MB = 256;

/**
 * The most lines outside base64 a mail is read up to. postal-mime keeps each such line as a piece of its own (about
 * 2.4 kB each, outside the JavaScript heap, so the worker's heap limit does not see it): 18 MB of unencoded text in
 * 420,000 lines took 1.3 GB. A base64 line costs about a tenth of that. 50,000 lines is far more text than any
 * complaint, and at most about 120 MB.
 */
export const MAX_TEXT_LINES = 50_000;

const BASE64_LINE = new Uint8Array(256);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\r') BASE64_LINE[c.charCodeAt(0)] = 1;

/** Where the `max`-th line of `bytes` that does not look like base64 ends (what postal-mime holds line by line); the length when there are fewer. */
export function textLinesEnd(bytes: Uint8Array, max: number): number {
  let lines = 0;
  let base64 = true;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 10) {
      if (!base64 && ++lines >= max) return i + 1;
      base64 = true;
    } else if (!BASE64_LINE[b]) base64 = false;
  }
  return bytes.length;
}

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
 * attachments. A mail with more than {@link MAX_TEXT_LINES} lines outside base64 is read up to the last of them, one
 * whose parsing would need more than `heapMb` (default {@link MAIL_HEAP_MB}) up to {@link MAX_MAIL_READ} (`partial`).
 */
export async function mailValues(file: Blob, timeZone: string, today: IsoDate, o: { heapMb?: number } = {}): Promise<MailIntake> {
  const bytes = await file.bytes();
  const heapMb = o.heapMb ?? MAIL_HEAP_MB;
  // a mail of very many lines of text would cost too much: read it up to the last line allowed
  const end = textLinesEnd(bytes, MAX_TEXT_LINES);
  let partial = end < bytes.length;
  let r = await parseInWorker(partial ? bytes.slice(0, end) : bytes, heapMb);
  if (!r.ok && r.memory && bytes.length > MAX_MAIL_READ) {
    partial = true;
    r = await parseInWorker(bytes.slice(0, Math.min(end, MAX_MAIL_READ)), MAIL_HEAP_MB); // its start fits
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
