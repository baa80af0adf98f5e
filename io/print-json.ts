/**
 * Print a list as `console.log(JSON.stringify(items, null, 2))` does, byte for byte, but in pieces of a few
 * hundred items: 100,000 deadlines never become one 30 MB string (and its 30 MB copy on the way to stdout).
 */
export function printJsonList(items: readonly unknown[], write: (text: string) => void = (text) => void process.stdout.write(text)): void {
  if (items.length === 0) return write('[]\n');
  const PIECE = 500;
  for (let i = 0; i < items.length; i += PIECE) {
    let text = i === 0 ? '[\n  ' : ',\n  ';
    const end = Math.min(items.length, i + PIECE);
    for (let j = i; j < end; j++) {
      // an item nested one level deeper: every line of it two more spaces in (a JSON string holds no raw newline)
      text += (j > i ? ',\n  ' : '') + (JSON.stringify(items[j], null, 2) ?? 'null').replaceAll('\n', '\n  ');
    }
    write(end === items.length ? `${text}\n]\n` : text);
  }
}
