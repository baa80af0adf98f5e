// axe-core (WCAG 2.2 A/AA) on every page of the public site in Chromium, in the light and the dark colour scheme,
// and on the deadline calculator showing a result and an error: the shared build (test/e2e/shared-site.ts)
// served on 127.0.0.1 (test/e2e/site-page.ts).
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../../tools/browser.ts';
import { SITE_PAGES } from '../../tools/site-build.ts';
import { publicSite } from './site-page.ts';

const { open } = publicSite();

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
