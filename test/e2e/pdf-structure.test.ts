// What a screen reader and a printer get from the PDFs (io/chromium.ts PDF_OPTIONS): every document kind is a tagged
// PDF (a structure tree, the language Dutch) with an outline, and a letter's closing and signature never stand alone
// on a page however long the letter grows. Checked with poppler (pdfinfo, pdftotext), as .ci/run installs it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { htmlToPdf } from '../../io/chromium.ts';
import { calendarFor } from '../../lib/calendar/holidays.ts';
import { parseCaseFile, type CaseRecord } from '../../lib/cases/case-file.ts';
import { DOCUMENT_KINDS } from '../../lib/documents/kinds.ts';
import { parseOrganization } from '../../lib/organization/organization.ts';
import { caseSchemaFor } from '../../schemas/case.ts';
import { connectBrowser } from '../../tools/browser.ts';
import { ROOT, caseText, resolvedCase, type CaseLiteral } from '../helpers/temp-project.ts';

const org = parseOrganization('organization.yml', readFileSync(join(ROOT, 'organization.yml'), 'utf8'));
const cal = calendarFor(org);
const templates = Object.fromEntries(
  readdirSync(join(ROOT, 'templates'))
    .filter((f) => f.endsWith('.html'))
    .map((f) => [f, readFileSync(join(ROOT, 'templates', f), 'utf8')]),
);
const record = (literal: CaseLiteral): CaseRecord => {
  const { record, problems } = parseCaseFile(`${literal.id}.md`, caseText(literal), caseSchemaFor(org));
  if (!record) throw new Error(problems.map((p) => `${p.field}: ${p.message}`).join('\n'));
  return record;
};
const made = (kind: (typeof DOCUMENT_KINDS)[number], r: CaseRecord) => {
  const m = kind.make({ record: r, org, cal, today: '2026-12-06', templates });
  if (!m.ok) throw new Error(`${kind.key}: ${m.missing.join(', ')}`);
  return m.html;
};

const poppler = (tool: string, args: string[]) => {
  const r = spawnSync(tool, args, { encoding: 'utf8' });
  if (r.error) throw new Error(`${tool} is needed for this test (apt-get install poppler-utils): ${r.error.message}`);
  return r;
};
/** The text of each page, by pdftotext (pages end in a form feed). */
const pagesOf = (file: string): string[] => poppler('pdftotext', ['-layout', file, '-']).stdout.split('\f').slice(0, -1);

let browser: Awaited<ReturnType<typeof connectBrowser>>;
const dir = mkdtempSync(join(tmpdir(), 'pdf-structure-'));
beforeAll(async () => {
  browser = await connectBrowser(inject('browserEndpoint'));
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});
const print = async (name: string, html: string) => {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, await htmlToPdf(browser.context, html));
  return file;
};

