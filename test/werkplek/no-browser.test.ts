// No Chrome, Edge or Chromium on her computer (CHROME_PATH pointing nowhere stands in for that here; the table of
// platforms is test/io/chromium.test.ts): the werkplek says so in Dutch beside the documents and on a PDF link,
// never a bare 500, and the commands say it on stderr.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startWerkplek, type RunningWerkplek } from '../../werkplek/app.ts';
import { caseData, caseText, tempProject } from '../helpers/fixtures.ts';
import { runScript } from '../helpers/run-script.ts';

const NOWHERE = '/bestaat-niet/chrome';
const MESSAGE = `Er kan geen PDF worden gemaakt: de browser die voor PDF's is ingesteld (${NOWHERE}) is niet gevonden.`;
let werkplek: RunningWerkplek;
let dir = '';

beforeAll(async () => {
  vi.stubEnv('CHROME_PATH', NOWHERE);
  dir = await tempProject({ 'cases/2026/K-2026-001.md': caseText(caseData()) });
  cpSync(new URL('../../templates', import.meta.url), join(dir, 'templates'), { recursive: true });
  werkplek = await startWerkplek({ port: 0, cases: join(dir, 'cases'), config: join(dir, 'organization.yml'), today: () => '2026-12-06' });
});
afterAll(async () => {
  await werkplek?.close();
  vi.unstubAllEnvs();
});

describe('no browser for the PDFs', () => {
  it('the Dossier says so beside its documents and offers the previews, not a PDF link', async () => {
    const page = await (await fetch(`${werkplek.url}dossier/K-2026-001`)).text();
    expect(page).toContain(MESSAGE.replace(/'/g, '&#39;'));
    expect(page).toContain('Installeer Chromium (Debian en Ubuntu: sudo apt-get install chromium) of Google Chrome');
    expect(page).toContain('druk het af vanuit de browser');
    expect(page).not.toContain('PDF downloaden');
    expect(page).toContain('/dossier/K-2026-001/document/registratieformulier">bekijken</a>');
  });

  it('a PDF address answers 503 with the Dutch message, not a 500', async () => {
    const r = await fetch(`${werkplek.url}dossier/K-2026-001/document/registratieformulier.pdf`);
    expect(r.status).toBe(503);
    const page = await r.text();
    expect(page).toContain('Geen PDF mogelijk');
    expect(page).toContain(MESSAGE.replace(/'/g, '&#39;'));
    expect(page).not.toContain('Niet gevonden');
  });

  it('npm run documents says it on stderr with what to install, exit code 1', () => {
    const r = runScript('documents', ['K-2026-001', '--kind', 'registratieformulier', '--today', '2026-12-06'], dir, {
      CHROME_PATH: NOWHERE,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`documents: ${MESSAGE}`);
    expect(r.stderr).toContain('CHROME_PATH wijst naar een pad waar geen browser staat');
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });
});
