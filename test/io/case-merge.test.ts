import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { calendarFor } from '../../lib/calendar/holidays.ts';
import { editCaseText, type CaseEdit } from '../../lib/cases/edit.ts';
import { checkCaseFile } from '../../lib/cases/validate.ts';
import { caseSchemaFor } from '../../schemas/case.ts';
import {
  caseMergeGitArgs,
  runCaseMergeDriver,
  MERGE_REPORT_ENV,
  MERGE_RESOLUTIONS_ENV,
  readMergeReport,
  writeMergeResolutions,
  type MergeReportLine,
} from '../../io/case-merge.ts';
import { ORG, ORG_TEXT } from '../helpers/fixtures.ts';

const CASE = 'cases/2026/K-2026-003.md';
const TEXT = `---
id: K-2026-003
organizer: anouk # verantwoordelijk
received: 2026-11-03
channel: form
status: open
complainant:
  name: Voorbeeld Klant
  email: klant@example.org
categories: [afspraken]
steps:
  - kind: information_given
    date: 2026-11-05
---

## Klacht

De opruimsessie werd twee keer afgezegd.

## Notities

`;

const roots: string[] = [];
afterAll(() => roots.forEach((d) => rmSync(d, { recursive: true, force: true })));

// Git as on a fresh machine: no global or system configuration, an identity, no prompts
const GIT_ENV = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.org',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.org',
  GIT_TERMINAL_PROMPT: '0',
  GIT_EDITOR: 'true',
};

const git = (cwd: string, args: string[], env: Record<string, string> = {}) => {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...GIT_ENV, ...env } });
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
};
const must = (cwd: string, args: string[]) => {
  const r = git(cwd, args);
  if (!r.ok) throw new Error(`git ${args.join(' ')}: ${r.out}`);
  return r.out.trim();
};

/** A bare remote with one case, and two clones of it: Anouk's and Bram's. */
function remoteAndClones() {
  const root = mkdtempSync(join(tmpdir(), 'klachten-merge-'));
  roots.push(root);
  const [remote, anouk, bram] = ['remote.git', 'anouk', 'bram'].map((d) => join(root, d)) as [string, string, string];
  must(root, ['init', '--quiet', '--bare', '-b', 'main', remote]);
  must(root, ['clone', '--quiet', remote, anouk]);
  mkdirSync(join(anouk, 'cases/2026'), { recursive: true });
  writeFileSync(join(anouk, 'organization.yml'), ORG_TEXT);
  writeFileSync(join(anouk, CASE), TEXT);
  must(anouk, ['add', '.']);
  must(anouk, ['commit', '--quiet', '-m', 'K-2026-003: geregistreerd']);
  must(anouk, ['push', '--quiet', '-u', 'origin', 'main']);
  must(root, ['clone', '--quiet', remote, bram]);
  return { root, anouk, bram };
}

/** Edit the case in a clone as the werkplek does (the yaml Document API) and commit it. */
function save(clone: string, message: string, ...edits: CaseEdit[]) {
  const r = editCaseText(readFileSync(join(clone, CASE), 'utf8'), edits);
  if (!r.ok) throw new Error(r.message);
  writeFileSync(join(clone, CASE), r.text);
  must(clone, ['commit', '--quiet', '-am', message]);
}

const STEP = { kind: 'complainant_heard', date: '2026-11-10' };
const response = (findings: string) => ({ date: '2026-11-20', findings });

/** Pull in `clone` with the driver on; the report's lines (a fresh report file per pull). */
function pull(clone: string, mode: '--no-rebase' | '--rebase', resolutions?: Record<string, Record<string, 'mine' | 'theirs' | 'both'>>) {
  const dir = mkdtempSync(join(tmpdir(), 'klachten-merge-report-'));
  roots.push(dir);
  const report = join(dir, 'report.jsonl');
  const env: Record<string, string> = { [MERGE_REPORT_ENV]: report };
  if (resolutions) writeMergeResolutions((env[MERGE_RESOLUTIONS_ENV] = join(dir, 'resolutions.json')), resolutions);
  const r = git(clone, [...caseMergeGitArgs(join(clone, 'organization.yml')), 'pull', '--quiet', '--no-edit', mode], env);
  // what Git and the driver print may reach a log: never a value of the case
  expect(r.out).not.toMatch(/Voorbeeld|klant@|Bevinding|opruimsessie/);
  return { ok: r.ok, report: readMergeReport(report) };
}

