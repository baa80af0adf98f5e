// The werkplek on a test folder beside a fresh browser context in the Chromium the end-to-end tests share
// (test/e2e/global-setup.ts): what the werkplek's browser tests start in their beforeAll.
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { inject } from 'vitest';
import { connectBrowser } from '../../tools/browser.ts';
import { startWerkplek, type RunningWerkplek } from '../../werkplek/app.ts';

/** The werkplek on `dir` (cases/, organization.yml) with `today` pinned and its request log in `log`; `close` ends both. */
export async function werkplekWithBrowser(
  dir: string,
  today: string,
  log: string[],
): Promise<{ werkplek: RunningWerkplek; context: BrowserContext; close: () => Promise<void> }> {
  // today pinned to the test's date: a run across midnight in Amsterdam must not see two dates
  const werkplek = await startWerkplek({
    port: 0,
    cases: join(dir, 'cases'),
    config: join(dir, 'organization.yml'),
    today: () => today,
    log: (l) => log.push(l),
  });
  const browser = await connectBrowser(inject('browserEndpoint'));
  browser.context.setDefaultTimeout(30_000);
  return {
    werkplek,
    context: browser.context,
    close: async () => {
      await browser.close();
      await werkplek.close();
    },
  };
}
