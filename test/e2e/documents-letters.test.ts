// Every letter of three demanding cases made by `npm run documents` (Chromium print to PDF) and read back per page
// with pdftotext: an oral complaint by a son for his mother, a failed mediation, an escalation. The defects a
// jurist found are gone: no blank page, no signature alone on a page, the first person, line breaks kept, no
// failed mediation headed as a solution, every letter sent in the committee dossier. The other documents:
// test/e2e/documents-pdf.test.ts.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolvedCase, tempProject } from '../helpers/temp-project.ts';
import { DOCUMENT_KINDS } from '../../lib/documents/kinds.ts';
import { messagesIn } from '../helpers/language.ts';

// The developers' English messages (KLACHTEN_LANG=en); the organizer's Dutch ones: test/scripts/dutch-messages.test.ts.
messagesIn('en');

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
