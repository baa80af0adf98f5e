import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const OUTPUT = new URL('../../io/output.ts', import.meta.url).href;

/**
 * Run `code` (an ES module that may import io/output.ts as OUTPUT) in Node; `onStderr` sees its standard error as it
 * comes. With `paused`, its standard output is not read until `onStderr` resumes it.
 */
function run(code: string, onStderr: (text: string, child: ReturnType<typeof spawn>) => void = () => {}, paused = false) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', `const OUTPUT = ${JSON.stringify(OUTPUT)};\n${code}`]);
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    if (paused) child.stdout!.pause();
    child.stderr!.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      onStderr(stderr, child);
    });
    child.on('close', (exit) => done({ code: exit, stdout, stderr }));
  });
}

describe('stdout and stderr written straight to their descriptors', () => {
  it('writes lines and pieces in order, each to its own stream', async () => {
    const r = await run(`
      const { stdout, stderr } = await import(OUTPUT);
      stdout.line('één');
      stderr.line('fout: 1');
      stdout.write('twee ');
      stdout.write('drie\\n');
      stderr.line('fout: 2');`);
    expect(r).toEqual({ code: 0, stdout: 'één\ntwee drie\n', stderr: 'fout: 1\nfout: 2\n' });
  });

  it('hands the rest to Node’s stream when a non-blocking pipe is full, losing and reordering nothing', async () => {
    // The child makes its standard output non-blocking (a socket opened on descriptor 1 does), then writes 4 MiB
    // while this side does not read: the pipe fills, a direct write would fail with EAGAIN. Only Node's stream
    // ever asks the writer to wait (write() returns false): the child says so on stderr, and this side reads on.
    const pieces = 64;
    let resumed = false;
    const r = await run(
      `
      const { Socket } = await import('node:net');
      new Socket({ fd: 1, readable: false, writable: true });
      const { stdout } = await import(OUTPUT);
      const piece = (i) => String(i).padStart(4, '0') + '.'.repeat(65531) + '\\n';
      for (let i = 0; i < ${pieces}; i++)
        if (!stdout.write(piece(i))) {
          process.stderr.write('waiting\\n');
          await new Promise((resolve) => stdout.once('drain', resolve));
        }
      stdout.line('end');`,
      (text, child) => {
        if (!resumed && text.includes('waiting')) {
          resumed = true;
          child.stdout!.resume();
        }
      },
      true,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(resumed).toBe(true);
    const lines = r.stdout.split('\n');
    expect(lines).toHaveLength(pieces + 2);
    expect(lines.slice(0, pieces).map((l) => [l.slice(0, 4), l.length])).toEqual(
      Array.from({ length: pieces }, (_, i) => [String(i).padStart(4, '0'), 65535]),
    );
    expect(lines.slice(pieces)).toEqual(['end', '']);
  });
});
