import { describe, expect, it } from 'vitest';
import { CHROMIUM, testChromium } from '../../tools/browser.ts';

const SHELL = '/usr/lib/chromium/chromium-headless-shell';

describe('testChromium: the browser the end-to-end tests share', () => {
  it("is Debian's headless shell where it is installed", () => {
    expect(testChromium({}, (path) => path === SHELL)).toBe(SHELL);
  });

  it('is the browser the PDFs use where the headless shell is missing', () => {
    expect(testChromium({}, () => false)).toBe(CHROMIUM);
  });

  it('is the browser CHROME_PATH names, headless shell or not', () => {
    // CHROMIUM is found from CHROME_PATH when this module loads; the choice only has to leave it to CHROMIUM
    expect(testChromium({ CHROME_PATH: '/opt/google/chrome/chrome' }, () => true)).toBe(CHROMIUM);
  });
});
