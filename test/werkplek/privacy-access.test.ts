// The werkplek's access request for a representative (AVG art. 15(4)): it shows what in the cases concerns the
// client, makes no export until the organizer has seen that choice, and leaves out what she ticks.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWerkplek, type RunningWerkplek } from '../../werkplek/app.ts';
import { caseData, caseText, tempProject } from '../helpers/fixtures.ts';

const CLIENT = [
  'Cliënt Kanarie',
  'client.kanarie@example.org',
  'Adresstraat-kanarie 7',
  'Klachttekst-kanarie',
  'Notitie-kanarie',
  'Bevinding-kanarie',
] as const;
let werkplek: RunningWerkplek;
let origin = '';

beforeAll(async () => {
  const dir = await tempProject({
    'cases/2026/K-2026-001.md': caseText(
      caseData({
        status: 'resolved',
        complainant: {
          name: CLIENT[0],
          email: CLIENT[1],
          address: CLIENT[2],
          representative: { name: 'Vera Vertegenwoordiger', email: 'vera@example.org', relation: 'dochter' },
        },
        steps: [{ kind: 'complainant_heard', date: '2026-11-10', note: CLIENT[4] }],
        response: { date: '2026-11-20', findings: CLIENT[5], conclusions: 'Gegrond.' },
      }),
      `\n## Klacht\n\n${CLIENT[3]}\n`,
    ),
  });
  werkplek = await startWerkplek({ port: 0, cases: join(dir, 'cases'), config: join(dir, 'organization.yml'), today: () => '2026-12-06' });
  origin = new URL(werkplek.url).origin;
});
afterAll(() => werkplek?.close());

const post = (values: Record<string, string>) =>
  fetch(`${werkplek.url}privacy`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
    body: new URLSearchParams(values),
  });

describe("a representative's access request (art. 15(4))", () => {
  it('the search shows what concerns the client, each part ticked to be left out', async () => {
    const page = await (await post({ actie: 'inzage-zoeken', email: 'VERA@example.org' })).text();
    expect(page).toContain('Gegevens van een ander (AVG art. 15 lid 4)');
    expect(page).toContain('In K-2026-001 is de persoon vertegenwoordiger');
    for (const part of [
      'naam, e-mailadres en telefoonnummer van de cliënt',
      'adres van de cliënt',
      'de tekst van de klacht',
      'de aantekeningen, bevindingen en conclusies',
    ])
      expect(page).toContain(`${part} weglaten (K-2026-001)`);
    expect(page.match(/name="weglaten-\w+" value="ja" checked/g)).toHaveLength(4);
    for (const canary of CLIENT) expect(page).not.toContain(canary);
  });

  it('makes no export before the choice was shown', async () => {
    const r = await post({ actie: 'inzage-json', email: 'vera@example.org' });
    expect(r.status).toBe(422);
    expect(await r.text()).toContain('Kies eerst wat u weglaat; er is nog niets gemaakt.');
  });

  it('leaves out what is ticked: no value of the client in the export', async () => {
    const r = await post({
      actie: 'inzage-json',
      email: 'vera@example.org',
      'weglaten-gekozen': 'ja',
      'weglaten-client': 'ja',
      'weglaten-address': 'ja',
      'weglaten-complaint': 'ja',
      'weglaten-notes': 'ja',
    });
    expect(r.status).toBe(200);
    const text = await r.text();
    for (const canary of CLIENT) expect(text, canary).not.toContain(canary);
    expect(text).toContain('Vera Vertegenwoordiger');
  });

  it('keeps what is not ticked', async () => {
    const text = await (
      await post({ actie: 'inzage-json', email: 'vera@example.org', 'weglaten-gekozen': 'ja', 'weglaten-address': 'ja' })
    ).text();
    expect(text).not.toContain(CLIENT[2]);
    expect(text).toContain(CLIENT[3]);
    expect(JSON.parse(text).dossiers[0].weggelaten).toEqual(['adres van de cliënt']);
  });

  it("the client's own request shows no such choice and exports at once", async () => {
    const page = await (await post({ actie: 'inzage-zoeken', email: CLIENT[1] })).text();
    expect(page).not.toContain('Gegevens van een ander');
    const r = await post({ actie: 'inzage-json', email: CLIENT[1] });
    expect(r.status).toBe(200);
    expect(await r.text()).toContain(CLIENT[3]);
  });
});