const caseIn = (clone: string) => readFileSync(join(clone, CASE), 'utf8');
const errors = (text: string) =>
  checkCaseFile({ path: CASE, text }, caseSchemaFor(ORG), ORG, calendarFor(ORG)).problems.filter((p) => p.severity === 'error');
const MARKERS = /^(<{7}|={7}|>{7})/m;
const clean = (clone: string) => must(clone, ['status', '--porcelain']) === '';

describe.each(['--no-rebase', '--rebase'] as const)('two organizers on one dossier: git pull %s with the case merge driver', (mode) => {
  it('merges edits of different fields: both present, the file valid, no markers, mine’s comment kept', () => {
    const { anouk, bram } = remoteAndClones();
    save(anouk, 'K-2026-003: klager gehoord (art. 5.2)', { op: 'append', path: ['steps'], value: STEP });
    must(anouk, ['push', '--quiet']);
    save(bram, 'K-2026-003: schriftelijke afhandeling (art. 4.6)', {
      op: 'set',
      path: ['response'],
      value: response('Twee keer afgezegd.'),
    });

    const r = pull(bram, mode);
    expect(r).toEqual({ ok: true, report: [] });
    const text = caseIn(bram);
    expect(text).toContain('  - kind: "complainant_heard"\n    date: 2026-11-10\n');
    expect(text).toContain('response:\n  date: 2026-11-20\n  findings: Twee keer afgezegd.\n');
    expect(text).toContain('organizer: anouk # verantwoordelijk\n');
    expect(text).not.toMatch(MARKERS);
    expect(errors(text)).toEqual([]);
    expect(clean(bram)).toBe(true);
    // the merged dossier is shared and reaches the other clone as is
    must(bram, ['push', '--quiet']);
    must(anouk, ['pull', '--quiet', '--ff-only']);
    expect(caseIn(anouk)).toBe(text);
  });

  it('stops on the same field changed differently, aborts cleanly, names file and field; completes with resolutions', () => {
    const { anouk, bram } = remoteAndClones();
    save(anouk, 'K-2026-003: schriftelijke afhandeling (art. 4.6)', {
      op: 'set',
      path: ['response'],
      value: response('Bevinding van Anouk.'),
    });
    must(anouk, ['push', '--quiet']);
    save(bram, 'K-2026-003: schriftelijke afhandeling (art. 4.6)', {
      op: 'set',
      path: ['response'],
      value: response('Bevinding van Bram.'),
    });
    const before = must(bram, ['rev-parse', 'HEAD']);
    const own = caseIn(bram);

    const r = pull(bram, mode);
    expect(r.ok).toBe(false);
    // "mine" is Bram's own version also when the rebase replays his commit onto Anouk's
    expect(r.report).toEqual([
      {
        path: CASE,
        conflicts: [
          { field: 'response.findings', base: undefined, mine: 'Bevinding van Bram.', theirs: 'Bevinding van Anouk.', freeText: true },
        ],
      },
    ] satisfies MergeReportLine[]);
    expect(caseIn(bram)).not.toMatch(MARKERS);
    must(bram, mode === '--rebase' ? ['rebase', '--abort'] : ['merge', '--abort']);
    expect(must(bram, ['rev-parse', 'HEAD'])).toBe(before);
    expect(caseIn(bram)).toBe(own);
    expect(clean(bram)).toBe(true);

    const done = pull(bram, mode, { [CASE]: { 'response.findings': 'both' } });
    expect(done).toEqual({ ok: true, report: [] });
    const text = caseIn(bram);
    expect(text).toContain('findings: |-\n    Bevinding van Bram.\n\n    Bevinding van Anouk.\n');
    expect(errors(text)).toEqual([]);
    expect(clean(bram)).toBe(true);
    must(bram, ['push', '--quiet']);
  });

  it('takes "mine" as the organizer’s own version when told so', () => {
    const { anouk, bram } = remoteAndClones();
    save(anouk, 'K-2026-003: ontvangst bevestigd', { op: 'set', path: ['acknowledged'], value: '2026-11-04' });
    must(anouk, ['push', '--quiet']);
    save(
      bram,
      'K-2026-003: ontvangst bevestigd',
      { op: 'set', path: ['acknowledged'], value: '2026-11-05' },
      { op: 'set', path: ['causes'], value: ['planning'] },
    );
    expect(pull(bram, mode).report.map((l) => l.conflicts.map((c) => [c.field, c.mine, c.theirs]))).toEqual([
      [['acknowledged', '2026-11-05', '2026-11-04']],
    ]);
    must(bram, mode === '--rebase' ? ['rebase', '--abort'] : ['merge', '--abort']);
    expect(pull(bram, mode, { [CASE]: { acknowledged: 'mine' } }).ok).toBe(true);
    expect(caseIn(bram)).toContain('acknowledged: 2026-11-05\n');
    expect(caseIn(bram)).toContain('causes:\n  - planning\n');
  });
});

