import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compileCacheIn } from '../../tools/site-build.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A project folder with one module in lib/; its node_modules is `modules`, or a folder of its own. */
function project(modules?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'klachten-cache-'));
  made.push(dir);
  mkdirSync(join(dir, 'lib'));
  writeFileSync(join(dir, 'lib/a.mjs'), 'export const answer = 42;\nconsole.log(answer);\n');
  if (modules) symlinkSync(modules, join(dir, 'node_modules'), 'dir');
  else mkdirSync(join(dir, 'node_modules'));
  return dir;
}

/** The entries in Node's compile cache under `node_modules`, in each of its folders (one per Node version and flags). */
const entries = (modules: string): number =>
  readdirSync(join(modules, '.cache/node-compile'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;

const runIn = (dir: string) => {
  const r = spawnSync(process.execPath, ['lib/a.mjs'], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...compileCacheIn(dir) } });
  expect(r.stdout).toBe('42\n');
};

describe('compileCacheIn: the compile cache of a process in the project or a copy of it', () => {
  it("lets a copy whose node_modules links to the project's find the project's entries instead of adding its own", () => {
    const original = project();
    runIn(original);
    const written = entries(join(original, 'node_modules'));
    expect(written).toBeGreaterThan(0);

    const copy = project(join(original, 'node_modules'));
    runIn(copy);
    expect(entries(join(original, 'node_modules'))).toBe(written);
  });
});
