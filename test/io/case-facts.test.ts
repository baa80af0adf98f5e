import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_DIR, blobId, intern, loadCaseFacts } from '../../io/case-facts.ts';
import { RECORDED } from '../../lib/cases/facts.ts';
import { caseData, caseText, tempProject } from '../helpers/fixtures.ts';
import { runScript } from '../helpers/run-script.ts';

// Every free text and every piece of personal data in a case carries "Kanarie": none may reach the cache
// or the records of loadCaseFacts (art. 4.4; the cache holds dates, keys, status and problems).
const CANARY = /kanarie/i;
const CANARY_CASE = caseText(
  caseData({
    id: 'K-2026-001',
    received: '2026-03-02',
    status: 'escalated',
    complainant: { name: 'Kanarie Klager', email: 'kanarie@example.org', phone: '06 Kanarie' },
    steps: [{ kind: 'complainant_heard', date: '2026-03-04', note: 'Kanarie belde over de buurvrouw.' }],
    response: {
      date: '2026-03-20',
      findings: 'Kanarie bevindingen.',
      conclusions: 'Kanarie conclusies.',
      mediation: 'Kanarie bemiddeling.',
    },
    escalation: { date: '2026-04-01', reference: 'SP-Kanarie-7' },
  }),
  'Kanarie klachttekst.\n',
);

const project = tempProject;

const cacheFiles = () => (existsSync(CACHE_DIR) ? readdirSync(CACHE_DIR).filter((f) => /^checks-.*\.json$/.test(f)) : []);
/** The cache file that names this cases folder. */
const cacheOf = (casesDir: string) =>
  cacheFiles()
    .map((f) => join(CACHE_DIR, f))
    .find((f) => {
      try {
        return readFileSync(f, 'utf8').startsWith(`{"casesDir":${JSON.stringify(casesDir)}`);
      } catch {
        return false;
      }
    });
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd, encoding: 'utf8' });

