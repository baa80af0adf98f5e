// Finding a dossier and seeing what happened to it (issue 25, item 5), in Chromium: the search box of every page
// (accents, case, phone numbers; never in an address or the log), the subject per case, cards on a phone, the
// history from Git in her words, a late acknowledgement flagged; axe in light and dark at 390 px and desktop width.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { todayIn } from '../../lib/dates/iso-date.ts';
import { axeViolations } from '../../tools/browser.ts';
import type { RunningWerkplek } from '../../werkplek/app.ts';
import { werkplekWithBrowser } from '../helpers/werkplek-browser.ts';
import { caseData, caseText, tempProject } from '../helpers/fixtures.ts';
import { git } from '../helpers/git-repos.ts';

vi.setConfig({ testTimeout: 180_000 });

const TODAY = todayIn(new Date(), 'Europe/Amsterdam');
const Y = '2026';
const id = (n: number) => `K-${Y}-00${n}`;
const received = '2026-01-06'; // a Tuesday: day 5 of the acknowledgement's term is Tuesday 13 January

const CASES: Record<string, string> = {
  [`cases/${Y}/${id(1)}.md`]: caseText(
    caseData({
      id: id(1),
      organizer: 'bram',
      received,
      complainant: { name: 'Mevrouw A. de Vries', email: 'a.devries@example.org', phone: '+31 6 1234 5678' },
    }),
    '## Klacht\n\nOnderwerp: Factuur oktober te hoog\n\nGeachte heer, de factuur van oktober klopt niet.\n',
  ),
  [`cases/${Y}/${id(2)}.md`]: caseText(
    caseData({ id: id(2), received, complainant: { name: 'Jeanne Frésche', email: 'jf@example.org' } }),
    '## Klacht\n\nDe lekkage in de keuken is na drie bezoeken nog steeds niet gemeld bij de verhuurder.\n',
  ),
  [`cases/${Y}/${id(3)}.md`]: caseText(
    caseData({ id: id(3), received, acknowledged: `${Y}-01-20`, complainant: { name: 'Piet Laat', email: 'laat@example.org' } }),
    '## Klacht\n\nAfspraak twee keer verzet.\n',
  ),
};

let dir = '';
let werkplek: RunningWerkplek;
let context: BrowserContext;
let closeAll: () => Promise<void>;
const log: string[] = [];

beforeAll(async () => {
  dir = await tempProject(CASES);
  git(dir, 'init', '--quiet', '--initial-branch=main');
  git(dir, 'config', 'user.name', 'Bram de Wit');
  git(dir, 'config', 'user.email', 'bram-o4a@users.noreply.github.com');
  git(dir, 'add', '.');
  git(dir, 'commit', '--quiet', '-m', 'dossiers');
  ({ werkplek, context, close: closeAll } = await werkplekWithBrowser(dir, TODAY, log));
});
afterAll(() => closeAll?.());

const url = (path: string) => werkplek.url + path.replace(/^\//, '');
const closePage = (page: Page) => Promise.race([page.close(), new Promise((r) => setTimeout(r, 5000))]);

async function open(path: string, o: { scheme?: 'light' | 'dark'; width?: number } = {}): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width: o.width ?? 1280, height: 900 });
  await page.emulateMedia({ colorScheme: o.scheme ?? 'light' });
  await page.goto(url(path));
  return page;
}

/** Search from the header's box of whatever page is open; returns the ids listed. */
async function search(page: Page, words: string): Promise<string[]> {
  await page.fill('#zoek', words);
  await Promise.all([page.waitForNavigation(), page.click('header button:has-text("Zoeken")')]);
  return page.locator('tbody th[scope=row]').allTextContents();
}

