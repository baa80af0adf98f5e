/**
 * Reading one e-mail as a mail client shows it: postal-mime splits the MIME structure (with its limits against
 * hostile mail), this module decodes the text as Thunderbird and Outlook do where postal-mime does not, and takes
 * the text from the HTML part when there is no plain one. Runs in the intake's worker (werkplek/mail-worker.ts), so a
 * mail that needs too much memory ends the worker, not the werkplek.
 *
 * Why these libraries: postal-mime (already used) gives no text at all for an HTML-only mail, decodes a part without
 * a charset as UTF-8 (Latin-1 becomes `Fr�sche`) and leaves UTF-7 undecoded; mailparser, compared on the same
 * mails, does the last two the same way. html-to-text (htmlparser2 underneath) turns Outlook's HTML (styles,
 * conditional comments, layout tables) into readable text; postal-mime's own converter is a set of regular
 * expressions and not exported. iconv-lite decodes UTF-7, which the platform's TextDecoder does not know.
 */
import { convert } from 'html-to-text';
import iconv from 'iconv-lite';
import PostalMime, { type Email } from 'postal-mime';

/** How deep MIME parts may nest: real mail clients stay far below (a forward in a reply in a signed mail: ~6). */
export const MAX_MIME_DEPTH = 50;

/** The parser's limits: nesting, header size, nested messages read inline. */
export const PARSE_LIMITS = { maxNestingDepth: MAX_MIME_DEPTH, maxRfc822NestingDepth: 3, maxHeadersSize: 1024 * 1024 } as const;

/** One attachment as read from the mail. */
export interface ParsedAttachment {
  name: string | null;
  type: string;
  /** Part of a `multipart/related` with a Content-ID: an image shown inside the text (a logo, a pasted photo). */
  inline: boolean;
  bytes: Uint8Array;
}

/** What the intake needs of a mail. */
export interface ParsedMail {
  fromName: string;
  fromAddress: string;
  /** The Date header as an ISO instant, when it could be read. */
  date?: string;
  subject: string;
  text: string;
  attachments: ParsedAttachment[];
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes in a charset that was not declared: UTF-8 when they are valid UTF-8 (ASCII is), else windows-1252, as mail clients fall back to. */
export function decodeUndeclared(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The charset an HTML part names in its own `<meta>` (the first 1,024 bytes, as browsers look), if any. */
function metaCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 1024));
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
}

const isUtf7 = (label: string) => /^(unicode-1-1-)?utf-?7$/i.test(label.trim());

/** A text part's bytes in its declared charset, or as a mail client guesses when there is none. */
function decodeText(bytes: Uint8Array, charset: string | undefined, html: boolean): string | undefined {
  const label = (charset ?? '').trim();
  if (isUtf7(label)) return iconv.decode(Buffer.from(bytes), 'utf-7');
  if (label) return undefined; // declared: postal-mime decodes it (latin-1 as windows-1252, like browsers)
  const meta = html ? metaCharset(bytes) : undefined;
  if (meta && isUtf7(meta)) return iconv.decode(Buffer.from(bytes), 'utf-7');
  if (meta && iconv.encodingExists(meta)) return iconv.decode(Buffer.from(bytes), meta);
  return decodeUndeclared(bytes);
}

/** postal-mime's MIME part, as far as the text decoding needs it (not in its published types). */
interface MimeNodeShape {
  content: ArrayBuffer | null;
  contentType: { parsed: { value: string; params: Record<string, string> } };
  getTextContent(): string;
  decodeFlowedText(text: string, delSp: boolean): string;
}

// postal-mime decodes a text part in MimeNode.getTextContent; its charset rules are replaced here for the two cases
// it gets wrong (no charset, UTF-7), in this module's copy of postal-mime (the intake's worker loads it alone)
const nodePrototype = Object.getPrototypeOf((new PostalMime() as unknown as { root: object }).root) as MimeNodeShape;
if (typeof nodePrototype.getTextContent !== 'function' || typeof nodePrototype.decodeFlowedText !== 'function')
  throw new Error('postal-mime changed: MimeNode.getTextContent or decodeFlowedText is gone (werkplek/mail-parse.ts)');
