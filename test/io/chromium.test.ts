// The browser for the PDFs on the organizer's own computer (io/chromium.ts): findChromium is pure over the platform,
// the environment and a file probe, so macOS, Windows and Linux are tested here as tables on any machine; htmlToPdf's
// one page per browser with a stand-in browser (real PDFs: test/e2e/documents-pdf.test.ts and pdf-structure.test.ts).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserCandidates, chromiumArgs, findChromium, htmlToPdf } from '../../io/chromium.ts';

const MAC_CHROME = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
const MAC_EDGE = '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge';
const MAC_HOME_CHROME = '/Users/anouk/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
const WIN_ENV = {
  LOCALAPPDATA: 'C:\\Users\\anouk\\AppData\\Local',
  PROGRAMFILES: 'C:\\Program Files',
  'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
};
const WIN_CHROME_USER = 'C:\\Users\\anouk\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
const WIN_CHROME = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
const WIN_EDGE = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';

describe('findChromium: the browser she already has', () => {
  it.each([
    // platform, environment, the files that exist, the browser found
    ['darwin', { HOME: '/Users/anouk' }, [MAC_CHROME, MAC_EDGE], MAC_CHROME, 'Google Chrome'],
    ['darwin', { HOME: '/Users/anouk' }, [MAC_EDGE], MAC_EDGE, 'Microsoft Edge'],
    ['darwin', { HOME: '/Users/anouk' }, [MAC_HOME_CHROME], MAC_HOME_CHROME, 'Google Chrome'],
    [
      'darwin',
      {},
      ['/Applications/Chromium.app/Contents/MacOS/Chromium'],
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      'Chromium',
    ],
    ['win32', WIN_ENV, [WIN_CHROME_USER, WIN_EDGE], WIN_CHROME_USER, 'Google Chrome'],
    ['win32', WIN_ENV, [WIN_CHROME, WIN_EDGE], WIN_CHROME, 'Google Chrome'],
    ['win32', WIN_ENV, [WIN_EDGE], WIN_EDGE, 'Microsoft Edge'], // every Windows 10 and 11 has Edge
    // Windows environment names are case-insensitive
    ['win32', { ProgramFiles: 'C:\\Program Files' }, [WIN_CHROME], WIN_CHROME, 'Google Chrome'],
    [
      'win32',
      { HOMEDRIVE: 'D:' },
      ['D:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe'],
      'D:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
      'Microsoft Edge',
    ],
    ['linux', {}, ['/usr/bin/chromium', '/usr/bin/google-chrome'], '/usr/bin/chromium', 'Chromium'], // Debian's first
    ['linux', {}, ['/usr/bin/chromium-browser'], '/usr/bin/chromium-browser', 'Chromium'],
    ['linux', {}, ['/usr/bin/google-chrome'], '/usr/bin/google-chrome', 'Google Chrome'],
    ['linux', {}, ['/opt/google/chrome/chrome'], '/opt/google/chrome/chrome', 'Google Chrome'],
    ['linux', {}, ['/opt/microsoft/msedge/msedge'], '/opt/microsoft/msedge/msedge', 'Microsoft Edge'],
    // CHROME_PATH wins wherever it points
    ['linux', { CHROME_PATH: '/srv/chrome' }, ['/srv/chrome', '/usr/bin/chromium'], '/srv/chrome', 'CHROME_PATH'],
    ['darwin', { CHROME_PATH: '/opt/brave' }, ['/opt/brave', MAC_CHROME], '/opt/brave', 'CHROME_PATH'],
  ])('%s %j with %j: %s', (platform, env, files, path, name) => {
    expect(findChromium({ platform, env, exists: (p) => files.includes(p) })).toEqual({ found: true, path, name });
  });

  it.each([
    ['darwin', 'Installeer Google Chrome (www.google.com/chrome) of Microsoft Edge (www.microsoft.com/edge)'],
    ['win32', 'Installeer Microsoft Edge (www.microsoft.com/edge) of Google Chrome (www.google.com/chrome)'],
    ['linux', 'Installeer Chromium (Debian en Ubuntu: sudo apt-get install chromium) of Google Chrome'],
  ])('none on %s: a Dutch message naming what to install', (platform, advice) => {
    const r = findChromium({ platform, env: platform === 'win32' ? WIN_ENV : { HOME: '/home/anouk' }, exists: () => false });
    expect(r.found).toBe(false);
    if (r.found) return;
    expect(r.message).toBe(
      `Er kan geen PDF worden gemaakt: daarvoor is Google Chrome, Microsoft Edge of Chromium nodig, en geen van drieën is op deze computer gevonden. ${advice} en probeer het opnieuw.`,
    );
    expect(r.hint).toContain('CHROME_PATH');
    expect(r.tried).toEqual(browserCandidates(platform, platform === 'win32' ? WIN_ENV : { HOME: '/home/anouk' }).map(([, p]) => p));
  });

  it('CHROME_PATH pointing nowhere is said, not passed over for another browser', () => {
    const r = findChromium({ platform: 'linux', env: { CHROME_PATH: '/weg/chrome' }, exists: (p) => p === '/usr/bin/chromium' });
    expect(r).toMatchObject({ found: false, tried: ['/weg/chrome'] });
    if (!r.found) {
      expect(r.message).toContain("de browser die voor PDF's is ingesteld (/weg/chrome) is niet gevonden");
      expect(r.hint).toContain('CHROME_PATH wijst naar een pad waar geen browser staat');
    }
  });

  it('an empty CHROME_PATH counts as not set', () => {
    expect(findChromium({ platform: 'linux', env: { CHROME_PATH: '' }, exists: (p) => p === '/usr/bin/chromium' })).toMatchObject({
      found: true,
      path: '/usr/bin/chromium',
    });
  });

  it('looks where playwright-core’s channels chrome and msedge look, on each platform', () => {
    const paths = (platform: string, env = {}) => browserCandidates(platform, env).map(([, p]) => p);
    expect(paths('darwin')).toEqual(expect.arrayContaining([MAC_CHROME, MAC_EDGE]));
    expect(paths('win32', WIN_ENV)).toEqual(expect.arrayContaining([WIN_CHROME_USER, WIN_CHROME, WIN_EDGE]));
    expect(paths('linux')).toEqual(expect.arrayContaining(['/opt/google/chrome/chrome', '/opt/microsoft/msedge/msedge']));
    expect(paths('linux')[0]).toBe('/usr/bin/chromium');
  });

  it('keeps the sandbox where the browser runs as the organizer (macOS, Windows)', () => {
    expect(chromiumArgs('linux')).toContain('--no-sandbox');
    expect(chromiumArgs('darwin')).not.toContain('--no-sandbox');
    expect(chromiumArgs('win32')).not.toContain('--no-sandbox');
  });
});

