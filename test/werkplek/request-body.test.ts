// Reading a request's path and form body: malformed is a 400, too large a 413 once the body is drained (the
// browser gets the page, never a reset connection), and large bodies are handled a set number at a time.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createBodyReader,
  parseMultipart,
  REQUEST_MESSAGES,
  RequestError,
  requestPath,
  type BodyReader,
} from '../../werkplek/request-body.ts';

describe('requestPath', () => {
  it.each([
    ['/', '/'],
    ['/dossier/K-2026-003', '/dossier/K-2026-003'],
    ['/dossier/K-2026-003?melding=m1', '/dossier/K-2026-003'],
    ['/caf%C3%A9', '/café'],
    ['/a%20b', '/a b'],
  ])('%s is %s', (target, path) => {
    expect(requestPath(target)).toBe(path);
  });

  it.each(['/%', '/%E0%A4%A', '/%ZZ', '/%C3', '/%FF', '/dossier/%ED%A0%80'])('%s is a 400', (target) => {
    expect(() => requestPath(target)).toThrow(RequestError);
    try {
      requestPath(target);
    } catch (error) {
      expect(error).toMatchObject({ status: 400, message: REQUEST_MESSAGES.path });
    }
  });
});

const LIMIT = 64 * 1024;
let server: Server;
let port: number;
let reader: BodyReader;
/** Requests whose body the server has begun to read, in order. */
const started: string[] = [];
/** Responses to requests with the header `x-hold-response` wait for this. */
let responseGate: Promise<void> = Promise.resolve();

