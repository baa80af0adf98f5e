// The werkplek in Chromium: one server on 127.0.0.1 and one browser walk the handbook's flow
// (docs/handleiding.md) from registration to archive; each test builds on the one before. The cases folder is a
// temporary copy without Git ("without Git it still works"). Beside the flow, each on the state the flow leaves
// (test/e2e/handbook-fixture.ts): werkplek-forms (refusals, editing, a change on disk or outside),
// werkplek-accessibility-light and -dark (axe-core, the keyboard) and werkplek-privacy (AVG art. 15, 17).
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { caseText } from '../helpers/fixtures.ts';
import { closePage, sendAndWait, werkplekSession } from '../helpers/werkplek-browser.ts';
import { CANARY, COMPLAINT, OLD, TODAY, YEAR, handbookForms, itKeepsPersonalDataOutOfTheLog } from './handbook-fixture.ts';

// the whole suite runs its builds and browsers in parallel on a small machine: allow slow steps
vi.setConfig({ testTimeout: 180_000 });

// the letter template, as the project keeps it beside organization.yml
const s = werkplekSession({ 'cases/2020/K-2020-001.md': caseText(OLD) }, { today: TODAY, templates: true });
const { url, caseFile, frontmatter, snapshot, open } = s;
const { register, submitForm, writeResponse, pdfOf } = handbookForms(s);

