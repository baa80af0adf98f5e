import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { caseData, caseText, tempProject } from '../helpers/fixtures.ts';
import { runScript } from '../helpers/run-script.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('the werkplek starts without what only some pages need', () => {
  it('serves the first page with the check cache filled without playwright-core, zod, the YAML parsers or the letters’ code', async () => {
    const dir = await tempProject({ 'cases/2026/K-2026-001.md': caseText(caseData()) });
    expect(runScript('check', ['--today', '2026-11-24'], dir).code).toBe(0); // fills the check cache
    // every package the process resolves, written when it exits
    const hook = join(dir, 'packages.mjs');
    writeFileSync(
      hook,
      `import { registerHooks } from 'node:module';
import { writeFileSync } from 'node:fs';
const packages = new Set();
registerHooks({ resolve(spec, ctx, next) { if (/^[a-z@]/.test(spec) && !spec.startsWith('node:')) packages.add(spec.split('/')[0]); return next(spec, ctx); } });
process.on('exit', () => writeFileSync(${JSON.stringify(join(dir, 'packages.json'))}, JSON.stringify([...packages])));`,
    );
    const child = spawn(process.execPath, ['--import', hook, join(ROOT, 'scripts/werkplek.ts'), '--port', '0', '--quiet'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise((done) => child.once('exit', done));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
          if (m) resolve(m[0]);
        });
        child.once('exit', () => reject(new Error(`the werkplek stopped: ${stderr}`)));
      });
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('K-2026-001');
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
    const packages = JSON.parse(readFileSync(join(dir, 'packages.json'), 'utf8')) as string[];
    // each loads with the first page that needs it: a PDF, a dossier, a letter, a dropped e-mail
    expect(
      packages.filter((p) => ['playwright-core', 'zod', 'yaml', 'js-yaml', 'mustache', 'micromark', 'postal-mime'].includes(p)),
    ).toEqual([]);
  });
});
