import type { Browser } from 'playwright-core';

/** Debian's Chromium (or $CHROME_PATH); never a browser download. */
export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';

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

/**
 * Launch headless Chromium with the shared flags; playwright gives it a fresh temporary profile. playwright-core
 * (140-160 ms and 66 MiB to import) loads here, when a PDF is first made, not when a command or the werkplek starts.
 */
export async function launchChromium(): Promise<Browser> {
  try {
    const { chromium } = await import('playwright-core');
    return await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  } catch (error) {
    throw new Error(
      `cannot start Chromium at ${CHROMIUM} (install it with "apt-get install chromium", or set CHROME_PATH): ${(error as Error).message.split('\n')[0]}`,
      { cause: error },
    );
  }
}
