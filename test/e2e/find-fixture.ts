// The werkplek of the finding tests (test/e2e/werkplek-find*.test.ts): three dossiers received on Tuesday 6 January
// 2026, committed to Git by Bram de Wit (the history of a dossier comes from Git), a page at a desktop's or a
// phone's width, and the search box of the header.
import type { Page } from 'playwright-core';
import { todayIn } from '../../lib/dates/iso-date.ts';
import { caseData, caseText } from '../helpers/fixtures.ts';
import { werkplekSession } from '../helpers/werkplek-browser.ts';

const TODAY = todayIn(new Date(), 'Europe/Amsterdam');
const Y = '2026';
export const id = (n: number) => `K-${Y}-00${n}`;
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

/** The werkplek on {@link CASES} for the test file that calls this, its pages 1280 px wide unless told. */
export function findSession() {
  const s = werkplekSession(CASES, { today: TODAY, git: { name: 'Bram de Wit', email: 'bram-o4a@users.noreply.github.com' } });
  return {
    s,
    open: (path: string, o: { scheme?: 'light' | 'dark'; width?: number } = {}) => s.open(path, { width: 1280, ...o }),
    /** Search from the header's box of whatever page is open; returns the ids listed. */
    async search(page: Page, words: string): Promise<string[]> {
      await page.fill('#zoek', words);
      await Promise.all([page.waitForNavigation(), page.click('header button:has-text("Zoeken")')]);
      return page.locator('tbody th[scope=row]').allTextContents();
    },
  };
}
