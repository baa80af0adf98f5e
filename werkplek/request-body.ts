/**
 * Reading what a request sends: its path and its form body, strictly. Anything malformed is a
 * {@link RequestError} with a short Dutch text (400), anything over the limit a 413 after the body was read to
 * its end (so the browser gets the page, not a reset connection), never a 500. Large bodies are handled one at
 * a time: the others wait unread, held back by TCP, so ten parallel uploads never hold ten bodies in memory.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The most a form may send: a dropped .eml with its attachments included. */
export const BODY_LIMIT = 20 * 1024 * 1024;

/** A request the werkplek cannot take, with the status and the Dutch text to answer it with. */
export class RequestError extends Error {
  readonly status: 400 | 413;
  /** Answer with `Connection: close`: the rest of the body was not read (only past {@link BodyReaderOptions.drainLimit}). */
  readonly close: boolean;
  constructor(status: 400 | 413, message: string, options: { close?: boolean; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.status = status;
    this.close = options.close ?? false;
  }
}

const NOT_SAVED = 'Er is niets opgeslagen. Ga terug en probeer het opnieuw.';
/** The Dutch texts, one per kind of malformed request. */
export const REQUEST_MESSAGES = {
  path: 'Dit adres bestaat niet: het bevat een ongeldige %-code. Open de werkplek via het menu.',
  type: `Dit formulier kwam in een onbekende vorm aan. ${NOT_SAVED}`,
  encoding: `Dit formulier bevat ongeldige tekens (%-codes of tekens die geen UTF-8 zijn). ${NOT_SAVED}`,
  incomplete: `Dit formulier kwam niet volledig aan. ${NOT_SAVED}`,
  tooLarge: (limit: number) =>
    `Te groot: wat u verstuurde is meer dan ${limit >= 1024 * 1024 ? `${Math.round(limit / 1024 / 1024)} MB` : `${Math.round(limit / 1024)} kB`}. Er is niets opgeslagen. Kies een kleiner bestand (bijvoorbeeld de e-mail zonder bijlagen).`,
};

/**
 * The decoded path of a request target (`/dossier/K-2026-003`); a bad percent-encoding (`/%E0%A4%A`) is a 400,
 * not an exception.
 */
export function requestPath(target: string | undefined): string {
  const pathname = new URL(target ?? '/', 'http://werkplek.local').pathname;
  try {
    return decodeURIComponent(pathname);
  } catch (error) {
    throw new RequestError(400, REQUEST_MESSAGES.path, { cause: error });
  }
}

/** How bodies are read. */
export interface BodyReaderOptions {
  /** The most a body may hold (default {@link BODY_LIMIT}). */
  limit?: number;
  /** How many large bodies are handled at once; the others wait unread (default 1). */
  parallel?: number;
  /** A body declaring at most this many bytes is small: read at once, never waiting (default 1 MiB). */
  small?: number;
  /** How much of an oversized body is read and dropped before giving up on it (default 10 × limit). */
  drainLimit?: number;
}

/** The two forms a browser sends. */
const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data']);

/**
 * A reader of form bodies with one shared allowance for large ones. `read` gives the form as `FormData`:
 * only `application/x-www-form-urlencoded` and `multipart/form-data` (with its boundary) are accepted; no
 * Content-Type, another one, a Content-Encoding, bad percent-encoding or UTF-8, or a truncated multipart body
 * is a 400; more than `limit` bytes is a 413 once the body is drained (Content-Length known up front or not).
 */
export function createBodyReader(options: BodyReaderOptions = {}) {
  const limit = options.limit ?? BODY_LIMIT;
  const small = options.small ?? 1024 * 1024;
  const drainLimit = options.drainLimit ?? 10 * limit;
  const permits = semaphore(options.parallel ?? 1);

  const refuse = async (req: IncomingMessage, status: 400 | 413, message: string): Promise<never> => {
    const drained = await drain(req, drainLimit);
    throw new RequestError(status, message, { close: !drained });
  };

  return {
    limit,
    /** Large bodies being read or waiting now (for tests and the log). */
    get busy() {
      return permits.busy;
    },
    /**
     * The form `req` sends. With `res`, a large body's turn lasts until that response is finished (or the
     * connection closed): what is made from the body (a parsed mail, a page holding its text) counts too.
     */
    async read(req: IncomingMessage, res?: ServerResponse): Promise<FormData> {
      const type = req.headers['content-type'] ?? '';
      const media = type.split(';')[0]!.trim().toLowerCase();
      if (!FORM_TYPES.has(media)) return refuse(req, 400, REQUEST_MESSAGES.type);
      const coding = req.headers['content-encoding']?.trim().toLowerCase();
      if (coding && coding !== 'identity') return refuse(req, 400, REQUEST_MESSAGES.type);
      const declared = req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length']);
      if (declared !== undefined && declared > limit) return refuse(req, 413, REQUEST_MESSAGES.tooLarge(limit));
      const large = declared === undefined || declared > small;
      const release = large ? await permits.acquire() : () => undefined;
      let held = false;
      try {
        const bytes = await collect(req, limit, declared, drainLimit);
        if (bytes === undefined) throw new RequestError(413, REQUEST_MESSAGES.tooLarge(limit));
        const form = media === 'multipart/form-data' ? parseMultipart(bytes, type) : urlencoded(bytes);
        if (res && !res.closed) {
          res.once('close', release);
          held = true;
        }
        return form;
      } finally {
        if (!held) release();
      }
    },
  };
}

/** The body reader {@link createBodyReader} makes. */
export type BodyReader = ReturnType<typeof createBodyReader>;

/**
 * The body's bytes, or undefined when it holds more than `limit` (then the rest is read and dropped, up to
 * `drainLimit`). A client that stops halfway (the connection lost) is a 400.
 */
function collect(req: IncomingMessage, limit: number, declared: number | undefined, drainLimit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    // a known length: one buffer, no copies; otherwise the chunks, joined once at the end
    let buffer: Buffer | undefined = declared !== undefined ? Buffer.allocUnsafe(declared) : undefined;
    let chunks: Buffer[] | undefined = declared === undefined ? [] : undefined;
    let size = 0;
    const done = (error?: RequestError, bytes?: Buffer) => {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      if (error) reject(error);
      else resolve(bytes);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > drainLimit) {
        req.pause(); // the rest is not read: the answer closes the connection
        return done(new RequestError(413, REQUEST_MESSAGES.tooLarge(limit), { close: true }));
      }
      if (size > limit) {
        buffer = undefined; // over the limit: drop what was kept, keep reading to the end
        chunks = undefined;
      } else if (buffer) chunk.copy(buffer, size - chunk.length);
      else chunks?.push(chunk);
    };
    const onEnd = () => {
      if (size > limit) return done(undefined, undefined);
      done(undefined, buffer ? buffer.subarray(0, size) : Buffer.concat(chunks ?? [], size));
    };
    const onError = (error: Error) => done(new RequestError(400, REQUEST_MESSAGES.incomplete, { cause: error }));
    const onClose = () => {
      if (!req.complete) done(new RequestError(400, REQUEST_MESSAGES.incomplete));
    };
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
    req.resume();
  });
}

