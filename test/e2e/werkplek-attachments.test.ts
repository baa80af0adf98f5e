// Attachments in Chromium: an .eml with a PDF dropped on Nieuwe klacht, the attachment kept with the new case,
// listed on the Dossier and downloaded, a file added on the Dossier, at 390 px and at desktop width, axe clean in
// light and dark. Plus the download's headers and addresses that try to reach other files.
import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { todayIn } from '../../lib/dates/iso-date.ts';
import { attachmentKey } from '../../io/attachments.ts';
import { axeViolations } from '../../tools/browser.ts';
import type { RunningWerkplek } from '../../werkplek/app.ts';
import { sendAndWait, werkplekWithBrowser } from '../helpers/werkplek-browser.ts';
import { caseData, caseText, tempProject } from '../helpers/fixtures.ts';

vi.setConfig({ testTimeout: 180_000 });

const MAIL = join(import.meta.dirname, '..', 'fixtures', 'mail');
const SHOTS = process.env.SCREENSHOTS; // a folder to keep the screenshots in, for a person to look at
const TODAY = todayIn(new Date(), 'Europe/Amsterdam');

let dir = '';
let werkplek: RunningWerkplek;
let context: BrowserContext;
let closeAll: () => Promise<void>;
const log: string[] = [];
const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();

beforeAll(async () => {
  dir = await tempProject({ 'cases/2026/K-2026-001.md': caseText(caseData()) });
  cpSync(new URL('../../templates', import.meta.url), join(dir, 'templates'), { recursive: true });
  git('init', '--quiet', '-b', 'main');
  git('config', 'user.name', 'Bram de Wit');
  git('config', 'user.email', 'bram@example.org');
  git('add', '.');
  git('commit', '--quiet', '-m', 'start');
  ({ werkplek, context, close: closeAll } = await werkplekWithBrowser(dir, TODAY, log));
});
afterAll(() => closeAll?.());

