import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './temp-project.ts';

/** Terminal output without ANSI escape sequences (colours, cursor moves). */
export const plain = (s: string): string => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

/** Keys as a terminal sends them. */
export const KEY = { enter: '\r', space: ' ', down: '\x1b[B', backspace: '\x7f' } as const;

/**
 * Run `scripts/<script>` with Node 24 in a pseudo-terminal (util-linux `script`), 200 columns wide, so prompts
 * behave as in a real terminal. `answer(prompt, keys)` waits until `prompt` appears in the output after the
 * previous answer, then types `keys`; `done()` waits for the exit.
 */
export function inPseudoTerminal(cwd: string, script: string, args: string[], env: Record<string, string> = {}) {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const command = `stty cols 200 rows 50; exec ${[process.execPath, join(ROOT, 'scripts', script), ...args].map(quote).join(' ')}`;
  const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd, env: { ...process.env, TERM: 'xterm', ...env } });
  let output = '';
  let mark = 0;
  child.stdout.on('data', (d: Buffer) => (output += d.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    /** Everything shown so far, without escape sequences. */
    output: () => plain(output),
    async answer(prompt: RegExp, keys: string, timeoutMs = 60_000): Promise<void> {
      // checked on every piece of output (the listener above has added it), not on a timer
      await new Promise<void>((resolve, reject) => {
        const fail = (why: string) => {
          stop();
          child.kill();
          reject(new Error(`${why} ${prompt} in:\n${plain(output.slice(mark))}`));
        };
        const check = () => prompt.test(plain(output.slice(mark))) && (stop(), resolve());
        const exit = () => fail('exited without');
        const timer = setTimeout(() => fail(`no (after ${timeoutMs} ms)`), timeoutMs);
        const stop = () => {
          clearTimeout(timer);
          child.stdout.off('data', check);
          child.off('close', exit);
        };
        child.stdout.on('data', check);
        child.on('close', exit);
        check();
      });
      mark = output.length;
      child.stdin.write(keys);
    },
    async done(): Promise<{ code: number | null; output: string }> {
      const code = await exited;
      return { code, output: plain(output) };
    },
  };
}
