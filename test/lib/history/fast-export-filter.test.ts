import { describe, expect, it } from 'vitest';
import { FastExportFilter, changedCommits, parseMarks, unquotePath } from '../../../lib/history/fast-export-filter.ts';
import { githubRepository, githubSupportRequest } from '../../../lib/history/github-support.ts';
import { erasureEntryText, parseErasureEntry } from '../../../lib/history/erasure-log.ts';
import { erasureInWords } from '../../../lib/cases/erasure-words.ts';
import { vocabulary } from '../../../lib/vocabulary/index.ts';

const OLD = 'a'.repeat(40);
const NEW = 'b'.repeat(40);
const OTHER = 'c'.repeat(40);
const message = 'K-2024-001: klager gehoord (art. 5.2)\nM 100644 fake line inside a message\n';

// a fast-export --no-data --show-original-ids stream: two commits, a tag, a message that looks like a command
const STREAM = [
  'feature done',
  'reset refs/heads/main',
  'commit refs/heads/main',
  'mark :1',
  `original-oid ${'1'.repeat(40)}`,
  'author A <a@x> 1 +0000',
  'committer A <a@x> 1 +0000',
  `data ${Buffer.byteLength(message)}`,
  `${message}M 100644 ${OLD} cases/2024/K-2024-001.md`,
  `M 100644 ${OTHER} cases/2026/K-2026-001.md`,
  `M 100644 ${OTHER} cases/2024/K-2024-001/brief.txt`,
  `M 100644 ${OTHER} "cases/2024/K-2024-001/\\303\\251\\"n.txt"`,
  '',
  'commit refs/heads/main',
  'mark :2',
  `original-oid ${'2'.repeat(40)}`,
  'author A <a@x> 2 +0000',
  'committer A <a@x> 2 +0000',
  'data 3',
  'twoM 100644 ' + OTHER + ' cases/2024/K-2024-001.md',
  'from :1',
  'D cases/2024/K-2024-001/brief.txt',
  '',
  'done',
  '',
].join('\n');

const rules = { replace: new Map([['cases/2024/K-2024-001.md', NEW]]), drop: ['cases/2024/K-2024-001/'] };

describe('FastExportFilter', () => {
  it('points every version of the erased file at the new blob, leaves out its attachments, copies messages as bytes', () => {
    const f = new FastExportFilter(rules);
    const out = Buffer.concat([f.write(Buffer.from(STREAM)), f.end()]).toString();
    expect(out).toContain(message); // the message, with its look-alike line, untouched
    expect(out).toContain(`M 100644 ${NEW} cases/2024/K-2024-001.md`);
    expect(out).not.toContain(`M 100644 ${OLD} cases/2024/K-2024-001.md`);
    expect(out).toContain(`M 100644 ${OTHER} cases/2026/K-2026-001.md`); // another case: its blob id as it was
    expect(out).not.toContain('K-2024-001/');
    expect(f.report.dropped).toBe(2);
    expect([...f.report.replacedVersions.get('cases/2024/K-2024-001.md')!].sort()).toEqual([OLD, OTHER]);
    expect(f.report.commits).toEqual(
      new Map([
        [':1', '1'.repeat(40)],
        [':2', '2'.repeat(40)],
      ]),
    );
    expect(f.report.parents.get(':2')).toEqual([':1']);
  });

  it('gives the same output whatever the chunks (a data block or a line split anywhere)', () => {
    const whole = (() => {
      const f = new FastExportFilter(rules);
      return Buffer.concat([f.write(Buffer.from(STREAM)), f.end()]).toString();
    })();
    for (const size of [1, 7, 64]) {
      const f = new FastExportFilter(rules);
      const bytes = Buffer.from(STREAM);
      const parts: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += size) parts.push(f.write(bytes.subarray(i, i + size)));
      parts.push(f.end());
      expect(Buffer.concat(parts).toString()).toBe(whole);
    }
  });

  it('reads C-quoted paths', () => {
    expect(unquotePath('"a\\303\\251\\"b\\\\c"')).toBe('aé"b\\c');
    expect(unquotePath('plain/path.md')).toBe('plain/path.md');
  });

  it('names the changed commits and the first of them from the marks', () => {
    const f = new FastExportFilter(rules);
    f.write(Buffer.from(STREAM));
    const marks = parseMarks(`:1 ${'9'.repeat(40)}\n:2 ${'8'.repeat(40)}\n`);
    const { changed, first } = changedCommits(f.report, marks);
    expect(changed.size).toBe(2);
    expect(first).toEqual(['1'.repeat(40)]);
  });
});

