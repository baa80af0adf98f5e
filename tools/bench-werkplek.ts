import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMain } from '../io/cli.ts';
import { createWerkplek } from '../werkplek/app.ts';
import { writeSyntheticCases } from './synthetic-cases.ts';

const HELP = `Usage: npm run bench:werkplek [-- --count N]

Server time of the werkplek with 10,000 synthetic cases (tools/synthetic-cases.ts) in a temporary Git work
tree without remote: the Overzicht (first page, most urgent first), a Dossier page, and a save (a Dossier
form: validate, atomic write, git commit; no push), the Overzicht right after a save, and after a change made outside the werkplek (10 requests). Prints median and p95 of ${'RUNS'} requests each, measured
inside the server from request to response end. Targets: pages ≤ 150 ms p95, a save ≤ 300 ms p95.`;

const TODAY = '2026-06-30';
const RUNS = 40;

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)]!;

await runMain('bench:werkplek', async () => {
  if (process.argv.includes('--help') || process.argv.includes('-h')) return void console.log(HELP.replace("${'RUNS'}", String(RUNS)));
  const countArg = process.argv.indexOf('--count');
  const count = countArg > 0 ? Number(process.argv[countArg + 1]) : 10_000;
  const work = await mkdtemp(join(tmpdir(), 'bench-werkplek-'));
  try {
    await writeSyntheticCases(join(work, 'cases'), count, TODAY);
    cpSync('organization.yml', join(work, 'organization.yml'));
    cpSync('templates', join(work, 'templates'), { recursive: true });
    const git = (...args: string[]) =>
      spawnSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@localhost', ...args], { cwd: work, encoding: 'utf8' });
    git('init', '--quiet', '-b', 'main');
    git('add', '.');
    git('commit', '--quiet', '-m', 'synthetic cases');

    const app = createWerkplek({ cases: join(work, 'cases'), config: join(work, 'organization.yml'), today: () => TODAY });
    const times = new Map<string, number[]>();
    let label = '';
    const server = createServer((req, res) => {
      const start = performance.now();
      const kind = label;
      res.on('finish', () => times.set(kind, [...(times.get(kind) ?? []), performance.now() - start]));
      void app.handle(req, res);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const get = async (path: string) => {
      const res = await fetch(base + path);
      if (res.status !== 200) throw new Error(`GET ${path}: ${res.status}`);
      return res.text();
    };
    try {
      // an open case in the last year: what the organizer opens most
      const overview = await get('/');
      const id = /\/dossier\/(K-[0-9-]+)/.exec(overview)![1]!;
      label = 'warm-up';
      for (let i = 0; i < 3; i++) (await get('/'), await get(`/dossier/${id}`));
      label = 'Overzicht (/)';
      for (let i = 0; i < RUNS; i++) await get('/');
      label = `Dossier (/dossier/${id})`;
      for (let i = 0; i < RUNS; i++) await get(`/dossier/${id}`);
      for (let i = 0; i < RUNS; i++) {
        label = 'load';
        const page = await get(`/dossier/${id}`);
        const hash = /name="hash" value="([0-9a-f]+)"/.exec(page)![1]!;
        label = 'save (validate, write, commit; no push)';
        const res = await fetch(`${base}/dossier/${id}`, {
          method: 'POST',
          headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ actie: 'oorzaken', hash, causes: i % 2 ? 'planning' : 'tarief' }),
          redirect: 'manual',
        });
        if (res.status !== 303) throw new Error(`save: ${res.status}`);
        label = 'Overzicht right after that save';
        await get('/');
      }
      // an editor or a pull changes a file: the watcher drops the memo and the next Overzicht reloads (cache on disk)
      for (let i = 0; i < 10; i++) {
        label = 'outside';
        const other = `${id.slice(0, 7)}${String(i + 1).padStart(4, '0')}`;
        appendFileSync(join(work, 'cases', other.slice(2, 6), `${other}.md`), '\n');
        await new Promise((r) => setTimeout(r, 200));
        label = 'Overzicht after an outside change';
        await get('/');
      }
    } finally {
      server.closeAllConnections();
      server.close();
      await app.close();
    }
    console.log(`werkplek server time, ${count} cases, ${RUNS} requests each (median / p95):`);
    let ok = true;
    for (const [kind, xs] of times) {
      if (kind === '' || kind === 'warm-up' || kind === 'load' || kind === 'outside') continue;
      const target = kind.startsWith('save') ? 300 : 150;
      const p95 = quantile(xs, 0.95);
      ok &&= p95 <= target;
      console.log(
        `  ${kind.padEnd(42)} ${quantile(xs, 0.5).toFixed(1).padStart(7)} ms / ${p95.toFixed(1).padStart(7)} ms  (target p95 ≤ ${target} ms)`,
      );
    }
    return ok ? 0 : 1;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
