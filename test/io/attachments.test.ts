// Attachments beside a case file (cases/<year>/<id>/): skipped by the loaders, listed, added through the action
// layer with a commit, and removed (with the removal committed) by retention and erasure on request.
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { accessRequest } from '../../actions/access-request.ts';
import { addAttachments } from '../../actions/attachments.ts';
import { retention } from '../../actions/retention.ts';
import { workspace } from '../../actions/workspace.ts';
import { attachmentKey, listAttachments, readAttachment } from '../../io/attachments.ts';
import { loadCaseFacts } from '../../io/case-facts.ts';
import { loadCaseFiles } from '../../io/case-files.ts';
import { listCaseFiles } from '../../io/files.ts';
import { Sharing } from '../../io/sharing.ts';
import { caseData, caseText, ORG, ORG_TEXT } from '../helpers/fixtures.ts';
import { git, makeRemote } from '../helpers/git-repos.ts';

const CLOSED = caseData({
  id: 'K-2020-001',
  received: '2020-01-06',
  status: 'resolved',
  complainant: { name: 'Oude Klant', email: 'oud@example.org' },
  response: { date: '2020-01-20', findings: 'Bevindingen.', conclusions: 'Conclusies.' },
});
const OPEN = caseData({ id: 'K-2026-001', complainant: { name: 'Marieke de Vries', email: 'marieke@example.org' } });

const repos = makeRemote({
  'organization.yml': ORG_TEXT,
  'cases/2020/K-2020-001.md': caseText(CLOSED),
  'cases/2020/K-2021-002.md': caseText(
    caseData({ ...CLOSED, id: 'K-2021-002', received: '2021-01-04', response: { date: '2021-01-18', findings: 'B.', conclusions: 'C.' } }),
  ),
  'cases/2026/K-2026-001.md': caseText(OPEN),
});
afterAll(() => repos.remove());
const dir = repos.clone('a', 'Bram de Wit');
const cases = join(dir, 'cases');
const ws = (today = '2026-12-06') =>
  workspace(cases, ORG, today, new Sharing({ cases, config: join(dir, 'organization.yml'), autoShare: false }));
const pdf = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
const tracked = (path: string) => git(dir, 'ls-files', '--', path).split('\n').filter(Boolean);

