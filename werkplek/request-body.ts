/**
 * Reading what a request sends: its path and its form body, strictly. Anything malformed is a
 * {@link RequestError} with a short Dutch text (400), anything over the limit a 413 after the body was read to
 * its end (so the browser gets the page, not a reset connection), never a 500. Large bodies are read a few at
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
  /** How many large bodies are read (and parsed) at once; the others wait unread (default 2). */
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
  const permits = semaphore(options.parallel ?? 2);

  const refuse = async (req: IncomingMessage, status: 400 | 413, message: string): Promise<never> => {
    await drain(req, drainLimit, message);
    throw new RequestError(status, message);
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
        const form = media === 'multipart/form-data' ? await multipart(bytes, type) : urlencoded(bytes);
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

/** Read the rest of a refused body and drop it, so the answer reaches the browser; gives up past `drainLimit`. */
async function drain(req: IncomingMessage, drainLimit: number, message: string): Promise<void> {
  const size = await new Promise<number | undefined>((resolve) => {
    let seen = 0;
    const finish = (n: number | undefined) => {
      req.off('data', onData).off('end', onEnd).off('error', onEnd).off('close', onEnd);
      resolve(n);
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > drainLimit) {
        req.pause();
        finish(undefined);
      }
    };
    const onEnd = () => finish(seen);
    if (req.complete) return resolve(0);
    req.on('data', onData).on('end', onEnd).on('error', onEnd).on('close', onEnd);
    req.resume();
  });
  if (size === undefined) throw new RequestError(413, message, { close: true });
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

/** A `multipart/form-data` body, parsed by the runtime's own parser; a truncated or malformed one is a 400. */
async function multipart(bytes: Buffer, type: string): Promise<FormData> {
  try {
    return await new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-type': type } }).formData();
  } catch (error) {
    throw new RequestError(400, REQUEST_MESSAGES.incomplete, { cause: error });
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