describe('loadCaseFacts: privacy of the cache', () => {
  it('keeps no personal data and no free text (notes, findings, conclusions, reference), in a file only its owner reads', async () => {
    const dir = await project({ 'cases/2026/K-2026-001.md': CANARY_CASE });
    const facts = await loadCaseFacts(join(dir, 'cases'), join(dir, 'organization.yml'));
    expect(facts.validation.errorCount).toBe(0);
    const data = facts.validation.cases[0]!.data;
    expect(JSON.stringify(facts)).not.toMatch(CANARY);
    // what commands need is still there: dates, keys, that findings and conclusions were written (art. 5.5)
    expect(data.steps).toEqual([{ kind: 'complainant_heard', date: '2026-03-04' }]);
    expect(data.response).toEqual({ date: '2026-03-20', findings: RECORDED, conclusions: RECORDED, mediation: RECORDED });
    expect(data.escalation).toEqual({ date: '2026-04-01' });
    const file = cacheOf(join(dir, 'cases'));
    expect(file).toBeDefined();
    expect(readFileSync(file!, 'utf8')).not.toMatch(CANARY);
    expect(statSync(file!).mode & 0o777).toBe(0o600);
  });

  it('keeps no reason for not escalating (free text, art. 4.7), only that one was recorded', async () => {
    const dir = await project({
      'cases/2026/K-2026-002.md': caseText(
        caseData({
          id: 'K-2026-002',
          status: 'resolved',
          response: { date: '2026-11-20', findings: 'Bevindingen.', conclusions: 'Conclusies.' },
          client_informed: '2026-11-03',
          satisfied: false,
          no_escalation_reason: 'Kanarie ziet af van voorleggen.',
        }),
      ),
    });
    const facts = await loadCaseFacts(join(dir, 'cases'), join(dir, 'organization.yml'));
    expect(facts.validation.problems).toEqual([]); // with the reason recorded: no art. 4.7 warning
    expect(facts.validation.cases[0]!.data.no_escalation_reason).toBe(RECORDED);
    expect(JSON.stringify(facts)).not.toMatch(CANARY);
    expect(readFileSync(cacheOf(join(dir, 'cases'))!, 'utf8')).not.toMatch(CANARY);
  });

  it('after retention --apply, nothing the retention removed is in the cache', async () => {
    // the same case six years earlier: past its retention period
    const dir = await project({ 'cases/2020/K-2020-001.md': CANARY_CASE.replace(/2026-/g, '2020-') });
    expect(runScript('validate', [], dir).code).toBe(0); // fills the cache
    const r = runScript('retention', ['--apply', '--today', '2026-11-24'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('K-2020-001');
    const file = cacheOf(join(dir, 'cases'));
    if (file) expect(readFileSync(file, 'utf8')).not.toMatch(CANARY);
    expect(runScript('validate', [], dir).code).toBe(0);
    expect(readFileSync(cacheOf(join(dir, 'cases'))!, 'utf8')).not.toMatch(CANARY);
  });

  it('removes the cache files of cases folders that no longer exist (temporary folders), and keeps the others', async () => {
    const gone = await project({ 'cases/2026/K-2026-001.md': caseText(caseData()) });
    const kept = await project({ 'cases/2026/K-2026-001.md': caseText(caseData()) });
    await loadCaseFacts(join(gone, 'cases'), join(gone, 'organization.yml'));
    await loadCaseFacts(join(kept, 'cases'), join(kept, 'organization.yml'));
    const goneFile = cacheOf(join(gone, 'cases'));
    expect(goneFile).toBeDefined();
    await rm(gone, { recursive: true, force: true });
    const other = await project({ 'cases/2026/K-2026-001.md': caseText(caseData()) });
    await loadCaseFacts(join(other, 'cases'), join(other, 'organization.yml')); // writes its cache, cleans up
    expect(existsSync(goneFile!)).toBe(false);
    expect(cacheOf(join(kept, 'cases'))).toBeDefined();
  });
});

describe('loadCaseFacts: the cache is keyed by Git blob ids', () => {
  it('computes the blob id Git does', async () => {
    const dir = await project({ 'cases/2026/K-2026-001.md': caseText(caseData()) });
    git(dir, 'init', '-q');
    git(dir, 'add', 'cases');
    const staged = git(dir, 'ls-files', '--stage', 'cases/2026/K-2026-001.md').split(' ')[1];
    expect(blobId(readFileSync(join(dir, 'cases/2026/K-2026-001.md')))).toBe(staged);
  });

  it('hits after a fresh checkout (new file times), and checks a changed file afresh', async () => {
    const origin = await project({
      'cases/2026/K-2026-001.md': caseText(caseData()),
      'cases/2026/K-2026-002.md': caseText(caseData({ id: 'K-2026-002' })),
    });
    git(origin, 'init', '-q');
    git(origin, 'add', '.');
    git(origin, 'commit', '-qm', 'cases');
    const work = join(origin, 'checkout');
    git(origin, 'clone', '-q', origin, work);
    const load = () => loadCaseFacts(join(work, 'cases'), join(work, 'organization.yml'));
    expect((await load()).cacheHits).toBe(0);
    // as in CI: the files are checked out anew, with new times (the folder stays: another test's cleanup
    // removes the cache of a folder that does not exist)
    for (const f of ['K-2026-001.md', 'K-2026-002.md']) await rm(join(work, 'cases/2026', f));
    git(work, 'checkout', '--', 'cases');
    const later = new Date(Date.now() + 60_000);
    for (const f of ['K-2026-001.md', 'K-2026-002.md']) utimesSync(join(work, 'cases/2026', f), later, later);
    const again = await load();
    expect([again.cacheHits, again.fileCount]).toEqual([2, 2]);
    // a file changed in the work tree (same size) is checked afresh
    const changed = join(work, 'cases/2026/K-2026-002.md');
    writeFileSync(changed, readFileSync(changed, 'utf8').replace('organizer: anouk', 'organizer: carla'));
    const third = await load();
    expect(third.cacheHits).toBe(1);
    expect(third.validation.problems.map((p) => `${p.file.replace(/^.*cases/, 'cases')}: ${p.field}`)).toEqual([
      'cases/2026/K-2026-002.md: organizer',
    ]);
  });

  it('gives from the cache exactly what a fresh check gives: records, errors, warnings, their lines', async () => {
    const dir = await project({
      'cases/2026/K-2026-001.md': CANARY_CASE,
      'cases/2026/K-2026-002.md': caseText(caseData({ id: 'K-2026-002', channel: 'oral' })), // a warning
      'cases/2026/K-2026-003.md': caseText(caseData({ id: 'K-2026-003', organizer: 'niemand' })), // an error
      'cases/2026/K-2026-004.md': caseText(caseData({ id: 'K-2026-003' })), // an id that is not its file name
    });
    git(dir, 'init', '-q');
    git(dir, 'add', 'cases');
    const load = (useCache: boolean) => loadCaseFacts(join(dir, 'cases'), join(dir, 'organization.yml'), useCache);
    const fresh = await load(false);
    expect(fresh.validation.errorCount).toBe(2);
    expect(fresh.validation.warningCount).toBeGreaterThan(0);
    const filled = await load(true);
    const cached = await load(true);
    expect([filled.cacheHits, cached.cacheHits]).toEqual([0, 4]);
    // as the commands print them: byte for byte
    expect(JSON.stringify(cached.validation)).toBe(JSON.stringify(fresh.validation));
    expect(JSON.stringify(filled.validation)).toBe(JSON.stringify(fresh.validation));
  });

  it('finds each cached check by its path when files were added and removed since', async () => {
    const dir = await project({
      'cases/2026/K-2026-002.md': caseText(caseData({ id: 'K-2026-002', channel: 'oral' })), // a warning
      'cases/2026/K-2026-003.md': caseText(caseData({ id: 'K-2026-003', organizer: 'niemand' })), // an error
      'cases/2026/K-2026-004.md': caseText(caseData({ id: 'K-2026-004' })),
    });
    git(dir, 'init', '-q');
    git(dir, 'add', 'cases');
    const load = (useCache: boolean) => loadCaseFacts(join(dir, 'cases'), join(dir, 'organization.yml'), useCache);
    expect((await load(true)).cacheHits).toBe(0);
    // one file before all others (every position shifts), one removed
    writeFileSync(join(dir, 'cases/2026/K-2026-001.md'), caseText(caseData({ id: 'K-2026-001' })));
    rmSync(join(dir, 'cases/2026/K-2026-004.md'));
    git(dir, 'add', '-A', 'cases');
    const after = await load(true);
    expect(after.cacheHits).toBe(2);
    expect(JSON.stringify(after.validation)).toBe(JSON.stringify((await load(false)).validation));
    expect((await load(true)).cacheHits).toBe(3);
  });

  it('with line ends converted by Git (autocrlf), keys by the blob id Git gives and hits', async () => {
    const dir = await project({ 'cases/2026/K-2026-001.md': caseText(caseData()).replaceAll('\n', '\r\n') });
    git(dir, 'init', '-q');
    git(dir, '-c', 'core.autocrlf=true', 'add', 'cases');
    git(dir, 'config', 'core.autocrlf', 'true');
    const load = () => loadCaseFacts(join(dir, 'cases'), join(dir, 'organization.yml'));
    expect((await load()).cacheHits).toBe(0);
    const again = await load();
    expect([again.cacheHits, again.validation.errorCount]).toEqual([1, 0]);
    // the key is Git's id of the stored (LF) blob, not the hash of the CRLF bytes in the work tree
    const staged = git(dir, 'ls-files', '--stage', 'cases/2026/K-2026-001.md').split(' ')[1];
    const { blobs } = JSON.parse(readFileSync(cacheOf(join(dir, 'cases'))!, 'utf8')) as { blobs: string[] };
    expect(blobs).toEqual([staged]);
    expect(staged).not.toBe(blobId(readFileSync(join(dir, 'cases/2026/K-2026-001.md'))));
  });

  it('takes no file in a merge conflict on Git’s word: it is read, and its conflict markers named', async () => {
    const dir = await project({ 'cases/2026/K-2026-001.md': caseText(caseData()) });
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'case');
    const file = join(dir, 'cases/2026/K-2026-001.md');
    const load = () => loadCaseFacts(join(dir, 'cases'), join(dir, 'organization.yml'));
    expect((await load()).cacheHits).toBe(0);
    git(dir, 'checkout', '-qb', 'other');
    writeFileSync(file, readFileSync(file, 'utf8').replace('organizer: anouk', 'organizer: bram'));
    git(dir, 'commit', '-qam', 'bram');
    git(dir, 'checkout', '-q', 'main');
    writeFileSync(file, readFileSync(file, 'utf8').replace('organizer: anouk', 'organizer: carla'));
    git(dir, 'commit', '-qam', 'carla');
    expect(() => git(dir, 'merge', '-q', 'other')).toThrow(); // stages 1, 2 and 3 in the index, markers in the file
    expect(git(dir, 'ls-files', '--stage', 'cases').trim().split('\n')).toHaveLength(3);
    const conflicted = await load();
    expect(conflicted.cacheHits).toBe(0);
    expect(conflicted.validation.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^Git-conflict/)]);
  });

  it('outside a Git work tree, hashes the files and still hits', async () => {
    const dir = await project({ 'cases/2026/K-2026-001.md': caseText(caseData()) });
    const load = () => loadCaseFacts(join(dir, 'cases'), join(dir, 'organization.yml'));
    expect((await load()).cacheHits).toBe(0);
    expect((await load()).cacheHits).toBe(1);
  });
});

