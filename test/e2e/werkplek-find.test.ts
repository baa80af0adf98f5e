// Finding a dossier and seeing what happened to it (issue 25, item 5), in Chromium: the search box of every page
// (accents, case, phone numbers; never in an address or the log), the subject per case, cards on a phone, the
// history from Git in her words, a late acknowledgement flagged. The werkplek: test/e2e/find-fixture.ts; axe-core
// on these pages: test/e2e/werkplek-find-axe.test.ts.
import { describe, expect, it, vi } from 'vitest';
import { closePage, sendAndWait } from '../helpers/werkplek-browser.ts';
import { findSession, id } from './find-fixture.ts';

vi.setConfig({ testTimeout: 180_000 });

const { s, open, search } = findSession();

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
    expect(s.log.join('\n')).not.toMatch(/vries|fresche|frésche|1234|lekkage|zoek=/i);
    expect(s.log.some((l) => /^POST \/zoeken 303 \d+ms$/.test(l))).toBe(true);
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
    await sendAndWait(page, () => page.click('button:has-text("Stap opslaan")'));
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