describe('git rebase --apply (the older backend) with the case merge driver', () => {
  it('also reports from the organizer’s side', () => {
    const { anouk, bram } = remoteAndClones();
    save(anouk, 'K-2026-003: ontvangst bevestigd', { op: 'set', path: ['acknowledged'], value: '2026-11-04' });
    must(anouk, ['push', '--quiet']);
    save(bram, 'K-2026-003: ontvangst bevestigd', { op: 'set', path: ['acknowledged'], value: '2026-11-05' });
    must(bram, ['fetch', '--quiet']);
    const report = join(bram, '..', 'apply-report.jsonl');
    const r = git(bram, [...caseMergeGitArgs(join(bram, 'organization.yml')), 'rebase', '--apply', 'origin/main'], {
      [MERGE_REPORT_ENV]: report,
    });
    expect(r.ok).toBe(false);
    expect(readMergeReport(report).map((l) => l.conflicts.map((c) => [c.field, c.mine, c.theirs]))).toEqual([
      [['acknowledged', '2026-11-05', '2026-11-04']],
    ]);
    must(bram, ['rebase', '--abort']);
    expect(clean(bram)).toBe(true);
  });
});

describe('git am -3 (a patch applied onto her own work) with the case merge driver', () => {
  it('keeps her work as mine: am is no rebase', () => {
    const { root, anouk, bram } = remoteAndClones();
    save(anouk, 'K-2026-003: ontvangst bevestigd', { op: 'set', path: ['acknowledged'], value: '2026-11-04' });
    const patch = must(anouk, ['format-patch', '-1', '-o', root]);
    save(bram, 'K-2026-003: ontvangst bevestigd', { op: 'set', path: ['acknowledged'], value: '2026-11-05' });
    const report = join(root, 'am-report.jsonl');
    const r = git(bram, [...caseMergeGitArgs(join(bram, 'organization.yml')), 'am', '-3', patch], { [MERGE_REPORT_ENV]: report });
    expect(r.ok).toBe(false);
    expect(readMergeReport(report).map((l) => l.conflicts.map((c) => [c.field, c.mine, c.theirs]))).toEqual([
      [['acknowledged', '2026-11-05', '2026-11-04']],
    ]);
    must(bram, ['am', '--abort']);
    expect(clean(bram)).toBe(true);
  });
});

