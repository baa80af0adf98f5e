import { once } from 'node:events';
import { stdout, type Output } from './output.ts';

/**
 * Print a list as `console.log(JSON.stringify(items, null, 2))` does, byte for byte, but in pieces of 500
 * items, each written only when the output has taken the one before: 100,000 deadlines never become one 30 MB
 * string, and on a pipe (whose writes Node queues in memory) never a queue of 30 MB either.
 */
export async function printJsonList(items: readonly unknown[], out: Output = stdout): Promise<void> {
  const write = async (text: string) => {
    if (!out.write(text)) await once(out as unknown as NodeJS.EventEmitter, 'drain');
  };
  if (items.length === 0) return write('[]\n');
  const PIECE = 500;
  for (let i = 0; i < items.length; i += PIECE) {
    const end = Math.min(items.length, i + PIECE);
    // a piece as its own indented list, without the brackets: its items are indented as in the whole list
    const list = JSON.stringify(items.slice(i, end), null, 2);
    const body = list.slice(2, -2); // '[\n' … '\n]'
    await write(`${i === 0 ? '[\n' : ',\n'}${body}${end === items.length ? '\n]\n' : ''}`);
  }
}
