// End to end through the real server on 127.0.0.1 (startWerkplek), with raw node:http requests so the test
// controls Host, Origin and the body byte for byte: every route refuses a foreign Host or Origin with 403 and
// changes nothing (files and Git log), each kind of malformed request gets 400 or 413 (never a 500 or a reset
// connection), a named pipe named like a case never hangs the werkplek, and a save on a full disk shows the form
// again with what was typed.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { todayIn } from '../../lib/dates/iso-date.ts';
import { startWerkplek, type RunningWerkplek } from '../../werkplek/app.ts';
import { ROUTES as TABLE } from '../../werkplek/routes.ts';
import { caseData, caseText, tempProject } from '../helpers/fixtures.ts';

// git on a small, busy machine: allow slow steps
vi.setConfig({ testTimeout: 120_000 });

const CANARY = 'Canarie Klaagster-Zeldzaam';
const TODAY = todayIn(new Date(), 'Europe/Amsterdam');
const YEAR = TODAY.slice(0, 4);
const ID = `K-${YEAR}-001`;
const OPEN = caseData({ id: ID, received: TODAY, complainant: { name: CANARY, email: 'canarie@example.org', address: 'Kanariestraat 1' } });

let dir = '';
let werkplek: RunningWerkplek;
let port = 0;
const log: string[] = [];

const git = (...args: string[]) => {
  const r = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@localhost', ...args], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
};

beforeAll(async () => {
  dir = await tempProject({ [`cases/${YEAR}/${ID}.md`]: caseText(OPEN) });
  git('init', '--quiet', '-b', 'main');
  git('add', '.');
  git('commit', '--quiet', '-m', 'start');
  werkplek = await startWerkplek({ port: 0, cases: join(dir, 'cases'), config: join(dir, 'organization.yml'), log: (l) => log.push(l) });
  port = Number(new URL(werkplek.url).port);
});
afterAll(async () => {
  await werkplek?.close();
});

/** Every file under the project with its text, the Git log and status: what a refused request must leave as it was. */
function state() {
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => !/^\.git([\\/]|$)/.test(f)).sort();
  return {
    files: files.map((f) => {
      try {
        return [f, readFileSync(join(dir, f), 'utf8')];
      } catch {
        return [f, '(map)'];
      }
    }),
    log: git('log', '--format=%H %s'),
    status: git('status', '--porcelain', '--untracked-files=all'),
  };
}

interface Raw {
  method: string;
  path: string;
  headers?: Record<string, string | number>;
  /** Written as it is; without a Content-Length header it goes chunked. */
  body?: string | Buffer | Buffer[];
}

/** One request exactly as given (no Host of its own); rejects on a reset connection, so a test fails on it. */
function raw({ method, path, headers = {}, body }: Raw): Promise<{ status: number; text: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, setHost: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, text: Buffer.concat(chunks).toString(), headers: res.headers }));
      res.on('error', reject);
    });
    req.on('error', reject);
    void (async () => {
      for (const piece of body === undefined ? [] : Array.isArray(body) ? body : [body])
        if (!req.write(piece)) await new Promise((r) => req.once('drain', r));
      req.end();
    })();
  });
}