beforeAll(async () => {
  reader = createBodyReader({ limit: LIMIT, parallel: 1, small: 1024, drainLimit: 4 * LIMIT });
  server = createServer((req, res) => {
    started.push(String(req.headers['x-name'] ?? ''));
    reader.read(req, res).then(
      async (form) => {
        if (req.headers['x-hold-response']) await responseGate;
        const entries = await Promise.all(
          [...form.entries()].map(async ([k, v]) => [k, typeof v === 'string' ? v : `${v.name}:${(await v.bytes()).length}`]),
        );
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(entries));
      },
      (error: unknown) => {
        const e = error as RequestError;
        res.writeHead(e instanceof RequestError ? e.status : 500, e.close ? { Connection: 'close' } : {}).end(e.message);
      },
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

interface Sent {
  headers?: Record<string, string | number>;
  /** The body, written in these pieces; sent chunked unless a Content-Length is among the headers. */
  body?: (string | Buffer)[];
  /** Resolves when the body may be ended (default: at once). */
  hold?: Promise<void>;
}

/** POST with full control over the headers; rejects on a reset connection, so a test fails on it. */
function post({ headers = {}, body = [], hold }: Sent): Promise<{ status: number; text: string; connection?: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, text: Buffer.concat(chunks).toString(), connection: res.headers.connection }));
      res.on('error', reject);
    });
    req.on('error', reject);
    void (async () => {
      for (const piece of body) if (!req.write(piece)) await new Promise((r) => req.once('drain', r));
      await hold;
      req.end();
    })();
  });
}

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };
const BOUNDARY = '----werkplekTEST';
const MULTIPART = { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}` };
const multipartBody = (file: string | Buffer, end = `--${BOUNDARY}--\r\n`) =>
  Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="actie"\r\n\r\neml\r\n` +
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="eml"; filename="klacht.eml"\r\nContent-Type: message/rfc822\r\n\r\n`,
    ),
    Buffer.from(file),
    Buffer.from(`\r\n${end}`),
  ]);
const sized = (body: Buffer | string) => [Buffer.from(body)];

describe('a form body', () => {
  it('urlencoded: +, %-codes, UTF-8, repeated names and empty values, as a browser sends them', async () => {
    const body = 'actie=stap&stap.note=gebeld+met+%22Jan%22%0D%0Aom+10%3A00&categories=a&categories=b&leeg=&caf%C3%A9=%E2%9C%93';
    const r = await post({ headers: { ...FORM, 'Content-Length': Buffer.byteLength(body) }, body: [body] });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text)).toEqual([
      ['actie', 'stap'],
      ['stap.note', 'gebeld met "Jan"\r\nom 10:00'],
      ['categories', 'a'],
      ['categories', 'b'],
      ['leeg', ''],
      ['café', '✓'],
    ]);
  });

  it('urlencoded with a charset parameter, sent chunked', async () => {
    const r = await post({ headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' }, body: ['a=1', '&b=2'] });
    expect(JSON.parse(r.text)).toEqual([
      ['a', '1'],
      ['b', '2'],
    ]);
  });

  it('multipart with a file', async () => {
    const body = multipartBody('From: a@example.org\r\n\r\nHallo');
    const r = await post({ headers: { ...MULTIPART, 'Content-Length': body.length }, body: [body] });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text)).toEqual([
      ['actie', 'eml'],
      ['eml', 'klacht.eml:28'],
    ]);
  });

  it.each([
    ['no Content-Type', {}, 'a=1', REQUEST_MESSAGES.type],
    ['text/plain (a form with enctype text/plain)', { 'Content-Type': 'text/plain' }, 'a=1', REQUEST_MESSAGES.type],
    ['JSON', { 'Content-Type': 'application/json' }, '{"a":1}', REQUEST_MESSAGES.type],
    ['a compressed body', { ...FORM, 'Content-Encoding': 'gzip' }, 'a=1', REQUEST_MESSAGES.type],
    ['a lone %', FORM, 'a=50%', REQUEST_MESSAGES.encoding],
    ['a bad %-pair', FORM, 'a=%ZZ', REQUEST_MESSAGES.encoding],
    ['a cut UTF-8 sequence in %-codes', FORM, 'naam=Jos%C3', REQUEST_MESSAGES.encoding],
    ['a byte that is no UTF-8 in %-codes', FORM, 'naam=Jos%E9', REQUEST_MESSAGES.encoding],
    ['a bad %-code in a name', FORM, '%=1', REQUEST_MESSAGES.encoding],
    ['raw Latin-1 bytes', FORM, Buffer.from([0x61, 0x3d, 0xe9]), REQUEST_MESSAGES.encoding],
    ['multipart without a boundary', { 'Content-Type': 'multipart/form-data' }, multipartBody('x'), REQUEST_MESSAGES.incomplete],
    [
      'multipart cut before its end',
      MULTIPART,
      multipartBody('From: a@example.org\r\n\r\nHallo', '').subarray(0, 150),
      REQUEST_MESSAGES.incomplete,
    ],
    ['multipart without its closing boundary', MULTIPART, multipartBody('Hallo', ''), REQUEST_MESSAGES.incomplete],
    ['multipart that is no multipart', MULTIPART, 'a=1', REQUEST_MESSAGES.incomplete],
  ])('%s: 400', async (_, headers, body, message) => {
    const bytes = Buffer.from(body);
    for (const h of [{ ...headers, 'Content-Length': bytes.length }, headers]) {
      const r = await post({ headers: h, body: [bytes] });
      expect({ status: r.status, text: r.text }).toEqual({ status: 400, text: message });
    }
  });
});

describe('a body over the limit', () => {
  const big = Buffer.alloc(LIMIT + 1, 'a');
  const pieces = (n: number) => Array.from({ length: n }, () => Buffer.alloc(16 * 1024, 'a'));

  it('declared up front: 413 with the Dutch text, after the whole body was read (no reset)', async () => {
    const body = [Buffer.from('a='), ...pieces(8)];
    const length = body.reduce((n, b) => n + b.length, 0);
    const r = await post({ headers: { ...FORM, 'Content-Length': length }, body });
    expect(r).toMatchObject({ status: 413, text: REQUEST_MESSAGES.tooLarge(LIMIT) });
    expect(r.text).toMatch(/^Te groot: wat u verstuurde is meer dan/);
    expect(r.connection).not.toBe('close');
  });

  it('chunked: 413 once it passes the limit, the rest drained', async () => {
    const r = await post({ headers: MULTIPART, body: [multipartBody(big)] });
    expect(r).toMatchObject({ status: 413, text: REQUEST_MESSAGES.tooLarge(LIMIT) });
  });

  it('exactly the limit is accepted', async () => {
    const body = Buffer.concat([Buffer.from('a='), Buffer.alloc(LIMIT - 2, 'b')]);
    const r = await post({ headers: { ...FORM, 'Content-Length': body.length }, body: sized(body) });
    expect(r.status).toBe(200);
  });

  it('the connection serves the next request after a 413 (keep-alive)', async () => {
    const body = [Buffer.from('a='), ...pieces(5)];
    const first = await post({ headers: { ...FORM, 'Content-Length': body.reduce((n, b) => n + b.length, 0) }, body });
    const second = await post({ headers: { ...FORM, 'Content-Length': 3 }, body: ['a=1'] });
    expect([first.status, second.status]).toEqual([413, 200]);
  });

  it.each([
    ['a form', FORM, 413],
    ['a body of another type', { 'Content-Type': 'text/plain' }, 400],
  ])('past the drain limit, %s: %i with Connection: close, not read further', async (_, headers, status) => {
    const r = await post({ headers, body: [Buffer.from('a='), ...pieces(20)] }).catch((error: NodeJS.ErrnoException) => ({
      status: 0,
      text: error.code ?? '',
      connection: undefined,
    }));
    // the answer is written before the rest is read; a sender that goes on may see the connection closed
    if (r.status !== 0) expect(r).toMatchObject({ status, connection: 'close' });
    else expect(['ECONNRESET', 'EPIPE']).toContain(r.text);
  });
});

describe('large bodies, a set number at a time', () => {
  it('a second large body waits unread until the first is done; a small form does not wait', async () => {
    started.length = 0;
    let finishFirst!: () => void;
    const hold = new Promise<void>((r) => (finishFirst = r));
    const piece = Buffer.alloc(4 * 1024, 'x');
    const first = post({ headers: { ...FORM, 'x-name': 'eerste' }, body: [Buffer.from('a='), piece], hold });
    await until(() => started.includes('eerste'));
    const second = post({ headers: { ...FORM, 'x-name': 'tweede' }, body: [Buffer.from('b='), piece] });
    let secondDone = false;
    void second.then(() => (secondDone = true));
    await until(() => started.includes('tweede') && reader.busy === 2);
    // a small form goes past both, and the second large one is still waiting when it is answered
    const small = await post({ headers: { ...FORM, 'Content-Length': 3, 'x-name': 'klein' }, body: ['c=1'] });
    expect(small.status).toBe(200);
    expect(secondDone).toBe(false);
    finishFirst();
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    await until(() => reader.busy === 0);
  });

  it('with the response given, a large body keeps its turn until its response is written', async () => {
    started.length = 0;
    let open!: () => void;
    responseGate = new Promise<void>((r) => (open = r));
    const piece = Buffer.alloc(4 * 1024, 'x');
    const first = post({ headers: { ...FORM, 'x-name': 'eerste', 'x-hold-response': '1' }, body: [Buffer.from('a='), piece] });
    await until(() => started.includes('eerste') && reader.busy === 1);
    const second = post({ headers: { ...FORM, 'x-name': 'tweede' }, body: [Buffer.from('b='), piece] });
    let secondDone = false;
    void second.then(() => (secondDone = true));
    await until(() => started.includes('tweede') && reader.busy === 2);
    expect((await post({ headers: { ...FORM, 'Content-Length': 3 }, body: ['c=1'] })).status).toBe(200);
    expect(secondDone).toBe(false);
    open();
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    await until(() => reader.busy === 0);
  });
});

/** Wait for a condition the server reaches on its own, within milliseconds: asked every 5 ms. */
const until = (condition: () => boolean) => vi.waitUntil(condition, { interval: 5, timeout: 60_000 });

describe('parseMultipart', () => {
  /** A body as the runtime's own FormData serializer writes it (as browsers do), with its Content-Type. */
  const serialize = async (form: FormData) => {
    const request = new Request('http://werkplek.local/', { method: 'POST', body: form });
    return { bytes: Buffer.from(await request.arrayBuffer()), type: request.headers.get('content-type')! };
  };
  /** Entries comparable across parsers: a file as its name, type and bytes. */
  const entries = async (form: FormData) =>
    Promise.all(
      [...form.entries()].map(async ([k, v]) => [
        k,
        typeof v === 'string' ? v : { name: v.name, type: v.type, bytes: [...(await v.bytes())] },
      ]),
    );
  const field = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('', '\r\n', '--', '\r\n--x', 'a"b', 'é\n✓'));
  const entry = fc.oneof(
    fc.tuple(field, field),
    fc.tuple(
      field,
      fc.record({
        bytes: fc.uint8Array({ maxLength: 200 }),
        name: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
        type: fc.constantFrom('', 'message/rfc822', 'image/jpeg'),
      }),
    ),
  );
  const formOf = (list: [string, string | { bytes: Uint8Array; name: string; type: string }][]) => {
    const form = new FormData();
    for (const [k, v] of list) {
      if (typeof v === 'string') form.append(k, v);
      else form.append(k, new File([v.bytes as Uint8Array<ArrayBuffer>], v.name, { type: v.type }));
    }
    return form;
  };

  it('property: reads what the runtime serializes exactly as the runtime itself parses it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 6 }), async (list) => {
        const { bytes, type } = await serialize(formOf(list));
        const theirs = await new Response(bytes, { headers: { 'content-type': type } }).formData();
        expect(await entries(parseMultipart(bytes, type))).toEqual(await entries(theirs));
      }),
      { numRuns: 200 },
    );
  });

  it('property: a body cut anywhere before its closing boundary is a 400', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 4 }), fc.double({ min: 0, max: 1, noNaN: true }), async (list, where) => {
        const { bytes, type } = await serialize(formOf(list));
        const closing = bytes.lastIndexOf('--', bytes.length - 3); // the "--" after the last boundary
        const cut = bytes.subarray(0, Math.floor(where * closing));
        expect(() => parseMultipart(cut, type)).toThrow(RequestError);
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    ['no boundary parameter', 'multipart/form-data', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--'],
    ['another boundary', 'multipart/form-data; boundary=y', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--'],
    ['a part without a name', 'multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data\r\n\r\n1\r\n--x--'],
    [
      'a part that is no form-data',
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: attachment; name="a"\r\n\r\n1\r\n--x--',
    ],
    ['a part without headers end', 'multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n1\r\n--x--'],
    [
      'a text field that is no UTF-8',
      'multipart/form-data; boundary=x',
      Buffer.from('--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n\xe9\r\n--x--', 'latin1'),
    ],
    ['an empty body', 'multipart/form-data; boundary=x', ''],
  ])('%s: 400', (_, type, body) => {
    expect(() => parseMultipart(Buffer.from(body), type)).toThrow(RequestError);
  });

  it('a quoted boundary, a preamble and an epilogue', async () => {
    const body = 'preamble\r\n--a b\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n--a b--\r\nepilogue';
    expect(await entries(parseMultipart(Buffer.from(body), 'multipart/form-data; boundary="a b"'))).toEqual([['x', '1']]);
  });
});