/**
 * Read the rest of a refused body and drop it, so the answer reaches the browser; false when it gave up past
 * `drainLimit` (the answer then closes the connection).
 */
function drain(req: IncomingMessage, drainLimit: number): Promise<boolean> {
  return new Promise((resolve) => {
    let seen = 0;
    const finish = (drained: boolean) => {
      req.off('data', onData).off('end', onEnd).off('error', onEnd).off('close', onEnd);
      resolve(drained);
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > drainLimit) {
        req.pause();
        finish(false);
      }
    };
    const onEnd = () => finish(true);
    if (req.complete) return resolve(true);
    req.on('data', onData).on('end', onEnd).on('error', onEnd).on('close', onEnd);
    req.resume();
  });
}

/** An `application/x-www-form-urlencoded` body, strictly: bad percent-encoding or UTF-8 is a 400, not U+FFFD. */
function urlencoded(bytes: Buffer): FormData {
  const form = new FormData();
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new RequestError(400, REQUEST_MESSAGES.encoding, { cause: error });
  }
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const [name, value] = eq < 0 ? [part, ''] : [part.slice(0, eq), part.slice(eq + 1)];
    try {
      // decodeURIComponent throws on a lone %, a bad hex pair and a byte sequence that is not UTF-8
      form.append(decodeURIComponent(name.replaceAll('+', ' ')), decodeURIComponent(value.replaceAll('+', ' ')));
    } catch (error) {
      throw new RequestError(400, REQUEST_MESSAGES.encoding, { cause: error });
    }
  }
  return form;
}

