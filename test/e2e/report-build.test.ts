import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { OUTPUT_MARKER } from '../../io/output-folder.ts';
import type { Page } from 'playwright-core';
import { writeCaseFiles } from '../helpers/case-files.ts';
import { CANARY, CANARY_STRINGS, REPORT_CASES, REPORT_TODAY } from '../helpers/report-fixture.ts';
import { serveStatic } from '../../tools/static-server.ts';
import { axeViolations, connectBrowser } from '../../tools/browser.ts';
import { vocabulary } from '../../lib/vocabulary/index.ts';

const run = promisify(execFile);
const PAGES = [
  'index.html',
  'nu.html',
  'tijdigheid.html',
  'uitkomsten.html',
  'oorzaken.html',
  'begeleiders.html',
  'verbeteracties.html',
  'naleving.html',
];
const YEARS = ['jaar/2024.html', 'jaar/2025.html', 'jaar/2026.html'];

let work: string;
let out: string;
const html = new Map<string, string>();

/** Every file under `dir`, relative paths. */
async function filesUnder(dir: string): Promise<string[]> {
  return ((await readdir(dir, { recursive: true, withFileTypes: true })) as { isFile(): boolean; parentPath: string; name: string }[])
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'report-e2e-'));
  out = join(work, 'dist', 'report');
  await writeCaseFiles(join(work, 'cases'), REPORT_CASES);
  // the canary case's attachments (lib/cases/attachments.ts), one named like a case: the report reads neither
  await mkdir(join(work, 'cases', '2026', 'K-2026-003'), { recursive: true });
  await writeFile(join(work, 'cases', '2026', 'K-2026-003', `factuur-${CANARY}.txt`), `Bijlage ${CANARY}`);
  await writeFile(join(work, 'cases', '2026', 'K-2026-003', 'K-2026-099.md'), `---\nid: K-2026-099\n---\n${CANARY}\n`);
  await run(process.execPath, ['scripts/report.ts', '--cases', join(work, 'cases'), '--today', REPORT_TODAY, '--out', out, '--pdf']);
  for (const f of await filesUnder(out)) if (f.endsWith('.html')) html.set(f, await readFile(join(out, f), 'utf8'));
});
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** The text of the element with `data-figure="name"` on a page. */
const figure = (page: string, name: string) => new RegExp(`data-figure="${name}"[^>]*>([^<]*)<`).exec(html.get(page) ?? '')?.[1];

