// Issue 25 in the browser, at a phone's width (390 px) and a desktop's: a refused save opens at the error summary
// on top (focused, each message a link to its field, what she typed kept, dates in words); a dossier that cannot
// be read opens on its repair page and is repaired there; "Klacht ingetrokken" asks first, and a withdrawn case
// is reopened with a reason and shows only what still applies. axe-core in light and dark on each page.
// SHOTS=dir keeps screenshots of the refused save and the repair page to look at.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../../tools/browser.ts';
import type { RunningWerkplek } from '../../werkplek/app.ts';
import { caseData, caseText, tempProject } from '../helpers/fixtures.ts';
import { closePage, sendAndWait, werkplekWithBrowser } from '../helpers/werkplek-browser.ts';

vi.setConfig({ testTimeout: 180_000 });

const TODAY = '2026-12-07';
const BROKEN = 'K-2026-009';
// a month that does not exist, and a status the schema does not know: two things to repair
const BROKEN_TEXT =
  '---\nid: K-2026-009\norganizer: anouk\nreceived: 2026-13-01\nchannel: email\nstatus: dicht\ncomplainant:\n  name: Mevrouw De Vries\ncategories: [communicatie]\n---\n\n## Klacht\n\nDe factuur klopt niet.\n';
const WIDTHS = [
  { name: 'telefoon', width: 390, height: 844 },
  { name: 'bureau', width: 1280, height: 900 },
] as const;

let dir = '';
let werkplek: RunningWerkplek;
let context: BrowserContext;
let closeAll: () => Promise<void>;
const shots = process.env.SHOTS;

beforeAll(async () => {
  const files: Record<string, string> = { [`cases/2026/${BROKEN}.md`]: BROKEN_TEXT };
  for (const n of [1, 2, 3])
    files[`cases/2026/K-2026-00${n}.md`] = caseText(
      caseData({ id: `K-2026-00${n}`, received: '2026-12-01' }),
      '## Klacht\n\nDe factuur was te hoog.\n\n## Notities\n\nGebeld.\n',
    );
  dir = await tempProject(files);
  ({ werkplek, context, close: closeAll } = await werkplekWithBrowser(dir, TODAY, []));
  if (shots) mkdirSync(shots, { recursive: true });
});
afterAll(() => closeAll?.());

const url = (path: string) => werkplek.url + path.replace(/^\//, '');
const caseFile = (id: string) => join(dir, 'cases', '2026', `${id}.md`);

async function open(path: string, size: (typeof WIDTHS)[number]): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width: size.width, height: size.height });
  await page.goto(url(path));
  return page;
}

