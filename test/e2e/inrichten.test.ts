// A second practice starts (issue 21): "Praktijk De Opruimcoach", one organizer, De Geschillencommissie Zorg, goes
// from a fresh copy of the repository's files (organization.yml, templates/, the example cases, in a Git repository
// with a remote of its own) through Inrichten without typing YAML, removes the example cases, picks herself in "Wie
// ben ik", and registers a complaint whose letter names her practice and her body. `npm run werkplek` runs as the
// practice starts it: a process, in a Git clone, without a Git identity of its own. Steps and time are printed.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { parse } from 'yaml';
import { axeViolations, connectBrowser } from '../../tools/browser.ts';
import { git, NO_GLOBAL_GIT } from '../helpers/git-repos.ts';
import { ROOT } from '../helpers/temp-project.ts';
import { developerWordsIn } from '../helpers/developer-words.ts';
import { buildSite, projectCopy } from '../../tools/site-build.ts';
import { sendAndWait } from '../helpers/werkplek-browser.ts';

/** Her own regulation: the shipped one, with her practice and her body (what a practice pastes from its own text). */
const OWN_REGULATION = readFileSync(join(ROOT, 'regulation/klachtenreglement.nl.txt'), 'utf8')
  .replace(/Organize4all/g, 'Praktijk De Opruimcoach')
  .replace(/Solopartners/g, 'De Geschillencommissie Zorg');

vi.setConfig({ testTimeout: 180_000 });

const SHOTS = process.env.INRICHTEN_SCREENSHOTS; // a folder: screenshots at 390 px and desktop width, to look at

let root = '';
let dir = '';
let base = '';
let printed = '';
let server: ChildProcess | undefined;
let context: BrowserContext;
let closeBrowser: () => Promise<void>;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'opruimcoach-'));
  // the practice's own repository (its GitHub remote is a bare repository here), holding the files a copy brings
  git(root, 'init', '--quiet', '--bare', '-b', 'main', 'remote.git');
  git(root, 'clone', '--quiet', 'remote.git', 'praktijk');
  dir = join(root, 'praktijk');
  for (const p of ['organization.yml', 'templates', 'cases']) cpSync(join(ROOT, p), join(dir, p), { recursive: true });
  git(dir, 'add', '-A');
  git(dir, '-c', 'user.name=Kopie', '-c', 'user.email=kopie@localhost', 'commit', '--quiet', '-m', 'kopie van klachtenregeling');
  git(dir, 'push', '--quiet', '-u', 'origin', 'main');
  server = spawn(
    process.execPath,
    ['--import', join(ROOT, 'io/compile-cache.mjs'), join(ROOT, 'scripts/werkplek.ts'), '--port', '0', '--quiet'],
    { cwd: dir, env: NO_GLOBAL_GIT },
  );
  printed = await new Promise<string>((resolve, reject) => {
    let out = '';
    server!.stdout!.on('data', (d) => {
      out += d;
      if (/http:\/\/127\.0\.0\.1:\d+\/\S*/.test(out)) resolve(out);
    });
    server!.stderr!.on('data', (d) => (out += d));
    server!.on('exit', () => reject(new Error(`werkplek stopped: ${out}`)));
  });
  base = /http:\/\/127\.0\.0\.1:\d+\//.exec(printed)![0];
  ({ context, close: closeBrowser } = await connectBrowser(inject('browserEndpoint')));
  context.setDefaultTimeout(30_000);
});
afterAll(async () => {
  await closeBrowser?.();
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server!.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
  if (root) rmSync(root, { recursive: true, force: true });
});