const own = () => ({ host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}`, 'sec-fetch-site': 'same-origin' });
const FORM = 'application/x-www-form-urlencoded';
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

/** A registration that the werkplek takes (checked below with the werkplek's own Host and Origin). */
const REGISTRATION = form({
  organizer: 'anouk',
  received: TODAY,
  channel: 'email',
  'complainant.name': 'Nieuwe Klaagster',
  'complainant.email': 'nieuw@example.org',
  categories: 'communicatie',
  klacht: 'Niemand belde terug.',
});

/** Every route with a request that would show personal data or change something if it got through. */
const ROUTES: { method: 'GET' | 'POST'; path: string; body?: string }[] = [
  { method: 'GET', path: '/' },
  { method: 'GET', path: '/nieuw' },
  { method: 'GET', path: `/dossier/${ID}` },
  { method: 'GET', path: `/dossier/${ID}/herstellen` },
  { method: 'GET', path: `/dossier/${ID}/document/ontvangstbevestiging` },
  { method: 'GET', path: `/dossier/${ID}/document/ontvangstbevestiging.pdf` },
  { method: 'GET', path: `/dossier/${ID}/bijlage/0123456789abcdef` },
  { method: 'GET', path: `/dossier/${ID}/geschiedenis` },
  { method: 'GET', path: '/bewaartermijn' },
  { method: 'GET', path: '/privacy' },
  { method: 'GET', path: '/synchroniseren' },
  { method: 'GET', path: '/wie-ben-ik' },
  { method: 'GET', path: '/instellingen/reglement' },
  { method: 'GET', path: '/instellingen' },
  { method: 'GET', path: '/gezond' },
  { method: 'GET', path: '/instellingen/github' },
  { method: 'GET', path: '/static/werkplek.css' },
  { method: 'GET', path: '/bestaat-niet' },
  { method: 'POST', path: '/nieuw', body: REGISTRATION },
  { method: 'POST', path: '/zoeken', body: form({ zoek: 'Canarie' }) },
  { method: 'POST', path: '/zoeken/voorbereiden', body: '' },
  { method: 'POST', path: `/dossier/${ID}`, body: form({ actie: 'intrekken', withdrawn_on: TODAY, hash: '' }) },
  { method: 'POST', path: `/dossier/${ID}/bijlagen`, body: form({ bijlage: 'geen bestand' }) },
  { method: 'POST', path: `/dossier/${ID}/herstellen`, body: form({ tekst: '---\nid: x\n---\n', hash: '' }) },
  { method: 'POST', path: '/bewaartermijn', body: form({ bevestig: 'ja' }) },
  { method: 'POST', path: '/privacy', body: form({ actie: 'inzage-json', email: 'canarie@example.org' }) },
  { method: 'POST', path: '/privacy', body: form({ actie: 'verwijderen', dossier: ID, bevestig: 'ja' }) },
  { method: 'POST', path: '/synchroniseren', body: '' },
  { method: 'POST', path: '/synchroniseren', body: form({ actie: 'slot' }) },
  { method: 'POST', path: '/wie-ben-ik', body: form({ wie: 'anouk' }) },
  { method: 'POST', path: '/instellingen/reglement', body: form({ taal: 'nl', doe: 'opslaan', tekst: 'Artikel 1\n1.1 Vervangen.' }) },
  { method: 'POST', path: '/instellingen', body: form({ actie: 'voorbeelden-verwijderen' }) },
  { method: 'POST', path: '/instellingen/voorbeeldbrief', body: form({ 'organization.name': 'Anders' }) },
  { method: 'POST', path: '/instellingen/github', body: '' },
  { method: 'POST', path: '/bestaat-niet', body: '' },
];

/** Foreign requests: DNS rebinding (the browser sends the attacker's name, same-origin), a foreign Origin, forwarded headers. */
const FOREIGN: [string, () => Record<string, string>][] = [
  ['a rebound name', () => ({ host: `evil.example:${port}`, origin: `http://evil.example:${port}`, 'sec-fetch-site': 'same-origin' })],
  ['a rebound name without Origin', () => ({ host: `evil.example:${port}` })],
  ['a foreign Origin', () => ({ ...own(), origin: `http://evil.example:${port}`, 'sec-fetch-site': 'cross-site' })],
  [
    'a foreign Origin matching X-Forwarded-Host',
    () => ({ ...own(), origin: 'http://evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' }),
  ],
  ['our name on another port', () => ({ ...own(), host: `127.0.0.1:${port + 1}`, origin: `http://127.0.0.1:${port + 1}` })],
];

