// What the werkplek's handbook tests share (test/e2e/werkplek*.test.ts around the handbook's flow): today in
// Amsterdam, the forms as the flow fills them in, and the case files as the flow leaves them, so that a file
// that tests beside the flow (the forms, accessibility, privacy requests) starts its own werkplek on that state
// instead of waiting for the flow.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { anonymizeCaseText } from '../../lib/cases/anonymize.ts';
import { todayIn } from '../../lib/dates/iso-date.ts';
import { erasureEntryText } from '../../lib/history/erasure-log.ts';
import { axeViolations } from '../../tools/browser.ts';
import { caseData, caseText } from '../helpers/fixtures.ts';
import { closePage, type WerkplekSession } from '../helpers/werkplek-browser.ts';

export const TODAY = todayIn(new Date(), 'Europe/Amsterdam');
export const YEAR = TODAY.slice(0, 4);
/** A complainant's name the log must never show. */
export const CANARY = 'Canarie Klaagster-Zeldzaam';
/** The complaint of the flow's first case: ` #`, quotes, a dash, an emoji, an accent. */
export const COMPLAINT = 'Factuur #2026-12 was te hoog berekend.\nLet op: "dubbel" gerekend — \'echt\' waar? 😀 café';

// an old closed case, past its retention period (2 years after closing)
export const OLD = caseData({
  id: 'K-2020-001',
  received: '2020-01-06',
  status: 'resolved',
  complainant: { name: 'Oude Klant', email: 'oud@example.org' },
  response: { date: '2020-01-20', findings: 'Oude bevindingen.', conclusions: 'Oude conclusies.' },
});

/** The body the werkplek writes for a new case (lib/cases/new-case.ts), with what came after. */
const body = (complaint: string, after = '') => `## Klacht\n\n${complaint}\n\n${after}## Notities\n\n`;

/**
 * The cases folder as the handbook flow (test/e2e/werkplek.test.ts) leaves it: the old case anonymized with its
 * log entry; K-…-001 registered, acknowledged, heard, answered and closed; K-…-002 escalated; K-…-003 an oral
 * complaint confirmed and withdrawn. All by bram, every complainant at klager@example.org.
 */
export function afterTheFlow(): Record<string, string> {
  const id = (n: number) => `K-${YEAR}-00${n}`;
  const registered = { organizer: 'bram', received: TODAY, channel: 'email' as const, categories: ['kosten'] };
  const complainant = (name: string) => ({ name, email: 'klager@example.org' });
  return {
    'cases/2020/K-2020-001.md': anonymizeCaseText(caseText(OLD), TODAY).text,
    [`cases/verwijderingen/${TODAY}-K-2020-001.yml`]: erasureEntryText({
      date: TODAY,
      case: 'K-2020-001',
      reason: 'retention',
      by: 'bram',
      file: '2020/K-2020-001.md',
    }),
    [`cases/${YEAR}/${id(1)}.md`]: caseText(
      caseData({
        id: id(1),
        ...registered,
        acknowledged: TODAY,
        status: 'resolved',
        complainant: complainant(`${CANARY} "Jr." #1: test`),
        client_informed: '2026-01-05',
        steps: [{ kind: 'complainant_heard', date: TODAY, note: 'Gebeld: klant wil # korting' }],
        response: {
          date: TODAY,
          findings: 'Factuur #2026-12 was te hoog berekend.',
          conclusions: 'Conclusie: de klacht is "gegrond".\n- het bedrag wordt terugbetaald',
        },
        satisfied: true,
      }),
      body(COMPLAINT),
    ),
    [`cases/${YEAR}/${id(2)}.md`]: caseText(
      caseData({
        id: id(2),
        ...registered,
        status: 'escalated',
        complainant: complainant('Tweede Klant'),
        response: { date: TODAY, findings: 'Bevindingen.', conclusions: 'Conclusies.' },
        escalation: { date: TODAY, reference: 'SP-2026/17' },
        satisfied: false,
      }),
      body('Tweede klacht.'),
    ),
    [`cases/${YEAR}/${id(3)}.md`]: caseText(
      caseData({
        id: id(3),
        ...registered,
        channel: 'oral',
        written_confirmation: TODAY,
        status: 'withdrawn',
        complainant: complainant('Derde Klant'),
        withdrawn_on: TODAY,
      }),
      body('Derde klacht, mondeling.', '## Klacht zoals bevestigd\n\nU vertelde mij over de planning.\nDie klopte niet.\n\n'),
    ),
  };
}

/**
 * The cases folder as the flow and the forms (test/e2e/werkplek-forms.test.ts) leave it: {@link afterTheFlow} plus
 * K-…-004 closed without going to the committee, and K-2025-050 written by hand and then edited in the werkplek
 * (a representative, comments kept), still open.
 */
