import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../io/chromium.ts';

/** The Chromium path and flags, from io/chromium.ts (one list for scripts and tests). */
export { CHROMIUM, CHROMIUM_ARGS };

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
 * and the connection, never the browser.
 */
export async function connectBrowser(wsEndpoint: string): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const browser = await chromium.connect(wsEndpoint);
  // axe-core is injected as an inline script, which the werkplek's Content-Security-Policy forbids to pages
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
 * Keep one blank page of the tests' site (http://127.0.0.1, any port) open while `context` lives. Chromium gives a
 * new page of a site the renderer process that site already has in the context: a page then starts in a warm
 * process, where V8 has already compiled axe-core and the page scripts, instead of in a new one that starts cold
 * and ends when the page closes. Measured (werkplek home page, a new page each time): 1.19 s of CPU per page with
 * an axe run before, 0.62 s with this page open. The page never reaches a server: its one request is answered here.
 */
async function keepRendererWarm(context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  await page.route('**/*', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>warm</title>' }));
  await page.goto('http://127.0.0.1:9/');
}

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** A violation axe-core found, in short. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Run axe-core's WCAG 2.0–2.2 A/AA rules on the page; returns the violations (none is the goal). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: await axeSource });
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
