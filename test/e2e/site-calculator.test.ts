// The deadline calculator of the public site in Chromium: the dates of the deadline checker for the tricky days
// (Easter, 5 May, Christmas), written dates, late complaints, the known decrees, the keyboard alone, and errors
// announced to screen readers. The shared build (test/e2e/shared-site.ts) served on 127.0.0.1 (test/e2e/site-page.ts).
import { describe, expect, it } from 'vitest';
import { DECREED_DAYS_KNOWN_UNTIL } from '../../lib/calendar/decreed-days.ts';
import { addWorkdays } from '../../lib/calendar/calendar.ts';
import { atwHolidays } from '../../lib/calendar/holidays.ts';
import { addDays, todayIn, type IsoDate } from '../../lib/dates/iso-date.ts';
import { calendarFor } from '../../lib/calendar/holidays.ts';
import { publicSite } from './site-page.ts';

const site = publicSite();
const { open } = site;

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
    const cal = calendarFor(site.org);
    const { page } = await open(path);
    for (const date of trickyDates()) {
      await page.fill('#calc-ended', typed(date));
      await page.fill('#calc-sent', typed(date));
      await page.click('form.calc button');
      const shown = await page.$$eval('form.calc output time', (ts) => ts.map((t) => t.getAttribute('datetime')));
      expect(shown, date).toEqual([
        addWorkdays(cal, date, site.org.deadlines.filing_workdays),
        addWorkdays(cal, date, site.org.deadlines.handling_workdays),
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
      const cal = calendarFor(site.org);
      const y = year();
      const { page } = await open(path);
      // written out and abbreviated (art. 4.1: 30 working days after the assignment; sent after that: late)
      await page.fill('#calc-ended', `30 ${month} ${y}`);
      await page.fill('#calc-sent', `15 ${december.slice(0, 3).toLowerCase()} ${y}`);
      await page.click('form.calc button');
      await expect
        .poll(() => page.getAttribute('#calc-ended ~ output time', 'datetime'))
        .toBe(addWorkdays(cal, `${y}-10-30`, site.org.deadlines.filing_workdays));
      expect(await page.textContent('#calc-sent ~ output')).toMatch(late);
      expect(await page.textContent('#calc-ended ~ output')).not.toContain(caveat);
      // sent within the term: no "late"
      await page.fill('#calc-sent', `2 ${short} ${y}`);
      await page.click('form.calc button');
      await expect
        .poll(() => page.getAttribute('#calc-sent ~ output time', 'datetime'))
        .toBe(addWorkdays(cal, `${y}-10-02`, site.org.deadlines.handling_workdays));
      expect(await page.textContent('#calc-sent ~ output')).not.toMatch(late);
      // a deadline after the last known decreed day (art. 3 lid 3 Atw): a later decree may move it
      const last = +DECREED_DAYS_KNOWN_UNTIL.slice(0, 4);
      await page.fill('#calc-sent', `20 ${december} ${last}`);
      await page.click('form.calc button');
      await expect
        .poll(() => page.getAttribute('#calc-sent ~ output time', 'datetime'))
        .toBe(addWorkdays(cal, `${last}-12-20`, site.org.deadlines.handling_workdays));
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
    const cal = calendarFor(site.org);
    await expect
      .poll(() => page.getAttribute('#calc-ended ~ output time', 'datetime'))
      .toBe(addWorkdays(cal, '2026-05-29', site.org.deadlines.filing_workdays));
    expect(await page.getAttribute('#calc-sent ~ output time', 'datetime')).toBe(
      addWorkdays(cal, '2026-04-18', site.org.deadlines.handling_workdays),
    );
    // Enter in a field calculates too
    await page.focus('#calc-ended');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('24-12-2026');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getAttribute('#calc-ended ~ output time', 'datetime'))
      .toBe(addWorkdays(cal, '2026-12-24', site.org.deadlines.filing_workdays));
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