describe('the erasure log and the request to GitHub Support', () => {
  it('an entry reads back, and a file that is no entry is ignored', () => {
    const e = { date: '2026-12-06', case: 'K-2024-001', reason: 'request' as const, by: 'anouk', file: '2024/K-2024-001.md' };
    expect(parseErasureEntry(erasureEntryText(e))).toEqual(e);
    expect(parseErasureEntry('file: ../../etc/passwd\nreason: request\n')).toBeUndefined();
    expect(parseErasureEntry('not: [yaml')).toBeUndefined();
  });

  it('names the repository and the old commits, never a token in the address', () => {
    expect(githubRepository('https://x-access-token:ghs_secret@github.com/organize4all/klachten.git')).toBe('organize4all/klachten');
    expect(githubRepository('git@github.com:organize4all/klachten.git')).toBe('organize4all/klachten');
    expect(githubRepository('/tmp/remote.git')).toBeUndefined();
    const text = githubSupportRequest({
      repository: 'organize4all/klachten',
      date: '2026-12-06',
      reasons: ['request'],
      first: [OLD],
      pushed: [{ branch: 'main', old: OLD, new: NEW }],
    });
    expect(text).toContain('organize4all/klachten');
    expect(text).toContain(`- main: ${OLD} -> ${NEW}`);
    expect(text).toContain('art. 17 GDPR');
    expect(text).not.toContain('ghs_secret');
  });
});

describe('the preview in words', () => {
  const nl = vocabulary('nl');
  it('says what goes, never a field path or a template comment', () => {
    const removed = [
      'complainant.name',
      'complainant.address',
      'complainant.representative.name',
      'steps.0.note',
      'steps.2.note',
      'steps.3.note',
      'response.findings',
      'response.conclusions',
      'comment (line 28)',
      'comment (line 29)',
      'body (4 lines of complaint text and notes)',
    ];
    const words = erasureInWords({ removed, ownComments: 0 }, { versions: 4, attachments: 2, shared: true }, nl);
    expect(words).toEqual([
      'naam en adres van de klager',
      'naam en contactgegevens van de vertegenwoordiger',
      'de tekst van de klacht en de notities',
      'de aantekeningen bij 3 stappen',
      'de bevindingen en conclusies van de afhandeling (in de plaats komt "verwijderd op …")',
      '2 bijlagen',
      '4 eerdere versies in de geschiedenis',
      'ook op de gedeelde opslag en, bij de volgende synchronisatie, op de andere computers',
    ]);
    expect(words.join(' ')).not.toMatch(/complainant|response\.|regel \d|#/);
    expect(erasureInWords({ removed: ['complainant.name', 'complainant.email'], ownComments: 0 }, undefined, nl)).toEqual([
      'naam en e-mailadres van de klager',
    ]);
    expect(erasureInWords({ removed: ['comment (line 3)'], ownComments: 1 }, { versions: 0, attachments: 0, shared: false }, nl)).toEqual([
      '1 eigen opmerking in het dossierbestand',
      'alleen op deze computer: er is geen gedeelde opslag ingesteld',
    ]);
  });
});

describe('the help lines of a new case are no own comments', () => {
  it('a new case file with the template comments and one own comment counts one', async () => {
    const { newCaseFileText } = await import('../../../lib/cases/new-case.ts');
    const { anonymizeCaseText } = await import('../../../lib/cases/anonymize.ts');
    const text = newCaseFileText(
      'K-2026-004',
      { organizer: 'anouk', received: '2026-11-02', channel: 'email', name: 'Fictief', categories: ['communicatie'] } as never,
      { escalation: { name: 'de Klachtencommissie van Solopartners' } },
    ).replace('status: open', 'status: open # belde boos');
    const a = anonymizeCaseText(text, '2026-12-06', 'request');
    expect(a.removed.filter((r) => r.startsWith('comment')).length).toBe(8);
    expect(a.ownComments).toBe(1);
    expect(a.text).toContain('verwijderd op 2026-12-06 op verzoek van de betrokkene (art. 17 AVG)');
  });
});
