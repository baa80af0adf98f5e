/**
 * Attachments of a case (art. 4.5: the complaint as received, with what came with it): files kept in a folder beside
 * the case file, `cases/<year>/<id>/` next to `cases/<year>/<id>.md`. The loader and the checks skip that folder;
 * the public site and the report never read `cases/`. Pure: names and limits only, the files are read and written
 * in io/attachments.ts.
 */

/** The most one attachment may hold: 10 MB. A larger file is refused with a Dutch message (the whole form may carry 20 MB). */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** {@link ATTACHMENT_MAX_BYTES} in the words the pages and the handbook use. */
export const ATTACHMENT_MAX_WORDS = '10 MB';

/** A case id as a folder name: `K-2026-007`. Such a folder beside a case file holds its attachments, never cases. */
export const isAttachmentFolderName = (name: string): boolean => /^K-\d{4}-\d+$/.test(name);

/** The attachment folder of a case file: its path without `.md` (`cases/2026/K-2026-007.md` → `cases/2026/K-2026-007`). */
export const attachmentFolderOf = (caseFile: string): string => caseFile.replace(/\.md$/, '');

/** A size in Dutch words: `850 bytes`, `12 kB`, `1,4 MB`. */
export function sizeWords(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

/** The Dutch refusal of a file over {@link ATTACHMENT_MAX_BYTES}. */
export const tooLargeWords = (name: string, bytes: number): string =>
  `${name} is te groot (${sizeWords(bytes)}): een bijlage mag hoogstens ${ATTACHMENT_MAX_WORDS} zijn. Bewaar het bestand ergens anders en noteer in het dossier waar.`;

// Windows refuses these as file names, with any extension
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
const MAX_NAME = 120;

/**
 * A file name that is safe in the attachment folder on every system: Unicode in NFC; no path separators, no control
 * or format characters (a right-to-left override can make `gpj.exe` read as `exe.jpg`), none of `<>:"|?*`; no dot-file,
 * no trailing dot or space; not a Windows device name; not named like a case file (`K-….md`); at most 120 characters,
 * the extension kept. An empty result becomes `bijlage` (with `fallbackExtension`).
 * @example safeAttachmentName('../../etc/passwd') === 'etc-passwd'
 */
export function safeAttachmentName(name: string, fallbackExtension = ''): string {
  let s = name
    .normalize('NFC')
    .replace(/[\t\n\r\v\f]/g, ' ')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[\\/<>:"|?*]+/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.-]+/, '')
    .replace(/[\s.]+$/, '');
  if (s.length > MAX_NAME) {
    const dot = s.lastIndexOf('.');
    const ext = dot > 0 && s.length - dot <= 10 ? s.slice(dot) : '';
    s = s.slice(0, MAX_NAME - ext.length).replace(/[\s.]+$/, '') + ext;
  }
  if (!s || /^\.*$/.test(s)) s = `bijlage${fallbackExtension}`;
  if (RESERVED.test(s) || /^K-.*\.md$/i.test(s)) s = `bijlage-${s}`;
  return s;
}

/**
 * `name`, or when the folder holds it already (compared without case: macOS and Windows do not tell `A.pdf` from
 * `a.pdf`) the first free `name (2).ext`, `name (3).ext`, ….
 */
export function uniqueAttachmentName(name: string, taken: Iterable<string>): string {
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  if (!lower.has(name.toLowerCase())) return name;
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let i = 2; ; i++) {
    const candidate = `${stem} (${i})${ext}`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/** Content types by extension, for a download; anything else is `application/octet-stream`. */
const TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  eml: 'message/rfc822',
  txt: 'text/plain; charset=utf-8',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  heic: 'image/heic',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  csv: 'text/csv; charset=utf-8',
  zip: 'application/zip',
};

/** The content type a download of `name` is sent with (by its extension). */
export function attachmentType(name: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  return (ext && TYPES[ext]) || 'application/octet-stream';
}

/** The extension for a content type (`application/pdf` → `.pdf`), for an attachment that came without a name. */
export function extensionOf(type: string): string {
  const base = type.split(';')[0]!.trim().toLowerCase();
  const found = Object.entries(TYPES).find(([, t]) => t.split(';')[0] === base);
  return found ? `.${found[0]}` : '';
}

/** One attachment as a page or an export lists it. */
export interface AttachmentInfo {
  name: string;
  size: number;
  type: string;
}
