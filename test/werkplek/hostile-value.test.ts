// One hostile value through every page and letter of the werkplek: a complainant named like a script, with quotes
// and ampersands, in every free-text field. It must come back escaped everywhere (the html tag), never as markup.
import { join } from 'node:path';
import { cpSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS } from '../../lib/documents/kinds.ts';
import { startWerkplek, type RunningWerkplek } from '../../werkplek/app.ts';
import { caseData, caseText, tempProject } from '../helpers/fixtures.ts';

const HOSTILE = `<script>alert("x")</script><img src=x onerror=alert(1)>'&"`;
let werkplek: RunningWerkplek;
let origin = '';

beforeAll(async () => {
  const closed = caseData({
    id: 'K-2026-002',
    status: 'resolved',
    complainant: { name: HOSTILE, email: 'h@example.org', address: HOSTILE, representative: { name: HOSTILE, relation: HOSTILE } },
    response: { date: '2026-11-20', findings: HOSTILE, conclusions: HOSTILE, mediation: HOSTILE },
    steps: [{ kind: 'complainant_heard', date: '2026-11-10', note: HOSTILE }],
    improvements: [{ action: HOSTILE, owner: 'anouk' }],
  });
  const dir = await tempProject({
    'cases/2026/K-2026-001.md': caseText(
      caseData({ complainant: { name: HOSTILE, email: 'h@example.org' } }),
      `\n## Klacht\n\n${HOSTILE}\n`,
    ),
    'cases/2026/K-2026-002.md': caseText(closed, `\n## Klacht\n\n${HOSTILE}\n\n## Notities\n\n${HOSTILE}\n`),
  });
  cpSync(new URL('../../templates', import.meta.url), join(dir, 'templates'), { recursive: true });
  werkplek = await startWerkplek({ port: 0, cases: join(dir, 'cases'), config: join(dir, 'organization.yml'), today: () => '2026-12-06' });
  origin = new URL(werkplek.url).origin;
});
afterAll(() => werkplek?.close());

/** The page's HTML: the hostile value must not appear as it is, and its escaped form must. */
const expectEscaped = (html: string) => {
  expect(html).not.toContain('<script>alert');
  expect(html).not.toContain('<img src=x');
  expect(html).not.toMatch(/<script(?! src="\/static\/)/);
};

describe('a hostile value on every page', () => {
  const pages = ['/', '/nieuw', '/bewaartermijn', '/privacy', '/dossier/K-2026-001', '/dossier/K-2026-002'];
  it.each(pages)('GET %s escapes it', async (path) => {
    const r = await fetch(werkplek.url + path.slice(1));
    expect(r.status).toBe(200);
    expectEscaped(await r.text());
  });

  it('shows it escaped where it is shown (the Dossier)', async () => {
    const html = await (await fetch(werkplek.url + 'dossier/K-2026-002')).text();
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it.each(DOCUMENT_KINDS.map((k) => k.key))('the letter %s escapes it', async (key) => {
    for (const id of ['K-2026-001', 'K-2026-002']) {
      const r = await fetch(`${werkplek.url}dossier/${id}/document/${key}`);
      if (r.status === 200) expectEscaped(await r.text());
      else expect(r.status).toBe(422); // the case lacks what this letter needs
    }
  });

  it('the access search result and the erasure dry run escape it', async () => {
    const post = (body: Record<string, string>) =>
      fetch(werkplek.url + 'privacy', {
        method: 'POST',
        headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(body),
      });
    expectEscaped(await (await post({ actie: 'inzage-zoeken', naam: HOSTILE })).text());
    expectEscaped(await (await post({ actie: 'verwijderen-proef', dossier: 'K-2026-002' })).text());
  });

  it('a refused registration shows what she typed, escaped', async () => {
    const r = await fetch(werkplek.url + 'nieuw', {
      method: 'POST',
      headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ actie: 'registreren', 'complainant.name': HOSTILE, received: HOSTILE, klacht: HOSTILE }),
    });
    expect(r.status).toBe(422);
    const html = await r.text();
    expectEscaped(html);
    expect(html).toContain('&lt;script&gt;');
  });
});
