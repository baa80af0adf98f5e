// node:fs as Node's own object, not its ES module (see io/files.ts)
const { writeSync } = process.getBuiltinModule('node:fs');

/** Where text goes: a stream that says when it wants no more for now (Node's streams, or {@link stdout}). */
export interface Output {
  /** Takes a piece of text; false when its buffer is full (then wait for 'drain'). */
  write(text: string): boolean;
  once(event: 'drain', listener: () => void): unknown;
}

/** An {@link Output} that also writes whole lines. */
export interface LineOutput extends Output {
  /** Write `text` and a line end. */
  line(text: string): void;
}

/**
 * Standard output or error, written straight to its file descriptor. Node's `process.stdout` and `process.stderr`
 * are made on first use, and on a pipe that loads Node's sockets and streams: about 5.5 ms, 2 % of a cold check of
 * 10,000 files, which prints to two pipes in the benchmark and in CI (issue 22). A write to a descriptor that is
 * non-blocking and full (a pipe whose reader is slow, opened non-blocking by another process) hands the rest to
 * Node's stream, which waits for the reader; from then on all of that descriptor's text goes through the stream,
 * so nothing overtakes.
 */
function direct(fd: 1 | 2): LineOutput {
  let stream: NodeJS.WriteStream | undefined;
  const write = (text: string): boolean => {
    if (stream) return stream.write(text);
    const bytes = Buffer.from(text, 'utf8');
    for (let done = 0; done < bytes.length;) {
      try {
        done += writeSync(fd, bytes, done);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
        stream = fd === 1 ? process.stdout : process.stderr;
        return stream.write(bytes.subarray(done));
      }
    }
    return true;
  };
  return {
    write,
    line: (text) => void write(`${text}\n`),
    // only Node's stream ever asks the writer to wait; without it there is nothing to wait for
    once: (event, listener) => (stream ? stream.once(event, listener) : listener()),
  };
}

/** Standard output (see {@link direct}). */
export const stdout: LineOutput = direct(1);
/** Standard error (see {@link direct}). */
export const stderr: LineOutput = direct(2);
