import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WriteFailedError } from '../io/atomic-write.ts';
import { isExampleOrganization } from '../lib/organization/example.ts';
import { BrowserUnavailableError } from '../io/chromium.ts';
import { InputError } from '../lib/problems/problems.ts';
import { HttpError, Werkplek, type WerkplekOptions } from './context.ts';
import { markRunning } from '../io/werkplek-mark.ts';
import { valuesOf } from './forms/form-values.ts';
import { allowedHosts, checkRequest, type AllowedHosts } from './guard.ts';
import { messagePage, notFoundPage } from './layout.ts';
import { createBodyReader, RequestError, requestPath, type BodyReader } from './request-body.ts';
import type { Reply } from './reply.ts';
import { findRoute } from './routes.ts';

export type { WerkplekOptions } from './context.ts';

/** Where the werkplek listens, and how to stop it. */
export interface RunningWerkplek {
  url: string;
  /** Whether organization.yml is still the shipped example organization: then Inrichten comes first (issue 21). */
  firstRun(): Promise<boolean>;
  close(): Promise<void>;
}

/** Start the werkplek on 127.0.0.1 (never another interface). */
export async function startWerkplek(o: WerkplekOptions & { port: number }): Promise<RunningWerkplek> {
  const app = createWerkplek(o);
  const server = createServer((req, res) => void app.handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, '127.0.0.1', resolve);
  }).catch(async (error: unknown) => {
    await app.close(); // its watchers and the sharing round would keep the process alive
    throw error;
  });
  const { port } = server.address() as AddressInfo;
  // a command that prunes the repository (retention --apply) refuses while this werkplek may write here
  const gitDir = await app.gitDir();
  const unmark = gitDir ? markRunning(gitDir) : () => {};
  return {
    url: `http://127.0.0.1:${port}/`,
    // from the Overzicht's facts (the check cache), which the first page needs anyway
    firstRun: app.firstRun,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await app.close();
      unmark();
    },
  };
}

/** The stylesheet and the scripts, served from `static/` (no inline script or style: the CSP forbids them). */
const STATIC: Record<string, { type: string; body: Buffer }> = Object.fromEntries(
  [
    ['werkplek.css', 'text/css; charset=utf-8'],
    ['eml-drop.js', 'text/javascript; charset=utf-8'],
    ['foutoverzicht.js', 'text/javascript; charset=utf-8'],
    ['geschiedenis.js', 'text/javascript; charset=utf-8'],
    ['zoeken.js', 'text/javascript; charset=utf-8'],
  ].map(([name, type]) => [`/static/${name}`, { type: type!, body: readFileSync(new URL(`./static/${name}`, import.meta.url)) }]),
);

const HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};
// the werkplek's own pages load only their own stylesheet and script (which fetches a Dossier's history from the
// werkplek itself); a letter's preview has its own <style>
const PAGE_CSP =
  "default-src 'none'; style-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
const DOCUMENT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'";

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': type, ...HEADERS, ...extra });
  res.end(body);
}