export function afterTheForms(): Record<string, string> {
  const id = `K-${YEAR}-004`;
  return {
    ...afterTheFlow(),
    [`cases/${YEAR}/${id}.md`]: caseText(
      caseData({
        id,
        organizer: 'bram',
        received: TODAY,
        status: 'resolved',
        complainant: { name: 'Vijfde Klant', email: 'klager@example.org' },
        categories: ['kosten'],
        response: { date: TODAY, findings: 'Bevindingen.', conclusions: 'Conclusies.' },
        satisfied: false,
        no_escalation_reason: 'Klager ziet af van voorleggen aan de commissie.',
      }),
      body('Vijfde klacht.'),
    ),
    'cases/2025/K-2025-050.md': [
      '---',
      '# handgeschreven: dit commentaar blijft staan',
      'id: K-2025-050',
      'organizer: bram # de begeleider',
      'received: 2025-03-03',
      'status: open',
      'channel: email',
      'complainant:',
      '  name: Zesde Klant',
      '  representative:',
      '    name: Dochter Zes',
      '    address: |-',
      '      Straat 1',
      '      1234 AB Plaats',
      'categories:',
      '  - kosten',
      '  - privacy',
      '---',
      '',
      '## Klacht',
      '',
      'Nieuwe tekst: met "quotes" # en meer.',
      '',
      '## Notities',
      '',
      '- gebeld # 2x',
      '',
    ].join('\n'),
  };
}

/** The helpers of the forms the flow fills in, on a session's werkplek. */
export function handbookForms(s: WerkplekSession) {
  /** Open a form's details, fill it with `fill`, submit, and wait for the dossier to come back. */
  async function submitForm(page: Page, summary: string, fill: () => Promise<void>, button: string): Promise<void> {
    await page.click(`summary:has-text("${summary}")`);
    await fill();
    await Promise.all([page.waitForNavigation(), page.click(`button:has-text("${button}")`)]);
  }
  return {
    submitForm,
    /** Register a complaint through the form; returns the new case id. */
    async register(page: Page, name: string, complaint: string, channel = 'email'): Promise<string> {
      await page.goto(s.url('/nieuw'));
      await page.selectOption('#f-organizer', 'bram');
      await page.selectOption('#f-channel', channel);
      await page.fill('#f-complainant-name', name);
      await page.fill('#f-complainant-email', 'klager@example.org');
      await page.check('#f-categories-kosten');
      await page.fill('#f-klacht', complaint);
      await Promise.all([page.waitForURL(/\/dossier\/K-/), page.click('button:has-text("Klacht registreren")')]);
      return /\/dossier\/(K-[^/?]+)/.exec(page.url())![1]!;
    },
    /** Write the written response (art. 4.6, 5.5) with short findings and conclusions. */
    writeResponse: (page: Page) =>
      submitForm(
        page,
        'Schriftelijke afhandeling schrijven',
        async () => {
          await page.fill('#antw-f-response-findings', 'Bevindingen.');
          await page.fill('#antw-f-response-conclusions', 'Conclusies.');
        },
        'Afhandeling opslaan',
      ),
    /** Fetch a document of a case as PDF; checks it is one, never cached, and a download. */
    async pdfOf(id: string, key: string): Promise<Buffer> {
      const res = await fetch(s.url(`/dossier/${id}/document/${key}.pdf`));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${id}-${key}.pdf"`);
      const pdf = Buffer.from(await res.arrayBuffer());
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      return pdf;
    },
  };
}

/** The test that the werkplek never wrote personal data to its log, as the last test of a file. */
export function itKeepsPersonalDataOutOfTheLog(s: WerkplekSession): void {
  it('never writes personal data to its log', () => {
    expect(s.log.length).toBeGreaterThan(10);
    expect(s.log.join('\n')).not.toMatch(/Canarie|Klant|example\.org|Factuur/);
  });
}

/** The pages of {@link afterTheForms} that axe-core checks, with every details element open. */
const AXE_PAGES = () => [
  '/',
  '/nieuw',
  `/dossier/K-${YEAR}-001`,
  `/dossier/K-${YEAR}-002`,
  '/dossier/K-2025-050',
  '/bewaartermijn',
  '/privacy',
];

/** The axe-core test of every page in one colour scheme (test/e2e/werkplek-accessibility-*.test.ts). */
export function itHasNoAxeViolations(s: WerkplekSession, scheme: 'light' | 'dark'): void {
  it(`axe-core finds no WCAG 2.2 A/AA violation on any page (${scheme})`, async () => {
    for (const path of AXE_PAGES()) {
      const page = await s.open(path, { scheme });
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      expect({ path, violations: await axeViolations(page) }).toEqual({ path, violations: [] });
      await closePage(page);
    }
    // a refused form, with its messages beside the fields
    const page = await s.open('/nieuw', { scheme });
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Klacht registreren")')]);
    expect(await axeViolations(page)).toEqual([]);
    await closePage(page);
  });
}
