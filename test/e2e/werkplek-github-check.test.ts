// Instellingen › GitHub controleren: the werkplek reads the repository's settings from (the fake) GitHub with the
// token she pastes, shows what is missing in Dutch, and keeps the token nowhere (not in the page, not in the log).
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startWerkplek, type RunningWerkplek } from '../../werkplek/app.ts';
import { startFakeGitHub, type FakeGitHub } from '../../tools/fake-github.ts';
import { axeViolations, connectBrowser } from '../../tools/browser.ts';
import { tempProject } from '../helpers/fixtures.ts';

const TOKEN = 'github_pat_canary_0123456789';
let werkplek: RunningWerkplek;
let fake: FakeGitHub;
let context: BrowserContext;
let closeBrowser: () => Promise<void>;
const log: string[] = [];

beforeAll(async () => {
  fake = await startFakeGitHub(TOKEN, 'opruimcoach/klachten');
  fake.settings.collaborators = new Set(['anouk-o4a']);
  const dir = await tempProject({});
  werkplek = await startWerkplek({
    port: 0,
    cases: join(dir, 'cases'),
    config: join(dir, 'organization.yml'),
    today: () => '2026-12-06',
    log: (line) => log.push(line),
    github: { repository: 'opruimcoach/klachten', apiUrl: fake.url },
  });
  ({ context, close: closeBrowser } = await connectBrowser(inject('browserEndpoint')));
});
afterAll(async () => {
  await closeBrowser?.();
  await werkplek?.close();
  await fake?.close();
});

describe('GitHub controleren', () => {
  it.each([
    { width: 390, scheme: 'light' as const },
    { width: 1280, scheme: 'dark' as const },
  ])('at $width px ($scheme): names what is missing, keeps the token nowhere, axe clean', async ({ width, scheme }) => {
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${werkplek.url}instellingen/github`);
    await expect(page.locator('#f-repository').inputValue()).resolves.toBe('opruimcoach/klachten');
    await page.fill('#f-token', TOKEN);
    await page.click('main button[type=submit]');
    await page.waitForSelector('table.controle');
    const text = await page.locator('main').innerText();
    expect(text).toContain('Wat nog moet gebeuren');
    expect(text).toMatch(/Toegang voor Bram[^\n]*\tOntbreekt/);
    expect(text).toContain('nodig bram-o4a uit');
    expect(await page.content()).not.toContain(TOKEN);
    expect(await page.locator('#f-token').inputValue()).toBe('');
    expect(await axeViolations(page)).toEqual([]);
    if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/github-check-${width}.png`, fullPage: true });
    await page.close();
  });

  it('a wrong token: the message on the field, in Dutch', async () => {
    const r = await fetch(`${werkplek.url}instellingen/github`, {
      method: 'POST',
      headers: { origin: new URL(werkplek.url).origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ repository: 'opruimcoach/klachten', token: 'verkeerd' }),
    });
    expect(r.status).toBe(422);
    expect(await r.text()).toContain('GitHub weigert het token');
    expect(log.join('\n')).not.toContain(TOKEN);
    expect(log.join('\n')).not.toContain('verkeerd');
  });
});
