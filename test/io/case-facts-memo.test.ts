import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { caseFactsMemo, type CaseFactsMemo } from '../../io/case-facts-memo.ts';
import { loadCaseFacts } from '../../io/case-facts.ts';
import { caseData, caseText, tempProject } from '../helpers/fixtures.ts';

const TODAY = '2026-11-24';
const file = (id: string, overrides: Record<string, unknown> = {}) => caseText(caseData({ id, ...overrides }));

/** A project in Git with three open cases of 2026, the check cache filled as `npm run check` leaves it. */
async function project() {
  const dir = await tempProject({
    'cases/2026/K-2026-001.md': file('K-2026-001', { received: '2026-11-02' }),
    'cases/2026/K-2026-002.md': file('K-2026-002', { received: '2026-11-03' }),
    'cases/2026/K-2026-003.md': file('K-2026-003', { received: '2026-11-04' }),
  });
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: dir });
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'cases');
  await loadCaseFacts(join(dir, 'cases'), join(dir, 'organization.yml'));
  return dir;
}

const memos: CaseFactsMemo[] = [];
afterEach(() => {
  for (const m of memos.splice(0)) m.close();
});
const memoOf = (dir: string, today: () => string = () => TODAY) => {
  const m = caseFactsMemo({ cases: join(dir, 'cases'), config: join(dir, 'organization.yml'), today });
  memos.push(m);
  return m;
};
const ids = async (m: CaseFactsMemo) => (await m.overview()).rows.map((r) => `${r.id} ${r.status}`).sort();