describe('the built report', () => {
  it('has every section page and a page for every year from the first complaint to today, and nothing else', () => {
    expect([...html.keys()].sort()).toEqual([...PAGES, ...YEARS].sort());
  });

  it('ships no JavaScript and no external assets', async () => {
    // besides the pages only the year pages as PDF (--pdf) and the marker that lets the next run replace this folder
    expect((await filesUnder(out)).filter((f) => !f.endsWith('.html')).sort()).toEqual(
      [OUTPUT_MARKER, ...YEARS.map((y) => y.replace('.html', '.pdf'))].sort(),
    );
    for (const [page, text] of html) {
      expect(text, page).not.toMatch(/<script/i);
      expect(text, page).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
    }
  });

  it('shows the hand-counted figures of 2026', () => {
    expect(figure('jaar/2026.html', 'received')).toBe('5');
    // answered: 001 on its due date (20 working days), 002 a day late (21), 003 after 10; 004 open and overdue
    expect(figure('jaar/2026.html', 'share-on-time')).toBe('50%');
    expect(figure('jaar/2026.html', 'median')).toBe('20');
    expect(figure('jaar/2026.html', 'p90')).toBe('21');
    expect(figure('jaar/2026.html', 'max')).toBe('21');
    expect(figure('jaar/2026.html', 'escalation-rate')).toBe('33%');
    expect(figure('jaar/2026.html', 'improvements-overdue')).toBe('1');
  });

  it("names an escalated case's outcome and an overdue case's state with the werkplek's and the letters' words", () => {
    const nl = vocabulary('nl');
    // the outcome is the status's own word (lib/vocabulary), which the werkplek and the registration form show
    expect(nl.outcome.escalated.toLowerCase()).toBe(nl.status.escalated);
    expect(html.get('uitkomsten.html')).toContain(nl.outcome.escalated);
    expect(html.get('nu.html')).toContain(nl.deadlineState.overdue);
  });

  it('shows the overview, the open case and the empty year', () => {
    expect(figure('index.html', 'total')).toBe('6');
    expect(figure('index.html', 'open')).toBe('1');
    expect(figure('index.html', 'overdue')).toBe('1');
    expect(figure('jaar/2024.html', 'received')).toBe('1');
    expect(figure('jaar/2024.html', 'median')).toBe('2');
    expect(html.get('jaar/2025.html')).toContain('Geen klachten in 2025.');
    expect(html.get('jaar/2025.html')).not.toMatch(/NaN|undefined/);
    const row = /<tr data-case="K-2026-004">(.*?)<\/tr>/.exec(html.get('nu.html')!)?.[1] ?? '';
    expect(row).toContain('2 februari 2026'); // dates in Dutch, not ISO
    expect(row).toContain('26 over');
  });

  it('labels what each key figure counts, and checks acknowledgement and oral confirmation', () => {
    const page = html.get('jaar/2026.html')!.replace(/\s+/g, ' ');
    expect(page).toMatch(/data-figure="received">5<\/strong> ontvangen in 2026/);
    expect(page).toMatch(/data-figure="closed">\d+<\/strong> afgesloten in 2026 <span class="small">\(ook klachten uit eerdere jaren\)/);
    expect(page).toContain('(ontvangen in 2026 of eerder)');
    // owed by 4: K-2026-005 was withdrawn on its third working day, before the acknowledgement was due
    expect(/<tr data-check="acknowledgement">(.*?)<\/tr>/.exec(page)?.[1]).toMatch(/0 van 4 <\/td>/);
    expect(/<tr data-check="acknowledgement">(.*?)<\/tr>/.exec(page)?.[1]).not.toContain('K-2026-005');
    expect(page).toContain('data-check="oral-confirmation"');
    expect(page).not.toMatch(/Stand per \d{4}-/); // dates in Dutch
  });

  it('shows no English key of the case files on any page', () => {
    for (const [name, text] of html) {
      const shown = text.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ');
      expect(shown, name).not.toMatch(
        /\b(acknowledged|written_confirmation|client_informed|complainant_heard|information_given|third_party_information|written_response)\b/,
      );
    }
  });

  it('says where a period is still running, right where its figures stand', () => {
    const page = html.get('jaar/2026.html')!;
    expect(page).toContain('<td>maart 2026 (loopt, t/m 10 maart)</td>');
    expect(page).toContain('<td>K1 2026 (loopt, t/m 10 maart)</td>');
    expect(page).toContain('<td>februari 2026</td>'); // a whole month: no remark
    expect(/data-partial="year"[^>]*>(.*?)<\/p>/s.exec(page)?.[1]?.replace(/\s+/g, ' ')).toMatch(
      /<strong>2026 loopt nog\.<\/strong> De cijfers gaan tot en met 10 maart 2026\./,
    );
    expect(html.get('jaar/2024.html')).not.toContain('data-partial');
    expect(html.get('index.html')).toContain('2026 (loopt, t/m 10 maart)');
  });

  it('compares each year with the previous one: numbers, timeliness, outcomes, causes', () => {
    const table = /<table data-table="comparison">(.*?)<\/table>/s.exec(html.get('jaar/2026.html')!)?.[1] ?? '';
    const row = (label: string) =>
      new RegExp(`<th scope="row">${label}</th>\\s*${'<td class="num">\\s*([^<]*?)\\s*</td>\\s*'.repeat(3)}`).exec(table)?.slice(1);
    expect(table).toContain('2026 naast 2025 (2026 tot en met 10 maart 2026)');
    expect(row('Ontvangen klachten')).toEqual(['0', '5', '+5']);
    expect(row('Binnen de termijn afgehandeld')).toEqual(['–', '50%', '–']);
    expect(row('Voorgelegd aan de klachtencommissie')).toEqual(['0', '1', '+1']);
    for (const group of ['Aantallen', 'Tijdigheid', 'Uitkomsten', 'Oorzaken'])
      expect(table).toMatch(new RegExp(`class="group"[^>]*>\\s*${group}\\s*</th>`));
    const y2025 = /<table data-table="comparison">(.*?)<\/table>/s.exec(html.get('jaar/2025.html')!)?.[1] ?? '';
    expect(y2025).toBe(''); // no complaints in 2025: the empty page says so instead
    expect(html.get('jaar/2024.html')).toContain('Er is geen eerder jaar met klachten in deze rapportage om mee te vergelijken.');
  });

  it('prints each year page as a clean A4 PDF (--pdf), linked from the page', async () => {
    for (const year of YEARS) {
      const pdf = await readFile(join(out, year.replace('.html', '.pdf')));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const sizes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [
        Math.round(Number(m[1])),
        Math.round(Number(m[2])),
      ]);
      expect(sizes.length, year).toBeGreaterThan(0);
      expect(new Set(sizes.map((s) => s.join('x'))), year).toEqual(new Set(['595x842'])); // A4, every page
    }
    expect(html.get('jaar/2026.html')).toContain('<a href="2026.pdf">Dit jaaroverzicht als PDF (A4)</a>');
  });

  it('passes the W3C Nu HTML checker (vnu-jar) on every page', async () => {
    const jar = join(process.cwd(), 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
    // the JIT's first tier only, with the deeper stack that then needs: 1.3 s of CPU instead of 2.7 for these pages
    const flags = ['-Xss2m', '-XX:TieredStopAtLevel=1'];
    const { stderr } = await run('java', [...flags, '-jar', jar, '--format', 'json', '--skip-non-html', '--exit-zero-always', out]);
    const messages = (JSON.parse(stderr) as { messages: { type: string; subType?: string; url: string; message: string }[] }).messages;
    expect(messages.filter((m) => !(m.type === 'info' && m.subType !== 'warning'))).toEqual([]);
  });

  it('holds no personal data of the canary case, though it counts the case (art. 4.4)', async () => {
    expect(html.get('jaar/2026.html')).toContain('K-2026-003');
    expect([...html.values()].join('\n')).not.toContain('K-2026-099');
    const input = (await readFile(join(work, 'cases', '2026', 'K-2026-003.md'), 'utf8')).toLowerCase();
    for (const s of Object.values(CANARY_STRINGS)) expect(input).toContain(s.toLowerCase()); // the fixture really has them
    for (const f of await filesUnder(join(work, 'dist'))) {
      const text = (await readFile(join(work, 'dist', f), 'utf8')).toLowerCase();
      expect(text.includes(CANARY), `${f} contains the canary`).toBe(false);
    }
  });

  it('passes axe-core (WCAG 2.2 AA) on every page in Chromium', async () => {
    const server = await serveStatic(out);
    const browser = await connectBrowser(inject('browserEndpoint'));
    try {
      const page: Page = await browser.context.newPage();
      for (const p of [...PAGES, ...YEARS]) {
        await page.goto(server.url + p);
        expect(await axeViolations(page), p).toEqual([]);
      }
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
