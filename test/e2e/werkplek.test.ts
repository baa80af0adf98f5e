// The werkplek in Chromium: one server on 127.0.0.1 and one browser walk the handbook's flow
// (docs/handleiding.md) from registration to archive, plus the refusals: an invalid save, a change on disk,
// a cross-site POST. The cases folder is a temporary copy without Git ("without Git it still works").
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { splitFrontmatter } from '../../lib/cases/frontmatter.ts';
import { formatDate, todayIn } from '../../lib/dates/iso-date.ts';
import { readYaml } from '../../lib/problems/yaml-source.ts';
import { axeViolations } from '../../tools/browser.ts';
import type { RunningWerkplek } from '../../werkplek/app.ts';
import { werkplekWithBrowser } from '../helpers/werkplek-browser.ts';
import { caseData, caseText, tempProject } from '../helpers/fixtures.ts';

// the whole suite runs its builds and browsers in parallel on a small machine: allow slow steps
vi.setConfig({ testTimeout: 180_000 });

const CANARY = 'Canarie Klaagster-Zeldzaam';
const TODAY = todayIn(new Date(), 'Europe/Amsterdam');
const YEAR = TODAY.slice(0, 4);
// an old closed case, past its retention period (2 years after closing)
const OLD = caseData({
  id: 'K-2020-001',
  received: '2020-01-06',
  status: 'resolved',
  complainant: { name: 'Oude Klant', email: 'oud@example.org' },
  response: { date: '2020-01-20', findings: 'Oude bevindingen.', conclusions: 'Oude conclusies.' },
});

let dir = '';
let werkplek: RunningWerkplek;
let context: BrowserContext;
let closeAll: () => Promise<void>;
const log: string[] = [];

beforeAll(async () => {
  dir = await tempProject({ 'cases/2020/K-2020-001.md': caseText(OLD) });
  // the letter template, as the project keeps it beside organization.yml
  cpSync(new URL('../../templates', import.meta.url), join(dir, 'templates'), { recursive: true });
  ({ werkplek, context, close: closeAll } = await werkplekWithBrowser(dir, TODAY, log));
});
afterAll(() => closeAll?.());