describe('intern (the facts of many files keep each short string once)', () => {
  it('changes no value, and gives equal dates and keys of different cases one string', () => {
    const seen = new Map<string, string>();
    const copy = (s: string) => [...s].join(''); // an equal string, not the same one
    const a = intern(
      { id: 'K-2026-0001', received: copy('2026-03-02'), categories: [copy('kosten')], steps: [{ date: copy('2026-03-02') }] },
      seen,
    );
    const b = intern({ id: 'K-2026-0002', received: copy('2026-03-02'), categories: [copy('kosten')], steps: [], satisfied: true }, seen);
    expect(a).toEqual({ id: 'K-2026-0001', received: '2026-03-02', categories: ['kosten'], steps: [{ date: '2026-03-02' }] });
    expect(b).toEqual({ id: 'K-2026-0002', received: '2026-03-02', categories: ['kosten'], steps: [], satisfied: true });
    expect([...seen.keys()].sort()).toEqual(['2026-03-02', 'kosten']); // ids (longer) are left alone
  });
});

describe('loadCaseFacts: files that cannot be read as case files', () => {
  it('names a file saved as Latin-1 (not UTF-8) as an error, in Dutch', async () => {
    const dir = await project({});
    await mkdir(join(dir, 'cases/2026'), { recursive: true });
    // "é" as Latin-1: the single byte 0xE9
    await writeFile(
      join(dir, 'cases/2026/K-2026-001.md'),
      Buffer.from(caseText(caseData({ complainant: { name: 'Ren\u00e9' } })), 'latin1'),
    );
    for (const useCache of [true, true, false]) {
      const { validation } = await loadCaseFacts(join(dir, 'cases'), join(dir, 'organization.yml'), useCache);
      expect(validation.errorCount).toBe(1);
      expect(validation.problems[0]).toMatchObject({ line: 1, field: '(file)', severity: 'error' });
      expect(validation.problems[0]!.file).toMatch(/cases\/2026\/K-2026-001\.md$/);
      expect(validation.problems[0]!.message).toContain('is geen UTF-8 (opgeslagen als Latin-1?)');
    }
  });

  it('names organization.yml when it is not UTF-8', async () => {
    const dir = await project({});
    await writeFile(
      join(dir, 'organization.yml'),
      Buffer.from(readFileSync(join(dir, 'organization.yml'), 'utf8').replace('Organize4all', 'Organiz\u00e9'), 'latin1'),
    );
    const r = runScript('validate', [], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^organization\.yml:1: \(file\): is geen UTF-8 \(opgeslagen als Latin-1\?\)/m);
  });

  it('warns about a symbolic link named K-*.md and does not read it', async () => {
    const dir = await project({
      'cases/2026/K-2026-001.md': caseText(caseData()),
      'elsewhere/secret.md': caseText(caseData({ id: 'K-2026-002' })),
    });
    await symlink(join(dir, 'elsewhere/secret.md'), join(dir, 'cases/2026/K-2026-002.md'));
    const { validation, fileCount } = await loadCaseFacts(join(dir, 'cases'), join(dir, 'organization.yml'));
    expect(fileCount).toBe(1);
    expect(validation.cases.map((c) => c.data.id)).toEqual(['K-2026-001']);
    expect(validation.warningCount).toBe(1);
    expect(validation.problems[0]).toMatchObject({ field: '(file)', severity: 'warning' });
    expect(validation.problems[0]!.file).toMatch(/cases\/2026\/K-2026-002\.md$/);
    expect(validation.problems[0]!.message).toContain('symbolische koppeling');
  });
});