describe('attachments through the action layer', () => {
  it('keeps files under safe, unique names and commits them, naming no file', async () => {
    const r = await addAttachments(ws(), 'K-2026-001', [
      { name: 'factuur.pdf', bytes: pdf },
      { name: '../factuur.pdf', bytes: pdf },
      { name: '', type: 'image/jpeg', bytes: new Uint8Array([0xff, 0xd8]) },
    ]);
    expect(r).toMatchObject({ kind: 'saved', names: ['factuur.pdf', 'factuur (2).pdf', 'bijlage.jpg'], commit: { kind: 'committed' } });
    expect(tracked('cases/2026/K-2026-001')).toEqual([
      'cases/2026/K-2026-001/bijlage.jpg',
      'cases/2026/K-2026-001/factuur (2).pdf',
      'cases/2026/K-2026-001/factuur.pdf',
    ]);
    expect(git(dir, 'log', '-1', '--format=%s')).toBe('K-2026-001: 3 bijlagen toegevoegd (art. 4.5)');
  });

  it('refuses a file over 10 MB in Dutch and writes nothing', async () => {
    const r = await addAttachments(ws(), 'K-2026-001', [{ name: 'groot.pdf', bytes: new Uint8Array(10 * 1024 * 1024 + 1) }]);
    expect(r).toEqual({
      kind: 'too-large',
      messages: [expect.stringMatching(/^groot\.pdf is te groot \(10,0 MB\): een bijlage mag hoogstens 10 MB zijn/)],
    });
    expect(existsSync(join(cases, '2026', 'K-2026-001', 'groot.pdf'))).toBe(false);
  });

  it('lists only the regular files of the case folder: no dot-file, folder or symbolic link', () => {
    const folder = join(cases, '2026', 'K-2026-001');
    writeFileSync(join(folder, '.tijdelijk.tmp'), 'x');
    mkdirSync(join(folder, 'map'), { recursive: true });
    symlinkSync(join(dir, 'organization.yml'), join(folder, 'koppeling.yml'));
    const file = join(cases, '2026', 'K-2026-001.md');
    expect(listAttachments(file).map((a) => a.name)).toEqual(['bijlage.jpg', 'factuur (2).pdf', 'factuur.pdf']);
    expect(readAttachment(file, attachmentKey('factuur.pdf'))?.bytes.toString()).toBe('%PDF-1.4\n%%EOF\n');
    expect(readAttachment(file, attachmentKey('koppeling.yml'))).toBeUndefined();
    expect(readAttachment(file, attachmentKey('../K-2026-001.md'))).toBeUndefined();
  });

  it('the loaders and the check skip the folder, even a file in it named like a case', async () => {
    writeFileSync(join(cases, '2026', 'K-2026-001', 'K-2026-009.md'), 'geen dossier');
    expect(listCaseFiles(cases).names).toEqual(['2020/K-2020-001.md', '2020/K-2021-002.md', '2026/K-2026-001.md']);
    expect((await loadCaseFiles(cases)).map((f) => f.path.replace(/^.*cases\//, ''))).toEqual([
      '2020/K-2020-001.md',
      '2020/K-2021-002.md',
      '2026/K-2026-001.md',
    ]);
    const facts = await loadCaseFacts(cases, join(dir, 'organization.yml'), false);
    expect(facts.validation.errorCount).toBe(0);
  });

  it('the access export names them and hands them over to copy', async () => {
    const r = await accessRequest(ws(), { email: 'marieke@example.org' }, { documentsDir: join(dir, 'documents') });
    if (r.kind !== 'found') throw new Error(r.kind);
    expect(r.export.dossiers[0]!.bijlagen).toEqual(['bijlage.jpg', 'factuur (2).pdf', 'factuur.pdf', 'K-2026-009.md']);
    expect(r.attachments.map((a) => [a.id, a.files.length])).toEqual([['K-2026-001', 4]]);
    expect(r.html).toContain('K-2026-001: factuur.pdf');
  });
});

describe('retention and erasure remove the attachment folder', () => {
  it('retention: the dry run names the attachments, the run removes the folder and commits the removal', async () => {
    await addAttachments(ws(), 'K-2020-001', [{ name: 'oude-factuur.pdf', bytes: pdf }]);
    expect(tracked('cases/2020/K-2020-001')).toEqual(['cases/2020/K-2020-001/oude-factuur.pdf']);
    const planned = await retention(ws('2026-12-06'), { apply: false });
    expect(planned.kind === 'planned' && planned.reach.get('K-2020-001')?.attachments).toBe(1);
    expect(existsSync(join(cases, '2020', 'K-2020-001'))).toBe(true); // a dry run changes nothing
    const applied = await retention(ws('2026-12-06'), { apply: true });
    if (applied.kind !== 'applied') throw new Error(applied.kind);
    await applied.history; // the history rewrite and its prune end before the next test writes to this repository
    expect(existsSync(join(cases, '2020', 'K-2020-001'))).toBe(false);
    expect(tracked('cases/2020/K-2020-001')).toEqual([]);
    expect(git(dir, 'status', '--porcelain', '--', 'cases/2020')).toBe('');
  });

  it('erasure on request: the same, for one case', async () => {
    await addAttachments(ws(), 'K-2026-001', [{ name: 'nog een.pdf', bytes: pdf }]);
    const before = tracked('cases/2026/K-2026-001').length;
    expect(before).toBeGreaterThan(0);
    // close it first: an open case is never erased
    const { changeCase } = await import('../../actions/change-case.ts');
    await changeCase(ws(), 'K-2026-001', () => ({
      message: 'ingetrokken',
      edits: [
        { op: 'set', path: ['status'], value: 'withdrawn' },
        { op: 'set', path: ['withdrawn_on'], value: '2026-12-01' },
      ],
    }));
    const r = await retention(ws(), { caseId: 'K-2026-001', apply: true });
    if (r.kind !== 'applied') throw new Error(r.kind);
    await r.history; // the old versions leave the history too (actions/retention.ts, io/erasure.ts)
    expect(existsSync(join(cases, '2026', 'K-2026-001'))).toBe(false);
    expect(tracked('cases/2026/K-2026-001')).toEqual([]);
    expect(git(dir, 'log', '-1', '--format=%s')).toBe('K-2026-001: persoonsgegevens verwijderd op verzoek (AVG art. 17)');
    // no commit of any branch ever held the folder now
    expect(git(dir, 'log', '--all', '--format=%h', '--', 'cases/2026/K-2026-001/')).toBe('');
  });

  it('an attachment folder Git never knew is removed without a failed commit', async () => {
    const withdrawn = caseData({ id: 'K-2026-002', status: 'withdrawn', withdrawn_on: '2026-11-20' });
    writeFileSync(join(cases, '2026', 'K-2026-002.md'), caseText(withdrawn));
    git(dir, 'add', 'cases/2026/K-2026-002.md');
    git(dir, 'commit', '--quiet', '-m', 'K-2026-002: klacht geregistreerd (art. 4.5)');
    mkdirSync(join(cases, '2026', 'K-2026-002'), { recursive: true });
    writeFileSync(join(cases, '2026', 'K-2026-002', 'los.pdf'), 'niet in Git');
    const r = await retention(ws(), { caseId: 'K-2026-002', apply: true });
    expect(r).toMatchObject({ kind: 'applied', commits: [{ kind: 'committed' }] });
    if (r.kind === 'applied') await r.history;
    expect(existsSync(join(cases, '2026', 'K-2026-002'))).toBe(false);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });
});
