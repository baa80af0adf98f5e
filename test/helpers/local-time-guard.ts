import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { takeLocalTimeUses } from './local-time-probe.mjs';

// Set up for every test file that vitest.config.ts runs under one time zone only: the probe watches this process
// and, through NODE_OPTIONS, every Node process the file starts (with the environment it inherits). A file whose
// code uses the local time zone fails: its result may depend on TZ, so it belongs under every zone (ZONED).
const dir = mkdtempSync(join(tmpdir(), 'klachten-local-time-'));
process.env.LOCAL_TIME_PROBE_DIR = dir;
const probe = `--import=${new URL('./local-time-probe.mjs', import.meta.url).href}`;
// once: the files of the unit project share processes, and this runs again before each of them
if (!process.env.NODE_OPTIONS?.includes(probe)) process.env.NODE_OPTIONS = [process.env.NODE_OPTIONS, probe].filter(Boolean).join(' ');
takeLocalTimeUses(); // anything before this file's own code

afterAll(() => {
  const found = takeLocalTimeUses().map((use) => `  the test process: ${use}`);
  for (const name of readdirSync(dir)) {
    const [command, list] = JSON.parse(readFileSync(join(dir, name), 'utf8')) as [string, string[]];
    found.push(...list.map((use) => `  node ${command}: ${use}`));
  }
  rmSync(dir, { recursive: true, force: true });
  if (found.length)
    throw new Error(
      `${expect.getState().testPath} uses the local time zone, so its result may depend on TZ, but it runs under one zone only:\n` +
        `${found.join('\n')}\nAdd it to ZONED in vitest.config.ts (or give the code a time zone of its own).`,
    );
});
