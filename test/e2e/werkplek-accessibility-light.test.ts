// The werkplek's pages in Chromium, light colour scheme, on the cases folder as the handbook's flow and forms leave
// it (test/e2e/handbook-fixture.ts): axe-core on every page with every form open and on a refused form, and a
// step recorded with the keyboard alone. The dark scheme: test/e2e/werkplek-accessibility-dark.test.ts.
import { describe, expect, it, vi } from 'vitest';
import { closePage, sendAndWait, werkplekSession } from '../helpers/werkplek-browser.ts';
import { TODAY, afterTheForms, handbookForms, itHasNoAxeViolations, itKeepsPersonalDataOutOfTheLog } from './handbook-fixture.ts';

// the whole suite runs its builds and browsers in parallel on a small machine: allow slow steps
vi.setConfig({ testTimeout: 180_000 });

const s = werkplekSession(afterTheForms(), { today: TODAY, templates: true });
const { frontmatter, open } = s;
const { register } = handbookForms(s);

describe('accessibility', () => {
  itHasNoAxeViolations(s, 'light');

  it('records a step with the keyboard alone', async () => {
    // an open case: a closed one offers no step form
    const page = await open('/');
    const id = await register(page, 'Zesde Klant', 'Zesde klacht.');
    const focused = () => page.evaluate(() => `${document.activeElement?.id}|${document.activeElement?.textContent?.trim() ?? ''}`);
    /** Press Tab until the focused element matches (a date input takes one Tab per part: day, month, year). */
    const tabTo = async (pattern: RegExp) => {
      for (let n = 0; n < 160 && !pattern.test(await focused()); n++) await page.keyboard.press('Tab');
      expect(await focused()).toMatch(pattern);
    };
    await tabTo(/\|Stap vastleggen$/);
    await page.keyboard.press('Enter'); // opens the form
    await tabTo(/^stap-f-stap-kind\|/); // the kind of step: acknowledged, written confirmation, information given
    for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowDown');
    await tabTo(/^stap-f-stap-note\|/); // past the date (today)
    await page.keyboard.type('Per telefoon');
    await tabTo(/\|Stap opslaan$/);
    await sendAndWait(page, () => page.keyboard.press('Enter'));
    expect(await page.textContent('[role=status]')).toContain('informatie gegeven (art. 5.1)');
    expect(frontmatter(id).data.steps).toContainEqual({ kind: 'information_given', date: TODAY, note: 'Per telefoon' });
    await closePage(page);
  });
});

itKeepsPersonalDataOutOfTheLog(s);
