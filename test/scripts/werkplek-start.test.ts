// npm run werkplek started twice on one port (a second terminal, a second attach in Codespaces): the second finds
// its own werkplek there (GET /gezond), prints its address and exits 0; a werkplek of another cases folder or
// another program on the port gets a Dutch message and exit code 2.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { werkplekIdentity } from '../../werkplek/single-instance.ts';
import { caseData, caseText, tempProject } from '../helpers/fixtures.ts';
import { startWerkplekIn } from '../helpers/git-repos.ts';

const servers: ChildProcess[] = [];
afterAll(async () => {
  const running = servers.filter((s) => s.exitCode === null && s.signalCode === null);
  await Promise.all(
    running.map((s) => {
      const exited = new Promise((done) => s.once('exit', done));
      s.kill('SIGTERM');
      return exited;
    }),
  );
});

const files = { 'cases/2026/K-2026-001.md': caseText(caseData()) };
/** Start the werkplek on a free port and return that port. */
const startedOn = async (dir: string) => Number(new URL(await startWerkplekIn(dir, process.env, servers)).port);
/** `npm run werkplek` as its npm script runs it, to its end. */
const second = (dir: string, port: number) => {
  const child = spawn(process.execPath, [join(import.meta.dirname, '../../scripts/werkplek.ts'), '--port', String(port), '--quiet'], {
    cwd: dir,
  });
  servers.push(child);
  let [stdout, stderr] = ['', ''];
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) =>
    child.once('exit', (code) => done({ code, stdout, stderr })),
  );
};

describe('npm run werkplek on a port that is taken', () => {
  it('by its own werkplek: prints the running one’s address and exits 0, the first keeps answering', async () => {
    const dir = await tempProject(files);
    const port = await startedOn(dir);
    const r = await second(dir, port);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `Werkplek klachten draait al op http://127.0.0.1:${port}/  (open dit adres in de browser; er is geen tweede gestart)\n`,
    );
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
  });

  it('by a werkplek of another cases folder: a Dutch message, exit code 2', async () => {
    const [one, other] = [await tempProject(files), await tempProject(files)];
    const port = await startedOn(one);
    const r = await second(other, port);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Poort ${port} is al in gebruik door een werkplek voor een andere dossiermap.`);
    expect(r.stderr).toContain(`npm run werkplek -- --port ${port + 1}`);
    expect(r.stdout).toBe('');
  });

  it('by another program: a Dutch message, exit code 2', async () => {
    const dir = await tempProject(files);
    const other = createServer((_, res) => res.end('<html>iets anders</html>'));
    await new Promise<void>((done) => other.listen(0, '127.0.0.1', done));
    const port = (other.address() as { port: number }).port;
    try {
      const r = await second(dir, port);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`werkplek: Poort ${port} is al in gebruik door een ander programma. Sluit dat, of kies een andere poort`);
      expect(r.stderr).not.toMatch(/already in use|EADDRINUSE/);
    } finally {
      other.close();
    }
  });

  it('/gezond names the app and a hash of the cases folder, never its path', async () => {
    const dir = await tempProject(files);
    const port = await startedOn(dir);
    const r = await fetch(`http://127.0.0.1:${port}/gezond`);
    expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = await r.json();
    expect(body).toEqual(werkplekIdentity(join(dir, 'cases')));
    expect(JSON.stringify(body)).not.toContain(dir);
  });
});