describe('the handbook flow, in the browser', () => {
  const complaint = COMPLAINT;
  let id = '';

  it('registers a complaint (art. 4.5); received defaults to today in Amsterdam; text is kept exactly', async () => {
    const page = await open('/nieuw');
    expect(await page.inputValue('#f-received')).toBe(TODAY);
    id = await register(page, `${CANARY} "Jr." #1: test`, complaint);
    expect(id).toBe(`K-${YEAR}-001`);
    expect(await page.textContent('[role=status]')).toContain('klacht geregistreerd (art. 4.5)');
    expect(await page.textContent('[role=status]')).toContain('Opgeslagen; nog niet gedeeld');
    const { data, body } = frontmatter(id);
    expect(data).toMatchObject({ id, organizer: 'bram', received: TODAY, status: 'open', categories: ['kosten'] });
    expect(data.complainant.name).toBe(`${CANARY} "Jr." #1: test`);
    expect(body).toContain(complaint);
    await closePage(page);
  });

  it('offers every letter in the Dossier: what it lacks in Dutch, a preview and a PDF that change nothing, and records the acknowledgement only when confirmed (art. 4.5)', async () => {
    const page = await open(`/dossier/${id}`);
    const documents = await page.locator('h2:has-text("Documenten") ~ ul >> nth=0').textContent();
    for (const title of [
      'Klachtenregistratieformulier',
      'Antwoordbrief',
      'Ontvangstbevestiging',
      'Bevestiging mondelinge klacht',
      'Brief: voorgelegd aan de klachtencommissie',
      'Dossier voor de klachtencommissie',
    ])
      expect(documents).toContain(title);
    // no response yet: the letter names what to fill in, in the werkplek's words, instead of a broken PDF
    expect(documents).toContain('de bevindingen (formulier "Schriftelijke afhandeling")');
    expect(documents).toContain('Bevestiging mondelinge klacht: niet nodig');
    const lacking = await fetch(url(`/dossier/${id}/document/antwoordbrief.pdf`));
    expect(lacking.status).toBe(422);
    expect(await lacking.text()).toContain('de conclusies (formulier');
    // a preview and a PDF record nothing
    const before = readFileSync(caseFile(id), 'utf8');
    const preview = await fetch(url(`/dossier/${id}/document/ontvangstbevestiging`));
    expect(preview.status).toBe(200);
    expect(preview.headers.get('cache-control')).toBe('no-store');
    expect(await preview.text()).toContain(id);
    await pdfOf(id, 'ontvangstbevestiging');
    await pdfOf(id, 'registratieformulier');
    expect(readFileSync(caseFile(id), 'utf8')).toBe(before);
    // the organizer confirms she sent it: acknowledged is recorded, through the same guarded save
    await sendAndWait(page, () => page.click('button:has-text("Ontvangstbevestiging is verstuurd")'));
    expect(await page.textContent('[role=status]')).toContain('ontvangstbevestiging verstuurd (art. 3, 4.1, 5.4)');
    expect(frontmatter(id).data.acknowledged).toBe(TODAY);
    expect(frontmatter(id).body).toContain('Factuur #2026-12');
    expect(await page.textContent('.lijst-stappen')).toMatch(/Ontvangst aan de klager bevestigd: \d/);
    expect(await page.locator('h2:has-text("Documenten") ~ ul >> nth=0').textContent()).toContain('Verstuurd op');
    // a second confirmation from a stale form changes nothing
    const after = readFileSync(caseFile(id), 'utf8');
    const res = await fetch(url(`/dossier/${id}`), {
      method: 'POST',
      headers: { origin: new URL(s.werkplek.url).origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ actie: 'verstuurd-ontvangstbevestiging', hash: 'oud', 'verstuurd.date': TODAY }),
      redirect: 'manual',
    });
    expect(res.status).toBe(409);
    expect(readFileSync(caseFile(id), 'utf8')).toBe(after);
    await closePage(page);
  });

  it('records client informed (art. 3) as a fact of the assignment, and the steps: complainant heard (art. 5.2)', async () => {
    const page = await open(`/dossier/${id}`);
    // art. 3: not a step of today; the date of the order confirmation, in the registration
    expect(await page.locator('#stap-f-stap-kind option[value="client_informed"]').count()).toBe(0);
    await submitForm(page, 'Registratie wijzigen', () => page.fill('#reg-f-client_informed', '2026-01-05'), 'Registratie opslaan');
    expect(await page.textContent('[role=status]')).toContain('registratie gewijzigd');
    await submitForm(
      page,
      'Stap vastleggen',
      async () => {
        await page.selectOption('#stap-f-stap-kind', 'complainant_heard');
        await page.fill('#stap-f-stap-note', 'Gebeld: klant wil # korting');
      },
      'Stap opslaan',
    );
    const { data } = frontmatter(id);
    expect(data.client_informed).toBe('2026-01-05');
    expect(data.steps).toEqual([{ kind: 'complainant_heard', date: TODAY, note: 'Gebeld: klant wil # korting' }]);
    expect(await page.textContent('.lijst-stappen')).toContain('Gebeld: klant wil # korting');
    await closePage(page);
  });

  it('refuses an invalid save beside the field and writes nothing', async () => {
    const page = await open(`/dossier/${id}`);
    const before = snapshot();
    await submitForm(
      page,
      'Schriftelijke afhandeling schrijven',
      async () => {
        await page.fill('#antw-f-response-date', '2001-01-01');
        await page.fill('#antw-f-response-findings', 'Iets');
      },
      'Afhandeling opslaan',
    );
    expect(await page.textContent('#antw-f-response-date-fout')).toMatch(/^1 januari 2001 ligt vóór/);
    expect(await page.inputValue('#antw-f-response-findings')).toBe('Iets');
    expect(snapshot()).toEqual(before);
    await closePage(page);
  });

  it('writes the response (art. 4.6, 5.5) with ` #`, `: ` and quotes, and reads it back exactly', async () => {
    const page = await open(`/dossier/${id}`);
    const findings = 'Factuur #2026-12 was te hoog berekend.';
    const conclusions = 'Conclusie: de klacht is "gegrond".\n- het bedrag wordt terugbetaald';
    await submitForm(
      page,
      'Schriftelijke afhandeling schrijven',
      async () => {
        await page.fill('#antw-f-response-findings', findings);
        await page.fill('#antw-f-response-conclusions', conclusions);
      },
      'Afhandeling opslaan',
    );
    expect(frontmatter(id).data.response).toEqual({ date: TODAY, findings, conclusions });
    await closePage(page);
  });

  it('downloads the response letter as PDF, not cached', async () => {
    const page = await open(`/dossier/${id}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a:has-text("PDF downloaden") >> nth=1')]);
    expect(download.suggestedFilename()).toBe(`${id}-antwoordbrief.pdf`);
    // the browser runs in its own process (test/e2e/global-setup.ts): save a copy to read it
    const saved = join(tmpdir(), `werkplek-${process.pid}-${id}.pdf`);
    await download.saveAs(saved);
    const pdf = readFileSync(saved);
    rmSync(saved);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const res = await fetch(url(`/dossier/${id}/document/antwoordbrief`));
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toContain('Factuur #2026-12 was te hoog berekend.');
    await closePage(page);
  });

  it('closes the case (art. 5.5)', async () => {
    const page = await open(`/dossier/${id}`);
    await submitForm(page, 'Afsluiten', () => page.selectOption('#afs-f-satisfied', 'ja').then(() => undefined), 'Klacht afsluiten');
    expect(frontmatter(id).data).toMatchObject({ status: 'resolved', satisfied: true });
    expect(await page.textContent('main')).toContain('afgerond, binnen de termijn');
    await closePage(page);
  });

  it('escalates another case to the complaints committee (art. 4.7)', async () => {
    const page = await s.context.newPage();
    const other = await register(page, 'Tweede Klant', 'Tweede klacht.');
    await writeResponse(page);
    await submitForm(
      page,
      'Voorleggen aan de klachtencommissie',
      () => page.fill('#esc-f-escalation-reference', 'SP-2026/17'),
      'Voorleggen vastleggen',
    );
    expect(frontmatter(other).data).toMatchObject({
      status: 'escalated',
      escalation: { date: TODAY, reference: 'SP-2026/17' },
      satisfied: false,
    });
    // the letters of art. 4.7: to the complainant, and the dossier for the committee
    expect(await page.locator('h2:has-text("Documenten") ~ ul >> nth=0').textContent()).not.toContain('nog niet te maken');
    await pdfOf(other, 'escalatiebrief');
    const preview = await (await fetch(url(`/dossier/${other}/document/dossier-klachtencommissie`))).text();
    expect(preview).toContain('SP-2026/17');
    expect(preview).toContain('Bevindingen.');
    await pdfOf(other, 'dossier-klachtencommissie');
    await closePage(page);
  });

  it('records a withdrawal', async () => {
    const page = await s.context.newPage();
    const other = await register(page, 'Derde Klant', 'Derde klacht, mondeling.', 'oral');
    // an oral complaint is confirmed in writing (art. 4.1): the letter prints the text written for the complainant,
    // never the organizer's own note; then its date is recorded
    expect((await fetch(url(`/dossier/${other}/document/bevestiging-mondelinge-klacht`))).status).toBe(422);
    await submitForm(
      page,
      'Registratie wijzigen',
      () => page.fill('#reg-f-klacht_bevestigd', 'U vertelde mij over de planning.\nDie klopte niet.'),
      'Registratie opslaan',
    );
    const letter = await (await fetch(url(`/dossier/${other}/document/bevestiging-mondelinge-klacht`))).text();
    expect(letter).toContain('U vertelde mij over de planning.\nDie klopte niet.');
    expect(letter).not.toContain('Derde klacht, mondeling.');
    await pdfOf(other, 'bevestiging-mondelinge-klacht');
    expect(await page.textContent('main')).toContain('deze mondelinge klacht is nog niet schriftelijk bevestigd (art. 4.1)');
    expect(frontmatter(other).data).not.toHaveProperty('written_confirmation');
    await sendAndWait(page, () => page.click('button:has-text("Bevestiging mondelinge klacht is verstuurd")'));
    expect(frontmatter(other).data.written_confirmation).toBe(TODAY);
    await submitForm(page, 'Klacht ingetrokken', () => page.check('#int-bevestig'), 'Intrekking vastleggen');
    expect(frontmatter(other).data).toMatchObject({ status: 'withdrawn', withdrawn_on: TODAY });
    await closePage(page);
  });

  it('lists the cases, most urgent first, filtered by organizer and status, found by id', async () => {
    const page = await open('/?status=withdrawn');
    const rows = await page.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('ingetrokken');
    await page.fill('#zoek', id.toLowerCase());
    await Promise.all([page.waitForNavigation(), page.click('header button:has-text("Zoeken")')]);
    expect(await page.locator('tbody tr').count()).toBe(1);
    await page.goto(url('/?begeleider=anouk'));
    expect(await page.locator('tbody tr').allTextContents()).toEqual([expect.stringContaining('K-2020-001')]);
    await closePage(page);
  });

  it('anonymizes past the retention period only after explicit confirmation', async () => {
    const page = await open('/bewaartermijn');
    expect(await page.textContent('main')).toContain('K-2020-001');
    const before = readFileSync(caseFile('K-2020-001'), 'utf8');
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Persoonsgegevens verwijderen")')]);
    expect(await page.textContent('[role=alert], .fout')).toContain('Vink eerst aan');
    expect(readFileSync(caseFile('K-2020-001'), 'utf8')).toBe(before);
    await page.check('#f-bevestig');
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Persoonsgegevens verwijderen")')]);
    expect(frontmatter('K-2020-001').data).not.toHaveProperty('complainant');
    expect(frontmatter('K-2020-001').data.anonymized).toBe(TODAY);
    await closePage(page);
  });
});

itKeepsPersonalDataOutOfTheLog(s);