describe('the merge driver on bad input', () => {
  it('leaves a case that both sides added under one number to the organizer, without markers', () => {
    const { anouk, bram } = remoteAndClones();
    const other = 'cases/2026/K-2026-004.md';
    writeFileSync(join(anouk, other), TEXT.replace(/K-2026-003/g, 'K-2026-004'));
    must(anouk, ['add', '.']);
    must(anouk, ['commit', '--quiet', '-m', 'K-2026-004: geregistreerd']);
    must(anouk, ['push', '--quiet']);
    writeFileSync(join(bram, other), TEXT.replace(/K-2026-003/g, 'K-2026-004').replace('Voorbeeld Klant', 'Andere Klant'));
    must(bram, ['add', '.']);
    must(bram, ['commit', '--quiet', '-m', 'K-2026-004: geregistreerd']);
    const r = pull(bram, '--no-rebase');
    expect(r.ok).toBe(false);
    expect(r.report.map((l) => [l.path, l.conflicts.map((c) => c.field)])).toEqual([[other, ['(file)']]]);
    expect(readFileSync(join(bram, other), 'utf8')).toContain('Andere Klant');
    expect(readFileSync(join(bram, other), 'utf8')).not.toMatch(MARKERS);
    must(bram, ['merge', '--abort']);
    expect(clean(bram)).toBe(true);
  });

  it('refuses a malformed resolutions file with one line that names no case content, and merges nothing', () => {
    const { anouk, bram } = remoteAndClones();
    save(anouk, 'K-2026-003: a', { op: 'set', path: ['acknowledged'], value: '2026-11-04' });
    must(anouk, ['push', '--quiet']);
    save(bram, 'K-2026-003: b', { op: 'set', path: ['causes'], value: ['planning'] });
    const resolutions = join(bram, '..', 'bad.json');
    writeFileSync(resolutions, JSON.stringify({ [CASE]: { causes: 'alles' } }));
    const r = git(bram, [...caseMergeGitArgs(join(bram, 'organization.yml')), 'pull', '--no-rebase', '--no-edit'], {
      [MERGE_RESOLUTIONS_ENV]: resolutions,
    });
    expect(r.ok).toBe(false);
    expect(r.out).toContain('KLACHT_MERGE_RESOLUTIONS: the resolutions of cases/2026/K-2026-003.md are not field -> mine | theirs | both');
    expect(r.out).not.toMatch(/Voorbeeld|klant@/);
    expect(caseIn(bram)).not.toMatch(MARKERS);
    must(bram, ['merge', '--abort']);
  });
});

describe('runCaseMergeDriver', () => {
  const files = () => {
    const dir = mkdtempSync(join(tmpdir(), 'klachten-merge-driver-'));
    roots.push(dir);
    const [o, a, b] = ['O', 'A', 'B'].map((n) => join(dir, n)) as [string, string, string];
    writeFileSync(o, TEXT);
    writeFileSync(a, TEXT.replace('status: open', 'status: open\nacknowledged: 2026-11-04'));
    writeFileSync(b, TEXT.replace('categories: [afspraken]', 'categories: [afspraken, kosten]'));
    return { dir, o, a, b, report: join(dir, 'report.jsonl') };
  };

  it('merges into %A outside any repository (no rebase there), with organization.yml from the working folder', () => {
    const f = files();
    writeFileSync(join(f.dir, 'organization.yml'), ORG_TEXT);
    expect(runCaseMergeDriver([f.o, f.a, f.b, CASE], { [MERGE_REPORT_ENV]: f.report }, f.dir)).toBe(0);
    expect(readFileSync(f.a, 'utf8')).toContain('acknowledged: 2026-11-04\ncomplainant:');
    expect(readFileSync(f.a, 'utf8')).toContain('categories: [afspraken, kosten]');
    expect(readMergeReport(f.report)).toEqual([]);
  });

  it('without a readable organization.yml reports the whole file and leaves %A as it was', () => {
    const f = files();
    const before = readFileSync(f.a, 'utf8');
    expect(runCaseMergeDriver(['--config', join(f.dir, 'missing.yml'), f.o, f.a, f.b, CASE], { [MERGE_REPORT_ENV]: f.report }, f.dir)).toBe(
      1,
    );
    expect(readFileSync(f.a, 'utf8')).toBe(before);
    expect(readMergeReport(f.report).map((l) => [l.path, l.conflicts.map((c) => [c.field, c.message])])).toEqual([
      [CASE, [['(file)', expect.stringContaining('missing.yml is niet leesbaar')]]],
    ]);
  });

  it('answers 2 to a wrong command line', () => {
    const said = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(runCaseMergeDriver(['only-one'], {}, tmpdir())).toBe(2);
    expect(said).toHaveBeenCalledWith('usage: case-merge-driver.ts [--config organization.yml] %O %A %B %P');
    said.mockRestore();
  });
});
