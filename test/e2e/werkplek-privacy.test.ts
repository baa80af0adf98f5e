// Privacy requests in the werkplek, in Chromium, on the cases folder as the handbook's flow and forms leave it
// (test/e2e/handbook-fixture.ts): a person's cases found and the access export downloaded as PDF and JSON (AVG
// art. 15), one closed case erased on request after a dry run and an explicit confirmation (art. 17).
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../../tools/browser.ts';
import { closePage, werkplekSession } from '../helpers/werkplek-browser.ts';
import { CANARY, TODAY, YEAR, afterTheForms, itKeepsPersonalDataOutOfTheLog } from './handbook-fixture.ts';

// the whole suite runs its builds and browsers in parallel on a small machine: allow slow steps
vi.setConfig({ testTimeout: 180_000 });

const s = werkplekSession(afterTheForms(), { today: TODAY, templates: true });
const { url, frontmatter, snapshot, open } = s;

describe('privacy requests (AVG art. 15, 17)', () => {
  it('finds a person’s cases and downloads the access export as PDF and JSON, never cached, writing nothing', async () => {
    const before = snapshot();
    const page = await open('/privacy');
    await page.fill('#inz-f-email', 'KLAGER@example.org');
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Dossiers zoeken")')]);
    const status = await page.textContent('[role=status]');
    expect(status).toContain(`K-${YEAR}-001`);
    expect(status).toContain(`K-${YEAR}-003`);
    expect(await axeViolations(page)).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Inzage als PDF downloaden")')]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^inzage-${TODAY}-K-${YEAR}-001-.*\\.pdf$`));
    const saved = join(tmpdir(), `werkplek-inzage-${process.pid}.pdf`);
    await download.saveAs(saved);
    expect(readFileSync(saved).subarray(0, 5).toString()).toBe('%PDF-');
    rmSync(saved);
    const res = await fetch(url('/privacy'), {
      method: 'POST',
      headers: { origin: new URL(s.werkplek.url).origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ actie: 'inzage-json', email: 'klager@example.org' }),
    });
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="inzage-.*\.json"$/);
    const exp = (await res.json()) as { dossiers: { dossiernummer: string; gegevens: { complainant: { name: string } } }[] };
    expect(exp.dossiers.find((d) => d.dossiernummer === `K-${YEAR}-001`)?.gegevens.complainant.name).toBe(`${CANARY} "Jr." #1: test`);
    // nobody by that name: said so, nothing made
    await page.goto(url('/privacy'));
    await page.fill('#inz-f-naam', 'Niemand Bekend');
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Dossiers zoeken")')]);
    expect(await page.textContent('[role=status]')).toContain('Geen dossier gevonden');
    expect(snapshot()).toEqual(before);
    await closePage(page);
  });

  it('erases one closed case on request: a dry run first, applied only after explicit confirmation', async () => {
    const id = `K-${YEAR}-003`;
    const page = await open('/privacy');
    // an open case is refused with what to do first
    await page.fill('#verw-f-dossier', 'K-2025-050');
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Tonen wat er verwijderd wordt")')]);
    expect(await page.textContent('#verw-f-dossier-fout')).toContain('is nog open; sluit het eerst af');
    const before = snapshot();
    await page.fill('#verw-f-dossier', id.toLowerCase());
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Tonen wat er verwijderd wordt")')]);
    expect(await page.textContent('main')).toContain('Er is nog niets veranderd: u ziet eerst wat er zou gebeuren');
    // in words, never a field path or the template's help comments
    expect(await page.textContent('main')).toContain('van de klager');
    expect(await page.textContent('main')).toContain('de tekst van de klacht en de notities');
    expect(await page.textContent('main')).not.toMatch(/complainant\.|opmerking na #/);
    expect(await axeViolations(page)).toEqual([]);
    await Promise.all([page.waitForNavigation(), page.click(`button:has-text("Persoonsgegevens van ${id} verwijderen")`)]);
    expect(await page.textContent('#verw-bevestig-fout')).toContain('Vink eerst aan');
    expect(snapshot()).toEqual(before);
    await page.check('#verw-bevestig');
    await Promise.all([page.waitForNavigation(), page.click(`button:has-text("Persoonsgegevens van ${id} verwijderen")`)]);
    expect(await page.textContent('[role=status]')).toContain(
      `${id}: persoonsgegevens verwijderd op verzoek van de betrokkene (AVG art. 17)`,
    );
    const { data, body } = frontmatter(id);
    expect(data).not.toHaveProperty('complainant');
    expect(data.anonymized).toBe(TODAY);
    expect(body).not.toContain('Derde klacht');
    expect(s.log.join('\n')).not.toMatch(/Canarie|Klant|example\.org|Derde/);
    await closePage(page);
  });
});

itKeepsPersonalDataOutOfTheLog(s);
