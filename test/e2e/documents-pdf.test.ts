// `npm run documents` and `npm run inzage` as whole processes (Chromium print to PDF): the registration form and
// the response letter as sane A4 PDFs, an incomplete case or an unknown id said clearly, the letters that record
// their date (--dry-run first), the committee dossier, and the access export. Every letter of three demanding
// cases, read back per page: test/e2e/documents-letters.test.ts.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ENDPOINT } from '../../io/chromium.ts';
import { resolvedCase, tempProject, type RunResult } from '../helpers/temp-project.ts';
import { messagesIn } from '../helpers/language.ts';

// The developers' English messages (KLACHTEN_LANG=en); the organizer's Dutch ones: test/scripts/dutch-messages.test.ts.
messagesIn('en');

/** Pages of a PDF as its page tree says: the /Count of the root /Pages object (Chromium writes one). */
const pageCount = (pdf: Buffer) => Number(/\/Type\s*\/Pages\s*\/Count\s+(\d+)/.exec(pdf.toString('latin1'))?.[1] ?? NaN);

/** Width and height in points of every page (/MediaBox). A4 is 595 × 842 points. */
const pageSizes = (pdf: Buffer) =>
  [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [
    Math.round(Number(m[1])),
    Math.round(Number(m[2])),
  ]);

