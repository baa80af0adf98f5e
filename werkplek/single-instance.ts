import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { request } from 'node:http';
import { resolve } from 'node:path';

/** The path the werkplek answers who it is on (`GET /gezond`): its name and which cases folder it serves. */
export const HEALTH_PATH = '/gezond';

/** What `GET /gezond` answers: this app, and a hash of its cases folder (never the path itself). */
export interface WerkplekIdentity {
  app: 'werkplek-klachtenregeling';
  folder: string;
}

/** The werkplek's identity for the cases folder `cases`. */
export function werkplekIdentity(cases: string): WerkplekIdentity {
  let path = resolve(cases);
  try {
    path = realpathSync(path);
  } catch {
    // a folder that does not exist (yet) is known by its absolute path
  }
  return { app: 'werkplek-klachtenregeling', folder: createHash('sha256').update(path).digest('hex').slice(0, 16) };
}

/** Who holds a busy port on 127.0.0.1: this werkplek (same cases folder), a werkplek of another folder, or something else. */
export type PortHolder = 'same-werkplek' | 'other-werkplek' | 'other';

/** Ask what listens on `port` (127.0.0.1) for its `/gezond`; anything but a werkplek's answer within `timeoutMs` is 'other'. */
export function portHolder(port: number, cases: string, timeoutMs = 3000): Promise<PortHolder> {
  const own = werkplekIdentity(cases);
  return new Promise((done) => {
    const req = request({ host: '127.0.0.1', port, path: HEALTH_PATH, timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        if (body.length < 4096) body += c;
      });
      res.on('end', () => {
        try {
          const id = JSON.parse(body) as Partial<WerkplekIdentity>;
          if (res.statusCode !== 200 || id.app !== own.app) return done('other');
          done(id.folder === own.folder ? 'same-werkplek' : 'other-werkplek');
        } catch {
          done('other');
        }
      });
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => done('other'));
    req.end();
  });
}

/** What `npm run werkplek` says when its port is taken, in Dutch; `ok`: its own werkplek runs there already. */
export function busyPortMessage(holder: PortHolder, port: number): { ok: boolean; text: string } {
  const url = `http://127.0.0.1:${port}/`;
  if (holder === 'same-werkplek')
    return { ok: true, text: `Werkplek klachten draait al op ${url}  (open dit adres in de browser; er is geen tweede gestart)` };
  const other = holder === 'other-werkplek' ? 'een werkplek voor een andere dossiermap' : 'een ander programma';
  return {
    ok: false,
    text: `Poort ${port} is al in gebruik door ${other}. Sluit dat, of kies een andere poort, bijvoorbeeld: npm run werkplek -- --port ${port === 65535 ? port - 1 : port + 1}`,
  };
}