describe('htmlToPdf: one page per browser, kept', () => {
  /** A browser whose pages record what they print; a page's PDF fails when its HTML says so. */
  function fakeBrowser() {
    const log: string[] = [];
    let pages = 0;
    const browser = {
      async newPage() {
        const n = ++pages;
        let html = '';
        return {
          async setContent(h: string) {
            html = h;
            log.push(`page ${n}: set ${h}`);
          },
          async pdf() {
            await new Promise((r) => setImmediate(r)); // a print takes a while: another must wait for it
            if (html === 'fails') throw new Error('Target page, context or browser has been closed');
            log.push(`page ${n}: print ${html}`);
            return Buffer.from(`%PDF-${html}`);
          },
          async close() {
            log.push(`page ${n}: closed`);
          },
        } as unknown as Page;
      },
    };
    return { browser, log };
  }

  it('prints every PDF on one page, one at a time, in the order asked', async () => {
    const { browser, log } = fakeBrowser();
    const pdfs = await Promise.all(['a', 'b', 'c'].map((html) => htmlToPdf(browser, html)));
    expect(pdfs.map(String)).toEqual(['%PDF-a', '%PDF-b', '%PDF-c']);
    expect(log).toEqual(['page 1: set a', 'page 1: print a', 'page 1: set b', 'page 1: print b', 'page 1: set c', 'page 1: print c']);
  });

  it('gives up a page whose print failed: the next PDF, asked for meanwhile, gets a new one', async () => {
    const { browser, log } = fakeBrowser();
    const [failed, next] = await Promise.allSettled([htmlToPdf(browser, 'fails'), htmlToPdf(browser, 'b')]);
    expect(failed).toMatchObject({ status: 'rejected', reason: expect.objectContaining({ message: expect.stringMatching(/closed/) }) });
    expect(next).toMatchObject({ status: 'fulfilled' });
    expect(String(await htmlToPdf(browser, 'c'))).toBe('%PDF-c');
    expect(log).toEqual(['page 1: set fails', 'page 1: closed', 'page 2: set b', 'page 2: print b', 'page 2: set c', 'page 2: print c']);
  });

  it('keeps the pages of two browsers apart', async () => {
    const one = fakeBrowser();
    const two = fakeBrowser();
    await Promise.all([htmlToPdf(one.browser, 'a'), htmlToPdf(two.browser, 'b'), htmlToPdf(one.browser, 'c')]);
    expect(one.log).toEqual(['page 1: set a', 'page 1: print a', 'page 1: set c', 'page 1: print c']);
    expect(two.log).toEqual(['page 1: set b', 'page 1: print b']);
  });
});
