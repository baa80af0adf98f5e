import { accessSync, constants } from 'node:fs';
import { posix, win32 } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { BrowserUnavailableError } from './browser-error.ts';

export { BrowserUnavailableError };

/** Where to look for a browser: the platform, the environment and a probe that says whether a file is there. */
export interface BrowserLookup {
  platform: string;
  env: Readonly<Record<string, string | undefined>>;
  exists: (path: string) => boolean;
}

/** A Chromium-based browser found (its path and name), or none, with a Dutch message and what was tried. */
export type BrowserFound = { found: true; path: string; name: string } | { found: false; tried: string[]; message: string; hint: string };

type Candidate = readonly [name: string, path: string];

// The places playwright-core's channels 'chrome' and 'msedge' look at (its registry), plus Chromium's own.
const MAC_APPS: readonly Candidate[] = [
  ['Google Chrome', 'Google Chrome.app/Contents/MacOS/Google Chrome'],
  ['Microsoft Edge', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge'],
  ['Chromium', 'Chromium.app/Contents/MacOS/Chromium'],
];
const WINDOWS_APPS: readonly Candidate[] = [
  ['Google Chrome', 'Google\\Chrome\\Application\\chrome.exe'],
  ['Microsoft Edge', 'Microsoft\\Edge\\Application\\msedge.exe'],
];
const LINUX_PATHS: readonly Candidate[] = [
  ['Chromium', '/usr/bin/chromium'], // Debian's
  ['Chromium', '/usr/bin/chromium-browser'], // Ubuntu's, Fedora's
  ['Google Chrome', '/usr/bin/google-chrome'],
  ['Google Chrome', '/usr/bin/google-chrome-stable'],
  ['Google Chrome', '/opt/google/chrome/chrome'],
  ['Microsoft Edge', '/usr/bin/microsoft-edge'],
  ['Microsoft Edge', '/opt/microsoft/msedge/msedge'],
  ['Chromium', '/snap/bin/chromium'],
];

/** An environment variable as Windows reads it too (names are case-insensitive there). */
function envOf(env: BrowserLookup['env'], name: string): string | undefined {
  if (env[name]) return env[name];
  const key = Object.keys(env).find((k) => k.toUpperCase() === name.toUpperCase());
  return key ? env[key] || undefined : undefined;
}

/** Every place a browser may be on this platform, in the order they are tried. */
export function browserCandidates(platform: string, env: BrowserLookup['env']): Candidate[] {
  if (platform === 'darwin') {
    const home = envOf(env, 'HOME');
    const folders = ['/Applications', ...(home ? [posix.join(home, 'Applications')] : [])];
    return MAC_APPS.flatMap(([name, app]) => folders.map((f): Candidate => [name, posix.join(f, app)]));
  }
  if (platform === 'win32') {
    const drive = envOf(env, 'HOMEDRIVE');
    const folders = [
      envOf(env, 'LOCALAPPDATA'),
      envOf(env, 'PROGRAMFILES'),
      envOf(env, 'PROGRAMFILES(X86)'),
      ...(drive ? [`${drive}\\Program Files`, `${drive}\\Program Files (x86)`] : []),
    ].filter((f): f is string => !!f);
    return WINDOWS_APPS.flatMap(([name, app]) => [...new Set(folders)].map((f): Candidate => [name, win32.join(f, app)]));
  }
  return [...LINUX_PATHS];
}

/** What to install, in Dutch, for the organizer's platform. */
function installAdvice(platform: string): string {
  if (platform === 'darwin')
    return 'Installeer Google Chrome (www.google.com/chrome) of Microsoft Edge (www.microsoft.com/edge) en probeer het opnieuw.';
  if (platform === 'win32')
    return 'Installeer Microsoft Edge (www.microsoft.com/edge) of Google Chrome (www.google.com/chrome) en probeer het opnieuw.';
  return 'Installeer Chromium (Debian en Ubuntu: sudo apt-get install chromium) of Google Chrome en probeer het opnieuw.';
}

/**
 * The browser that prints the PDFs: `CHROME_PATH` when set (and only it), else the first of Google Chrome,
 * Microsoft Edge or Chromium at its usual place on this platform. Pure: the environment and the file probe are given.
 *
 * @example findChromium({ platform: 'linux', env: {}, exists: (p) => p === '/usr/bin/chromium' })
 *   // { found: true, path: '/usr/bin/chromium', name: 'Chromium' }
 */
export function findChromium({ platform, env, exists }: BrowserLookup): BrowserFound {
  const own = envOf(env, 'CHROME_PATH');
  if (own) {
    if (exists(own)) return { found: true, path: own, name: 'CHROME_PATH' };
    return {
      found: false,
      tried: [own],
      message: `Er kan geen PDF worden gemaakt: de browser die voor PDF's is ingesteld (${own}) is niet gevonden. ${installAdvice(platform)}`,
      hint: 'CHROME_PATH wijst naar een pad waar geen browser staat: zet er het pad van Chrome, Edge of Chromium in, of haal CHROME_PATH weg.',
    };
  }
  const candidates = browserCandidates(platform, env);
  const hit = candidates.find(([, path]) => exists(path));
  if (hit) return { found: true, path: hit[1], name: hit[0] };
  return {
    found: false,
    tried: candidates.map(([, path]) => path),
    message: `Er kan geen PDF worden gemaakt: daarvoor is Google Chrome, Microsoft Edge of Chromium nodig, en geen van drieën is op deze computer gevonden. ${installAdvice(platform)}`,
    hint: 'Staat de browser ergens anders? Zet dan CHROME_PATH op het pad van het programma.',
  };
}

/** Whether a browser program is at `path` on this machine (executable on macOS and Linux). */
function isProgram(path: string): boolean {
  try {
    accessSync(path, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The browser for PDFs on this machine (process.platform, process.env, the disk). */
export const localChromium = (): BrowserFound => findChromium({ platform: process.platform, env: process.env, exists: isProgram });

/** The browser this machine's tests and tools launch: the one found, else Debian's place (their launch then names it). */
export const CHROMIUM = ((found) => (found.found ? found.path : '/usr/bin/chromium'))(localChromium());

/** The flags this machine needs: no sandbox (root), no GPU, no network chatter. Shared by the scripts and the tests. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The flags for `platform`: the sandbox stays on where the browser runs as the organizer (macOS, Windows). */
export const chromiumArgs = (platform: string): string[] =>
  platform === 'linux' ? CHROMIUM_ARGS : CHROMIUM_ARGS.filter((a) => a !== '--no-sandbox');

/**
 * Every PDF is tagged (a structure tree a screen reader follows: PDF/UA), with an
 * outline (bookmarks) from the headings; the document's `<html lang="nl">` becomes the PDF's language.
 */
export const PDF_STRUCTURE = { tagged: true, outline: true } as const;
/** A4, its background printed, and {@link PDF_STRUCTURE}. */
export const PDF_OPTIONS = { format: 'A4', printBackground: true, preferCSSPageSize: true, ...PDF_STRUCTURE } as const;

/**
 * The environment variable that names a Chromium already running (playwright-core's `launchServer` WebSocket
 * address) for the PDFs. The end-to-end tests set it to the Chromium they share (test/e2e/shared-chromium.ts):
 * a browser started for a script or werkplek costs about 0.75 s of CPU, and about a dozen of them did in a run.
 */
export const CHROMIUM_ENDPOINT = 'KLACHTEN_CHROMIUM_ENDPOINT';

/**
 * Launch the browser found (`localChromium`) headless with a fresh temporary profile; never a browser download.
 * With {@link CHROMIUM_ENDPOINT} set, connect to that browser instead (closing the result then disconnects).
 * playwright-core (140-160 ms and 66 MiB to import) loads here, when a PDF is first made, not when a command or
 * the werkplek starts. Throws {@link BrowserUnavailableError} when there is none or it does not start.
 */
export async function launchChromium(found: BrowserFound = localChromium()): Promise<Browser> {
  const endpoint = process.env[CHROMIUM_ENDPOINT] || undefined;
  if (!endpoint && !found.found) throw new BrowserUnavailableError(found.message, found.hint);
  const where = endpoint ?? (found.found ? found.path : '');
  try {
    const { chromium } = await import('playwright-core');
    if (endpoint) return await chromium.connect(endpoint);
    return await chromium.launch({ executablePath: where, args: chromiumArgs(process.platform), headless: true });
  } catch (error) {
    throw new BrowserUnavailableError(
      `Er kan geen PDF worden gemaakt: de browser (${where}) start niet. Start de computer opnieuw of installeer de browser opnieuw.`,
      (error as Error).message.split('\n')[0] ?? '',
      { cause: error },
    );
  }
}

/** Per browser (or context): the page it prints on, kept open, and the PDF asked for last. */
const printers = new WeakMap<object, { page?: Promise<Page>; last: Promise<unknown> }>();

/**
 * `html` (self-contained: nothing is fetched) printed to a PDF with {@link PDF_OPTIONS}; written to `path` when given.
 * Each browser prints on one page of its own, kept open until the browser closes, one PDF at a time: 12 letters
 * took 0.35 s of CPU each on a new page per letter, 0.09 s on the page kept. A print that fails gives up its page:
 * the next PDF opens a new one.
 */
export function htmlToPdf(browser: { newPage(): Promise<Page> }, html: string, path?: string): Promise<Buffer> {
  const printer = printers.get(browser) ?? { last: Promise.resolve() };
  printers.set(browser, printer);
  const pdf = printer.last.then(async () => {
    const page = (printer.page ??= browser.newPage());
    try {
      const p = await page;
      await p.setContent(html, { waitUntil: 'load' });
      return await p.pdf({ ...PDF_OPTIONS, ...(path ? { path } : {}) });
    } catch (error) {
      if (printer.page === page) printer.page = undefined;
      await page.then((p) => p.close()).catch(() => undefined);
      throw error;
    }
  });
  printer.last = pdf.catch(() => undefined);
  return pdf;
}
