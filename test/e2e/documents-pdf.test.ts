import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    for (const id of ['K-2024-001', 'K-2024-002', 'K-2024-003']) runs[id] = p.run('documents.ts', [id, '--today', '2024-03-01']);
  });
  afterAll(() => p.cleanup());
  const file = (name: string) => join(p.dir, 'documents', name);

  it.each([
    ['K-2024-001', 'resolved', 'Bent u niet tevreden met deze afhandeling'],
    ['K-2024-002', 'escalated', 'onder kenmerk SP-2024-0007'],
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
    expect(r.stderr).toContain('no response letter for K-2024-003: the written response is not complete');
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