const url = (path: string) => werkplek.url + path.replace(/^\//, '');
const caseFile = (id: string) => join(dir, 'cases', id.slice(2, 6), `${id}.md`);
const frontmatter = (id: string) => {
  const split = splitFrontmatter(readFileSync(caseFile(id), 'utf8'));
  if (!split.ok) throw new Error('no frontmatter');
  const read = readYaml(split.yamlText);
  if (!read.ok) throw new Error(read.message);
  return { data: read.data as Record<string, any>, body: split.body };
};
const snapshot = () => {
  const files = (readdirSync(join(dir, 'cases'), { recursive: true }) as string[]).sort();
  return files.map((f) => {
    try {
      return [f, readFileSync(join(dir, 'cases', f), 'utf8')];
    } catch {
      return [f, '(folder)'];
    }
  });
};

/** Close a page; never let a close that Chromium does not confirm hang the test. */
const closePage = (page: Page) => Promise.race([page.close(), new Promise((r) => setTimeout(r, 5000))]);

async function open(path: string, scheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(url(path));
  return page;
}

/** Register a complaint through the form; returns the new case id. */
async function register(page: Page, name: string, complaint: string, channel = 'email'): Promise<string> {
  await page.goto(url('/nieuw'));
  await page.selectOption('#f-organizer', 'bram');
  await page.selectOption('#f-channel', channel);
  await page.fill('#f-complainant-name', name);
  await page.fill('#f-complainant-email', 'klager@example.org');
  await page.check('#f-categories-kosten');
  await page.fill('#f-klacht', complaint);
  await Promise.all([page.waitForURL(/\/dossier\/K-/), page.click('button:has-text("Klacht registreren")')]);
  return /\/dossier\/(K-[^/?]+)/.exec(page.url())![1]!;
}

/** Fetch a document of a case as PDF; checks it is one, never cached, and a download. */
async function pdfOf(id: string, key: string): Promise<Buffer> {
  const res = await fetch(url(`/dossier/${id}/document/${key}.pdf`));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${id}-${key}.pdf"`);
  const pdf = Buffer.from(await res.arrayBuffer());
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  return pdf;
}

/** Open a form's details, fill it with `fill`, submit, and wait for the dossier to come back. */
async function submitForm(page: Page, summary: string, fill: () => Promise<void>, button: string): Promise<void> {
  await page.click(`summary:has-text("${summary}")`);
  await fill();
  await Promise.all([page.waitForNavigation(), page.click(`button:has-text("${button}")`)]);
}

/** Write the written response (art. 4.6, 5.5) with short findings and conclusions. */
const writeResponse = (page: Page) =>
  submitForm(
    page,
    'Schriftelijke afhandeling schrijven',
    async () => {
      await page.fill('#antw-f-response-findings', 'Bevindingen.');
      await page.fill('#antw-f-response-conclusions', 'Conclusies.');
    },
    'Afhandeling opslaan',
  );

describe('the handbook flow, in the browser', () => {
  const complaint = 'Factuur #2026-12 was te hoog berekend.\nLet op: "dubbel" gerekend — \'echt\' waar? 😀 café';
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
    await Promise.all([page.waitForURL(/melding=/), page.click('button:has-text("Ontvangstbevestiging is verstuurd")')]);
    expect(await page.textContent('[role=status]')).toContain('ontvangstbevestiging verstuurd (art. 3, 4.1, 5.4)');
    expect(frontmatter(id).data.acknowledged).toBe(TODAY);
    expect(frontmatter(id).body).toContain('Factuur #2026-12');
    expect(await page.textContent('.lijst-stappen')).toMatch(/Ontvangst aan de klager bevestigd: \d/);
    expect(await page.locator('h2:has-text("Documenten") ~ ul >> nth=0').textContent()).toContain('Verstuurd op');
    // a second confirmation from a stale form changes nothing
    const after = readFileSync(caseFile(id), 'utf8');
    const res = await fetch(url(`/dossier/${id}`), {
      method: 'POST',
      headers: { origin: new URL(werkplek.url).origin, 'content-type': 'application/x-www-form-urlencoded' },
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
    const page = await context.newPage();
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
    const page = await context.newPage();
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
    await Promise.all([page.waitForURL(/melding=/), page.click('button:has-text("Bevestiging mondelinge klacht is verstuurd")')]);
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

describe('refusals', () => {
  it('refuses a save when the file changed on disk after the form was loaded', async () => {
    const id = `K-${YEAR}-001`;
    const page = await open(`/dossier/${id}`);
    const changed = readFileSync(caseFile(id), 'utf8') + '\nNotitie uit de editor.\n';
    writeFileSync(caseFile(id), changed);
    await submitForm(page, 'Oorzaken', () => page.check('#oorz-f-causes-tarief'), 'Oorzaken opslaan');
    expect(await page.textContent('[role=alert]')).toContain('intussen gewijzigd');
    expect(readFileSync(caseFile(id), 'utf8')).toBe(changed);
    // the page now carries the new version and keeps the answer: saving again works
    expect(await page.isChecked('#oorz-f-causes-tarief')).toBe(true);
    await Promise.all([page.waitForURL(/melding=/), page.click('button:has-text("Oorzaken opslaan")')]);
    expect(frontmatter(id).data.causes).toEqual(['tarief']);
    expect(frontmatter(id).body).toContain('Notitie uit de editor.');
    await closePage(page);
  });

  it('refuses a registration that breaks a cross-field rule, keeps every answer, writes nothing', async () => {
    const page = await open('/nieuw');
    const before = snapshot();
    await page.fill('#f-complainant-name', 'Vierde Klant');
    // an oral complaint confirmed in writing before it was received (art. 4.1)
    await page.selectOption('#f-channel', 'oral');
    await page.fill('#f-received', '2026-11-20');
    await page.fill('#f-written_confirmation', '2026-11-01');
    await page.check('#f-categories-privacy');
    await page.fill('#f-klacht', 'Een lange klacht die niet verloren mag gaan.');
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Klacht registreren")')]);
    expect(await page.textContent('#f-written_confirmation-fout')).toMatch(
      /1 november 2026 ligt vóór "Ontvangen op" .*schrijf een datum op of na 20 november 2026/,
    );
    expect(await page.inputValue('#f-klacht')).toBe('Een lange klacht die niet verloren mag gaan.');
    expect(await page.isChecked('#f-categories-privacy')).toBe(true);
    expect(snapshot()).toEqual(before);
    await closePage(page);
  });

  it('refuses the common mistakes with Dutch messages beside the fields, with an example of the right form, writing nothing', async () => {
    const page = await context.newPage();
    const id = await register(page, 'Vijfde Klant', 'Vijfde klacht.');
    const received = frontmatter(id).data.received as string;
    const before = snapshot();
    const refused = async (summary: string, fill: () => Promise<void>, button: string) => {
      await page.goto(url(`/dossier/${id}`));
      await submitForm(page, summary, fill, button);
      expect(snapshot()).toEqual(before);
    };
    // a date typed day and month the wrong way round (a browser without a date picker takes text)
    await refused(
      'Stap vastleggen',
      async () => {
        await page.evaluate(() => ((document.getElementById('stap-f-stap-date') as HTMLInputElement).type = 'text'));
        await page.fill('#stap-f-stap-date', '11-24-2026');
      },
      'Stap opslaan',
    );
    expect(await page.textContent('#stap-f-stap-date-fout')).toBe(
      '"11-24-2026" bestaat niet in de kalender; schrijf dag-maand-jaar, bijv. 24-11-2026',
    );
    // a response dated before the complaint was received
    await refused(
      'Schriftelijke afhandeling schrijven',
      async () => {
        await page.fill('#antw-f-response-date', '2020-01-01');
        await page.fill('#antw-f-response-findings', 'Bevindingen.');
      },
      'Afhandeling opslaan',
    );
    expect(await page.textContent('#antw-f-response-date-fout')).toBe(
      `1 januari 2020 ligt vóór "Ontvangen op" (${formatDate(received)}); schrijf een datum op of na ${formatDate(received)}`,
    );
    expect(await page.getAttribute('#antw-f-response-date', 'aria-invalid')).toBe('true');
    // closing without findings and conclusions
    await refused('Afsluiten', async () => undefined, 'Klacht afsluiten');
    expect(await page.textContent('#foutoverzicht')).toContain(
      'sla eerst de schriftelijke afhandeling op, met datum, bevindingen en conclusies (formulier "Schriftelijke afhandeling")',
    );
    // an escalation without its date
    await refused('Voorleggen aan de klachtencommissie', () => page.fill('#esc-f-escalation-date', ''), 'Voorleggen vastleggen');
    expect(await page.textContent('#esc-f-escalation-date-fout')).toBe('vul dit veld in, bijv. 24-11-2026');
    // a withdrawal without its date
    await refused(
      'Klacht ingetrokken',
      async () => {
        await page.fill('#int-f-withdrawn_on', '');
        await page.check('#int-bevestig');
      },
      'Intrekking vastleggen',
    );
    expect(await page.textContent('#int-f-withdrawn_on-fout')).toBe('vul de datum in waarop de klager de klacht introk, bijv. 24-11-2026');
    // not satisfied, yet not to the committee: closed with the reason (art. 4.7), so validate has nothing to warn
    await writeResponse(page);
    await submitForm(
      page,
      'Afsluiten',
      async () => {
        await page.selectOption('#afs-f-satisfied', 'nee');
        await page.fill('#afs-f-no_escalation_reason', 'Klager ziet af van voorleggen aan de commissie.');
      },
      'Klacht afsluiten',
    );
    expect(frontmatter(id).data).toMatchObject({
      status: 'resolved',
      satisfied: false,
      no_escalation_reason: 'Klager ziet af van voorleggen aan de commissie.',
    });
    expect(await page.textContent('main')).not.toContain('is niet voorgelegd');
    // the outcome of a closed case can be corrected; without the reason, "Let op" says what to do, in the werkplek's words
    await submitForm(page, 'Uitkomst bewerken', () => page.fill('#afs-f-no_escalation_reason', ''), 'Uitkomst opslaan');
    expect(frontmatter(id).data).not.toHaveProperty('no_escalation_reason');
    expect(await page.textContent('[role=status]')).toContain('uitkomst gewijzigd (art. 2.3, 4.7)');
    expect(await page.textContent('main')).toContain(
      'de klager is niet tevreden en de klacht is niet voorgelegd (art. 4.7): leg voor aan de Klachtencommissie van Solopartners ("Voorleggen aan de klachtencommissie"), of vul bij "Uitkomst bewerken" in waarom niet',
    );
    await closePage(page);
  });

  it('edits the registered facts (art. 1.5, 4.5): only what changed is written, comments and notes stay', async () => {
    const id = 'K-2025-050';
    const hand = [
      '---',
      '# handgeschreven: dit commentaar blijft staan',
      `id: ${id}`,
      'organizer: bram   # de begeleider',
      'received: 2025-03-03',
      'status: open',
      'channel: letter',
      'complainant:',
      "  name: 'Zesde Klnat'",
      'categories: [kosten]',
      '---',
      '',
      '## Klacht',
      '',
      'Oude tekst.',
      '',
      '## Notities',
      '',
      '- gebeld # 2x',
      '',
    ].join('\n');
    mkdirSync(join(dir, 'cases', '2025'), { recursive: true });
    writeFileSync(join(dir, 'cases', '2025', `${id}.md`), hand);
    const page = await open(`/dossier/${id}`);
    await submitForm(
      page,
      'Registratie wijzigen',
      async () => {
        await page.fill('#reg-f-complainant-name', 'Zesde Klant');
        await page.selectOption('#reg-f-channel', 'email');
        await page.check('#reg-f-categories-privacy');
        await page.fill('#reg-f-complainant-representative-name', 'Dochter Zes');
        await page.fill('#reg-f-complainant-representative-address', 'Straat 1\n1234 AB Plaats');
        await page.fill('#reg-f-klacht', 'Nieuwe tekst: met "quotes" # en meer.');
      },
      'Registratie opslaan',
    );
    expect(await page.textContent('[role=status]')).toContain(`${id}: registratie gewijzigd (art. 1.5, 4.5)`);
    const text = readFileSync(caseFile(id), 'utf8');
    expect(text).toContain('# handgeschreven: dit commentaar blijft staan');
    // the comment stays (the yaml library writes one space before it)
    expect(text).toContain('organizer: bram # de begeleider');
    expect(text).toContain('received: 2025-03-03');
    expect(frontmatter(id).data).toMatchObject({
      channel: 'email',
      categories: ['kosten', 'privacy'],
      complainant: { name: 'Zesde Klant', representative: { name: 'Dochter Zes', address: 'Straat 1\n1234 AB Plaats' } },
    });
    expect(frontmatter(id).body).toBe('\n## Klacht\n\nNieuwe tekst: met "quotes" # en meer.\n\n## Notities\n\n- gebeld # 2x\n');
    // a representative's address without a name is refused beside the name, nothing written
    const before = snapshot();
    await submitForm(
      page,
      'Registratie wijzigen',
      async () => {
        await page.fill('#reg-f-complainant-representative-name', '');
        await page.fill('#reg-f-received', '2025-03-04');
      },
      'Registratie opslaan',
    );
    expect(await page.textContent('#reg-f-complainant-representative-name-fout')).toBeTruthy();
    expect(await page.inputValue('#reg-f-complainant-representative-address')).toBe('Straat 1\n1234 AB Plaats');
    expect(snapshot()).toEqual(before);
    await closePage(page);
  });

  it('refuses a cross-site POST with 403 and changes nothing', async () => {
    const before = snapshot();
    const id = `K-${YEAR}-001`;
    for (const origin of ['http://evil.example', undefined]) {
      const res = await fetch(url(`/dossier/${id}`), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(origin ? { origin } : {}) },
        body: new URLSearchParams({ actie: 'intrekken', withdrawn_on: TODAY, hash: 'x' }),
        redirect: 'manual',
      });
      expect(res.status).toBe(403);
    }
    expect(snapshot()).toEqual(before);
  });

  it('prefills the form from a dropped .eml (art. 4.1), writing nothing', async () => {
    const page = await open('/nieuw');
    const before = snapshot();
    const eml = [
      'From: "Mevrouw E. Mail" <e.mail@example.org>',
      'To: klachten@organize4all.nl',
      'Subject: Klacht over de factuur',
      'Date: Mon, 23 Nov 2026 23:30:00 +0000',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Goedendag,',
      'de factuur #12 klopt niet: te hoog.',
    ].join('\r\n');
    await Promise.all([
      page.waitForURL(/\/nieuw/),
      page.setInputFiles('#f-eml', { name: 'klacht.eml', mimeType: 'message/rfc822', buffer: Buffer.from(eml) }),
    ]);
    await page.waitForSelector('text=zijn ingevuld');
    expect(await page.inputValue('#f-complainant-name')).toBe('Mevrouw E. Mail');
    expect(await page.inputValue('#f-complainant-email')).toBe('e.mail@example.org');
    // 23:30 UTC on 23 November is 24 November in Amsterdam
    expect(await page.inputValue('#f-received')).toBe('2026-11-24');
    expect(await page.inputValue('#f-klacht')).toContain('de factuur #12 klopt niet: te hoog.');
    expect(snapshot()).toEqual(before);
    await closePage(page);
  });

  it('shows a change made outside the werkplek (an editor, a pull) in the Overzicht', async () => {
    const id = `K-${YEAR}-003`;
    writeFileSync(caseFile(id), readFileSync(caseFile(id), 'utf8').replace('organizer: bram', 'organizer: anouk'));
    await expect
      .poll(async () => (await (await fetch(url('/?begeleider=anouk'))).text()).includes(`/dossier/${id}`), { timeout: 60_000 })
      .toBe(true);
    writeFileSync(join(dir, 'cases', YEAR, 'K-9999-001.md'), 'geen geldig dossier');
    await expect.poll(async () => (await (await fetch(url('/'))).text()).includes('K-9999-001 herstellen'), { timeout: 60_000 }).toBe(true);
    const { rmSync } = await import('node:fs');
    rmSync(join(dir, 'cases', YEAR, 'K-9999-001.md'));
  });

  it('never writes personal data to its log', () => {
    expect(log.length).toBeGreaterThan(10);
    expect(log.join('\n')).not.toMatch(/Canarie|Klant|example\.org|Factuur/);
  });
});

describe('accessibility', () => {
  const pages = () => [
    '/',
    '/nieuw',
    `/dossier/K-${YEAR}-001`,
    `/dossier/K-${YEAR}-002`,
    '/dossier/K-2025-050',
    '/bewaartermijn',
    '/privacy',
  ];
  it.each(['light', 'dark'] as const)('axe-core finds no WCAG 2.2 A/AA violation on any page (%s)', async (scheme) => {
    for (const path of pages()) {
      const page = await open(path, scheme);
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      expect({ path, violations: await axeViolations(page) }).toEqual({ path, violations: [] });
      await closePage(page);
    }
    // a refused form, with its messages beside the fields
    const page = await open('/nieuw', scheme);
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Klacht registreren")')]);
    expect(await axeViolations(page)).toEqual([]);
    await closePage(page);
  });

  it('records a step with the keyboard alone', async () => {
    // an open case: a closed one offers no step form
    const page = await open('/');
    const id = await register(page, 'Zesde Klant', 'Zesde klacht.');
    const focused = () => page.evaluate(() => `${document.activeElement?.id}|${document.activeElement?.textContent?.trim() ?? ''}`);
    /** Press Tab until the focused element matches (a date input takes one Tab per part: day, month, year). */
    const tabTo = async (pattern: RegExp) => {
      for (let n = 0; n < 160 && !pattern.test(await focused()); n++) await page.keyboard.press('Tab');
      expect(await focused()).toMatch(pattern);
    };
    await tabTo(/\|Stap vastleggen$/);
    await page.keyboard.press('Enter'); // opens the form
    await tabTo(/^stap-f-stap-kind\|/); // the kind of step: acknowledged, written confirmation, information given
    for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowDown');
    await tabTo(/^stap-f-stap-note\|/); // past the date (today)
    await page.keyboard.type('Per telefoon');
    await tabTo(/\|Stap opslaan$/);
    await Promise.all([page.waitForURL(/melding=/), page.keyboard.press('Enter')]);
    expect(await page.textContent('[role=status]')).toContain('informatie gegeven (art. 5.1)');
    expect(frontmatter(id).data.steps).toContainEqual({ kind: 'information_given', date: TODAY, note: 'Per telefoon' });
    await closePage(page);
  });
});

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
      headers: { origin: new URL(werkplek.url).origin, 'content-type': 'application/x-www-form-urlencoded' },
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
    expect(log.join('\n')).not.toMatch(/Canarie|Klant|example\.org|Derde/);
    await closePage(page);
  });
});