describe('every document is a tagged PDF in Dutch with an outline', () => {
  // escalated after a response: every kind applies (the oral confirmation too)
  const escalated = record(
    resolvedCase({
      id: 'K-2026-013',
      received: '2026-05-04',
      assignment_completed: '2026-04-17',
      channel: 'oral',
      written_confirmation: '2026-05-06',
      acknowledged: '2026-05-05',
      client_informed: '2026-03-02',
      status: 'escalated',
      satisfied: false,
      steps: [
        { kind: 'information_given', date: '2026-05-07' },
        { kind: 'complainant_heard', date: '2026-05-11' },
      ],
      improvements: [],
      response: { date: '2026-05-29', findings: 'Op 2 april zijn twee dozen weggegooid.', conclusions: 'Uw klacht is deels gegrond.' },
      escalation: { date: '2026-06-08', reference: 'SP-2026-0142' },
      body: '## Klacht\n\nTwee dozen weg.\n\n## Klacht zoals bevestigd\n\nEr zijn twee dozen weggegooid.\n',
    }),
  );

  it.each(DOCUMENT_KINDS.map((k) => [k.key, k] as const))('%s', async (key, kind) => {
    const file = await print(key, made(kind, escalated));
    const raw = readFileSync(file).toString('latin1');
    // the catalog: marked content, a structure tree, the document's language and an outline
    expect(raw).toMatch(/\/MarkInfo\s*<<\s*\/Type \/MarkInfo\s*\/Marked true>>/);
    expect(raw).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(raw).toMatch(/\/Lang \(nl\)/);
    expect(raw).toMatch(/\/Type \/Outlines\s*\/First \d+ 0 R/);
    const info = poppler('pdfinfo', [file]).stdout;
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Page size:\s+594\.96 x 841\.92 pts \(A4\)$/m);
    // the structure a screen reader follows: headings and paragraphs, not one flat run of text
    const tree = poppler('pdfinfo', ['-struct', file]).stdout;
    expect(tree).toMatch(/^Document$/m);
    expect(tree).toMatch(/^\s+H[12] \(block\)$/m);
    expect(tree).toMatch(/^\s+P \(block\)$/m);
  });

  it('the outline names the letter’s sections', async () => {
    const letter = DOCUMENT_KINDS.find((k) => k.key === 'antwoordbrief')!;
    const raw = readFileSync(await print('antwoordbrief-outline', made(letter, escalated))).toString('latin1');
    const titles = [...raw.matchAll(/\/Title \(([^)]*)\)/g)].map((m) => m[1]);
    expect(titles).toEqual(expect.arrayContaining(['Wat ik heb uitgezocht', 'Mijn conclusie', 'Bent u niet tevreden?']));
  });
});

describe('the signature never stands alone on a page', () => {
  // Findings of n lines push the closing across the end of page 2. The window starts where the letter first
  // takes three pages (found by halving) and covers the signature block's height after it: without the CSS rule
  // (lib/documents/html.ts, .signature) some of these put the closing and name alone at the top of page 3.
  const letterWith = (lines: number) =>
    made(
      DOCUMENT_KINDS.find((k) => k.key === 'antwoordbrief')!,
      record(
        resolvedCase({
          id: 'K-2026-020',
          received: '2026-11-02',
          assignment_completed: '2026-10-20',
          acknowledged: '2026-11-03',
          client_informed: '2026-03-02',
          steps: [{ kind: 'complainant_heard', date: '2026-11-05' }],
          improvements: [],
          response: {
            date: '2026-11-20',
            findings: Array.from({ length: lines }, (_, i) => `Regel ${i + 1}: op deze dag is het werk gedaan zoals afgesproken.`).join(
              '\n',
            ),
            conclusions: 'Uw klacht is gegrond.',
          },
        }),
      ),
    );
  const rendered = new Map<number, string[]>();
  const pages = async (lines: number) => {
    if (!rendered.has(lines)) rendered.set(lines, pagesOf(await print(`lang-${lines}`, letterWith(lines))));
    return rendered.get(lines)!;
  };

  it('with text of the letter above the closing, for every length around a page end', async () => {
    let [short, long] = [20, 80]; // two pages, more than two
    expect((await pages(short)).length).toBe(2);
    expect((await pages(long)).length).toBeGreaterThan(2);
    while (long - short > 1) {
      const mid = Math.floor((short + long) / 2);
      if ((await pages(mid)).length > 2) long = mid;
      else short = mid;
    }
    for (let lines = long; lines < long + 10; lines++) {
      const all = await pages(lines);
      const at = all.findIndex((p) => p.includes('Met vriendelijke groet'));
      const page = all[at]!;
      expect(page, `${lines} lines`).toContain('Anouk Jansen'); // the name stays with the closing
      const above = page.slice(0, page.indexOf('Zo staat het in de klachtenregeling')).replace(/\s+/g, ' ').trim();
      expect(above.split(' ').length, `${lines} lines, page ${at + 1}: "${above}"`).toBeGreaterThan(8);
    }
  });
});
