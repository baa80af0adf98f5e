// axe-core on the pages of finding a dossier (test/e2e/werkplek-find.test.ts), in light and dark, at 390 px and
// desktop width: the Overzicht, a search's answer and a Dossier with its history from Git
// (test/e2e/find-fixture.ts).
import { describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../../tools/browser.ts';
import { closePage } from '../helpers/werkplek-browser.ts';
import { findSession, id } from './find-fixture.ts';

vi.setConfig({ testTimeout: 180_000 });

const { s, open, search } = findSession();

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
    await page.goto(s.url(`/dossier/${id(1)}`));
    await page.locator('#geschiedenis li').first().waitFor();
    expect({ page: 'dossier', violations: await axeViolations(page) }).toEqual({ page: 'dossier', violations: [] });
    await closePage(page);
  });
});
