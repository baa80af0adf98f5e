// The werkplek's forms in Chromium, beside the handbook's flow (test/e2e/werkplek.test.ts), on the cases folder as
// the flow leaves it (test/e2e/handbook-fixture.ts): a save refused when the file changed on disk, a registration
// that breaks a cross-field rule, the common mistakes refused in Dutch beside the fields, editing the registered
// facts with comments and notes kept, a cross-site POST refused, a dropped .eml, a change made outside the werkplek.
// Nothing personal in the log.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { formatDate } from '../../lib/dates/iso-date.ts';
import { closePage, sendAndWait, werkplekSession } from '../helpers/werkplek-browser.ts';
import { TODAY, YEAR, afterTheFlow, handbookForms, itKeepsPersonalDataOutOfTheLog } from './handbook-fixture.ts';

// the whole suite runs its builds and browsers in parallel on a small machine: allow slow steps
vi.setConfig({ testTimeout: 180_000 });

const s = werkplekSession(afterTheFlow(), { today: TODAY, templates: true });
const { url, caseFile, frontmatter, snapshot, open } = s;
const { register, submitForm, writeResponse } = handbookForms(s);

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
    await sendAndWait(page, () => page.click('button:has-text("Oorzaken opslaan")'));
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
    const page = await s.context.newPage();
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
    mkdirSync(join(s.dir, 'cases', '2025'), { recursive: true });
    writeFileSync(join(s.dir, 'cases', '2025', `${id}.md`), hand);
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
    writeFileSync(join(s.dir, 'cases', YEAR, 'K-9999-001.md'), 'geen geldig dossier');
    await expect.poll(async () => (await (await fetch(url('/'))).text()).includes('K-9999-001 herstellen'), { timeout: 60_000 }).toBe(true);
    rmSync(join(s.dir, 'cases', YEAR, 'K-9999-001.md'));
  });
});

itKeepsPersonalDataOutOfTheLog(s);
