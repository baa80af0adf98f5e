// The public site in Chromium: the shared build (test/e2e/shared-site.ts, another organization's facts), served on
// 127.0.0.1 under its base path (test/e2e/site-page.ts): semantic HTML, the skip link and focus, the anchors of
// the regulation, the committee's route, and print. axe-core: test/e2e/site-axe.test.ts; the deadline
// calculator: test/e2e/site-calculator.test.ts.
import { describe, expect, it } from 'vitest';
import { SITE_PAGES } from '../../tools/site-build.ts';
import { publicSite } from './site-page.ts';

const site = publicSite();
const { open } = site;

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
    expect(facts.title.endsWith(` · ${site.org.organization.name}`)).toBe(true);
    expect(facts.icon).toMatch(/favicon\.svg$/);
    expect(facts.fonts).toBe(0); // no web fonts
    if (path !== '404.html') {
      expect(facts.canonical).toBe(new URL(path, site.org.site_url).href);
      // hreflang: the page names itself and its translation, and the translation links back
      const alt = Object.fromEntries(facts.alternates);
      expect(alt[facts.lang]).toBe(facts.canonical);
      const back = await site.context.newPage();
      await back.goto(
        site.url + new URL(alt[facts.lang === 'nl' ? 'en' : 'nl']!).pathname.slice(new URL(site.org.site_url).pathname.length),
      );
      expect(await back.getAttribute(`link[rel=alternate][hreflang=${facts.lang}]`, 'href')).toBe(facts.canonical);
      await back.close();
    }
    expect(requests.filter((r) => !r.startsWith(site.origin))).toEqual([]);
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
    const p = site.org.escalation.procedure;
    expect(text).toContain(ROUTE[p.submitted_by][lang]);
    const texts = lang === 'en' && p.en ? p.en : p; // without English texts, the Dutch ones (marked lang="nl")
    for (const sentence of [texts.how, texts.officer, texts.disputes_body, texts.term, texts.cost])
      expect(text).toContain(sentence.replace(/\s+/g, ' '));
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
