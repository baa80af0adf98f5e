// The shared public site build (test/e2e/shared-site.ts, another organization's facts) served on 127.0.0.1 under
// its base path, beside a fresh context in the shared Chromium (test/e2e/global-setup.ts): what the site's
// browser tests (test/e2e/site-*.test.ts) start in their beforeAll.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { parseOrganization } from '../../lib/organization/organization.ts';
import { connectBrowser } from '../../tools/browser.ts';
import { serveStatic } from '../../tools/static-server.ts';

/**
 * The site and a browser context for the test file that calls this: started in its beforeAll, closed in its
 * afterAll. `org` is the build's organization.yml; `open` records every request a page makes.
 */
export function publicSite() {
  let context: BrowserContext | undefined;
  let url = '';
  let org: ReturnType<typeof parseOrganization> | undefined;
  const cleanup: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    const dir = inject('siteDir');
    org = parseOrganization('organization.yml', await readFile(join(dir, 'organization.yml'), 'utf8'));
    const server = await serveStatic(join(dir, 'dist/site'), new URL(org.site_url).pathname);
    cleanup.unshift(server.close);
    url = server.url;
    const browser = await connectBrowser(inject('browserEndpoint'));
    context = browser.context;
    cleanup.unshift(browser.close);
  });
  afterAll(async () => {
    for (const step of cleanup) await step();
  });

  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the site starts in beforeAll');
    return value;
  };
  return {
    get context() {
      return started(context);
    },
    /** the site's address, ending in its base path */
    get url() {
      return url;
    },
    get origin() {
      return new URL(url).origin;
    },
    get org() {
      return started(org);
    },
    /** Open a page, recording every request it makes. */
    async open(path: string, colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; requests: string[] }> {
      const page = await started(context).newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.emulateMedia({ colorScheme });
      await page.goto(url + path);
      return { page, requests };
    },
  };
}