/** What the organizer does, counted: every page opened, field filled, choice made and button pressed. */
let steps = 0;
const started = performance.now();
const go = async (page: Page, path: string) => (steps++, page.goto(base + path.replace(/^\//, '')));
const fill = async (page: Page, selector: string, value: string) => (steps++, page.fill(selector, value));
const check = async (page: Page, selector: string) => (steps++, page.check(selector));
const press = async (page: Page, button: string, url: RegExp) => {
  steps++;
  await Promise.all([page.waitForURL(url), page.click(`button:has-text("${button}")`)]);
};
const yml = () => parse(readFileSync(join(dir, 'organization.yml'), 'utf8')) as Record<string, any>;

async function shoot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
}

describe('Praktijk De Opruimcoach starts from a fresh copy', () => {
  let page: Page;
  let id = '';

  it('npm run werkplek opens Inrichten first: the copy still holds the example organization', async () => {
    expect(printed).toMatch(/draait op http:\/\/127\.0\.0\.1:\d+\/instellingen /);
    page = await context.newPage();
    await go(page, '/');
    expect(await page.textContent('main')).toContain('Dit is nog de voorbeeldpraktijk Organize4all');
    steps++;
    await Promise.all([page.waitForURL(/\/instellingen$/), page.click('a:has-text("Uw praktijk inrichten")')]);
    expect(await page.textContent('h1')).toBe('Inrichten');
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, 'inrichten');
  });

  it('refuses what the schema refuses, in Dutch, in a summary linked to the field and beside it; nothing written', async () => {
    const before = readFileSync(join(dir, 'organization.yml'), 'utf8');
    await fill(page, '#f-organization-email', 'geen-adres');
    await fill(page, '#f-deadlines-filing_workdays', 'dertig');
    await press(page, 'Opslaan', /\/instellingen$/);
    const summary = page.locator('.foutoverzicht');
    expect(await summary.textContent()).toContain('E-mailadres voor klachten: verwacht een e-mailadres');
    expect(await summary.locator('a[href="#f-deadlines-filing_workdays"]').textContent()).toContain('Indieningstermijn');
    expect(await page.getAttribute('#f-organization-email', 'aria-invalid')).toBe('true');
    expect(await page.textContent('#f-deadlines-filing_workdays-fout')).toContain('verwacht een heel getal');
    expect(await page.inputValue('#f-deadlines-filing_workdays')).toBe('dertig'); // what she typed stays
    expect(readFileSync(join(dir, 'organization.yml'), 'utf8')).toBe(before);
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, 'inrichten-fout');
  });

  it('fills in the practice, one organizer, Geschillencommissie Zorg and a sentence; the preview letter uses them', async () => {
    await fill(page, '#f-organization-name', 'Praktijk De Opruimcoach');
    await fill(page, '#f-organization-email', 'klachten@opruimcoach.example');
    await fill(page, '#f-organization-phone', '');
    await fill(page, '#f-organization-postal_address', 'Praktijk De Opruimcoach, Opruimlaan 7, 3511 AB Utrecht');
    await fill(page, '#f-organization-website', 'https://www.opruimcoach.example');
    await fill(page, '#f-site_url', 'https://opruimcoach.github.io/klachtenregeling/');
    // the two example organizers out, herself in the empty row
    for (const i of [0, 1]) for (const f of ['name', 'github']) await fill(page, `#f-organizers-${i}-${f}`, '');
    await fill(page, '#f-organizers-2-name', 'Sanne Visser');
    await fill(page, '#f-organizers-2-github', 'sanne-opruimcoach');
    await check(page, '#instantie-geschillencommissie-zorg');
    await fill(page, '#f-deadlines-filing_workdays', '30');
    await fill(page, '#f-categories-5-label', 'Resultaat van het opruimen');
    await fill(page, '#f-letters-closing', 'Heeft u vragen? Bel mij gerust.');
    steps++;
    // the preview opens in a tab of its own: the form stays as she typed it
    const [preview] = await Promise.all([context.waitForEvent('page'), page.click('button:has-text("Voorbeeldbrief bekijken")')]);
    await preview.waitForLoadState();
    const letter = await preview.textContent('body');
    for (const word of ['Praktijk De Opruimcoach', 'Sanne Visser', 'Geschillencommissie Zorg', 'Heeft u vragen? Bel mij gerust.'])
      expect(letter).toContain(word);
    expect(letter).not.toMatch(/Organize4all|Solopartners|Anouk|Bram/);
    await shoot(preview, 'voorbeeldbrief');
    await preview.close();
    expect(readFileSync(join(dir, 'organization.yml'), 'utf8')).toContain('name: Organize4all'); // a preview writes nothing
  });

  it('saves organization.yml with comments kept, removes the five example cases, each in a commit of its own', async () => {
    expect(await page.isChecked('#f-voorbeelden')).toBe(true); // on the first run the removal is offered, ticked
    // the shipped regulation names the example's body: the save opens Klachtenregeling as the next step
    await press(page, 'Opslaan', /\/instellingen\/reglement\?melding=/);
    const flash = await page.textContent('[role=status]');
    expect(flash).toContain('Uw klachtenregeling past nog niet bij deze instellingen');
    expect(flash).toContain('5 voorbeelddossiers verwijderd');
    expect(developerWordsIn(flash ?? '')).toEqual([]); // her words: no git, no file names
    expect(flash).toContain('Wie ben ik'); // no Git identity yet: saved, committed once she says who she is
    expect(await page.textContent('main')).not.toContain('voorbeeldpraktijk');
    const org = yml();
    expect(org.organization).toEqual({
      name: 'Praktijk De Opruimcoach',
      email: 'klachten@opruimcoach.example',
      postal_address: 'Praktijk De Opruimcoach, Opruimlaan 7, 3511 AB Utrecht',
      website: 'https://www.opruimcoach.example',
    });
    expect(org.organizers).toEqual([{ key: 'sanne', name: 'Sanne Visser', github: 'sanne-opruimcoach' }]);
    expect(org.escalation.name).toBe('De Geschillencommissie Zorg');
    expect(org.escalation.procedure.submitted_by).toBe('complainant');
    expect(org.categories.at(-1)).toEqual({ key: 'resultaat-van-het-opruimen', label: 'Resultaat van het opruimen' });
    expect(org.letters).toEqual({ closing: 'Heeft u vragen? Bel mij gerust.' });
    const text = readFileSync(join(dir, 'organization.yml'), 'utf8');
    expect(text).toContain('# yaml-language-server: $schema=./schemas/organization.schema.json');
    expect(text).toMatch(/handling_workdays: 20 {3}# art\. 5\.4/); // an untouched line, its aligned comment and all
    for (const f of ['2025/K-2025-001.md', '2026/K-2026-001.md', '2026/K-2026-004.md'])
      expect(existsSync(join(dir, 'cases', f))).toBe(false);
  });

  it('Klachtenregeling: she pastes her own regulation, which names her body and her terms', async () => {
    await fill(page, '#nl-tekst', OWN_REGULATION);
    steps++;
    await sendAndWait(page, () => page.getByRole('button', { name: 'Opslaan' }).first().click());
    expect(readFileSync(join(dir, 'regulation/klachtenreglement.nl.txt'), 'utf8').replace(/\r\n/g, '\n').trim()).toBe(
      OWN_REGULATION.trim(),
    );
  });

  it('Wie ben ik: she picks herself; the saved changes are committed under her name', async () => {
    await go(page, '/wie-ben-ik');
    await check(page, '#wie-sanne');
    await press(page, 'Opslaan', /\/\?melding=/);
    // the commits Git refused are made by the sharing round her choice starts: on a busy machine that can take a while
    // polled without the index lock a plain `git status` takes: it would make the werkplek's commit fail meanwhile
    await vi.waitFor(() => expect(git(dir, '--no-optional-locks', 'status', '--porcelain')).toBe(''), { timeout: 120_000, interval: 200 });
    const log = git(dir, 'log', '--format=%an|%s', '-3');
    expect(log).toContain(
      'Sanne Visser|Instellingen gewijzigd: organization, site_url, organizers, escalation, categories, letters (Inrichten)',
    );
    expect(log).toMatch(/Sanne Visser\|Voorbeelddossiers verwijderd: K-2025-001, K-2026-001, K-2026-002, K-2026-003, K-2026-004/);
  });

  it('registers a complaint; its acknowledgement names her practice, herself and her body, never the example', async () => {
    await go(page, '/nieuw');
    await fill(page, '#f-complainant-name', 'Canarie Opruimklant');
    await fill(page, '#f-complainant-email', 'klant@example.org');
    await check(page, '#f-categories-resultaat-van-het-opruimen');
    await fill(page, '#f-klacht', 'De zolder is niet opgeruimd zoals afgesproken.');
    await press(page, 'Klacht registreren', /\/dossier\/K-/);
    id = /\/dossier\/(K-[^/?]+)/.exec(page.url())![1]!;
    expect(id).toMatch(/^K-\d{4}-001$/);
    await go(page, `/dossier/${id}/document/ontvangstbevestiging`);
    const letter = await page.textContent('body');
    for (const word of [
      'Praktijk De Opruimcoach',
      'Sanne Visser',
      'Geschillencommissie Zorg',
      'Heeft u vragen? Bel mij gerust.',
      'Canarie Opruimklant',
    ])
      expect(letter).toContain(word);
    expect(letter).not.toMatch(/Organize4all|Solopartners|Anouk|Bram/);
    await go(page, `/dossier/${id}/document/registratieformulier`);
    expect(await page.textContent('body')).toContain('Praktijk De Opruimcoach');
    await page.close();
    const seconds = (performance.now() - started) / 1000;
    console.log(`Inrichten to a registered complaint with its letter: ${steps} steps, ${seconds.toFixed(1)} s scripted`);
  });

  it('the public site built from her files shows her practice, her body and her regulation word for word, never the example', async () => {
    const copy = await projectCopy();
    try {
      for (const f of ['organization.yml', 'regulation', 'cases']) {
        rmSync(join(copy.dir, f), { recursive: true, force: true });
        cpSync(join(dir, f), join(copy.dir, f), { recursive: true });
      }
      await buildSite(copy.dir);
      const out = join(copy.dir, 'dist/site');
      const pages = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
      const all = pages.map((f) => readFileSync(join(out, f), 'utf8')).join('\n');
      expect(all).toContain('Praktijk De Opruimcoach');
      expect(all).toContain('De Geschillencommissie Zorg');
      expect(all).not.toMatch(/Organize4all|Solopartners/i);
      const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
      // every line of her regulation is on the page, word for word (its numbers set apart)
      const page = text(all);
      for (const line of OWN_REGULATION.split('\n')
        .map((l) => l.replace(/^\s*\d+(\.\d+)*\.?\s*/, '').trim())
        .filter((l) => l.length > 20))
        expect(page.includes(line.replace(/\s+/g, ' ').replace(/&/g, '&amp;')), line).toBe(true);
    } finally {
      await copy.remove();
    }
  });
});