const malformed = (cause?: unknown) => new RequestError(400, REQUEST_MESSAGES.incomplete, { cause });
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const CRLF = Buffer.from('\r\n');
const HEADERS_END = Buffer.from('\r\n\r\n');

/** The boundary parameter of a multipart Content-Type (RFC 2046: 1 to 70 characters), or undefined. */
function boundaryOf(type: string): string | undefined {
  const m = /;\s*boundary=(?:"([^"]{1,70})"|([^;\s"]{1,70}))\s*(?:;|$)/i.exec(type);
  return m?.[1] ?? m?.[2];
}

/** A parameter (`name`, `filename`) of a part's Content-Disposition, quoted or not; browsers write `"`, CR and LF as %-codes. */
function parameter(disposition: string, key: 'name' | 'filename'): string | undefined {
  const m = new RegExp(`;\\s*${key}=(?:"([^"]*)"|([^;\\s"]+))`, 'i').exec(disposition);
  const value = m?.[1] ?? m?.[2];
  return value?.replace(/%0A/gi, '\n').replace(/%0D/gi, '\r').replace(/%22/g, '"');
}

/**
 * A `multipart/form-data` body as a browser sends it (RFC 7578): each part's bytes are looked up in the body,
 * and a file is copied once into its File (the runtime's own parser, `Response.formData()`, holds about four
 * copies of a 20 MB upload). A body without its boundary, cut short or otherwise malformed is a 400; text
 * fields must be UTF-8.
 */
export function parseMultipart(bytes: Buffer, type: string): FormData {
  const boundary = boundaryOf(type);
  if (boundary === undefined) throw malformed();
  const first = Buffer.from(`--${boundary}`);
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const form = new FormData();
  // a preamble before the first delimiter is ignored (RFC 2046)
  let at = bytes.subarray(0, first.length).equals(first) ? first.length : bytes.indexOf(delimiter);
  if (at < 0) throw malformed();
  if (at !== first.length) at += delimiter.length;
  for (;;) {
    // after a delimiter: "--" closes the body; otherwise a line break starts the next part
    if (bytes[at] === 0x2d && bytes[at + 1] === 0x2d) return form;
    if (!bytes.subarray(at, at + 2).equals(CRLF)) throw malformed();
    const headersEnd = bytes.indexOf(HEADERS_END, at);
    const end = headersEnd < 0 ? -1 : bytes.indexOf(delimiter, headersEnd + 2);
    if (end < 0) throw malformed();
    let headers: string;
    try {
      headers = strictUtf8.decode(bytes.subarray(at + 2, headersEnd));
    } catch (error) {
      throw malformed(error);
    }
    const header = (name: string) =>
      headers
        .split('\r\n')
        .find((line) => line.toLowerCase().startsWith(`${name}:`))
        ?.slice(name.length + 1)
        .trim();
    const disposition = header('content-disposition');
    const name = disposition && /^form-data\s*(;|$)/i.test(disposition) ? parameter(disposition, 'name') : undefined;
    if (name === undefined) throw malformed();
    const data = bytes.subarray(headersEnd + HEADERS_END.length, end);
    const filename = parameter(disposition!, 'filename');
    if (filename !== undefined)
      form.append(
        name,
        new File([data as Uint8Array<ArrayBuffer>], filename, { type: header('content-type') ?? 'application/octet-stream' }),
      );
    else {
      try {
        form.append(name, strictUtf8.decode(data));
      } catch (error) {
        throw new RequestError(400, REQUEST_MESSAGES.encoding, { cause: error });
      }
    }
    at = end + delimiter.length;
  }
}

/** At most `n` holders at once; the others wait in order. */
function semaphore(n: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };
  return {
    get busy() {
      return active + waiting.length;
    },
    acquire(): Promise<() => void> {
      if (active < n) {
        active++;
        return Promise.resolve(once(release));
      }
      return new Promise((resolve) => waiting.push(() => resolve(once(release))));
    },
  };
}

const once = (f: () => void) => {
  let called = false;
  return () => {
    if (!called) {
      called = true;
      f();
    }
  };
};