describe('caseFactsMemo: the Overzicht from the check cache, kept while nothing changes', () => {
  it('answers the first Overzicht after npm run check from the cache, without zod or the YAML parsers', async () => {
    const dir = await project();
    // a process of its own, as the werkplek starts: which packages load, and how many files were checked afresh
    const script = join(dir, 'first.mjs');
    writeFileSync(
      script,
      `import { registerHooks } from 'node:module';
const packages = new Set();
registerHooks({ resolve(spec, ctx, next) { if (/^[a-z@]/.test(spec) && !spec.startsWith('node:')) packages.add(spec); return next(spec, ctx); } });
const { caseFactsMemo } = await import(${JSON.stringify(pathToFileURL(join(import.meta.dirname, '../../io/case-facts-memo.ts')).href)});
const memo = caseFactsMemo({ cases: 'cases', config: 'organization.yml', today: () => '${TODAY}' });
const facts = await memo.overview();
memo.close();
console.log(JSON.stringify({ packages: [...packages], loaded: facts.loaded, rows: facts.rows.length }));`,
    );
    const r = spawnSync(process.execPath, [script], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { packages: string[]; loaded: unknown; rows: number };
    expect(out.loaded).toEqual({ files: 3, fromCache: 3 });
    expect(out.rows).toBe(3);
    expect(out.packages.filter((p) => /^(zod|yaml|js-yaml|playwright-core)/.test(p))).toEqual([]);
  });

  it('lists every valid case most urgent first, the years, and the files with an error', async () => {
    const dir = await project();
    mkdirSync(join(dir, 'cases', '2025'));
    writeFileSync(join(dir, 'cases', '2025', 'K-2025-001.md'), file('K-2025-001', { received: '2025-12-01', status: 'onbekend' }));
    const facts = await memoOf(dir).overview();
    expect(facts.rows.map((r) => r.id)).toEqual(['K-2026-001', 'K-2026-002', 'K-2026-003']);
    expect(facts.years).toEqual(['2026']);
    expect(facts.invalid.map((p) => [p.file.replace(/\\/g, '/').replace(/^.*cases\//, ''), p.field])).toEqual([
      ['2025/K-2025-001.md', 'status'],
    ]);
    expect(facts.today).toBe(TODAY);
  });

  it('sees a case file changed outside (an editor) without loading every file again', async () => {
    const dir = await project();
    const memo = memoOf(dir);
    expect((await memo.overview()).loads).toBe(1);
    writeFileSync(
      join(dir, 'cases/2026/K-2026-002.md'),
      file('K-2026-002', { received: '2026-11-03', status: 'withdrawn', withdrawn_on: '2026-11-20' }),
    );
    await vi.waitFor(async () => expect(await ids(memo)).toContain('K-2026-002 withdrawn'));
    expect((await memo.overview()).loads).toBe(1);
    expect(await ids(memo)).toEqual(['K-2026-001 open', 'K-2026-002 withdrawn', 'K-2026-003 open']);
  });

  it('drops a removed case, and adds a new one in a new year folder', async () => {
    const dir = await project();
    const memo = memoOf(dir);
    await memo.overview();
    rmSync(join(dir, 'cases/2026/K-2026-003.md'));
    await vi.waitFor(async () => expect(await ids(memo)).toEqual(['K-2026-001 open', 'K-2026-002 open']));
    mkdirSync(join(dir, 'cases/2027'));
    writeFileSync(join(dir, 'cases/2027/K-2027-001.md'), file('K-2027-001', { received: '2027-01-05' }));
    await vi.waitFor(async () => expect(await ids(memo)).toContain('K-2027-001 open'));
    expect((await memo.overview()).years).toEqual(['2027', '2026']);
  });

  it('lists a case made invalid outside as an error, and as a row again once it is fixed', async () => {
    const dir = await project();
    const memo = memoOf(dir);
    await memo.overview();
    const path = join(dir, 'cases/2026/K-2026-001.md');
    const good = readFileSync(path, 'utf8');
    writeFileSync(path, good.replace('status: open', 'status: klaar'));
    await vi.waitFor(async () => expect((await memo.overview()).invalid.map((p) => p.field)).toEqual(['status']));
    expect(await ids(memo)).toEqual(['K-2026-002 open', 'K-2026-003 open']);
    writeFileSync(path, good);
    await vi.waitFor(async () => expect((await memo.overview()).invalid).toEqual([]));
    expect(await ids(memo)).toEqual(['K-2026-001 open', 'K-2026-002 open', 'K-2026-003 open']);
  });

  it.skipIf(process.platform === 'win32')('names a pipe put where a case goes among the errors, and never reads it', async () => {
    const dir = await project();
    const memo = memoOf(dir);
    await memo.overview();
    execFileSync('mkfifo', [join(dir, 'cases/2026/K-2026-005.md')]);
    // reading it would wait for a writer forever: the Overzicht answering at all shows it was not read
    await vi.waitFor(async () =>
      expect((await memo.overview()).invalid.map((p) => [p.file.replace(/\\/g, '/').replace(/^.*cases\//, ''), p.field])).toEqual([
        ['2026/K-2026-005.md', '(file)'],
      ]),
    );
    expect(await ids(memo)).toEqual(['K-2026-001 open', 'K-2026-002 open', 'K-2026-003 open']);
  });

  it('shows a file written here at once, before the watcher says so', async () => {
    const dir = await project();
    const memo = memoOf(dir);
    await memo.overview();
    const path = join(dir, 'cases/2026/K-2026-004.md');
    writeFileSync(path, file('K-2026-004', { received: '2026-11-05' }));
    memo.saved(path);
    expect(await ids(memo)).toContain('K-2026-004 open');
  });

  it('loads again when organization.yml changes, and on a new day', async () => {
    const dir = await project();
    let today = TODAY;
    const memo = memoOf(dir, () => today);
    const due = async () => (await memo.overview()).rows[0]!.due;
    const before = await due();
    const config = join(dir, 'organization.yml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/handling_workdays: \d+/, 'handling_workdays: 25'));
    expect(await due()).not.toBe(before);
    today = '2026-11-25';
    const facts = await memo.overview();
    expect(facts.today).toBe('2026-11-25');
    expect(facts.loads).toBe(3);
  });

  it('keeps answering from the files when the cases folder is replaced (no longer watched)', async () => {
    const dir = await project();
    const memo = memoOf(dir);
    await memo.overview();
    rmSync(join(dir, 'cases'), { recursive: true });
    mkdirSync(join(dir, 'cases/2026'), { recursive: true });
    writeFileSync(join(dir, 'cases/2026/K-2026-009.md'), file('K-2026-009'));
    await vi.waitFor(async () => expect(await ids(memo)).toEqual(['K-2026-009 open']));
    writeFileSync(join(dir, 'cases/2026/K-2026-010.md'), file('K-2026-010'));
    expect(await ids(memo)).toEqual(['K-2026-009 open', 'K-2026-010 open']);
  });
});
