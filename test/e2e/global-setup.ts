import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_ARGS, TEST_CHROMIUM } from '../../tools/browser.ts';
import { buildSharedSite } from './shared-site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The project copy with the shared public build in dist/site (test/e2e/shared-site.ts). */
    siteDir: string;
    /** Where the shared Chromium listens (connect with tools/browser.ts connectBrowser). */
    browserEndpoint: string;
  }
}

/**
 * Global setup of the e2e project (vitest.config.ts): one site build and one Chromium for every end-to-end
 * test file, started side by side; both removed at the end of the run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [site, server] = await Promise.all([
    buildSharedSite(),
    chromium.launchServer({ executablePath: TEST_CHROMIUM, args: CHROMIUM_ARGS, headless: true }),
  ]);
  project.provide('siteDir', site.dir);
  project.provide('browserEndpoint', server.wsEndpoint());
  return async () => {
    await server.close();
    await site.remove();
  };
}