describe('finding a dossier', () => {
  it('finds by name, e-mail, phone, id and complaint text, ignoring case and accents, from any page', async () => {
    const page = await open(`/dossier/${id(3)}`);
    expect(await search(page, 'de vries')).toEqual([id(1)]);
    expect(await search(page, 'DE VRIES')).toEqual([id(1)]);
    expect(await search(page, 'fresche')).toEqual([id(2)]);
    expect(await search(page, 'Frésche')).toEqual([id(2)]);
    expect(await search(page, '06-12345678')).toEqual([id(1)]);
    expect(await search(page, '0031 6 1234 5678')).toEqual([id(1)]);
    expect(await search(page, 'jf@example')).toEqual([id(2)]);
    expect(await search(page, id(3).toLowerCase())).toEqual([id(3)]);
    expect(await search(page, 'lekkage keuken')).toEqual([id(2)]);
    expect(await search(page, 'niemand')).toEqual([]);
    expect(await page.textContent('main')).toContain('Geen dossier gevonden voor');
    // the words stay in the box, never in an address, the history or the log
    await search(page, 'de vries');
    expect(await page.inputValue('#zoek')).toBe('de vries');
    expect(await page.textContent('.gezocht')).toContain('1 dossier gevonden');
    expect(page.url()).not.toMatch(/vries/i);
    // filtering within the answer keeps the search
    await page.selectOption('#f-begeleider', 'anouk');
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Tonen")')]);
    expect(await page.locator('tbody tr').count()).toBe(0);
    await page.goBack();
    expect(await page.locator('tbody th[scope=row]').allTextContents()).toEqual([id(1)]);
    expect(log.join('\n')).not.toMatch(/vries|fresche|frésche|1234|lekkage|zoek=/i);
    expect(log.some((l) => /^POST \/zoeken 303 \d+ms$/.test(l))).toBe(true);
    await closePage(page);
  });

  it('an address of a search from before a restart says the search expired', async () => {
    const page = await open('/?z=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(await page.textContent('[role=alert]')).toContain('Deze zoekopdracht is verlopen');
    await closePage(page);
  });
});

describe('the Overzicht', () => {
  it('shows a short subject per dossier and flags a late acknowledgement, as the Dossier does', async () => {
    const page = await open('/');
    const row = (n: number) => page.locator('tbody tr', { has: page.locator(`a[href="/dossier/${id(n)}"]`) });
    expect(await row(1).locator('td.onderwerp').textContent()).toContain('Factuur oktober te hoog');
    expect(await row(2).locator('td.onderwerp').textContent()).toContain('De lekkage in de keuken is na drie bezoeken nog steeds niet…');
    expect(await row(3).textContent()).toContain('Let op: ontvangst laat bevestigd');
    expect(await row(1).textContent()).not.toContain('Let op');
    await page.click(`a[href="/dossier/${id(3)}"]`);
    expect(await page.textContent('main')).toContain(
      'de ontvangst laat bevestigd: op 20 januari 2026, 10 werkdagen na ontvangst (6 januari 2026); de eigen norm is uiterlijk 13 januari 2026',
    );
    await closePage(page);
  });

  it('on a phone (390 px) shows each dossier as a card with every column, nothing past the edge', async () => {
    const page = await open('/', { width: 390 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const first = page.locator('tbody tr').first();
    for (const head of ['Onderwerp', 'Termijn', 'Uiterlijk', 'Begeleider', 'Status', 'Ontvangen']) {
      const cell = first.locator('td', { has: page.locator(`.kop:text-is("${head}")`) });
      expect(await cell.isVisible(), head).toBe(true);
      const box = (await cell.boundingBox())!;
      expect(box.x + box.width, head).toBeLessThanOrEqual(390);
    }
    await closePage(page);
  });
});

describe('the history of a dossier', () => {
  it('shows who recorded what, in her words, newest first, loaded beside the page', async () => {
    const page = await open(`/dossier/${id(1)}`);
    await page.click('summary:has-text("Stap vastleggen")');
    await page.selectOption('#stap-f-stap-kind', 'complainant_heard');
    await Promise.all([page.waitForURL(/melding=/), page.click('button:has-text("Stap opslaan")')]);
    const items = page.locator('#geschiedenis li');
    await items.nth(1).waitFor();
    const day = (await page.locator('#geschiedenis time').first().textContent())!;
    expect(await items.allTextContents()).toEqual([
      `${day}, Bram de Wit: stap 'Klager gehoord' vastgelegd`,
      `${day}, Bram de Wit: klacht geregistreerd`,
    ]);
    expect(day).toMatch(/^\d{1,2} [a-z]+( \d{4})?$/);
    expect(await page.locator('#geschiedenis [data-geschiedenis], #geschiedenis[data-geschiedenis]').count()).toBe(0);
    await closePage(page);
  });
});

describe('accessible', () => {
  it.each([
    ['light', 1280],
    ['dark', 1280],
    ['light', 390],
    ['dark', 390],
  ] as const)('axe finds nothing on the search, the Overzicht and a Dossier with its history (%s, %i px)', async (scheme, width) => {
    const page = await open('/', { scheme, width });
    expect({ page: 'overzicht', violations: await axeViolations(page) }).toEqual({ page: 'overzicht', violations: [] });
    await search(page, 'vries');
    expect({ page: 'zoeken', violations: await axeViolations(page) }).toEqual({ page: 'zoeken', violations: [] });
    await page.goto(url(`/dossier/${id(1)}`));
    await page.locator('#geschiedenis li').first().waitFor();
    expect({ page: 'dossier', violations: await axeViolations(page) }).toEqual({ page: 'dossier', violations: [] });
    await closePage(page);
  });
});