describe('a foreign Host or Origin', () => {
  it('the list below holds every route of the route table', () => {
    for (const r of TABLE)
      expect(
        ROUTES.some((t) => t.method === r.method && r.path.test(t.path)),
        `${r.method} ${r.path}`,
      ).toBe(true);
  });

  it('every route, GET and POST, gets a short Dutch 403 and changes nothing', async () => {
    const before = state();
    for (const route of ROUTES)
      for (const [name, headers] of FOREIGN) {
        const r = await raw({
          method: route.method,
          path: route.path,
          headers: {
            ...headers(),
            ...(route.method === 'POST' ? { 'content-type': FORM, 'content-length': Buffer.byteLength(route.body!) } : {}),
          },
          body: route.body,
        });
        expect({ route: `${route.method} ${route.path}`, name, status: r.status }).toEqual({
          route: `${route.method} ${route.path}`,
          name,
          status: 403,
        });
        expect(r.text).toMatch(/^Geweigerd: dit verzoek kwam niet van de werkplek zelf\./);
        expect(r.text).not.toContain(CANARY);
      }
    expect(state()).toEqual(before);
  });

  it('a foreign upload of 21 MB gets its 403 too, not a reset connection', async () => {
    const before = state();
    const [name, headers] = FOREIGN[0]!;
    const r = await raw({
      method: 'POST',
      path: '/nieuw',
      headers: { ...headers(), 'content-type': MULTIPART, 'content-length': 21 * MB },
      body: pieces(21 * MB),
    });
    expect({ name, status: r.status }).toEqual({ name, status: 403 });
    expect(state()).toEqual(before);
  });

  it('the same registration with the werkplek own Host and Origin is taken (the 403s were the guard)', async () => {
    const before = state();
    const r = await raw({
      method: 'POST',
      path: '/nieuw',
      headers: { ...own(), 'content-type': FORM, 'content-length': Buffer.byteLength(REGISTRATION) },
      body: REGISTRATION,
    });
    expect(r.status).toBe(303);
    expect(state().log).not.toBe(before.log);
    const page = await raw({ method: 'GET', path: `/dossier/${ID}`, headers: { host: `localhost:${port}` } });
    expect(page.status).toBe(200);
    expect(page.text).toContain(CANARY);
  });
});

/** A multipart body with the .eml intake's fields. */
const BOUNDARY = '----werkplek';
const intake = (eml: string | Buffer, end = `--${BOUNDARY}--\r\n`) =>
  Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="actie"\r\n\r\neml\r\n` +
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="eml"; filename="klacht.eml"\r\nContent-Type: message/rfc822\r\n\r\n`,
    ),
    Buffer.from(eml),
    Buffer.from(`\r\n${end}`),
  ]);
const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`;
/** A mail nested `depth` multiparts deep. */
function nestedMail(depth: number): string {
  let body = 'Content-Type: text/plain\r\n\r\nbinnenin\r\n';
  for (let i = depth; i > 0; i--) body = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${body}--b${i}--\r\n`;
  return `From: Jan <jan@example.org>\r\nSubject: diep\r\nMIME-Version: 1.0\r\n${body}`;
}
const MB = 1024 * 1024;
const pieces = (total: number) => Array.from({ length: Math.ceil(total / MB) }, () => Buffer.alloc(MB, 'a'));

