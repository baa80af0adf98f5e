import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseSchemaFor } from '../../schemas/case.ts';
import { parseCaseFile, type CaseRecord } from '../../lib/cases/case-file.ts';
import { calendarFor } from '../../lib/calendar/holidays.ts';
import { parseOrganization } from '../../lib/organization/organization.ts';
import { registrationFormHtml } from '../../lib/documents/registration-form.ts';
import { responseLetterHtml } from '../../lib/documents/response-letter.ts';
import { ROOT, caseText, resolvedCase, type CaseLiteral } from '../helpers/temp-project.ts';
import { messagesIn } from '../helpers/language.ts';

// The developers' English messages (KLACHTEN_LANG=en); the organizer's Dutch ones: test/scripts/dutch-messages.test.ts.
messagesIn('en');

const org = parseOrganization('organization.yml', readFileSync(join(ROOT, 'organization.yml'), 'utf8'));
const cal = calendarFor(org);
const template = readFileSync(join(ROOT, 'templates/antwoordbrief.html'), 'utf8');

function record(literal: CaseLiteral): CaseRecord {
  const { record, problems } = parseCaseFile(`${literal.id}.md`, caseText(literal), caseSchemaFor(org));
  if (!record) throw new Error(problems.map((p) => `${p.field}: ${p.message}`).join('\n'));
  return record;
}
/** What a reader sees: tags removed, entities decoded, white space collapsed. */
const text = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
const letter = (c: CaseLiteral) => {
  const r = responseLetterHtml(record(c), org, template);
  if (!r.ok) throw new Error(r.missing.join(', '));
  return r.html;
};

const escalated = resolvedCase({
  id: 'K-2024-002',
  status: 'escalated',
  satisfied: false,
  complainant: {
    name: 'Client Canary',
    address: 'Kerkstraat 1, 1000 AA Amsterdam',
    representative: { name: 'Zoon Canary', relation: 'zoon', address: 'Dorpsweg 2, 2000 BB Haarlem' },
  },
  response: { date: '2024-01-30', findings: 'Er is te veel gefactureerd.', conclusions: 'De klacht is deels gegrond.' },
  escalation: { date: '2024-02-12', reference: 'SP-2024-0007' },
});

describe('the response letter (art. 4.6, 5.5)', () => {
  it('of a resolved case: addressed to the complainant, with findings, conclusions, mediation and the way to Solopartners', () => {
    const t = text(letter(resolvedCase()));
    expect(t).toContain('Geachte Canary Kanarie Persoon,');
    expect(t).toContain('Per e-mail: canary.kanarie@example.org');
    expect(t).toContain('Datum 30 januari 2024');
    expect(t).toContain('Kenmerk K-2024-001');
    expect(t).toContain('Op 8 januari 2024 ontving ik uw klacht.');
    expect(t).toContain('Bevindingen De afspraak was niet schriftelijk bevestigd.');
    expect(t).toContain('Conclusies De klacht is gegrond.');
    expect(t).toContain('Oplossing door bemiddeling In een gesprek is een extra sessie afgesproken.');
    expect(t).toContain('Bent u niet tevreden met deze afhandeling');
    expect(t).toContain('Klachtencommissie van Solopartners (art. 4.7)');
    expect(t).toContain('https://www.solopartners.nl/klachtenregeling');
    expect(t).toContain('Anouk Jansen Professional Organizer & Coach, Organize4all');
    expect(t).not.toContain('U hebt mij laten weten dat u niet tevreden bent');
  });

  it('of an escalated case: to the representative, on behalf of the client, with the committee and its reference', () => {
    const t = text(letter(escalated));
    expect(t).toContain('Geachte Zoon Canary,');
    expect(t).toContain('Dorpsweg 2, 2000 BB Haarlem');
    expect(t).toContain('die u indiende namens Client Canary');
    expect(t).toContain(
      'U hebt mij laten weten dat u niet tevreden bent met deze afhandeling. Daarom wordt uw klacht voorgelegd aan de Klachtencommissie van Solopartners (art. 4.7); dat is gedaan op 12 februari 2024 onder kenmerk SP-2024-0007.',
    );
    expect(t).not.toContain('Oplossing door bemiddeling');
    expect(t).not.toContain('Bent u niet tevreden');
  });

  it('escapes what the case file says', () => {
    const html = letter(resolvedCase({ response: { date: '2024-01-30', findings: '<script>alert(1)</script> & co', conclusions: 'c' } }));
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
  });

  it('is not made, half-empty, for an open case without a response: it names what is missing', () => {
    const open = resolvedCase({ status: 'open', response: undefined, satisfied: undefined });
    expect(responseLetterHtml(record(open), org, template)).toEqual({
      ok: false,
      missing: [
        'response.date (date of the written response, art. 4.6)',
        'response.findings (bevindingen, art. 5.5)',
        'response.conclusions (conclusies, art. 5.5)',
      ],
    });
    const noFindings = resolvedCase({ status: 'open', response: { date: '2024-01-30', conclusions: 'c' } });
    expect(responseLetterHtml(record(noFindings), org, template)).toEqual({
      ok: false,
      missing: ['response.findings (bevindingen, art. 5.5)'],
    });
  });

  it('refuses a template with an unknown name instead of leaving a blank', () => {
    expect(() =>
      responseLetterHtml(
        record(resolvedCase()),
        org,
        '<p>{{bevindingen}} {{conclusie}} {{#organisatie}}{{naam}}{{/organisatie}} {{orgnisatie.naam}}</p>',
      ),
    ).toThrow('the letter template uses unknown names: {{conclusie}}, {{orgnisatie.naam}}');
  });
});

