import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolvedCase, tempProject, type RunResult } from '../helpers/temp-project.ts';
import { DOCUMENT_KINDS } from '../../lib/documents/kinds.ts';
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

/** The text of each page of a PDF, by pdftotext (poppler-utils, which .ci/run installs). */
function pdfPages(file: string): string[] {
  const pages: string[] = [];
  for (let n = 1; ; n++) {
    const r = spawnSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' });
    if (r.error) throw new Error(`pdftotext is needed for this test (apt-get install poppler-utils): ${r.error.message}`);
    if (r.status !== 0) return pages;
    pages.push(r.stdout);
  }
}

describe('every letter of three demanding cases, as PDF: the defects a jurist found are gone', () => {
  // an oral complaint by a son for his mother, still open
  const oralByRepresentative = resolvedCase({
    id: 'K-2026-011',
    received: '2026-10-12',
    assignment_completed: '2026-09-25',
    channel: 'oral',
    written_confirmation: '2026-10-14',
    acknowledged: '2026-10-13',
    client_informed: '2026-03-02',
    status: 'open',
    complainant: {
      name: 'Moeder Canary',
      address: 'Lindelaan 14\n1234 AB Voorbeeld',
      representative: { name: 'Zoon Canary', relation: 'zoon', address: 'Kastanjestraat 3\n5678 CD Elders' },
    },
    steps: [{ kind: 'complainant_heard', date: '2026-10-15' }],
    response: undefined,
    satisfied: undefined,
    causes: [],
    improvements: [],
    body: '## Klacht\n\nTel. zoon 12-10: mam overstuur, notitie-kanarie-7777\n\n## Klacht zoals bevestigd\n\nDe afspraak van 1 oktober is twee keer verzet.\nDat gebeurde zonder overleg met uw moeder.\n',
  });
  // a mediation that failed; not satisfied, not escalated
  const failedMediation = resolvedCase({
    id: 'K-2026-012',
    received: '2026-09-07',
    assignment_completed: undefined,
    acknowledged: '2026-09-08',
    client_informed: '2026-05-11',
    steps: [
      { kind: 'information_given', date: '2026-09-09' },
      { kind: 'complainant_heard', date: '2026-09-11' },
      { kind: 'third_party_information', date: '2026-09-14' },
      { kind: 'mediation', date: '2026-09-21' },
    ],
    response: {
      date: '2026-10-02',
      findings: 'Op de factuur staan twaalf uur.\nIn de planning staan negen uur.',
      conclusions: 'Uw klacht is gegrond.',
      mediation: 'Op 21 september spraken u en ik met een bemiddelaar. Dat gaf geen oplossing.',
    },
    satisfied: false,
    no_escalation_reason: 'Klager ziet af van voorleggen.',
    improvements: [],
  });
  // escalated, after an oral complaint by a representative and four steps including mediation
  const escalated = resolvedCase({
    ...oralByRepresentative,
    id: 'K-2026-013',
    received: '2026-05-04',
    assignment_completed: '2026-04-17',
    written_confirmation: '2026-05-06',
    acknowledged: '2026-05-05',
    status: 'escalated',
    steps: [
      { kind: 'information_given', date: '2026-05-07' },
      { kind: 'complainant_heard', date: '2026-05-11' },
      { kind: 'third_party_information', date: '2026-05-13' },
      { kind: 'mediation', date: '2026-05-20' },
    ],
    response: {
      date: '2026-05-29',
      findings: 'Op 2 april zijn twee dozen weggegooid.\nIk heb niet goed nagevraagd wat uw moeder bedoelde.',
      conclusions: 'Uw klacht is deels gegrond.',
    },
    satisfied: false,
    escalation: { date: '2026-06-08', reference: 'SP-2026-0142' },
  });
  const p = tempProject([oralByRepresentative, failedMediation, escalated]);
  const kinds = DOCUMENT_KINDS.flatMap((k) => ['--kind', k.key]);
  const made: Record<string, string[]> = {};
  beforeAll(() => {
    for (const id of ['K-2026-011', 'K-2026-012', 'K-2026-013']) {
      const r = p.run('documents.ts', [id, ...kinds, '--today', '2026-12-06']);
      // exit 1: a letter that does not apply (yet) to the case; anything else is a broken fixture
      if (r.status !== 0 && !(r.status === 1 && /^documents: no .* for K-/m.test(r.stderr))) throw new Error(r.stderr);
    }
    for (const f of readdirSync(join(p.dir, 'documents')).filter((f) => f.endsWith('.pdf')))
      made[f.replace('.pdf', '')] = pdfPages(join(p.dir, 'documents', f));
  });
  afterAll(() => p.cleanup());
  const letters = () => Object.entries(made).filter(([name]) => !/registratieformulier|dossier/.test(name));

  it('makes every letter kind that applies, no blank page, at most two pages a letter', () => {
    expect(Object.keys(made).sort()).toEqual(
      [
        'K-2026-011-bevestiging-mondelinge-klacht',
        'K-2026-011-ontvangstbevestiging',
        'K-2026-011-registratieformulier',
        'K-2026-012-antwoordbrief',
        'K-2026-012-ontvangstbevestiging',
        'K-2026-012-registratieformulier',
        'K-2026-013-antwoordbrief',
        'K-2026-013-bevestiging-mondelinge-klacht',
        'K-2026-013-dossier-klachtencommissie',
        'K-2026-013-escalatiebrief',
        'K-2026-013-ontvangstbevestiging',
        'K-2026-013-registratieformulier',
      ].sort(),
    );
    for (const [name, pages] of Object.entries(made)) for (const page of pages) expect(page.trim().length, name).toBeGreaterThan(40);
    for (const [name, pages] of letters()) expect(pages.length, name).toBeLessThanOrEqual(2);
  });

  it('never leaves the signature alone on a page: letter text stands above it', () => {
    for (const [name, pages] of letters()) {
      const page = pages.find((x) => x.includes('Met vriendelijke groet'))!;
      const above = page.slice(0, page.indexOf('Zo staat het in de klachtenregeling')).replace(/\s+/g, ' ').trim();
      expect(above.split(' ').length, `${name}: ${above}`).toBeGreaterThan(12);
    }
  });

  it('writes in the first person, keeps line breaks, and heads no failed mediation as a solution', () => {
    for (const [name, pages] of letters()) {
      const text = pages.join('\n');
      expect(text, name).not.toMatch(/\b(wij|ons|onze)\b/i);
      expect(text, name).not.toContain('uw Professional Organizer');
      expect(text, name).not.toContain('Oplossing door bemiddeling');
    }
    expect(made['K-2026-012-antwoordbrief']!.join('')).toMatch(/Op de factuur staan twaalf uur\.\n\s*In de planning staan negen uur\./);
    const oral = made['K-2026-011-bevestiging-mondelinge-klacht']!.join('');
    expect(oral).toMatch(/De afspraak van 1 oktober is twee keer verzet\.\n\s*Dat gebeurde zonder overleg/);
    expect(oral).not.toContain('notitie-kanarie-7777'); // the organizer's own note stays hers
    const form = made['K-2026-012-registratieformulier']!.join('');
    expect(form).not.toContain('Opgelost door bemiddeling');
    expect(made['K-2026-011-registratieformulier']!.join('')).toMatch(/Lindelaan 14\n\s*1234 AB Voorbeeld/); // an address keeps its lines
    expect(oral.replace(/\s+/g, ' ')).toContain('Uiterlijk op 9 november 2026 krijgt u mijn antwoord op papier.');
  });

  it('the committee dossier holds every letter sent: acknowledgement, oral confirmation, response, escalation', () => {
    const dossier = made['K-2026-013-dossier-klachtencommissie']!.join('\f').replace(/[ \t]+/g, ' ');
    for (const heading of [
      'Ik heb uw klacht van 4 mei 2026 ontvangen',
      'Uw klacht van 4 mei 2026 op papier',
      'Mijn antwoord op uw klacht van 4 mei 2026',
      'Uw klacht van 4 mei 2026 en de Klachtencommissie van Solopartners',
    ])
      expect(dossier).toContain(heading);
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
