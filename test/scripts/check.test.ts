import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { caseData, caseText, tempProject } from '../helpers/fixtures.ts';
import { runScript } from '../helpers/run-script.ts';

const project = tempProject;

const VALID = {
  'cases/2026/K-2026-001.md': caseText(caseData({ channel: 'oral' })),
  'cases/2026/K-2026-002.md': caseText(caseData({ id: 'K-2026-002', received: '2026-11-10' })),
};

describe('npm run check', () => {
  it('prints what validate and deadlines print, in one process; --json is byte-identical to deadlines --json', async () => {
    const dir = await project(VALID);
    const check = runScript('check', ['--today', '2026-11-24'], dir);
    const validate = runScript('validate', [], dir);
    const deadlines = runScript('deadlines', ['--today', '2026-11-24'], dir);
    expect([check.code, validate.code, deadlines.code]).toEqual([0, 0, 0]);
    expect(check.stdout).toContain(validate.stdout.trim());
    // the table lines of deadlines, in the same order
    const table = deadlines.stdout.trim().split('\n').slice(2).join('\n');
    expect(check.stdout).toContain(table);
    const json = runScript('check', ['--json', '--today', '2026-11-24', '--no-cache'], dir);
    expect(json.code).toBe(0);
    expect(json.stdout).toBe(runScript('deadlines', ['--json', '--today', '2026-11-24'], dir).stdout);
    expect(json.stderr).toContain('2 dossier(s) gecontroleerd: 0 fout(en), 1 waarschuwing(en)');
  });

  it('with an invalid file: prints its error, still lists and syncs the valid cases, then exits 1', async () => {
    const dir = await project({ ...VALID, 'cases/2026/K-2026-003.md': caseText(caseData({ id: 'K-2026-003', organizer: 'carla' })) });
    const r = runScript('check', ['--today', '2026-11-24', '--format', 'github', '--github'], dir, {
      GITHUB_TOKEN: '',
      GITHUB_REPOSITORY: '',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^::error file=cases\/2026\/K-2026-003\.md,line=\d+,title=organizer::/m);
    expect(r.stdout).toMatch(/^K-2026-001 /m);
    expect(r.stdout).toMatch(/^K-2026-002 /m);
    expect(r.stdout).not.toMatch(/^K-2026-003 /m);
    expect(r.stdout).toMatch(/dry run/i); // the sync ran (without a token: a dry run)
    const json = runScript('check', ['--json', '--today', '2026-11-24'], dir);
    expect(json.code).toBe(1);
    expect((JSON.parse(json.stdout) as { id: string }[]).map((d) => d.id).sort()).toEqual(['K-2026-001', 'K-2026-002']);
  });

  it('with every cached check holding, loads neither YAML parser nor zod', async () => {
    const dir = await project(VALID);
    // which packages the process loads, written to stderr as it ends
    const hook = join(dir, 'packages.mjs');
    await writeFile(
      hook,
      `import { registerHooks } from 'node:module';
const packages = new Set();
registerHooks({ resolve(spec, ctx, next) { if (/^[a-z@]/.test(spec) && !spec.startsWith('node:')) packages.add(spec); return next(spec, ctx); } });
process.on('exit', () => process.stderr.write('packages: ' + JSON.stringify([...packages]) + '\\n'));`,
    );
    const packages = () => {
      const r = runScript('check', ['--json', '--today', '2026-11-24'], dir, {
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${pathToFileURL(hook).href}`,
      });
      expect(r.code).toBe(0);
      return JSON.parse(/^packages: (.*)$/m.exec(r.stderr)![1]!) as string[];
    };
    expect(packages()).toEqual(expect.arrayContaining(['zod', 'js-yaml'])); // the first check fills the cache
    expect(packages().filter((p) => /^(zod|yaml|js-yaml)$/.test(p))).toEqual([]);
  });

  it('rejects options that do not go together, with exit code 2', async () => {
    const dir = await project(VALID);
    expect(runScript('check', ['--json', '--github'], dir).code).toBe(2);
    expect(runScript('check', ['--dry-run'], dir).code).toBe(2);
    expect(runScript('check', ['--format', 'xml'], dir).code).toBe(2);
  });
});