/** axe-core's violations in light and in dark. */
async function axeBoth(page: Page): Promise<string[]> {
  const out: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    out.push(...(await axeViolations(page)).map((v) => `${colorScheme} ${v.id}: ${v.help} (${v.targets.join(', ')})`));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return out;
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
/** Whether an element's top is inside the window as the page shows it now. */
const inView = (page: Page, selector: string) =>
  page.$eval(selector, (e) => {
    const r = e.getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight;
  });

describe.each(WIDTHS)('at $width px ($name)', (size) => {
  const id = size.width < 600 ? 'K-2026-001' : 'K-2026-002';

  it('a refused save opens at the error summary, focused, each message linked to its field, the input kept', async () => {
    const page = await open(`/dossier/${id}`, size);
    const before = readFileSync(caseFile(id), 'utf8');
    await page.click('summary:has-text("Stap vastleggen")');
    await page.selectOption('#stap-f-stap-kind', 'complainant_heard');
    await page.fill('#stap-f-stap-date', '2026-11-02');
    await page.fill('#stap-f-stap-note', 'Klager gebeld, lang gesprek.');
    await Promise.all([page.waitForURL(/#foutoverzicht$/), page.click('button:has-text("Stap opslaan")')]);
    const summary = page.locator('#foutoverzicht');
    expect(await summary.locator('h2').textContent()).toBe('Er is 1 ding dat nog niet klopt');
    const link = summary.locator('a');
    // the date in words, the field by its label, never a key or an ISO date
    expect(await link.textContent()).toBe(
      'Datum: 2 november 2026 ligt vóór "Ontvangen op" (1 december 2026); schrijf een datum op of na 1 december 2026',
    );
    expect(await focusedId(page)).toBe('foutoverzicht');
    expect(await inView(page, '#foutoverzicht')).toBe(true);
    // the date field's hint says how to write a date, whatever the browser shows
    expect(await page.textContent('#stap-f-stap-date-hint')).toContain('dag-maand-jaar');
    expect(await page.inputValue('#stap-f-stap-note')).toBe('Klager gebeld, lang gesprek.');
    expect(await page.inputValue('#stap-f-stap-date')).toBe('2026-11-02');
    expect(readFileSync(caseFile(id), 'utf8')).toBe(before);
    if (shots) await page.screenshot({ path: join(shots, `geweigerd-${size.width}.png`) });
    expect(await axeBoth(page)).toEqual([]);
    // the link takes her to the field, focused, its label in view
    await link.click();
    expect(await focusedId(page)).toBe('stap-f-stap-date');
    expect(await inView(page, 'label[for="stap-f-stap-date"]')).toBe(true);
    await closePage(page);
  });

  it('counts two refusals of the new-case form, each linked, nothing typed lost', async () => {
    const page = await open('/nieuw', size);
    await page.fill('#f-received', '31-02-2026');
    await page.fill('#f-complainant-email', 'klager@example.org');
    await Promise.all([page.waitForURL(/#foutoverzicht$/), page.click('button:has-text("Klacht registreren")')]);
    expect(await page.textContent('#foutoverzicht h2')).toMatch(/^Er zijn \d+ dingen die nog niet kloppen$/);
    const hrefs = await page.$$eval('#foutoverzicht a', (as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain('#f-received');
    for (const href of hrefs) expect(await page.locator(href!).count()).toBe(1);
    expect(await page.inputValue('#f-complainant-email')).toBe('klager@example.org');
    expect(await focusedId(page)).toBe('foutoverzicht');
    await closePage(page);
  });
});

describe('a dossier that cannot be read', () => {
  it('is linked from the overview to its repair page, refused while still broken, then saved (nothing lost)', async () => {
    for (const size of WIDTHS) {
      const page = await open('/', size);
      const link = page.locator(`a[href="/dossier/${BROKEN}/herstellen"]`);
      await Promise.all([page.waitForURL(/herstellen$/), link.click()]);
      const problems = await page.locator('ul.herstel').textContent();
      expect(problems).toContain('Regel 4');
      expect(problems).toContain('Regel 6');
      expect(await page.inputValue('#f-tekst')).toBe(BROKEN_TEXT);
      if (shots) await page.screenshot({ path: join(shots, `herstellen-${size.width}.png`), fullPage: true });
      expect(await axeBoth(page)).toEqual([]);
      await closePage(page);
    }
    const page = await open(`/dossier/${BROKEN}`, WIDTHS[1]);
    expect(page.url()).toMatch(/\/herstellen$/);
    // one of the two repaired: refused with the summary, her text kept, the file untouched
    const half = BROKEN_TEXT.replace('2026-13-01', '2026-12-01');
    await page.fill('#f-tekst', half);
    await Promise.all([page.waitForURL(/#foutoverzicht$/), page.click('button:has-text("Controleren en opslaan")')]);
    expect(await page.textContent('#foutoverzicht h2')).toBe('Er is 1 ding dat nog niet klopt');
    expect(await page.textContent('#foutoverzicht a')).toContain('Regel 6');
    expect(await page.inputValue('#f-tekst')).toBe(half);
    expect(readFileSync(caseFile(BROKEN), 'utf8')).toBe(BROKEN_TEXT);
    if (shots) await page.screenshot({ path: join(shots, 'herstellen-geweigerd-1280.png') });
    expect(await axeBoth(page)).toEqual([]);
    await page.fill('#f-tekst', half.replace('status: dicht', 'status: open'));
    await Promise.all([page.waitForURL(/\/dossier\/K-2026-009\?melding=/), page.click('button:has-text("Controleren en opslaan")')]);
    expect(await page.textContent('[role=status]')).toContain('K-2026-009: hersteld. Opgeslagen');
    expect(readFileSync(caseFile(BROKEN), 'utf8')).toBe(half.replace('status: dicht', 'status: open'));
    await closePage(page);
  });
});

describe('withdrawing and reopening', () => {
  it('asks before a withdrawal, reopens with a reason recorded as a step, and a closed case shows only what applies', async () => {
    const id = 'K-2026-003';
    const page = await open(`/dossier/${id}`, WIDTHS[0]);
    await page.click('summary:has-text("Klacht ingetrokken")');
    await Promise.all([page.waitForURL(/#foutoverzicht$/), page.click('button:has-text("Intrekking vastleggen")')]);
    expect(await page.textContent('#foutoverzicht a')).toContain('vink aan dat de klager de klacht heeft ingetrokken');
    expect(readFileSync(caseFile(id), 'utf8')).not.toContain('withdrawn');
    await page.check('#int-bevestig');
    await sendAndWait(page, () => page.click('button:has-text("Intrekking vastleggen")'));
    expect(readFileSync(caseFile(id), 'utf8')).toContain('status: withdrawn');
    // withdrawn: no step forms, no letters of the handling; the way back
    for (const gone of [
      'Stap vastleggen',
      'Schriftelijke afhandeling schrijven',
      'Voorleggen aan de klachtencommissie',
      'Klacht ingetrokken',
    ])
      expect(await page.locator(`summary:has-text("${gone}")`).count()).toBe(0);
    const documents = await page.locator('h2:has-text("Documenten") ~ ul').first().textContent();
    expect(documents).not.toContain('Antwoordbrief');
    expect(documents).not.toContain('Ontvangstbevestiging');
    expect(await axeBoth(page)).toEqual([]);
    await page.click('summary:has-text("Dossier heropenen")');
    await Promise.all([page.waitForURL(/#foutoverzicht$/), page.click('button:has-text("Dossier heropenen")')]);
    expect(await page.textContent('#foutoverzicht a')).toContain('Waarom gaat het dossier weer open?');
    await page.fill('#her-f-reopen-note', 'Klager belde: toch niet ingetrokken.');
    await sendAndWait(page, () => page.click('button:has-text("Dossier heropenen")'));
    const text = readFileSync(caseFile(id), 'utf8');
    expect(text).toContain('status: open');
    expect(text).toMatch(/kind: reopened\n\s+date: 2026-12-07\n\s+note: "?Klager belde: toch niet ingetrokken\./);
    expect(await page.locator('.lijst-stappen').textContent()).toContain('Waarom: Klager belde: toch niet ingetrokken.');
    expect(await page.locator('summary:has-text("Stap vastleggen")').count()).toBe(1);
    await closePage(page);
  });
});

describe('the dossier in her words', () => {
  it('shows the complaint as text, no file name, the articles folded under "Waarom?"', async () => {
    const page = await open('/dossier/K-2026-001', WIDTHS[1]);
    const main = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    expect(main).not.toContain('## Klacht');
    expect(main).not.toContain('cases/');
    expect(await page.locator('.tekst h3').allTextContents()).toEqual(['Klacht', 'Notities']);
    expect(main).toContain('per e-mail ontvangen');
    // every article reference is inside a "Waarom?" fold
    const outside = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
      const found: string[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode())
        if (/\bart\. \d/.test(n.textContent ?? '') && !n.parentElement?.closest('details.waarom, .melding'))
          found.push(n.textContent!.trim());
      return found;
    });
    expect(outside).toEqual([]);
    await closePage(page);
  });
});