describe('malformed requests', () => {
  const post = (path: string, headers: Record<string, string | number>, body?: string | Buffer | Buffer[]) =>
    raw({ method: 'POST', path, headers: { ...own(), ...headers }, body });
  const sized = (type: string | undefined, body: string | Buffer) => ({
    ...(type ? { 'content-type': type } : {}),
    'content-length': Buffer.byteLength(body),
  });

  it.each([
    ['a bad %-code in the path (GET)', 400, () => raw({ method: 'GET', path: '/dossier/%E0%A4%A', headers: own() })],
    ['a lone % in the path (POST)', 400, () => post('/dossier/%', sized(FORM, 'actie=stap'), 'actie=stap')],
    ['a POST without Content-Type', 400, () => post('/nieuw', sized(undefined, REGISTRATION), REGISTRATION)],
    ['a POST as text/plain', 400, () => post('/nieuw', sized('text/plain', REGISTRATION), REGISTRATION)],
    ['a POST as JSON', 400, () => post('/nieuw', sized('application/json', '{}'), '{}')],
    ['a bad %-code in the body', 400, () => post('/nieuw', sized(FORM, 'organizer=%ZZ'), 'organizer=%ZZ')],
    ['a %-code that is no UTF-8 in the body', 400, () => post('/nieuw', sized(FORM, 'complainant.name=Ren%E9'), 'complainant.name=Ren%E9')],
    [
      'a truncated multipart body',
      400,
      () => post('/nieuw', sized(MULTIPART, intake('From: a@example.org', '')), intake('From: a@example.org', '')),
    ],
    ['multipart without a boundary', 400, () => post('/nieuw', sized('multipart/form-data', intake('x')), intake('x'))],
    ['over 20 MB, declared up front', 413, () => post('/nieuw', { 'content-type': MULTIPART, 'content-length': 21 * MB }, pieces(21 * MB))],
    ['over 20 MB, chunked', 413, () => post('/nieuw', { 'content-type': MULTIPART }, pieces(21 * MB))],
  ] as const)('%s: %i with a Dutch page, nothing changed', async (_, status, send) => {
    const before = state();
    const r = await send();
    expect(r.status).toBe(status);
    expect(r.headers['content-type']).toMatch(/^text\/html/);
    expect(r.text).toMatch(
      status === 413 ? /Te groot: wat u verstuurde is meer dan 20 MB/ : /Er is niets opgeslagen|Dit adres bestaat niet/,
    );
    expect(state()).toEqual(before);
  });

  it('a 1,000-level nested .eml: the form again with a Dutch message, not a 500', async () => {
    const body = intake(nestedMail(1_000));
    const r = await post('/nieuw', { 'content-type': MULTIPART, 'content-length': body.length }, body);
    expect(r.status).toBe(422);
    expect(r.text).toContain('Deze e-mail kan niet worden gelezen');
    expect(r.text).toContain('name="complainant.name"'); // the registration form, to fill in by hand
  });

  it('the log names no refused request as an error', () => {
    expect(log.filter((l) => l.startsWith('fout'))).toEqual([]);
    expect(log.some((l) => / 500 /.test(l))).toBe(false);
  });
});

describe.skipIf(process.platform === 'win32')('a named pipe named like a case', () => {
  const pipe = () => join(dir, 'cases', YEAR, `K-${YEAR}-009.md`);
  beforeAll(() => {
    spawnSync('mkfifo', [pipe()]);
  });
  afterAll(() => rmSync(pipe(), { force: true }));

  it('is skipped, named on the Overzicht and with its reason on its Dossier; the werkplek keeps answering', async () => {
    const dossier = await raw({ method: 'GET', path: `/dossier/K-${YEAR}-009`, headers: own() });
    expect(dossier.status).toBe(422);
    expect(dossier.text).toMatch(/K-\d{4}-009\.md: overgeslagen: dit is een named pipe, geen gewoon bestand/);
    // the Overzicht learns of the new entry from the folder watcher: ask until it has (every 50 ms, not back to back)
    const overview = await vi.waitUntil(
      async () => {
        const r = await raw({ method: 'GET', path: '/', headers: own() });
        return r.status !== 200 || r.text.includes(`K-${YEAR}-009 herstellen`) ? r : undefined;
      },
      { timeout: 30_000, interval: 50 },
    );
    expect(overview.status).toBe(200);
    expect(overview.text).toMatch(/niet worden gelezen.*K-\d{4}-009 herstellen/s);
    const other = await raw({ method: 'GET', path: `/dossier/${ID}`, headers: own() });
    expect(other.status).toBe(200);
  });
});

