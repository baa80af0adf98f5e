// The werkplek's pages in Chromium, dark colour scheme, on the cases folder as the handbook's flow and forms leave
// it (test/e2e/handbook-fixture.ts): axe-core on every page with every form open and on a refused form. The light
// scheme and the keyboard: test/e2e/werkplek-accessibility-light.test.ts.
import { describe, vi } from 'vitest';
import { werkplekSession } from '../helpers/werkplek-browser.ts';
import { TODAY, afterTheForms, itHasNoAxeViolations, itKeepsPersonalDataOutOfTheLog } from './handbook-fixture.ts';

// the whole suite runs its builds and browsers in parallel on a small machine: allow slow steps
vi.setConfig({ testTimeout: 180_000 });

const s = werkplekSession(afterTheForms(), { today: TODAY, templates: true });

describe('accessibility', () => {
  itHasNoAxeViolations(s, 'dark');
});

itKeepsPersonalDataOutOfTheLog(s);
