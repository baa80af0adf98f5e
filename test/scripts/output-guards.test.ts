import { spawnSync } from 'node:child_process';
import { existsSync, statSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript } from '../helpers/run-script.ts';
import { ROOT } from '../helpers/temp-project.ts';

// Issue 13: `report --out cases` emptied the cases folder (Astro clears its outDir), `--out` a Git repository
// removed its .git, and `documents --out site/public` published a letter. No command deletes a file it did
// not write, and letters never go where Git could commit them. Every refusal stops before any work.

const work = mkdtempSync(join(tmpdir(), 'out-guard-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A folder outside the project that is someone's Git repository with a file in it. */
function foreignRepo(): string {
  const dir = mkdtempSync(join(work, 'repo-'));
  spawnSync('git', ['init', '-q', dir]);
  writeFileSync(join(dir, 'notes.txt'), 'mine\n');
  return dir;
}
/**
 * A listing of a folder (recursive), to prove nothing changed. Without node_modules/: the tests running beside
 * this one add to Node's compile cache there.
 */
const listing = (dir: string) =>
  !existsSync(dir)
    ? []
    : statSync(dir).isDirectory()
      ? readdirSync(dir, { recursive: true, encoding: 'utf8' })
          .filter((f) => !/(^|\/)node_modules(\/|$)/.test(f))
          .sort()
      : [readFileSync(dir, 'utf8')];

/** Each row: a command, an `--out` that must be refused, and the message that says why. Counted in the closing note. */
export const OUTPUT_PROBES: { name: string; script: 'report' | 'documents'; out: () => string; message: RegExp }[] = [
  { name: 'report --out cases', script: 'report', out: () => 'cases', message: /inside the repository and Git does not ignore it/ },
  { name: 'report --out site/public', script: 'report', out: () => 'site/public', message: /Git does not ignore it/ },
  { name: 'report --out .git', script: 'report', out: () => '.git', message: /inside \.git/ },
  { name: 'report --out the project', script: 'report', out: () => '.', message: /would mix|contains the project/ },
  {
    name: 'report --out a foreign Git repository',
    script: 'report',
    out: foreignRepo,
    message: /not empty and was not written by this command/,
  },
  { name: 'documents --out cases', script: 'documents', out: () => 'cases', message: /Git does not ignore it/ },
  {
    name: 'documents --out site/public',
    script: 'documents',
    out: () => 'site/public',
    message: /site\/public\/ ends up on the public site/,
  },
  { name: 'documents --out cases/2026', script: 'documents', out: () => 'cases/2026', message: /Git does not ignore it/ },
  { name: 'documents --out .git', script: 'documents', out: () => '.git', message: /inside \.git/ },
];

describe.each(OUTPUT_PROBES)('$name', ({ script, out, message }) => {
  it('is refused before anything is written or deleted', () => {
    const dir = out();
    const full = join(ROOT, dir);
    const target = existsSync(dir) ? dir : full;
    const before = listing(target);
    const args = script === 'report' ? ['--out', dir, '--today', '2026-11-24'] : ['K-2026-001', '--html-only', '--out', dir];
    const r = runScript(script, args, ROOT);
    expect(r.code, r.output).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(listing(target)).toEqual(before);
  });
});

describe('documents --out outside the repository', () => {
  it('still writes there', () => {
    const out = join(work, 'letters');
    const r = runScript('documents', ['K-2026-001', '--html-only', '--form', '--out', out], ROOT);
    expect(r.code, r.output).toBe(0);
    expect(readdirSync(out)).toEqual(['K-2026-001-registratieformulier.html']);
  });
});

describe('the public build', () => {
  it('refuses a site/public/ holding anything but the site assets, naming the file', async () => {
    const { assertOnlyPublicAssets, unexpectedPublicFiles } = await import('../../io/public-assets.ts');
    expect(unexpectedPublicFiles(join(ROOT, 'site/public'))).toEqual([]); // the real folder is clean
    const pub = join(work, 'public');
    mkdirSync(join(pub, 'brieven'), { recursive: true });
    writeFileSync(join(pub, 'favicon.svg'), '<svg/>');
    writeFileSync(join(pub, 'brieven', 'K-2026-001-antwoordbrief.html'), 'Geachte Canary');
    expect(() => assertOnlyPublicAssets(pub)).toThrow(/brieven\/K-2026-001-antwoordbrief\.html/);
    expect(readFileSync(join(pub, 'brieven', 'K-2026-001-antwoordbrief.html'), 'utf8')).toBe('Geachte Canary'); // untouched
  });
});
