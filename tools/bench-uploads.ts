import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runMain, UsageError } from '../io/cli.ts';

const HELP = `Usage: npm run bench:uploads [-- --parallel N] [--mb N] [--root DIR]

Memory of the werkplek under parallel uploads (Linux: reads /proc). Starts npm run werkplek of the checkout
at --root (default: this one) as its own process, then posts N (default 10) .eml intakes of just under the
limit (--mb, default 19.5 MB each) at once, then N bodies of 25 MB (over the 20 MB limit) at once. Prints
per round the statuses, how many connections were reset, wall time, the server's CPU time and its resident
memory: before, peak (VmHWM) and after; and the load average.`;

const MB = 1024 * 1024;

/** The server's resident memory now and at its peak, and its CPU time, from /proc. */
function sample(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const ticks = Number(stat[11]) + Number(stat[12]); // utime + stime, in clock ticks (100 a second on Linux)
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024, cpu: ticks / 100 };
}

/** Reset the peak (VmHWM) to the current RSS, so each round measures its own peak. */
function resetPeak(pid: number): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5'); // "5" clears the peak resident set size (proc(5))
  } catch {
    // not allowed here: the peak then covers the whole run
  }
}

/** A multipart .eml intake of `bytes` bytes (a plain-text mail). */
function intakeBody(bytes: number, boundary: string): Buffer {
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="actie"\r\n\r\neml\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="eml"; filename="klacht.eml"\r\nContent-Type: message/rfc822\r\n\r\n` +
      'From: Jan <jan@example.org>\r\nSubject: groot\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const line = Buffer.from('De spullen zijn weg en niemand belt terug. '.repeat(3) + '\r\n');
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
  cpSync(join(root, 'templates'), join(work, 'templates'), { recursive: true });
  const server = spawn(
    process.execPath,
    ['--import', join(root, 'io/compile-cache.mjs'), join(root, 'scripts/werkplek.ts'), '--port', '0', '--quiet'],
    { cwd: work, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    const url = await new Promise<URL>((found, failed) => {
      let out = '';
      server.stdout!.on('data', (d) => {
        out += d;
        const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (m) found(new URL(m[0]));
      });
      server.on('exit', () => failed(new Error(`the werkplek stopped: ${out}`)));
    });
    const boundary = '----bench';
    const type = `multipart/form-data; boundary=${boundary}`;
    console.log(
      `werkplek of ${root}, ${parallel} parallel uploads; load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    await post(url, intakeBody(1024, boundary), type); // warm: the first page compiles its modules
    for (const [name, bytes] of [
      [`${(size / MB).toFixed(1)} MB .eml (under the limit)`, size],
      ['25 MB (over the limit)', 25 * MB],
    ] as const) {
      const body = intakeBody(bytes, boundary);
      resetPeak(server.pid!);
      const before = sample(server.pid!);
      const start = performance.now();
      const statuses = await Promise.all(Array.from({ length: parallel }, () => post(url, body, type)));
      const wall = (performance.now() - start) / 1000;
      const after = sample(server.pid!);
      const count = new Map<string, number>();
      for (const s of statuses) count.set(String(s), (count.get(String(s)) ?? 0) + 1);
      console.log(
        `${name}: ${[...count].map(([s, n]) => `${n}× ${s}`).join(', ')}; wall ${wall.toFixed(1)} s, server CPU ${(after.cpu - before.cpu).toFixed(1)} s; ` +
          `RSS before ${before.rss.toFixed(0)} MiB, peak ${after.peak.toFixed(0)} MiB, after ${after.rss.toFixed(0)} MiB`,
      );
    }
    console.log(
      `load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    server.kill();
    await rm(work, { recursive: true, force: true });
  }
});
