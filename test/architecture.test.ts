import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkArchitecture, formatViolations, packagesReachedFrom, PROJECT_ROOT, staticImportersOf } from '../tools/architecture.ts';

describe('the architecture (docs/architecture.md)', () => {
  it('this checkout has no forbidden import', () => {
    expect(formatViolations(checkArchitecture(PROJECT_ROOT))).toBe('');
  });

  describe('dependencies: what npm run check loads, plus the PDFs’ driver loaded only when a PDF is made', () => {
    const { dependencies } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const reached = packagesReachedFrom(PROJECT_ROOT, 'scripts/check.ts');
    // Every other dependency, and why it is one. playwright-core drives the organizer's Chrome, Edge or Chromium for
    // the PDFs (io/chromium.ts): the werkplek and the commands need it at run time, not only the tests.
    const BESIDES_CHECK: Record<string, string> = {
      '@octokit/core': 'the Octokit plugins’ peer, loaded by them',
      'playwright-core': 'the PDFs (io/chromium.ts), loaded when the first PDF is made',
    };
    const LOADED_WHEN_NEEDED = ['playwright-core'];

    it('npm run check loads only dependencies: the deadline workflow installs nothing else (npm ci --omit=dev)', () => {
      expect(reached).toContain('zod'); // the walk follows our imports
      expect([...reached].filter((name) => !(name in dependencies))).toEqual([]);
    });

    it('every other dependency is named here with its reason', () => {
      expect(
        Object.keys(dependencies)
          .filter((name) => !reached.has(name))
          .sort(),
      ).toEqual(Object.keys(BESIDES_CHECK).sort());
    });

    it.each(LOADED_WHEN_NEEDED)('%s is never loaded at start: a dynamic import only, outside tools/ and test/', (pkg) => {
      expect(reached.has(pkg)).toBe(false);
      expect(staticImportersOf(PROJECT_ROOT, pkg)).toEqual([]);
      expect(staticImportersOf(PROJECT_ROOT, 'zod')).not.toEqual([]); // the scan sees static imports
    });
  });

  describe('a tree with forbidden edges fails', () => {
    const root = mkdtempSync(join(tmpdir(), 'architecture-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    const tree = (files: Record<string, string>) => {
      rmSync(root, { recursive: true, force: true });
      for (const [path, text] of Object.entries({ 'package.json': '{"dependencies":{"zod":"4"}}', ...files })) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), text);
      }
      return formatViolations(checkArchitecture(root));
    };

    it.each([
      [
        'the public site reads cases through io/',
        { 'site/pages/index.astro': "---\nimport { x } from '../../io/case-files.ts';\n---" },
        'site/pages/index.astro: site/ may not import io/',
      ],
      [
        'the report imports the loader',
        { 'report/data.ts': "import { x } from '../io/report-data.ts';" },
        'report/data.ts: report/ may not import io/',
      ],
      [
        'the core reads the disk',
        { 'lib/a/b.ts': "import { readFileSync } from 'node:fs';" },
        'lib/a/b.ts: lib/ may not import the Node builtin node:fs',
      ],
      ['the core reads the clock', { 'lib/a.ts': 'export const today = () => new Date();' }, 'lib/a.ts: lib/ reads the clock'],
      ['the core reads the environment', { 'lib/a.ts': 'export const tz = process.env.TZ;' }, 'lib/a.ts: lib/ uses process'],
      [
        'schemas import the core',
        { 'schemas/case.ts': "import { x } from '../lib/x.ts';" },
        'schemas/case.ts: schemas/ may not import lib/',
      ],
      [
        'schemas import more of the core than the vocabulary',
        { 'schemas/case.ts': "import { vocabulary } from '../lib/vocabulary/index.ts';\nimport { x } from '../lib/cases/x.ts';" },
        'schemas/case.ts: schemas/ may not import lib/ (../lib/cases/x.ts)',
      ],
      [
        'the vocabulary loads the core, which schemas/ would then load',
        { 'lib/vocabulary/nl.ts': "import { workdays } from '../dates/workdays.ts';" },
        'lib/vocabulary/nl.ts: lib/vocabulary/ may import only types from the rest of lib/ (../dates/workdays.ts)',
      ],
      [
        'a command imports a test helper',
        { 'scripts/a.ts': "import { x } from '../test/helpers/x.ts';" },
        'scripts/a.ts: scripts/ may not import test/',
      ],
      ['io imports a command', { 'io/a.ts': "export { x } from '../scripts/x.ts';" }, 'io/a.ts: io/ may not import scripts/'],
      ['io imports an action', { 'io/a.ts': "import { x } from '../actions/x.ts';" }, 'io/a.ts: io/ may not import actions/'],
      ['the core imports an action', { 'lib/a.ts': "import { x } from '../actions/x.ts';" }, 'lib/a.ts: lib/ may not import actions/'],
      [
        'an action imports the werkplek',
        { 'actions/a.ts': "import { x } from '../werkplek/x.ts';" },
        'actions/a.ts: actions/ may not import werkplek/',
      ],
      [
        'a dynamic import of tools/',
        { 'werkplek/a.ts': "const m = await import('../tools/bench.ts');" },
        'werkplek/a.ts: werkplek/ may not import tools/',
      ],
      [
        'an undeclared package',
        { 'tools/a.ts': "import { launch } from 'chrome-launcher';" },
        'tools/a.ts: imports chrome-launcher, which package.json does not declare',
      ],
    ])('%s', (_, files, expected) => {
      expect(tree(files)).toContain(expected);
    });

    it('allowed edges pass', () => {
      const ok = tree({
        'schemas/case.ts': "import { z } from 'zod';\nimport { vocabulary } from '../lib/vocabulary/index.ts';",
        'lib/vocabulary/index.ts': "import type { DeadlineState } from '../deadlines/deadlines.ts';\nimport { nl } from './nl.ts';",
        'lib/cases/a.ts': "import type { X } from '../../schemas/case.ts';\nimport { y } from './b.ts';",
        'io/a.ts': "import { readFileSync } from 'node:fs';\nimport { a } from '../lib/cases/a.ts';",
        'scripts/a.ts': "import { a } from '../io/a.ts';\nimport { b } from '../actions/b.ts';",
        'actions/b.ts': "import { a } from '../io/a.ts';",
        'werkplek/c.ts': "import { b } from '../actions/b.ts';",
        'site/pages/index.astro': "---\nimport { a } from '../../lib/cases/a.ts';\n---",
        'report/pages/index.astro': "---\nimport { report } from 'virtual:klachtenregeling/report';\n---",
      });
      expect(ok).toBe('');
    });
  });
});
