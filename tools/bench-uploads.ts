import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runMain, UsageError } from '../io/cli.ts';

const HELP = `Usage: npm run bench:uploads [-- --parallel N] [--mb N] [--root DIR]

Memory of the werkplek under parallel uploads (Linux: reads /proc). For each round it starts npm run werkplek
of the checkout at --root (default: this one; another checkout gives the figures before a change) as a fresh
process and posts N (default 10) bodies at once to the .eml intake: a mail of --mb MB (default 19.5, just under
the 20 MB limit) with an attachment, one that is all text, and 25 MB (over the limit). Prints per round the
statuses (or the error of a reset connection), wall time, the server's CPU time and its resident memory before,
at its peak (VmHWM) and after; and the load average.`;

const MB = 1024 * 1024;

/** The server's resident memory now and at its peak, and its CPU time, from /proc. */
function sample(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const ticks = Number(stat[11]) + Number(stat[12]); // utime + stime, in clock ticks (100 a second on Linux)
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024, cpu: ticks / 100 };
}

/** Reset the peak (VmHWM) to the current RSS, so a round measures its own peak and not the start-up's. */
function resetPeak(pid: number): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5'); // "5" clears the peak resident set size (proc(5))
  } catch {
    // not allowed here: the peak then covers the start-up too
  }
}

/** A multipart .eml intake of `bytes` bytes: a short text with an attachment (base64), or a mail that is all text. */
function intakeBody(bytes: number, boundary: string, kind: 'attachment' | 'text'): Buffer {
  const mail =
    kind === 'text'
      ? 'From: Jan <jan@example.org>\r\nSubject: groot\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n'
      : 'From: Jan <jan@example.org>\r\nSubject: met foto\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="m"\r\n\r\n' +
        '--m\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nDe spullen zijn weg; zie de foto.\r\n' +
        '--m\r\nContent-Type: image/jpeg\r\nContent-Disposition: attachment; filename="foto.jpg"\r\nContent-Transfer-Encoding: base64\r\n\r\n';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="actie"\r\n\r\neml\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="eml"; filename="klacht.eml"\r\nContent-Type: message/rfc822\r\n\r\n${mail}`,
  );
  const tail = Buffer.from(`${kind === 'attachment' ? '\r\n--m--' : ''}\r\n--${boundary}--\r\n`);
  const line = Buffer.from(kind === 'text' ? `${'De spullen zijn weg en niemand belt terug. '.repeat(3)}\r\n` : `${'QUJD'.repeat(19)}\r\n`);
  const fill = Buffer.alloc(Math.max(0, bytes - head.length - tail.length));
  for (let i = 0; i < fill.length; i += line.length) line.copy(fill, i);
  return Buffer.concat([head, fill, tail]);
}

/** POST `body` with the werkplek's own Host and Origin; the status, or the error code of a reset connection. */
function post(url: URL, body: Buffer, type: string): Promise<number | string> {
  return new Promise((done) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path: '/nieuw',
        headers: { 'content-type': type, 'content-length': body.length, origin: url.origin, 'sec-fetch-site': 'same-origin' },
      },
      (res) => {
        res.resume();
        res.on('end', () => done(res.statusCode!));
        res.on('error', (e: NodeJS.ErrnoException) => done(e.code ?? 'error'));
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) => done(e.code ?? 'error'));
    req.end(body);
  });
}

/** Start npm run werkplek of the checkout at `root` in `work`, as its own process; resolves with its address. */
async function startWerkplek(root: string, work: string) {
  const child = spawn(
    process.execPath,
    ['--import', join(root, 'io/compile-cache.mjs'), join(root, 'scripts/werkplek.ts'), '--port', '0', '--quiet'],
    { cwd: work, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<URL>((found, failed) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (m) found(new URL(m[0]));
    });
    child.on('exit', () => failed(new Error(`the werkplek stopped: ${out}`)));
  });
  return { url, pid: child.pid!, child };
}

await runMain('bench:uploads', async () => {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) return void console.log(HELP);
  const arg = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1]! : fallback);
  const parallel = Number(arg('--parallel', '10'));
  const size = Number(arg('--mb', '19.5')) * MB;
  const root = resolve(arg('--root', '.'));
  if (!Number.isInteger(parallel) || parallel < 1 || !(size > 0)) throw new UsageError('--parallel and --mb expect positive numbers');
  if (process.platform !== 'linux') throw new UsageError('bench:uploads reads /proc: run it on Linux');

  const work = await mkdtemp(join(tmpdir(), 'bench-uploads-'));
  mkdirSync(join(work, 'cases'));
  cpSync(join(root, 'organization.yml'), join(work, 'organization.yml'));
  cpSync(join(root, 'regulation'), join(work, 'regulation'), { recursive: true });
  cpSync(join(root, 'templates'), join(work, 'templates'), { recursive: true });
  const boundary = '----bench';
  const type = `multipart/form-data; boundary=${boundary}`;
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  console.log(`werkplek of ${root}, ${parallel} uploads at once per round, a fresh werkplek each round; load average ${load()}`);
  try {
    for (const [name, body] of [
      [`${(size / MB).toFixed(1)} MB .eml with an attachment`, intakeBody(size, boundary, 'attachment')],
      [`${(size / MB).toFixed(1)} MB .eml, all text`, intakeBody(size, boundary, 'text')],
      ['25 MB (over the limit)', intakeBody(25 * MB, boundary, 'text')],
    ] as const) {
      const server = await startWerkplek(root, work);
      try {
        await post(server.url, intakeBody(1024, boundary, 'text'), type); // warm: the first page loads its modules
        resetPeak(server.pid);
        const before = sample(server.pid);
        const start = performance.now();
        const statuses = await Promise.all(Array.from({ length: parallel }, () => post(server.url, body, type)));
        const wall = (performance.now() - start) / 1000;
        const after = sample(server.pid);
        const count = new Map<string, number>();
        for (const s of statuses) count.set(String(s), (count.get(String(s)) ?? 0) + 1);
        console.log(
          `${name}: ${[...count].map(([s, n]) => `${n}× ${s}`).join(', ')}; wall ${wall.toFixed(1)} s, server CPU ${(after.cpu - before.cpu).toFixed(1)} s; ` +
            `RSS before ${before.rss.toFixed(0)} MiB, peak ${after.peak.toFixed(0)} MiB, after ${after.rss.toFixed(0)} MiB`,
        );
      } finally {
        server.child.kill();
      }
    }
    console.log(`load average ${load()}`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