describe('npm run documents (Chromium print to PDF)', () => {
  const p = tempProject([
    resolvedCase(),
    resolvedCase({
      id: 'K-2024-002',
      status: 'escalated',
      satisfied: false,
      complainant: {
        name: 'Client Canary',
        address: 'Kerkstraat 1, 1000 AA Amsterdam',
        representative: { name: 'Zoon Canary', relation: 'zoon' },
      },
      response: { date: '2024-01-30', findings: 'Er is te veel gefactureerd.', conclusions: 'De klacht is deels gegrond.' },
      escalation: { date: '2024-02-12', reference: 'SP-2024-0007' },
    }),
    resolvedCase({ id: 'K-2024-003', status: 'open', response: { date: '2024-01-30', conclusions: 'Nog niet af.' }, satisfied: undefined }),
  ]);
  const runs: Record<string, RunResult> = {};
  beforeAll(() => {
    // K-2024-001 in a browser of its own, as for the organizer; the others in the tests' shared one (shared-chromium.ts)
    for (const id of ['K-2024-001', 'K-2024-002', 'K-2024-003'])
      runs[id] = p.run('documents.ts', [id, '--today', '2024-03-01'], id === 'K-2024-001' ? { [CHROMIUM_ENDPOINT]: '' } : {});
  });
  afterAll(() => p.cleanup());
  const file = (name: string) => join(p.dir, 'documents', name);

  it.each([
    ['K-2024-001', 'resolved', 'Bent u niet tevreden?'],
    ['K-2024-002', 'escalated', 'die u indiende namens Client Canary'],
  ])('%s (%s): registration form and response letter as HTML and a sane A4 PDF', (id, _, letterText) => {
    const r = runs[id]!;
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const doc of ['registratieformulier', 'antwoordbrief']) {
      expect(r.stdout).toContain(join('documents', `${id}-${doc}.pdf`));
      const pdf = readFileSync(file(`${id}-${doc}.pdf`));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(5_000);
      const pages = pageCount(pdf);
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(doc === 'antwoordbrief' ? 2 : 4);
      expect(pageSizes(pdf)).toEqual(Array.from({ length: pages }, () => [595, 842]));
    }
    const letter = readFileSync(file(`${id}-antwoordbrief.html`), 'utf8');
    expect(letter).toContain(letterText);
    expect(readFileSync(file(`${id}-registratieformulier.html`), 'utf8')).toContain(`Dossiernummer</th><td>${id}`);
    // personal data goes into the documents (they are for the complainant), never to the log
    expect(r.stdout).not.toMatch(/Canary/);
  });

  it('an incomplete case: a clear message, no letter at all, the registration form still made', () => {
    const r = runs['K-2024-003']!;
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no Antwoordbrief (schriftelijke afhandeling) for K-2024-003');
    expect(r.stderr).toContain('response.findings (bevindingen, art. 5.5)');
    expect(r.stderr).not.toContain('response.conclusions');
    expect(existsSync(file('K-2024-003-antwoordbrief.html'))).toBe(false);
    expect(existsSync(file('K-2024-003-antwoordbrief.pdf'))).toBe(false);
    expect(existsSync(file('K-2024-003-registratieformulier.pdf'))).toBe(true);
  });

  it('an unknown case id or a bad one says so', () => {
    const unknown = p.run('documents.ts', ['K-2024-099', '--html-only']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('no case K-2024-099');
    const bad = p.run('documents.ts', ['2024-1']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('expected a case id such as K-2026-003');
  });
});

describe('letters that record their date, and the committee dossier', () => {
  const oral = resolvedCase({
    id: 'K-2024-004',
    channel: 'oral',
    status: 'open',
    acknowledged: undefined,
    response: undefined,
    satisfied: undefined,
    body: '## Klacht\n\nDe klant vindt dat de planning niet klopte.\n\n## Klacht zoals bevestigd\n\nDe planning klopte niet.\n',
  });
  const escalated = resolvedCase({
    id: 'K-2024-002',
    status: 'escalated',
    satisfied: false,
    response: { date: '2024-01-30', findings: 'Er is te veel gefactureerd.', conclusions: 'De klacht is deels gegrond.' },
    escalation: { date: '2024-02-12', reference: 'SP-2024-0007' },
  });
  const p = tempProject([oral, escalated]);
  afterAll(() => p.cleanup());
  const caseFile = 'cases/2024/K-2024-004.md';
  const kinds = ['--kind', 'ontvangstbevestiging', '--kind', 'bevestiging-mondelinge-klacht'];

  it('--dry-run prints what it would write and record, and changes nothing', () => {
    const before = p.snapshot();
    const r = p.run('documents.ts', ['K-2024-004', ...kinds, '--dry-run', '--today', '2024-01-10']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('would record acknowledged: 2024-01-10 in cases/2024/K-2024-004.md');
    expect(r.stdout).toContain('would record written_confirmation: 2024-01-10');
    expect(p.snapshot()).toEqual(before);
    expect(existsSync(join(p.dir, 'documents'))).toBe(false);
  });

  it('makes both letters as PDF, records acknowledged and written_confirmation, and a second run changes nothing', () => {
    const r = p.run('documents.ts', ['K-2024-004', ...kinds, '--today', '2024-01-10']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const doc of ['ontvangstbevestiging', 'bevestiging-mondelinge-klacht']) {
      const pdf = readFileSync(join(p.dir, 'documents', `K-2024-004-${doc}.pdf`));
      expect(pageSizes(pdf)).toEqual([[595, 842]]);
    }
    const text = p.read(caseFile);
    expect(text).toMatch(/\nchannel: oral\nwritten_confirmation: 2024-01-10\nacknowledged: 2024-01-10\n/);
    expect(text).toContain('De klant vindt dat de planning niet klopte.');
    const validate = p.run('validate.ts', []);
    expect(validate.status).toBe(0);
    expect(validate.stdout).not.toContain('written_confirmation date yet');
    const again = p.run('documents.ts', ['K-2024-004', ...kinds, '--today', '2024-01-15', '--html-only']);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('acknowledged is already 2024-01-10; left as it is');
    expect(p.read(caseFile)).toBe(text);
    expect(readFileSync(join(p.dir, 'documents', 'K-2024-004-ontvangstbevestiging.html'), 'utf8')).toContain('10 januari 2024');
    expect(r.stdout + again.stdout).not.toMatch(/Canary/);
  });

  it('the committee dossier is one A4 PDF: cover, form, response letter, escalation letter', () => {
    const r = p.run('documents.ts', ['K-2024-002', '--kind', 'dossier-klachtencommissie', '--today', '2024-03-01']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const pdf = readFileSync(join(p.dir, 'documents', 'K-2024-002-dossier-klachtencommissie.pdf'));
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(5); // each part starts on a new page: cover, form, and every letter sent
    expect(pages).toBeLessThanOrEqual(9);
    expect(pageSizes(pdf)).toEqual(Array.from({ length: pages }, () => [595, 842]));
  });

  it('an unknown --kind is a usage error naming the kinds', () => {
    const r = p.run('documents.ts', ['K-2024-002', '--kind', 'brief']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown document "brief"; expected one of registratieformulier, antwoordbrief, ontvangstbevestiging');
  });
});

describe('npm run inzage prints its export as an A4 PDF', () => {
  const p = tempProject([resolvedCase()]);
  afterAll(() => p.cleanup());
  it('one PDF: the art. 15 facts, then the full registration form', () => {
    const r = p.run('inzage.ts', ['--email', 'canary.kanarie@example.org', '--today', '2026-03-02']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const pdf = readFileSync(join(p.dir, 'inzage', 'inzage-2026-03-02-K-2024-001.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(2); // the form starts on a new page
    expect(pageSizes(pdf)).toEqual(Array.from({ length: pages }, () => [595, 842]));
  });
});
