import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseFactsMemo } from '../../io/case-facts-memo.ts';
import { caseTextIndex } from '../../io/case-text-index.ts';
import { parseQuery } from '../../lib/cases/search.ts';
import { caseData, caseText, tempProject } from '../helpers/fixtures.ts';

const q = (words: string) => parseQuery(words)!;

describe('the text index of a cases folder (memory only)', () => {
  it('finds cases as their files are now: a changed, a new and a removed file', async () => {
    const dir = await tempProject({
      'cases/2026/K-2026-001.md': caseText(
        caseData({ complainant: { name: 'Anna de Vries', phone: '06-11112222' } }),
        '## Klacht\n\nLekkage.\n',
      ),
      'cases/ergens/K-2026-002.md': caseText(caseData({ id: 'K-2026-002' }), '## Klacht\n\nOnderwerp: Factuur\n\nTe hoog.\n'),
    });
    const cases = join(dir, 'cases');
    const index = caseTextIndex(cases);
    expect([...(await index.search(q('vries')))]).toEqual(['K-2026-001']);
    expect([...(await index.search(q('+31 6 1111 2222')))]).toEqual(['K-2026-001']);
    expect([...(await index.search(q('te hoog')))]).toEqual(['K-2026-002']);
    // a save writes a new file and renames it over the old one
    const file = join(cases, '2026/K-2026-001.md');
    writeFileSync(`${file}.tmp`, caseText(caseData({ complainant: { name: 'Anna Bakker' } }), '## Klacht\n\nLekkage.\n'));
    renameSync(`${file}.tmp`, file);
    expect([...(await index.search(q('vries')))]).toEqual([]);
    expect([...(await index.search(q('bakker')))]).toEqual(['K-2026-001']);
    writeFileSync(join(cases, '2026/K-2026-003.md'), caseText(caseData({ id: 'K-2026-003', complainant: { name: 'Cas Bakker' } })));
    expect([...(await index.search(q('bakker')))].sort()).toEqual(['K-2026-001', 'K-2026-003']);
    rmSync(file);
    expect([...(await index.search(q('bakker')))]).toEqual(['K-2026-003']);
  });

  it('gives the subjects of the cases asked for, also of a file outside its year folder once a search found it', async () => {
    const dir = await tempProject({
      'cases/2026/K-2026-001.md': caseText(caseData(), '## Klacht\n\nDe planning klopte niet.\n'),
      'cases/ergens/K-2026-002.md': caseText(caseData({ id: 'K-2026-002' }), '## Klacht\n\nOnderwerp: Factuur\n\nTe hoog.\n'),
    });
    const index = caseTextIndex(join(dir, 'cases'));
    expect(index.subjects(['K-2026-001', 'K-2026-002', 'K-2026-009'])).toEqual(new Map([['K-2026-001', 'De planning klopte niet.']]));
    await index.search(q('factuur'));
    expect(index.subjects(['K-2026-002'])).toEqual(new Map([['K-2026-002', 'Factuur']]));
  });
});

describe('the text index beside the Overzicht’s watcher', () => {
  it('looks again at the files the watcher names, and at every file when anything may have changed', async () => {
    const dir = await tempProject({ 'cases/2026/K-2026-001.md': caseText(caseData({ complainant: { name: 'Anna de Vries' } })) });
    const cases = join(dir, 'cases');
    const memo = caseFactsMemo({ cases, config: join(dir, 'organization.yml') });
    try {
      const index = caseTextIndex(cases, memo);
      expect(memo.watching()).toBe(true);
      expect([...(await index.search(q('vries')))]).toEqual(['K-2026-001']);
      const named = new Promise<void>((done) => memo.listen((name) => name?.endsWith('K-2026-002.md') && done()));
      writeFileSync(join(cases, '2026/K-2026-002.md'), caseText(caseData({ id: 'K-2026-002', complainant: { name: 'Bea de Vries' } })));
      await named;
      expect([...(await index.search(q('vries')))].sort()).toEqual(['K-2026-001', 'K-2026-002']);
      // a pull: the werkplek says anything may have changed
      writeFileSync(join(cases, '2026/K-2026-001.md'), caseText(caseData({ complainant: { name: 'Anna Bakker' } })));
      memo.changed();
      expect([...(await index.search(q('vries')))]).toEqual(['K-2026-002']);
    } finally {
      memo.close();
    }
  });
});
