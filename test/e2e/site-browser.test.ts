// The public site in Chromium: the shared build (test/e2e/shared-site.ts, another organization's facts),
// served on 127.0.0.1 under its base path, in the shared Chromium (test/e2e/global-setup.ts).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DECREED_DAYS_KNOWN_UNTIL } from '../../lib/calendar/decreed-days.ts';
import { addWorkdays } from '../../lib/calendar/calendar.ts';
import { atwHolidays } from '../../lib/calendar/holidays.ts';
import { addDays, todayIn, type IsoDate } from '../../lib/dates/iso-date.ts';
import { calendarFor } from '../../lib/calendar/holidays.ts';
import { parseOrganization } from '../../lib/organization/organization.ts';
import { axeViolations, connectBrowser } from '../../tools/browser.ts';
import { SITE_PAGES } from '../../tools/site-build.ts';
import { serveStatic } from '../../tools/static-server.ts';

let context: BrowserContext;
let url = '';
let origin = '';
const cleanup: (() => Promise<void>)[] = [];
let org: ReturnType<typeof parseOrganization>;

beforeAll(async () => {
  const dir = inject('siteDir');
  org = parseOrganization('organization.yml', await readFile(join(dir, 'organization.yml'), 'utf8'));
  const server = await serveStatic(join(dir, 'dist/site'), new URL(org.site_url).pathname);
  cleanup.unshift(server.close);
  url = server.url;
  origin = new URL(url).origin;
  const browser = await connectBrowser(inject('browserEndpoint'));
  context = browser.context;
  cleanup.unshift(browser.close);
});
afterAll(async () => {
  for (const step of cleanup) await step();
});

/** Open a page, recording every request it makes. */
async function open(path: string, colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; requests: string[] }> {
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.emulateMedia({ colorScheme });
  await page.goto(url + path);
  return { page, requests };
}

