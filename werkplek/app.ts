import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpError, Werkplek, type WerkplekOptions } from './context.ts';
import { valuesOf } from './forms/form-values.ts';
import { messagePage, notFoundPage } from './layout.ts';
import type { Reply } from './reply.ts';
import { findRoute } from './routes.ts';

export type { WerkplekOptions } from './context.ts';

/** Where the werkplek listens, and how to stop it. */
export interface RunningWerkplek {
  url: string;
  close(): Promise<void>;
}

/** Start the werkplek on 127.0.0.1 (never another interface). */
export async function startWerkplek(o: WerkplekOptions & { port: number }): Promise<RunningWerkplek> {
  const app = createWerkplek(o);
  const server = createServer((req, res) => void app.handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await app.close();
    },
  };
}

/** The stylesheet and the one script, served from `static/` (no inline script or style: the CSP forbids them). */
const STATIC: Record<string, { type: string; body: Buffer }> = Object.fromEntries(
  [
    ['werkplek.css', 'text/css; charset=utf-8'],
    ['eml-drop.js', 'text/javascript; charset=utf-8'],
  ].map(([name, type]) => [`/static/${name}`, { type: type!, body: readFileSync(new URL(`./static/${name}`, import.meta.url)) }]),
);

const HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};
// the werkplek's own pages load only their own stylesheet and script; a letter's preview has its own <style>
const PAGE_CSP =
  "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
const DOCUMENT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'";

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': type, ...HEADERS, ...extra });
  res.end(body);
}

function reply(res: ServerResponse, r: Reply, path: string): void {
  if (r.kind === 'redirect') return send(res, 303, '', 'text/plain; charset=utf-8', { Location: r.location });
  if (r.kind === 'file')
    return send(res, 200, r.body, r.type, r.filename ? { 'Content-Disposition': `attachment; filename="${r.filename}"` } : {});
  const csp = /^\/dossier\/[^/]+\/document\//.test(path) ? DOCUMENT_CSP : PAGE_CSP;
  return send(res, r.status, r.html.text, 'text/html; charset=utf-8', { 'Content-Security-Policy': csp });
}

/** Cross-site requests are refused: a POST must come from a page of the werkplek itself. */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (req.headers['sec-fetch-site'] && req.headers['sec-fetch-site'] !== 'same-origin') return false;
  if (!origin) return false;
  try {
    const host = new URL(origin).host;
    return host === req.headers.host || host === req.headers['x-forwarded-host'];
  } catch {
    return false;
  }
}

async function readForm(req: IncomingMessage) {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 20 * 1024 * 1024) throw new HttpError(413, 'Het bestand is te groot (meer dan 20 MB).');
    chunks.push(chunk as Buffer);
  }
  const request = new Request('http://werkplek.local/', {
    method: 'POST',
    headers: { 'content-type': req.headers['content-type'] ?? '' },
    body: Buffer.concat(chunks),
  });
  return valuesOf(await request.formData());
}

/** One request: a static file, or the route table's page (a POST after the origin check and with its form read). */
async function route(app: Werkplek, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://werkplek.local');
  const path = decodeURIComponent(url.pathname);
  const method = req.method ?? 'GET';
  const file = STATIC[path];
  if (file && (method === 'GET' || method === 'HEAD')) return send(res, 200, file.body, file.type);
  const found = findRoute(method, path);
  if (!found.route) {
    if (found.allowed.length)
      return send(res, 405, messagePage('Niet toegestaan', 'Dit adres kan zo niet worden gebruikt.').text, 'text/html; charset=utf-8', {
        Allow: found.allowed.join(', '),
      });
    return reply(res, { kind: 'page', status: 404, html: notFoundPage('Deze pagina bestaat niet.') }, path);
  }
  let form: Awaited<ReturnType<typeof readForm>> = { values: {}, files: {} };
  if (method === 'POST') {
    if (!sameOrigin(req)) return send(res, 403, 'Geweigerd: dit formulier kwam niet van de werkplek zelf.', 'text/plain; charset=utf-8');
    form = await readForm(req);
  }
  return reply(res, await found.route.handle(app, { url, params: found.params, ...form }), path);
}

/** The werkplek's request handler (no listening socket): the checks, the route table, one save at a time. */
export function createWerkplek(o: WerkplekOptions) {
  const app = new Werkplek(o);
  return {
    async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
      const start = performance.now();
      try {
        await route(app, req, res);
      } catch (error) {
        const status = error instanceof HttpError ? error.status : 500;
        const message =
          error instanceof HttpError ? error.message : 'Er ging iets mis. Er is niets half opgeslagen; probeer het opnieuw of vraag hulp.';
        // the log names the kind of error only: its message could quote a file's contents
        if (!(error instanceof HttpError))
          o.log?.(`fout: ${(error as Error)?.name ?? 'onbekend'}${process.env.DEBUG ? ` ${(error as Error)?.stack}` : ''}`);
        if (!res.headersSent) send(res, status, notFoundPage(message).text, 'text/html; charset=utf-8');
        else res.end();
      } finally {
        // method, path (ids only) and status: never a query (a search could hold a name) or form content
        o.log?.(`${req.method} ${(req.url ?? '/').split('?')[0]} ${res.statusCode} ${(performance.now() - start).toFixed(0)}ms`);
      }
    },
    close: () => app.close(),
  };
}