describe('loadCaseFiles (commands that need personal data)', () => {
  it('warns about a symbolic link named K-*.md, and stops on a file that is not UTF-8, naming it', async () => {
    const { loadCaseFiles } = await import('../../io/case-files.ts');
    const dir = await project({ 'cases/2026/K-2026-001.md': caseText(caseData()), 'elsewhere/x.md': 'x' });
    await symlink(join(dir, 'elsewhere/x.md'), join(dir, 'cases/2026/K-2026-002.md'));
    const warnings: string[] = [];
    const files = await loadCaseFiles(join(dir, 'cases'), (line) => warnings.push(line));
    expect(files.map((f) => f.path.replace(/^.*cases/, 'cases'))).toEqual(['cases/2026/K-2026-001.md']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/cases\/2026\/K-2026-002\.md:1: \(file\): waarschuwing: overgeslagen: dit is een symbolische koppeling/);
    await writeFile(join(dir, 'cases/2026/K-2026-003.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xe9, 0x0a]));
    await expect(loadCaseFiles(join(dir, 'cases'), () => {})).rejects.toMatchObject({
      problems: [expect.objectContaining({ message: expect.stringContaining('is geen UTF-8 (opgeslagen als Latin-1?)') })],
    });
  });
});

describe('the check cache during a test run', () => {
  it('lives in the run’s temporary folder, not in node_modules', () => {
    expect(CACHE_DIR).toMatch(/klachten-test-cache-/);
  });

  it('removes the cache file of a folder no check used for 30 days', async () => {
    const idle = await project({ 'cases/2026/K-2026-001.md': caseText(caseData()) });
    await loadCaseFacts(join(idle, 'cases'), join(idle, 'organization.yml'));
    const file = cacheOf(join(idle, 'cases'))!;
    const longAgo = new Date(Date.now() - 31 * 24 * 60 * 60 * 1000);
    utimesSync(file, longAgo, longAgo);
    const other = await project({ 'cases/2026/K-2026-001.md': caseText(caseData()) });
    await loadCaseFacts(join(other, 'cases'), join(other, 'organization.yml'));
    expect(existsSync(file)).toBe(false);
  });
});