const postalText = nodePrototype.getTextContent;
nodePrototype.getTextContent = function (this: MimeNodeShape): string {
  if (!this.content) return '';
  const params = this.contentType.parsed.params;
  const text = decodeText(new Uint8Array(this.content), params.charset, this.contentType.parsed.value === 'text/html');
  if (text === undefined) return postalText.call(this);
  return /^flowed$/i.test(params.format ?? '') ? this.decodeFlowedText(text, /^yes$/i.test(params.delsp ?? '')) : text;
};

/**
 * The header block of the mail made readable for postal-mime, which reads headers as UTF-8: raw 8-bit headers that
 * are not UTF-8 (an old client writing `Subject: Klacht über` in Latin-1) are read as windows-1252, and UTF-7
 * encoded-words (`=?utf-7?B?…?=`) become UTF-8 ones. The body is left as it is.
 */
export function readableHeaders(raw: Uint8Array): Uint8Array {
  let end = -1;
  for (let i = 0; i + 1 < raw.length && i < 1024 * 1024; i++)
    if (raw[i] === 10 && (raw[i + 1] === 10 || (raw[i + 1] === 13 && raw[i + 2] === 10))) {
      end = i + 1;
      break;
    }
  if (end < 0) return raw;
  const headBytes = raw.subarray(0, end);
  let head = decodeUndeclared(headBytes);
  const utf7Words = /=\?(?:unicode-1-1-)?utf-?7(?:\*[^?]*)?\?([bq])\?([^?]*)\?=/gi;
  const latin = head !== strictDecodeOrEmpty(headBytes);
  if (!latin && !utf7Words.test(head)) return raw;
  head = head.replace(utf7Words, (_, enc: string, text: string) => {
    const bytes =
      enc.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64')
        : Buffer.from(
            text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_h, x: string) => String.fromCharCode(parseInt(x, 16))),
            'latin1',
          );
    return `=?utf-8?B?${Buffer.from(iconv.decode(bytes, 'utf-7'), 'utf8').toString('base64')}?=`;
  });
  const fixed = Buffer.from(head, 'utf8');
  const out = new Uint8Array(fixed.length + raw.length - end);
  out.set(fixed, 0);
  out.set(raw.subarray(end), fixed.length);
  return out;
}

function strictDecodeOrEmpty(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return '';
  }
}

/** Text from HTML as a reader sees it: no styles or scripts, tables as rows, images left out, links once. */
export function htmlText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'img', format: 'skip' },
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
      { selector: 'table', format: 'dataTable' },
    ],
  })
    .replace(/^[^\S\n]+$/gm, '') // Outlook's empty paragraphs (&nbsp;)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The mail's text: its plain part, or from its HTML when it has no plain text. */
function textOf(mail: Email): string {
  const plain = (mail.text ?? '').trim();
  if (plain) return plain;
  return mail.html ? htmlText(mail.html) : '';
}

/** Parse one mail (throws postal-mime's errors: too deeply nested, headers too large). */
export async function parseMail(raw: Uint8Array): Promise<ParsedMail> {
  const mail = await PostalMime.parse(readableHeaders(raw), { ...PARSE_LIMITS, attachmentEncoding: 'arraybuffer' });
  const when = mail.date ? new Date(mail.date) : undefined;
  const from = mail.from && !('group' in mail.from && mail.from.group) ? mail.from : undefined;
  return {
    fromName: from?.name ?? '',
    fromAddress: from?.address ?? '',
    date: when && !Number.isNaN(when.getTime()) ? when.toISOString() : undefined,
    subject: (mail.subject ?? '').trim(),
    text: textOf(mail),
    attachments: mail.attachments.map((a) => ({
      name: a.filename,
      type: a.mimeType,
      inline: Boolean(a.related),
      bytes:
        a.content instanceof ArrayBuffer
          ? new Uint8Array(a.content)
          : typeof a.content === 'string'
            ? Buffer.from(a.content)
            : new Uint8Array(a.content),
    })),
  };
}