describe.each(['light', 'dark'] as const)('axe-core (WCAG 2.2 A/AA), %s colour scheme', (scheme) => {
  it.each(SITE_PAGES)('$path has no violations', async ({ path }) => {
    const { page } = await open(path, scheme);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
  it('the calculator with a result and an error has no violations', async () => {
    const { page } = await open('klacht-indienen/', scheme);
    await page.fill('#calc-ended', '30-2-2026');
    await page.fill('#calc-sent', '4-5-2026');
    await page.click('form.calc button');
    await expect.poll(() => page.textContent('#calc-ended-error')).toMatch(/bestaat niet/);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('semantic HTML and requests, on every page', () => {
  it.each(SITE_PAGES)('$path: one h1, landmarks, lang, skip link, description, title, favicon; only its own server', async ({ path }) => {
    const { page, requests } = await open(path);
    const facts = await page.evaluate(() => ({
      h1: document.querySelectorAll('h1').length,
      lang: document.documentElement.lang,
      landmarks: ['header', 'nav', 'main', 'footer'].map((s) => document.querySelectorAll(s).length > 0),
      skip: document.querySelector('body > a.skip-link')?.getAttribute('href'),
      mainId: document.querySelector('main')?.id,
      description: document.querySelector('meta[name=description]')?.getAttribute('content') ?? '',
      title: document.title,
      icon: document.querySelector('link[rel=icon]')?.getAttribute('href'),
      canonical: document.querySelector('link[rel=canonical]')?.getAttribute('href') ?? null,
      alternates: [...document.querySelectorAll('link[rel=alternate][hreflang]')].map((l) => [
        l.getAttribute('hreflang'),
        l.getAttribute('href'),
      ]),
      fonts: [...document.fonts].length,
    }));
    expect(facts.h1).toBe(1);
    expect(facts.lang).toBe(path.startsWith('en/') ? 'en' : 'nl');
    expect(facts.landmarks).toEqual([true, true, true, true]);
    expect(facts.skip).toBe(`#${facts.mainId}`);
    expect(facts.description.length).toBeGreaterThan(50);
    expect(facts.title.endsWith(` · ${org.organization.name}`)).toBe(true);
    expect(facts.icon).toMatch(/favicon\.svg$/);
    expect(facts.fonts).toBe(0); // no web fonts
    if (path !== '404.html') {
      expect(facts.canonical).toBe(new URL(path, org.site_url).href);
      // hreflang: the page names itself and its translation, and the translation links back
      const alt = Object.fromEntries(facts.alternates);
      expect(alt[facts.lang]).toBe(facts.canonical);
      const back = await context.newPage();
      await back.goto(url + new URL(alt[facts.lang === 'nl' ? 'en' : 'nl']!).pathname.slice(new URL(org.site_url).pathname.length));
      expect(await back.getAttribute(`link[rel=alternate][hreflang=${facts.lang}]`, 'href')).toBe(facts.canonical);
      await back.close();
    }
    expect(requests.filter((r) => !r.startsWith(origin))).toEqual([]);
    await page.close();
  });
  it('the skip link is the first thing the keyboard reaches, shows when focused and moves focus to main', async () => {
    const { page } = await open('');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    const box = await page.locator('.skip-link').boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
    await page.close();
  });
  it('links show a visible focus outline', async () => {
    const { page } = await open('');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement!);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    expect(outline.style).toBe('solid');
    expect(outline.width).toBeGreaterThanOrEqual(2);
    await page.close();
  });
  it("every article and rule of the practice's own text has its stable anchor; no English text, no English articles", async () => {
    const { page } = await open('');
    const ids = await page.$$eval('.articles [id^=artikel-]', (els) => els.map((e) => e.id));
    // test/helpers/second-practice.ts: articles 1-4, rules 1.1-1.2, 2.1-2.2, 3.1-3.3, article 4 without rules
    expect(ids).toEqual([
      'artikel-1',
      'artikel-1-1',
      'artikel-1-2',
      'artikel-2',
      'artikel-2-1',
      'artikel-2-2',
      'artikel-3',
      'artikel-3-1',
      'artikel-3-2',
      'artikel-3-3',
      'artikel-4',
    ]);
    await page.close();
    const en = await open('en/');
    expect(await en.page.$$eval('.articles [id^=artikel-]', (els) => els.length)).toBe(0);
    await en.page.close();
  });
});

describe("the committee's route, as organization.yml and the letters tell it (art. 4.7)", () => {
  const ROUTE = {
    organizer: {
      nl: 'Laat het uw Professional Organizer & Coach weten. Die legt uw klacht dan voor aan de ',
      en: 'Tell your Professional Organizer & Coach. She then puts your complaint before the ',
    },
    complainant: { nl: 'Dan kunt u uw klacht zelf voorleggen aan de ', en: 'Then you can take it to ' },
  };
  it.each([
    ['klacht-indienen/', 'nl'],
    ['en/making-a-complaint/', 'en'],
  ] as const)('%s: who submits, how, the officer, the disputes body, the term and the cost', async (path, lang) => {
    const { page } = await open(path);
    const text = (await page.textContent('main'))!.replace(/\s+/g, ' ');
    const p = org.escalation.procedure;
    expect(text).toContain(ROUTE[p.submitted_by][lang]);
    const texts = lang === 'en' && p.en ? p.en : p; // without English texts, the Dutch ones (marked lang="nl")
    for (const sentence of [texts.how, texts.officer, texts.disputes_body, texts.term, texts.cost])
      expect(text).toContain(sentence.replace(/\s+/g, ' '));
    await page.close();
  });
});

describe('the deadline calculator', () => {
  const year = () => +todayIn(new Date(), 'Europe/Amsterdam').slice(0, 4);
  /** Dates around Good Friday and Easter Monday, 5 May and Christmas, this year and next: the tricky ones. */
  const trickyDates = (): IsoDate[] =>
    [year(), year() + 1].flatMap((y) => {
      const goodFriday = atwHolidays(y).find((d) => d > `${y}-03-19` && d < `${y}-04-24`)!;
      return [
        addDays(goodFriday, -1),
        goodFriday,
        addDays(goodFriday, 3),
        `${y}-05-04`,
        `${y}-05-05`,
        `${y}-12-23`,
        `${y}-12-24`,
        `${y}-12-27`,
      ];
    });
  const typed = (d: IsoDate) => `${+d.slice(8, 10)}-${+d.slice(5, 7)}-${d.slice(0, 4)}`;

  it.each([
    ['klacht-indienen/', 'nl'],
    ['en/making-a-complaint/', 'en'],
  ])('%s gives the deadline checker’s dates for typed dates around Easter, 5 May and Christmas', async (path) => {
    const cal = calendarFor(org);
    const { page } = await open(path);
    for (const date of trickyDates()) {
      await page.fill('#calc-ended', typed(date));
      await page.fill('#calc-sent', typed(date));
      await page.click('form.calc button');
      const shown = await page.$$eval('form.calc output time', (ts) => ts.map((t) => t.getAttribute('datetime')));
      expect(shown, date).toEqual([
        addWorkdays(cal, date, org.deadlines.filing_workdays),
        addWorkdays(cal, date, org.deadlines.handling_workdays),
      ]);
    }
    await page.close();
  });

  it.each([
    [
      'klacht-indienen/',
      'nl',
      'oktober',
      'okt',
      'december',
      /Verstuurt u uw klacht op 15 december \d{4}, dan komt hij na \d+ december \d{4} binnen\. Dan is hij te laat \(artikel 4\.1\)\. Wij behandelen hem toch\./,
      'Een later besluit kan de datum dus nog verschuiven.',
    ],
    [
      'en/making-a-complaint/',
      'en',
      'October',
      'Oct',
      'December',
      /If you send your complaint on 15 December \d{4}, it reaches us after \d+ December \d{4}\. Then it is late \(article 4\.1\)\. We still handle it\./,
      'so a later decree may still move the date.',
    ],
  ])(
    '%s (%s) reads written dates, says when a complaint is late and still handled, and warns after the known decrees',
    async (path, _lang, month, short, december, late, caveat) => {
      const cal = calendarFor(org);
      const y = year();
      const { page } = await open(path);
      // written out and abbreviated (art. 4.1: 30 working days after the assignment; sent after that: late)
      await page.fill('#calc-ended', `30 ${month} ${y}`);
      await page.fill('#calc-sent', `15 ${december.slice(0, 3).toLowerCase()} ${y}`);
      await page.click('form.calc button');
      await expect
        .poll(() => page.getAttribute('#calc-ended ~ output time', 'datetime'))
        .toBe(addWorkdays(cal, `${y}-10-30`, org.deadlines.filing_workdays));
      expect(await page.textContent('#calc-sent ~ output')).toMatch(late);
      expect(await page.textContent('#calc-ended ~ output')).not.toContain(caveat);
      // sent within the term: no "late"
      await page.fill('#calc-sent', `2 ${short} ${y}`);
      await page.click('form.calc button');
      await expect
        .poll(() => page.getAttribute('#calc-sent ~ output time', 'datetime'))
        .toBe(addWorkdays(cal, `${y}-10-02`, org.deadlines.handling_workdays));
      expect(await page.textContent('#calc-sent ~ output')).not.toMatch(late);
      // a deadline after the last known decreed day (art. 3 lid 3 Atw): a later decree may move it
      const last = +DECREED_DAYS_KNOWN_UNTIL.slice(0, 4);
      await page.fill('#calc-sent', `20 ${december} ${last}`);
      await page.click('form.calc button');
      await expect
        .poll(() => page.getAttribute('#calc-sent ~ output time', 'datetime'))
        .toBe(addWorkdays(cal, `${last}-12-20`, org.deadlines.handling_workdays));
      expect(await page.textContent('#calc-sent ~ output')).toContain(caveat);
      await page.close();
    },
  );

  it('works with the keyboard only', async () => {
    const { page } = await open('klacht-indienen/');
    let tabs = 0;
    while ((await page.evaluate(() => document.activeElement?.id)) !== 'calc-ended' && tabs++ < 40) await page.keyboard.press('Tab');
    expect(tabs).toBeLessThan(40);
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
    await page.keyboard.type('29-5-2026');
    await page.keyboard.press('Tab');
    await page.keyboard.type('18-4-2026');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON');
    await page.keyboard.press('Space');
    const cal = calendarFor(org);
    await expect
      .poll(() => page.getAttribute('#calc-ended ~ output time', 'datetime'))
      .toBe(addWorkdays(cal, '2026-05-29', org.deadlines.filing_workdays));
    expect(await page.getAttribute('#calc-sent ~ output time', 'datetime')).toBe(
      addWorkdays(cal, '2026-04-18', org.deadlines.handling_workdays),
    );
    // Enter in a field calculates too
    await page.focus('#calc-ended');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('24-12-2026');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getAttribute('#calc-ended ~ output time', 'datetime'))
      .toBe(addWorkdays(cal, '2026-12-24', org.deadlines.filing_workdays));
    await page.close();
  });

  it.each([
    ['klacht-indienen/', '30-2-2026', /Deze datum bestaat niet/],
    ['klacht-indienen/', 'morgen', /geen datum die de rekenhulp kan lezen/],
    ['klacht-indienen/', '', /Vul een datum in/],
    ['klacht-indienen/', '1-6-2099', /kent de feestdagen van \d{4} tot en met \d{4}/],
    ['en/making-a-complaint/', '31-4-2026', /This date does not exist/],
  ])('%s: %j is announced to screen readers (role=alert), marked invalid and focused', async (path, input, message) => {
    const { page } = await open(path);
    await page.fill('#calc-ended', input);
    await page.press('#calc-ended', 'Enter');
    const error = page.locator('#calc-ended-error');
    await expect.poll(() => error.textContent()).toMatch(message);
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await page.getAttribute('#calc-ended', 'aria-invalid')).toBe('true');
    expect((await page.getAttribute('#calc-ended', 'aria-describedby'))?.split(' ')).toContain('calc-ended-error');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('calc-ended');
    expect(await page.locator('#calc-ended ~ output').textContent()).toBe('');
    // corrected: the error goes away
    await page.fill('#calc-ended', '1-6-2026');
    await page.press('#calc-ended', 'Enter');
    await expect.poll(() => error.textContent()).toBe('');
    expect(await page.getAttribute('#calc-ended', 'aria-invalid')).toBeNull();
    await page.close();
  });
});

describe('print', () => {
  /** Pages of a PDF, counted from its page objects. */
  const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

  it.each([
    ['klachtformulier/', 1],
    ['en/complaint-form/', 1],
  ])('%s prints on exactly %i A4 page', async (path, pages) => {
    const { page } = await open(path);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdfPages(pdf)).toBe(pages);
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 59[45]\.\d+ 84[12]\.\d+\]/); // A4: 595 × 842 pt
    await page.close();
  });

  it.each(SITE_PAGES.filter((p) => p.path !== '404.html'))('$path prints without navigation chrome', async ({ path }) => {
    const { page } = await open(path);
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() =>
      ['.site-header', '.site-footer', '.skip-link', 'nav', 'form.calc', 'h1'].flatMap((s) =>
        [...document.querySelectorAll(s)].map((e) => [s, e.checkVisibility()]),
      ),
    );
    expect(shown.length).toBeGreaterThanOrEqual(5);
    expect(shown.filter(([, visible]) => visible)).toEqual([['h1', true]]);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 59[45]\.\d+ 84[12]\.\d+\]/);
    await page.close();
  });
});
