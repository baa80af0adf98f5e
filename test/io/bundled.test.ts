import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { caseData, caseText, tempProject } from '../helpers/fixtures.ts';
import { startFakeGitHub } from '../../tools/fake-github.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'klachten-bundle-'));
  made.push(d);
  return d;
};

/** Run `node io/bundled.ts script …args` (or, with `direct`, `node script …args`) in `cwd`. */
function run(script: string, args: string[], cwd: string, env: Record<string, string>, direct = false) {
  const r = spawnSync(process.execPath, [...(direct ? [] : [join(ROOT, 'io/bundled.ts')]), script, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const builds = (bundles: string) => (existsSync(bundles) ? readdirSync(bundles).filter((n) => !n.endsWith('.json')) : []);

describe('io/bundled.ts: a script run from its bundle', () => {
  it('check prints byte for byte what it prints from its sources, with errors, warnings, --json and --github', async () => {
    const dir = await tempProject({
      'cases/2026/K-2026-001.md': caseText(caseData({ channel: 'oral' })),
      'cases/2026/K-2026-002.md': caseText(caseData({ id: 'K-2026-002', received: '2026-11-10' })),
      'cases/2026/K-2026-003.md': caseText(caseData({ id: 'K-2026-003', organizer: 'carla' })),
      'cases/2026/K-2026-004.md': '---\nid: K-2026-004\nreceived: [\n---\n',
    });
    const bundles = tempDir();
    // without a token the sync is a dry run: what the bundle imports on demand (Octokit) runs too
    const env = { KLACHTEN_BUNDLE_DIR: bundles, GITHUB_TOKEN: '', GITHUB_REPOSITORY: '' };
    const script = join(ROOT, 'scripts/check.ts');
    for (const args of [
      ['--today', '2026-11-24'],
      ['--today', '2026-11-24', '--github'],
      ['--json', '--today', '2026-11-24', '--no-cache'],
      ['--format', 'github', '--today', '2026-11-24'],
      ['--help'],
      ['--nonsense'],
    ]) {
      const bundled = run(script, args, dir, env);
      expect(bundled).toEqual(run(script, args, dir, env, true));
    }
    expect(run(script, ['--today', '2026-11-24'], dir, env).code).toBe(1); // the invalid files
    expect(builds(bundles)).toHaveLength(1); // built once, then reused
    expect(readdirSync(bundles).filter((n) => n.endsWith('.json'))).toEqual([expect.stringMatching(/^scripts-check-[0-9a-f]{8}\.json$/)]);
  });

  it('check --github writes from its bundle the issues it writes from its sources (a fake GitHub on 127.0.0.1)', async () => {
    const dir = await tempProject({
      'cases/2026/K-2026-001.md': caseText(caseData({ received: '2026-11-03' })), // due on 1 December: due soon
      'cases/2026/K-2026-002.md': caseText(caseData({ id: 'K-2026-002', organizer: 'carla' })), // invalid
    });
    const bundles = tempDir();
    const script = join(ROOT, 'scripts/check.ts');
    const titles = async (bundled: boolean) => {
      const fake = await startFakeGitHub();
      try {
        const env = {
          ...process.env,
          KLACHTEN_BUNDLE_DIR: bundles,
          GITHUB_TOKEN: fake.token,
          GITHUB_REPOSITORY: fake.repository,
          GITHUB_API_URL: fake.url,
          DEADLINES_GITHUB_SECOND_MS: '1',
        };
        // not spawnSync: the fake GitHub answers from this process
        const code = await new Promise<number | null>((done) => {
          const argv = [...(bundled ? [join(ROOT, 'io/bundled.ts')] : []), script, '--today', '2026-11-24', '--github'];
          execFile(process.execPath, argv, { cwd: dir, env }, (error) => done(error ? ((error as { code?: number }).code ?? null) : 0));
        });
        return { code, issues: fake.issues.map((i) => `${i.state} ${i.title}`).sort() };
      } finally {
        await fake.close();
      }
    };
    const fromSources = await titles(false);
    expect(fromSources.issues).toEqual(expect.arrayContaining([expect.stringContaining('K-2026-001')]));
    expect(await titles(true)).toEqual(fromSources);
  });

  it('rebuilds when an input changes; a module finds the files next to it (import.meta.url); the script sees its own options', () => {
    const src = tempDir();
    const bundles = tempDir();
    writeFileSync(join(src, 'data.txt'), 'next to b.ts\n');
    writeFileSync(
      join(src, 'b.ts'),
      "import { readFileSync } from 'node:fs';\nexport const b = (): string => readFileSync(new URL('./data.txt', import.meta.url), 'utf8').trim();\n",
    );
    writeFileSync(join(src, 'a.ts'), "import { b } from './b.ts';\nconsole.log(JSON.stringify([b(), process.argv.slice(2)]));\n");
    const env = { KLACHTEN_BUNDLE_DIR: bundles };
    expect(run(join(src, 'a.ts'), ['--x', 'y'], src, env).stdout).toBe('["next to b.ts",["--x","y"]]\n');
    expect(builds(bundles)).toHaveLength(1);
    expect(run(join(src, 'a.ts'), [], src, env).stdout).toBe('["next to b.ts",[]]\n');
    expect(builds(bundles)).toHaveLength(1); // unchanged: the same bundle

    writeFileSync(join(src, 'b.ts'), "export const b = (): string => 'changed';\n");
    expect(run(join(src, 'a.ts'), [], src, env).stdout).toBe('["changed",[]]\n');
    expect(builds(bundles)).toHaveLength(2); // a new build; the old one stays an hour for processes still running it
    const manifest = JSON.parse(
      readFileSync(
        join(
          bundles,
          readdirSync(bundles).find((n) => n.endsWith('.json'))!,
        ),
        'utf8',
      ),
    ) as { build: string };
    expect(builds(bundles)).toContain(manifest.build);
  });

  it('runs the sources when no bundle can be made, or with KLACHTEN_BUNDLE=0', () => {
    const src = tempDir();
    writeFileSync(join(src, 'a.ts'), "console.log('ran');\n");
    const notADir = join(src, 'file');
    writeFileSync(notADir, '');
    expect(run(join(src, 'a.ts'), [], src, { KLACHTEN_BUNDLE_DIR: join(notADir, 'bundles') })).toEqual({
      code: 0,
      stdout: 'ran\n',
      stderr: '',
    });
    const bundles = tempDir();
    expect(run(join(src, 'a.ts'), [], src, { KLACHTEN_BUNDLE_DIR: bundles, KLACHTEN_BUNDLE: '0' }).stdout).toBe('ran\n');
    expect(readdirSync(bundles)).toEqual([]);
  });

  it('a script with a syntax error fails as it does from its sources', () => {
    const src = tempDir();
    writeFileSync(join(src, 'a.ts'), 'const = 1;\n');
    const r = run(join(src, 'a.ts'), [], src, { KLACHTEN_BUNDLE_DIR: tempDir() });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/SyntaxError|ERR_INVALID_TYPESCRIPT_SYNTAX/);
  });

  it('ends as from its sources: an error thrown, an exit code, strict mode, a top-level await that never settles', () => {
    const src = tempDir();
    const bundles = tempDir();
    const scripts = {
      'throws.ts': "await Promise.resolve();\nthrow new Error('kapot');\n",
      'exit-code.ts': 'process.exitCode = 3;\n',
      // an undeclared name, which a module (strict mode) refuses
      'strict.ts': "let mode = 'sloppy';\ntry {\n  undeclared = 1;\n} catch {\n  mode = 'strict';\n}\nconsole.log(mode);\n",
      'hangs.ts': "console.log('waiting');\nawait new Promise(() => {});\n",
    };
    writeFileSync(join(src, 'package.json'), '{ "type": "module" }\n'); // as the project's scripts are
    for (const [name, text] of Object.entries(scripts)) writeFileSync(join(src, name), text);
    for (const name of Object.keys(scripts)) {
      const bundled = run(join(src, name), [], src, { KLACHTEN_BUNDLE_DIR: bundles });
      const direct = run(join(src, name), [], src, {}, true);
      expect({ name, code: bundled.code, stdout: bundled.stdout }).toEqual({ name, code: direct.code, stdout: direct.stdout });
    }
    expect(run(join(src, 'throws.ts'), [], src, { KLACHTEN_BUNDLE_DIR: bundles }).stderr).toContain('kapot');
    expect(run(join(src, 'strict.ts'), [], src, { KLACHTEN_BUNDLE_DIR: bundles }).stdout).toBe('strict\n');
    expect(run(join(src, 'hangs.ts'), [], src, { KLACHTEN_BUNDLE_DIR: bundles }).code).toBe(13); // Node's code for it
  });

  it('runs from the sources what only a module can run (import.meta beyond import.meta.url)', () => {
    const src = tempDir();
    writeFileSync(join(src, 'a.ts'), 'console.log(import.meta.dirname === process.cwd());\n');
    expect(run(join(src, 'a.ts'), [], src, { KLACHTEN_BUNDLE_DIR: tempDir() })).toEqual({ code: 0, stdout: 'true\n', stderr: '' });
  });

  it("keeps V8's code cache beside the bundle: made after a run, replaced after a run half as long again, kept otherwise", () => {
    const src = tempDir();
    const bundles = tempDir();
    // busy for as many milliseconds as asked, then prints what a function compiled on first call returns
    writeFileSync(
      join(src, 'a.ts'),
      'const until = Date.now() + Number(process.argv[2]);\nwhile (Date.now() < until);\nconst late = (n: number) => n * 2;\nconsole.log(late(21));\n',
    );
    const env = { KLACHTEN_BUNDLE_DIR: bundles };
    const runFor = (ms: number) => expect(run(join(src, 'a.ts'), [String(ms)], src, env)).toEqual({ code: 0, stdout: '42\n', stderr: '' });
    const cacheFile = () => {
      const [build] = builds(bundles);
      const [name] = readdirSync(join(bundles, build!)).filter((n) => n.endsWith('.cache'));
      return join(bundles, build!, name!);
    };
    /** The time the run took that made the cache (ms), and the cache. */
    const cache = () => {
      const bytes = readFileSync(cacheFile());
      return { took: bytes.readDoubleLE(0), code: bytes.subarray(8) };
    };

    runFor(300);
    const first = cache();
    expect(first.took).toBeGreaterThanOrEqual(300);
    expect(first.code.length).toBeGreaterThan(0);
    runFor(0); // shorter: the cache stays
    expect(cache()).toEqual(first);
    runFor(600); // half as long again: a new cache
    expect(cache().took).toBeGreaterThanOrEqual(600);

    // a damaged or cut-off cache changes nothing the script does, and is replaced
    for (const damaged of [Buffer.concat([Buffer.alloc(8), Buffer.from('geen code cache')]), Buffer.from('kort')]) {
      writeFileSync(cacheFile(), damaged);
      runFor(0);
      expect(cache().code.length).toBeGreaterThan(100);
    }
  });
});