const url = (path: string) => werkplek.url + path.replace(/^\//, '');

async function axeClean(page: Page, what: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect({ what, scheme, violations: await axeViolations(page) }).toEqual({ what, scheme, violations: [] });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
};

/** Drop an .eml on Nieuwe klacht (the file input; the page's script sends it) and wait for the filled-in form. */
async function readMail(page: Page, file: string): Promise<void> {
  await page.goto(url('/nieuw'));
  await Promise.all([
    page.waitForURL(url('/nieuw')),
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.setInputFiles('#f-eml', join(MAIL, file)),
  ]);
  await page.waitForSelector('text=De gegevens uit de e-mail zijn ingevuld');
}

describe.each([
  ['390', { width: 390, height: 844 }],
  ['desktop', { width: 1280, height: 900 }],
])('at %s px', (label, viewport) => {
  let page: Page;
  let id = '';
  beforeAll(async () => {
    page = await context.newPage();
    await page.setViewportSize(viewport);
  });
  afterAll(() => page.close());

  it('an .eml with a PDF prefills the form and offers its attachments', async () => {
    await readMail(page, 'with-pdf.eml');
    expect(await page.inputValue('#f-klacht')).toBe(
      'Onderwerp: Klacht over factuur 2026-118\n\nIn de bijlage de factuur waar het om gaat.',
    );
    expect(await page.inputValue('#f-complainant-name')).toBe('Marieke de Vries');
    expect(await page.isChecked('#f-bijlage-0')).toBe(true);
    expect(await page.isChecked('#f-bijlage-1')).toBe(true);
    expect(await page.textContent('label[for="f-bijlage-0"]')).toContain('factuur-2026-118.pdf');
    expect(await page.isChecked('#f-eml-bewaren')).toBe(false);
    await page.check('#f-eml-bewaren');
    await page.uncheck('#f-bijlage-1');
    await axeClean(page, 'nieuwe klacht met bijlagen');
    await shot(page, `nieuw-bijlagen-${label}`);
  });

  it('registering keeps the chosen attachments with the case, in one commit', async () => {
    await page.selectOption('#f-organizer', 'bram');
    await page.check('#f-categories-kosten');
    await Promise.all([page.waitForURL(/\/dossier\/K-/), page.click('button:has-text("Klacht registreren")')]);
    id = /\/dossier\/(K-[^/?#]+)/.exec(page.url())![1]!;
    await page.waitForSelector('text=2 bijlagen bewaard bij het dossier');
    const links = await page.locator('ul.bijlagen a').allTextContents();
    expect(links).toEqual(['factuur-2026-118.pdf', 'with-pdf.eml']);
    const files = git('show', '--name-only', '--format=%s', 'HEAD').split('\n');
    expect(files).toEqual([
      `${id}: klacht geregistreerd (art. 4.5)`,
      '',
      `cases/${id.slice(2, 6)}/${id}.md`,
      `cases/${id.slice(2, 6)}/${id}/factuur-2026-118.pdf`,
      `cases/${id.slice(2, 6)}/${id}/with-pdf.eml`,
    ]);
  });

  it('the Dossier downloads the PDF as it came', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('ul.bijlagen a:has-text("factuur-2026-118.pdf")')]);
    expect(download.suggestedFilename()).toBe('factuur-2026-118.pdf');
    const chunks: Buffer[] = [];
    for await (const c of (await download.createReadStream())!) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString('latin1')).toMatch(/^%PDF-1\.4\n[\s\S]*%%EOF\n$/);
  });

  it('a file added on the Dossier is listed; one over 10 MB is refused in Dutch', async () => {
    await page.setInputFiles('#f-bijlage-nieuw', {
      name: 'notitie telefoon.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Gebeld op maandag.'),
    });
    await sendAndWait(page, () => page.click('button:has-text("Bijlage toevoegen")'));
    expect(await page.locator('ul.bijlagen a').allTextContents()).toEqual(['factuur-2026-118.pdf', 'notitie telefoon.txt', 'with-pdf.eml']);
    await page.locator('#bijlagen').scrollIntoViewIfNeeded();
    await axeClean(page, 'dossier met bijlagen');
    await shot(page, `dossier-bijlagen-${label}`);
    if (label !== '390') return;
    await page.setInputFiles('#f-bijlage-nieuw', {
      name: 'groot.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.alloc(10 * 1024 * 1024 + 1),
    });
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click('button:has-text("Bijlage toevoegen")')]);
    await page.waitForSelector('text=groot.pdf is te groot (10,0 MB): een bijlage mag hoogstens 10 MB zijn');
    expect(await page.locator('ul.bijlagen a').allTextContents()).toHaveLength(3);
  });

  it('the download is sent as a file of its type, never sniffed; other files cannot be reached', async () => {
    const get = (path: string) => fetch(url(path));
    const res = await get(`/dossier/${id}/bijlage/${attachmentKey('factuur-2026-118.pdf')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="factuur-2026-118.pdf"');
    for (const path of [
      `/dossier/${id}/bijlage/${attachmentKey(`../${id}.md`)}`,
      `/dossier/${id}/bijlage/${attachmentKey('../../organization.yml')}`,
      `/dossier/${id}/bijlage/..%2F..%2F..%2Forganization.yml`,
      `/dossier/${id}/bijlage/../../../organization.yml`,
      `/dossier/K-2026-001/bijlage/${attachmentKey('factuur-2026-118.pdf')}`, // another case's folder
      `/dossier/..%2F..%2Forganization.yml/bijlage/${attachmentKey('organization.yml')}`,
    ]) {
      const r = await get(path);
      expect({ path, status: r.status }).toEqual({ path, status: 404 });
      expect(await r.text()).not.toMatch(/organizers:|^---/m);
    }
    // the log names ids and hashes, never a file name
    expect(log.join('\n')).not.toMatch(/factuur|notitie|with-pdf/);
  });
});

describe('a mail with an implausible date', () => {
  it('leaves the received date empty with the question beside it', async () => {
    const page = await context.newPage();
    await readMail(page, 'implausible-date.eml');
    expect(await page.inputValue('#f-received')).toBe('');
    expect(await page.textContent('#f-received-fout')).toContain('De e-mail is gedateerd 1 januari 9999');
    expect(await page.inputValue('#f-klacht')).toContain('De afspraak is drie keer verzet.');
    await page.locator('#f-received').scrollIntoViewIfNeeded();
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'nieuw-datum-vraag.png') });
    await page.close();
  });
});