/** `Content-Disposition` of a download: an ASCII name for old clients, the real one (RFC 6266, 5987) for the others. */
export function attachmentDisposition(name: string): string {
  if (/^[\x20-\x7e]+$/.test(name) && !/["\\]/.test(name)) return `attachment; filename="${name}"`;
  const ascii = name
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '_');
  return `attachment; filename="${ascii || 'bijlage'}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

function reply(res: ServerResponse, r: Reply, path: string): void {
  if (r.kind === 'redirect') return send(res, 303, '', 'text/plain; charset=utf-8', { Location: r.location });
  if (r.kind === 'file')
    return send(res, 200, r.body, r.type, r.filename ? { 'Content-Disposition': attachmentDisposition(r.filename) } : {});
  const csp = /^\/(dossier\/[^/]+\/document\/|instellingen\/voorbeeldbrief$)/.test(path) ? DOCUMENT_CSP : PAGE_CSP;
  return send(res, r.status, r.html.text, 'text/html; charset=utf-8', { 'Content-Security-Policy': csp });
}

/** One request: a static file, or the route table's page (a POST with its form read). */
async function route(app: Werkplek, bodies: BodyReader, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://werkplek.local');
  const path = requestPath(req.url);
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
  const form = method === 'POST' ? valuesOf(await bodies.read(req, res)) : { values: {}, files: {} };
  return reply(res, await found.route.handle(app, { url, params: found.params, ...form }), path);
}

/**
 * What the werkplek answers to an error a request ran into: a Dutch page with a status. A malformed request (400),
 * one too large (413, Connection: close when its body was not read to the end), a case path that is no file
 * (422), a write the disk refused (507): the message says what happened; anything else is a 500 that names nothing.
 */
function errorAnswer(error: unknown): { status: number; title: string; message: string; close: boolean; known: boolean } {
  // no Chrome, Edge or Chromium to print a PDF with: 503 and the Dutch message naming what to install
  if (error instanceof BrowserUnavailableError)
    return { status: 503, title: 'Geen PDF mogelijk', message: error.message, close: false, known: true };
  const known =
    error instanceof RequestError || error instanceof HttpError || error instanceof WriteFailedError || error instanceof InputError;
  const status = !known ? 500 : error instanceof WriteFailedError ? 507 : error instanceof InputError ? 422 : error.status;
  const title = ({ 404: 'Niet gevonden', 413: 'Te groot', 507: 'Niet opgeslagen' } as Record<number, string>)[status] ?? 'Niet gelukt';
  const message = known ? error.message : 'Er ging iets mis. Er is niets half opgeslagen; probeer het opnieuw of vraag hulp.';
  return { status, title, message, close: error instanceof RequestError && error.close, known };
}

/** The werkplek's request handler (no listening socket): the guard, the route table, one save at a time. */
export function createWerkplek(o: WerkplekOptions) {
  const app = new Werkplek(o);
  const bodies = createBodyReader();
  // the guard's fixed list, for the port the request came in on: the werkplek's own (it listens on 127.0.0.1 only)
  const lists = new Map<number, AllowedHosts>();
  const allowedOn = (port: number) => lists.get(port) ?? lists.set(port, allowedHosts(port, o.env ?? process.env)).get(port)!;
  return {
    async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
      const start = performance.now();
      try {
        // the guard first: a foreign Host or Origin (DNS rebinding, another site) gets nothing and changes nothing
        const verdict = checkRequest(req, allowedOn(req.socket.localPort ?? 0));
        if (!verdict.ok) return send(res, verdict.status, verdict.message, 'text/plain; charset=utf-8');
        await route(app, bodies, req, res);
      } catch (error) {
        const a = errorAnswer(error);
        // the log names the kind of error only: its message could quote a file's contents
        if (!a.known) o.log?.(`fout: ${(error as Error)?.name ?? 'onbekend'}${process.env.DEBUG ? ` ${(error as Error)?.stack}` : ''}`);
        if (!res.headersSent)
          send(res, a.status, messagePage(a.title, a.message).text, 'text/html; charset=utf-8', a.close ? { Connection: 'close' } : {});
        else res.end();
      } finally {
        // method, path (ids only) and status: never a query (a search could hold a name) or form content
        o.log?.(`${req.method} ${(req.url ?? '/').split('?')[0]} ${res.statusCode} ${(performance.now() - start).toFixed(0)}ms`);
      }
    },
    /** Whether organization.yml is still the shipped example organization (RunningWerkplek.firstRun). */
    firstRun: async () => isExampleOrganization((await app.index.overview()).org),
    /** The cases folder's Git folder, or undefined outside Git (started once, off the request path). */
    gitDir: () => app.sharing.git.gitDir(),
    close: () => app.close(),
  };
}
