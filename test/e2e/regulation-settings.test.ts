// The werkplek's Klachtenregeling page (/instellingen/reglement) in Chromium: the practice's regulation split into
// articles, the software's rules tied to them, a text whose term differs refused with the article quoted, a text
// that agrees checked and then saved and committed. Axe on the page and on the refusal.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { axeViolations, connectBrowser } from '../../tools/browser.ts';
import { startWerkplek, type RunningWerkplek } from '../../werkplek/app.ts';
import { REGULATION_TEXT, tempProject } from '../helpers/fixtures.ts';
import { git } from '../helpers/git-repos.ts';
import { sendAndWait } from '../helpers/werkplek-browser.ts';

vi.setConfig({ testTimeout: 120_000 });

let dir = '';
let werkplek: RunningWerkplek;
let context: BrowserContext;
let closeBrowser: () => Promise<void>;
let page: Page;

beforeAll(async () => {
  dir = await tempProject({});
  git(dir, 'init', '--quiet', '-b', 'main');
  git(dir, 'config', 'user.name', 'Anouk Jansen');
  git(dir, 'config', 'user.email', 'anouk@example.invalid');
  git(dir, 'add', '-A');
  git(dir, 'commit', '--quiet', '-m', 'start');
  werkplek = await startWerkplek({ port: 0, cases: join(dir, 'cases'), config: join(dir, 'organization.yml'), today: () => '2026-11-24' });
  ({ context, close: closeBrowser } = await connectBrowser(inject('browserEndpoint')));
  context.setDefaultTimeout(30_000);
  page = await context.newPage();
});
afterAll(async () => {
  await page?.close();
  await closeBrowser?.();
  await werkplek?.close();
});

const regulationFile = () => readFileSync(join(dir, 'regulation/klachtenreglement.nl.txt'), 'utf8');
const rowText = async (label: string) =>
  (await page.locator('tr', { has: page.locator(`th:text-is("${label}")`) }).innerText()).replace(/\s+/g, ' ');

describe('Instellingen, Klachtenregeling', () => {
  it('shows which rule of the software each article carries, and the articles as the werkplek reads them', async () => {
    const response = await page.goto(`${werkplek.url}instellingen/reglement`);
    expect(response?.status()).toBe(200);
    expect(await rowText('Termijn om een klacht in te dienen')).toContain('Artikel 4.1: “De klacht kan maximaal 30 werkdagen na afronding');
    expect(await rowText('Termijn om een klacht in te dienen')).toContain('30 werkdagen');
    expect(await rowText('Termijn voor het schriftelijke antwoord')).toMatch(/Artikel 5\.4: .* Artikel 6\.2: .* 20 werkdagen$/);
    expect(await rowText('Waar een klager terechtkan die niet tevreden is')).toContain('Artikel 4.7');
    expect(await rowText('Geheimhouding en privacy')).toContain('Artikel 4.4');
    expect(await page.locator('details summary').allInnerTexts()).toEqual([
      'Artikel 1: Begripsomschrijving (6 regels)',
      'Artikel 2: Doelstellingen (4 regels)',
      'Artikel 3: Informeren van de cliënt: (2 regels)',
      'Artikel 4: De interne klachtenprocedure: (7 regels)',
      'Artikel 5: Onder afhandeling van een klacht wordt verstaan: (5 regels)',
      'Artikel 6: Verantwoordelijkheden (2 regels)',
    ]);
    expect(await page.locator('#nl-tekst').inputValue()).toBe(REGULATION_TEXT);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('refuses a text whose handling term differs from organization.yml, quoting the article; nothing is written', async () => {
    const head = git(dir, 'rev-parse', 'HEAD');
    await page.locator('#nl-tekst').fill(REGULATION_TEXT.replace('maximaal 20 werkdagen\n', 'binnen zes weken\n'));
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Opslaan' }).first().click(),
    ]);
    expect(response.status()).toBe(422);
    const alert = (await page.getByRole('alert').innerText()).replace(/\s+/g, ' ');
    expect(alert).toContain(
      'Dit klopt niet met uw instellingen Afhandeltermijn: werkdagen na ontvangst van de klacht: is 20 werkdagen, maar artikel 5.4 van de klachtenregeling zegt: “Het afhandelen van de klacht binnen een redelijke termijn van binnen zes weken”. De software rekent termijnen in werkdagen',
    );
    // the text she pasted stays in the field
    expect(await page.locator('#nl-tekst').inputValue()).toContain('binnen zes weken');
    expect(regulationFile()).toBe(REGULATION_TEXT);
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('checks a text that agrees without saving it, then saves and commits it', async () => {
    const text = `${REGULATION_TEXT}\n7. Slotbepaling\n\n  1. Deze regeling geldt vanaf 1 januari 2027.\n`;
    await page.locator('#nl-tekst').fill(text);
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Controleren' }).first().click(),
    ]);
    expect(await page.getByRole('status').innerText()).toContain('De tekst past bij uw instellingen. Er is nog niets opgeslagen');
    expect(await page.locator('details summary').last().innerText()).toBe('Artikel 7: Slotbepaling (1 regel)');
    expect(regulationFile()).toBe(REGULATION_TEXT);
    await sendAndWait(page, () => page.getByRole('button', { name: 'Opslaan' }).first().click());
    expect(await page.getByRole('status').innerText()).toContain('Uw klachtenregeling is opgeslagen: 7 artikelen.');
    expect(regulationFile()).toBe(text);
    expect(git(dir, 'log', '-1', '--format=%s %an', '--name-only')).toBe(
      'klachtenregeling vervangen Anouk Jansen\n\nregulation/klachtenreglement.nl.txt',
    );
  });

  it('saves an English text, which needs articles only', async () => {
    await page.locator('#en-tekst').fill('Article 1 Definitions\n1.1 Complaint: any dissatisfaction.\n');
    await sendAndWait(page, () => page.getByRole('button', { name: 'Opslaan' }).last().click());
    expect(await page.getByRole('status').innerText()).toContain('De Engelse tekst is opgeslagen: 1 artikel.');
    expect(readFileSync(join(dir, 'regulation/klachtenreglement.en.txt'), 'utf8')).toBe(
      'Article 1 Definitions\n1.1 Complaint: any dissatisfaction.\n',
    );
  });
});
