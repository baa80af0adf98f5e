// AVG art. 14: when a representative complains, the acknowledgement says what is recorded about the client, where
// the data came from, and the client's rights; when the client complains, it says nothing of the kind.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CaseData } from '../../../schemas/case.ts';
import { acknowledgementHtml } from '../../../lib/documents/case-letters.ts';
import { calendarFor } from '../../../lib/calendar/holidays.ts';
import { ORG, caseData } from '../../helpers/fixtures.ts';

const template = readFileSync(new URL('../../../templates/ontvangstbevestiging.html', import.meta.url), 'utf8');
const partials = { briefhoofd: readFileSync(new URL('../../../templates/briefhoofd.html', import.meta.url), 'utf8') };
const letter = (complainant: { name: string } & Record<string, unknown>) => {
  const data = { causes: [], improvements: [], steps: [], ...caseData({ complainant }) } as unknown as CaseData;
  const r = acknowledgementHtml(
    { file: 'cases/2026/K-2026-001.md', data, body: 'Klacht.' },
    ORG,
    calendarFor(ORG),
    '2026-11-04',
    template,
    partials,
  );
  if (!r.ok) throw new Error(r.missing.join('; '));
  return r.html.replace(/\s+/g, ' ');
};

describe('the acknowledgement and art. 14', () => {
  it("a representative's complaint: what is recorded about the client, its source, the term and the client's rights", () => {
    const html = letter({
      name: 'Cliënt Claes',
      address: 'Dorpsstraat 1, 1234 AB Ergens',
      phone: '06 12345678',
      representative: { name: 'Vera de Vries', email: 'vera@example.org', relation: 'dochter' },
    });
    expect(html).toContain('<h2>Wat ik over Cliënt Claes vastleg</h2>');
    expect(html).toContain(
      'Daarom leg ik ook gegevens van Cliënt Claes vast: naam, adres, telefoonnummer en de klacht over de begeleiding van de cliënt. Die gegevens kreeg ik van u.',
    );
    expect(html).toContain('Ik bewaar ze tot 2 jaar nadat de klacht is afgehandeld');
    expect(html).toContain(
      'Cliënt Claes mag deze gegevens inzien, laten verbeteren of laten verwijderen, en kan een klacht indienen bij de Autoriteit Persoonsgegevens',
    );
    expect(html).toContain('privacyverklaring op https://organize4all.github.io/klachtenregeling/');
  });

  it("the client's own complaint: no such paragraph (the client gave the data, art. 13)", () => {
    const html = letter({ name: 'Cliënt Claes', email: 'claes@example.org' });
    expect(html).not.toMatch(/vastleg<\/h2>|Die gegevens kreeg ik van u|Autoriteit Persoonsgegevens/);
  });
});