// A full disk, simulated by the file-system calls passed to the werkplek (a real full disk needs root): the
// save fails after the temporary file was created, as on a real full disk.
describe('a save on a full disk', () => {
  let full: RunningWerkplek;
  let fullPort = 0;
  const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  beforeAll(async () => {
    full = await startWerkplek({
      port: 0,
      cases: join(dir, 'cases'),
      config: join(dir, 'organization.yml'),
      fs: {
        ...fs,
        writeFileSync: () => {
          throw enospc();
        },
      },
    });
    fullPort = Number(new URL(full.url).port);
  });
  afterAll(() => full?.close());

  const to = (path: string, body: string) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: fullPort,
          method: 'POST',
          path,
          headers: {
            'content-type': FORM,
            'content-length': Buffer.byteLength(body),
            origin: `http://127.0.0.1:${fullPort}`,
            'sec-fetch-site': 'same-origin',
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode!, text: Buffer.concat(chunks).toString() }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  it('a registration: the form again with everything she typed, a Dutch message, no file, no temporary file', async () => {
    const before = state();
    const typed = form({
      organizer: 'anouk',
      received: TODAY,
      channel: 'oral',
      'complainant.name': 'Vol Schijf-Klaagster',
      'complainant.phone': '06-12345678',
      categories: 'afspraken',
      klacht: 'Een lange klacht\nover twee regels.',
    });
    const r = await to('/nieuw', typed);
    expect(r.status).toBe(507);
    expect(r.text).toContain('Niet opgeslagen: de schijf is vol. Er is niets veranderd en uw invoer staat hieronder nog.');
    expect(r.text).toContain('value="Vol Schijf-Klaagster"');
    expect(r.text).toContain('value="06-12345678"');
    expect(r.text).toContain('Een lange klacht\nover twee regels.</textarea>');
    expect(state()).toEqual(before);
  });

  it('a step in a Dossier: the Dossier again with the step as typed', async () => {
    const before = state();
    const page = await raw({ method: 'GET', path: `/dossier/${ID}`, headers: own() });
    const hash = /name="hash" value="([0-9a-f]+)"/.exec(page.text)![1]!;
    const r = await to(
      `/dossier/${ID}`,
      form({ actie: 'stap', hash, 'stap.kind': 'information_given', 'stap.date': TODAY, 'stap.note': 'Gebeld, voicemail ingesproken.' }),
    );
    expect(r.status).toBe(507);
    expect(r.text).toContain('Niet opgeslagen: de schijf is vol.');
    expect(r.text).toContain('Gebeld, voicemail ingesproken.');
    expect(state()).toEqual(before);
  });
});

describe('in GitHub Codespaces', () => {
  let cs: RunningWerkplek;
  let csPort = 0;
  const env = { CODESPACES: 'true', CODESPACE_NAME: 'octocat-space-mld5', GITHUB_CODESPACES_PORT_FORWARDING_DOMAIN: 'app.github.dev' };
  beforeAll(async () => {
    cs = await startWerkplek({ port: 0, cases: join(dir, 'cases'), config: join(dir, 'organization.yml'), env });
    csPort = Number(new URL(cs.url).port);
  });
  afterAll(() => cs?.close());
  const get = (headers: Record<string, string>) =>
    new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: csPort, path: `/dossier/${ID}`, headers, setHost: false }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      req.end();
    });

  it('answers its forwarded address (the port it listens on) and refuses another', async () => {
    const forwarded = `octocat-space-mld5-${csPort}.app.github.dev`;
    expect(await get({ host: forwarded })).toBe(200);
    expect(await get({ host: `localhost:${csPort}`, 'x-forwarded-host': forwarded })).toBe(200);
    expect(await get({ host: `localhost:${csPort}`, 'x-forwarded-host': 'evil.example' })).toBe(403);
    expect(await get({ host: 'someone-else-4321.app.github.dev' })).toBe(403);
    expect(await get({ host: forwarded, origin: 'https://evil.example' })).toBe(403);
  });
});