describe('the registration form (art. 1.5, 4.5)', () => {
  it('shows every registered fact of the case', () => {
    const t = text(registrationFormHtml(record(escalated), org, cal, '2024-03-01'));
    for (const fact of [
      'Klachtenregistratieformulier',
      'Dossiernummer K-2024-002',
      'voorgelegd aan de klachtencommissie',
      'Anouk Jansen (anouk)',
      'Ontvangen op 8 januari 2024 (2024-01-08)',
      'Ontvangen via (art. 1.1, 4.1) e-mail',
      'Ontvangstbevestigd op 9 januari 2024'.replace('Ontvangstbevestigd', 'Ontvangst bevestigd'),
      'Cliënt gewezen op de klachtenregeling en Solopartners (art. 3) 2 oktober 2023',
      'Opdracht afgerond op 22 december 2023',
      'binnen de termijn ingediend',
      'Afhandeltermijn (20 werkdagen, art. 5.4, 6.2) 5 februari 2024 (2024-02-05)',
      'Communicatie en bereikbaarheid',
      'Naam cliënt Client Canary',
      'Kerkstraat 1, 1000 AA Amsterdam',
      'Naam Zoon Canary',
      'Relatie tot de cliënt zoon',
      'Canary Kanarie Persoon schrijft: de sessie werd zonder overleg verzet.',
      'Canary notitie.',
      'Informatie verstrekt aan de klager (art. 5.1)',
      'Klager in de gelegenheid gesteld de klacht toe te lichten (art. 5.2) Canary belde over haar buurvrouw.',
      'Bevindingen Er is te veel gefactureerd.',
      'Conclusies De klacht is deels gegrond.',
      'Klager tevreden (art. 2.3, 4.7) nee',
      '12 februari 2024 (2024-02-12), kenmerk SP-2024-0007',
      'Onvoldoende informatie gegeven',
      'Afspraken per e-mail bevestigen. Door: anouk · streefdatum 1 maart 2024',
      'afgedrukt op 1 maart 2024',
    ])
      expect(t).toContain(fact);
  });

  it('of an anonymized case says the personal data was removed', () => {
    const anon = resolvedCase({ complainant: undefined, anonymized: '2026-02-01', body: '(verwijderd)' });
    expect(text(registrationFormHtml(record(anon), org, cal, '2026-03-01'))).toContain(
      'Persoonsgegevens verwijderd op 1 februari 2026 (2026-02-01) (bewaartermijn)',
    );
    expect(responseLetterHtml(record(anon), org, template)).toMatchObject({
      ok: false,
      missing: [expect.stringContaining('anonymized on 2026-02-01')],
    });
  });
});
