import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../io/chromium.ts';

/** The Chromium path and flags, from io/chromium.ts (one list for scripts and tests). */
export { CHROMIUM, CHROMIUM_ARGS };

/** Debian's `chromium-headless-shell`: the program itself, not the shell script in /usr/bin that starts it. */
const HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell';

/**
 * The Chromium the end-to-end tests share (test/e2e/global-setup.ts): Debian's headless shell where it is installed
 * and CHROME_PATH names no browser of its own, else {@link CHROMIUM}. The headless shell is the same Chromium
 * (Blink, V8, printing) without the browser's windows and user interface, which is what Playwright itself runs
 * headless tests in. The end-to-end tests took 91 s of the machine's CPU in it instead of 148 (`vitest run --project
 * e2e`, issue 22). How the PDFs launch the organizer's own browser (io/chromium.ts) stays tested with the full one,
 * by the unit tests.
 */
export const TEST_CHROMIUM = testChromium(process.env, existsSync);

/** {@link TEST_CHROMIUM} for an environment and a disk (`exists`: whether a program is at a path). */
export function testChromium(env: { CHROME_PATH?: string }, exists: (path: string) => boolean): string {
  return !env.CHROME_PATH && exists(HEADLESS_SHELL) ? HEADLESS_SHELL : CHROMIUM;
}

/** Launch Chromium with a fresh profile (a new --user-data-dir); `close()` removes the profile. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), 'chromium-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh browser context (no cookies, no cache, like a new profile) in a Chromium started elsewhere with
 * `chromium.launchServer` (test/e2e/global-setup.ts), so tests share one browser; `close()` closes the context
 * and the connection, never the browser. Its `newPage()` opens the page from a page kept warm ({@link keepRendererWarm}).
 */
export async function connectBrowser(wsEndpoint: string): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const browser = await chromium.connect(wsEndpoint);
  // axe-core is added as a script from the test's own loopback server (axeUrl), which the werkplek's
  // Content-Security-Policy forbids to pages
  const context = await browser.newContext({ bypassCSP: true });
  await keepRendererWarm(context);
  return {
    context,
    close: async () => {
      await context.close();
      await browser.close(); // for a connected browser: disconnects
    },
  };
}

/**
 * Keep one blank page of the tests' site (http://127.0.0.1, any port) open while `context` lives, and open every
 * new page of the context from it (`window.open`). Chromium puts a page opened so in its opener's renderer
 * process, and gives a later page of the same site that process too: a page then starts in a warm process, where
 * V8 has already compiled axe-core and the page scripts. `context.newPage()` itself would start each page in a
 * new process (for about:blank) that then starts cold at the site and ends when the page closes. Measured
 * (werkplek home page, a new page and two axe runs each time; machine CPU per page): 1.19 s without this page,
 * 0.62 s with it open, 0.41 s with pages opened from it. The page never reaches a server: its one request is
 * answered here.
 */
async function keepRendererWarm(context: BrowserContext): Promise<void> {
  const opener = await context.newPage();
  await opener.route('**/*', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>warm</title>' }));
  await opener.goto('http://127.0.0.1:9/');
  // one at a time: the next page the context gets is the one just opened
  let previous: Promise<unknown> = Promise.resolve();
  context.newPage = () => {
    const page = previous.then(async () => {
      const [opened] = await Promise.all([context.waitForEvent('page'), opener.evaluate(() => void window.open('about:blank', '_blank'))]);
      return opened;
    });
    previous = page.catch(() => undefined);
    return page;
  };
}

let axeAddress: Promise<string> | undefined;

/**
 * Where this process serves axe-core on 127.0.0.1, cacheable: a page then loads it as a script, from Chromium's
 * cache after the first time, instead of receiving its 550 KB through the DevTools protocol at every run. Measured
 * (20 runs on new pages of one context): 0.09 s less CPU per run, in the browser, the renderer and the test.
 */
function axeUrl(): Promise<string> {
  return (axeAddress ??= (async () => {
    const source = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const server = createServer((_, response) => {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'max-age=3600', connection: 'close' });
      response.end(source);
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    server.unref(); // never keeps the test's process alive
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/axe.min.js`;
  })());
}

/** A violation axe-core found, in short. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Run axe-core's WCAG 2.0–2.2 A/AA rules on the page; returns the violations (none is the goal). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ url: await axeUrl() });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: unknown,
            opts: unknown,
          ) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}
