import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STEP_KINDS, caseSchemaFor } from '../../schemas/case.ts';
import { missingSteps } from '../../lib/cases/steps.ts';
import { parseCaseFile, type CaseRecord } from '../../lib/cases/case-file.ts';
import { calendarFor } from '../../lib/calendar/holidays.ts';
import { parseOrganization } from '../../lib/organization/organization.ts';
import { registrationFormHtml } from '../../lib/documents/registration-form.ts';
import { LETTERHEAD_TEMPLATE, letterPartials, responseLetterHtml } from '../../lib/documents/response-letter.ts';
import { acknowledgementHtml, escalationLetterHtml, oralConfirmationHtml } from '../../lib/documents/case-letters.ts';
import { committeeDossierHtml } from '../../lib/documents/committee-dossier.ts';
import { DOCUMENT_KINDS, templatesOf } from '../../lib/documents/kinds.ts';
import { ROOT, caseText, resolvedCase, type CaseLiteral } from '../helpers/temp-project.ts';
import { messagesIn } from '../helpers/language.ts';
import { setLanguage } from '../../schemas/language.ts';

// The developers' English messages (KLACHTEN_LANG=en); the organizer's Dutch ones: test/scripts/dutch-messages.test.ts.
messagesIn('en');

const org = parseOrganization('organization.yml', readFileSync(join(ROOT, 'organization.yml'), 'utf8'));
const cal = calendarFor(org);
const template = readFileSync(join(ROOT, 'templates/antwoordbrief.html'), 'utf8');
// the letterhead every letter takes over (templates/briefhoofd.html)
const partials = letterPartials({ [LETTERHEAD_TEMPLATE]: readFileSync(join(ROOT, 'templates', LETTERHEAD_TEMPLATE), 'utf8') });

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
  const r = responseLetterHtml(record(c), org, template, partials);
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
    expect(t).toContain('Wat ik heb uitgezocht De afspraak was niet schriftelijk bevestigd.');
    expect(t).toContain('Mijn conclusie De klacht is gegrond.');
    expect(t).toContain('Bemiddeling In een gesprek is een extra sessie afgesproken.');
    expect(t).toContain('Bent u niet tevreden?');
    expect(t).toContain('https://www.solopartners.nl/klachtenregeling');
    expect(t).toContain('Anouk Jansen Professional Organizer & Coach, Organize4all');
    expect(t).not.toContain('U liet mij weten dat u daarmee niet tevreden bent');
  });

  it('says the one route to the committee organization.yml describes: who submits, how, term, cost, officer, disputes body', () => {
    const t = text(letter(resolvedCase()));
    const p = org.escalation.procedure;
    expect(p.submitted_by).toBe('organizer');
    // art. 4.7: the matter is put before the committee; the organizer does it, and says what goes with it
    expect(t).toContain('Laat het mij dan weten. Dan leg ik uw klacht voor aan de Klachtencommissie van Solopartners.');
    expect(t).toContain(`Ik stuur uw klacht ${p.how}.`);
    expect(t).toContain('Ik stuur dan ook uw naam en contactgegevens mee');
    for (const sentence of [p.officer, p.disputes_body, p.term, p.cost]) expect(t).toContain(sentence.replace(/\s+/g, ' '));
    // never the contradicting "you can submit it" of the old letter
    expect(t).not.toContain('U kunt uw klacht dan voorleggen');
  });

  it('is written in the first person, in B1: the legal basis in one closing line, not in every sentence', () => {
    for (const html of [letter(resolvedCase()), letter(escalated)]) {
      const t = text(html);
      expect(t).not.toMatch(/\b(wij|ons|onze)\b/i); // "ik", never "wij/ons"
      expect(t).not.toContain('uw Professional Organizer');
      expect(t).not.toContain('ongenoegen');
      // articles only in the closing line (and the letterhead has none)
      const body = text(html.slice(html.indexOf('<div class="letter">'), html.indexOf('<p class="basis">')));
      expect(body).not.toMatch(/\bart(?:\.|ikel) \d/);
      expect(text(html.slice(html.indexOf('<p class="basis">')))).toMatch(
        /^ ?Zo staat het in de klachtenregeling van Organize4all \(artikel 4\.6, 4\.7 en 5\.5\)/,
      );
      // sentences stay short (B1): none of the letter's own sentences over 25 words
      const own = body.split(/(?<=[.?!])\s+/).filter((x) => !x.includes('De afspraak') && !x.includes('gefactureerd'));
      for (const sentence of own) expect(sentence.split(/\s+/).filter(Boolean).length, sentence).toBeLessThanOrEqual(25);
    }
  });

  it('heads mediation neutrally: "Oplossing door bemiddeling" never heads a mediation that failed (art. 5.5)', () => {
    const failed = text(
      letter({
        ...escalated,
        response: { ...(escalated.response as object), mediation: 'Bemiddeling op 20 januari bracht geen oplossing.' },
      }),
    );
    expect(failed).not.toContain('Oplossing door bemiddeling');
    expect(failed).toContain('Bemiddeling Bemiddeling op 20 januari bracht geen oplossing.');
  });

  it('keeps the line breaks of what the organizer wrote', () => {
    const html = letter(resolvedCase({ response: { date: '2024-01-30', findings: 'Eerste regel.\nTweede regel.', conclusions: 'c' } }));
    expect(html).toContain('<div class="text">Eerste regel.\nTweede regel.</div>');
    expect(html).toMatch(/\.text \{ white-space: pre-wrap; \}/);
  });

  it('of an escalated case: to the representative at their own address, describing the response only, never the later escalation', () => {
    const t = text(letter(escalated));
    expect(t).toContain('Geachte Zoon Canary,');
    expect(t).toContain('Zoon Canary Dorpsweg 2, 2000 BB Haarlem');
    expect(t).not.toContain('Kerkstraat 1');
    expect(t).toContain('die u indiende namens Client Canary');
    expect(t).toContain('Datum 30 januari 2024');
    // dated on the response: it cannot know of the escalation of 12 February (that has its own letter)
    expect(t).not.toContain('12 februari 2024');
    expect(t).not.toContain('SP-2024-0007');
    expect(t).not.toContain('U liet mij weten dat u daarmee niet tevreden bent');
    expect(t).toContain('Bent u niet tevreden?');
    expect(t).not.toContain('Bemiddeling');
  });

  it('goes to a representative without an address care of the client ("p/a"), or by e-mail when they have one', () => {
    const rep = (representative: Record<string, string>) =>
      text(letter({ ...escalated, complainant: { name: 'Client Canary', address: 'Kerkstraat 1, 1000 AA Amsterdam', representative } }));
    expect(rep({ name: 'Zoon Canary' })).toContain('Zoon Canary p/a Client Canary, Kerkstraat 1, 1000 AA Amsterdam');
    expect(rep({ name: 'Zoon Canary', email: 'zoon@example.org' })).toContain('Zoon Canary Per e-mail: zoon@example.org');
  });

  it('escapes what the case file says', () => {
    const html = letter(resolvedCase({ response: { date: '2024-01-30', findings: '<script>alert(1)</script> & co', conclusions: 'c' } }));
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
  });

  it('is not made, half-empty, for an open case without a response: it names what is missing', () => {
    const open = resolvedCase({ status: 'open', response: undefined, satisfied: undefined });
    expect(responseLetterHtml(record(open), org, template, partials)).toEqual({
      ok: false,
      missing: [
        'response.date (date of the written response, art. 4.6)',
        'response.findings (bevindingen, art. 5.5)',
        'response.conclusions (conclusies, art. 5.5)',
      ],
    });
    const noFindings = resolvedCase({ status: 'open', response: { date: '2024-01-30', conclusions: 'c' } });
    expect(responseLetterHtml(record(noFindings), org, template, partials)).toEqual({
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
    ).toThrow('the letter template antwoordbrief.html uses unknown names: {{conclusie}}, {{orgnisatie.naam}}');
    setLanguage('nl');
    try {
      expect(() => responseLetterHtml(record(resolvedCase()), org, '<p>{{conclusie}}</p>')).toThrow(
        'het sjabloon templates/antwoordbrief.html gebruikt onbekende namen: {{conclusie}}',
      );
    } finally {
      setLanguage('en');
    }
  });

  it('checks the names in the letterhead it takes over, and refuses a letterhead that is not there', () => {
    const letter = '{{> briefhoofd}}<p>{{bevindingen}}</p>';
    expect(() => responseLetterHtml(record(resolvedCase()), org, letter, { briefhoofd: '<p>{{organisatie.nam}}</p>' })).toThrow(
      'uses unknown names: {{organisatie.nam}}',
    );
    expect(() => responseLetterHtml(record(resolvedCase()), org, letter)).toThrow('uses unknown names: {{> briefhoofd}}');
  });

  it('takes the letterhead from templates/briefhoofd.html: one change there changes every letter', () => {
    const own = { briefhoofd: partials.briefhoofd!.replace('<div class="org">', '<div class="org">Eigen briefhoofd · ') };
    expect(made(responseLetterHtml(record(resolvedCase()), org, template, own))).toContain('Eigen briefhoofd · ');
    const acknowledgement = acknowledgementHtml(
      record(resolvedCase()),
      org,
      cal,
      '2024-01-10',
      templateOf('ontvangstbevestiging.html'),
      own,
    );
    expect(made(acknowledgement)).toContain('Eigen briefhoofd · ');
  });
});

describe('the registration form (art. 1.5, 4.5)', () => {
  it('shows every registered fact of the case', () => {
    const t = text(registrationFormHtml(record(escalated), org, cal, '2024-03-01'));
    for (const fact of [
      'Klachtenregistratieformulier',
      'Dossiernummer K-2024-002',
      'voorgelegd aan de klachtencommissie',
      'Verantwoordelijke begeleider (art. 6.1) Anouk Jansen',
      'Ontvangen op 8 januari 2024',
      'Binnengekomen via (art. 1.1, 4.1) e-mail',
      'Ontvangstbevestigd op 9 januari 2024'.replace('Ontvangstbevestigd', 'Ontvangst bevestigd'),
      'Cliënt gewezen op de klachtenregeling en Solopartners op (art. 3, bij de start van de opdracht) 2 oktober 2023',
      'Opdracht afgerond op 22 december 2023',
      'binnen de termijn ingediend',
      'Afhandeltermijn (20 werkdagen, art. 5.4, 6.2) 5 februari 2024',
      'Communicatie en bereikbaarheid',
      'Naam van de cliënt Client Canary',
      'Kerkstraat 1, 1000 AA Amsterdam',
      'Naam van de vertegenwoordiger Zoon Canary',
      'Relatie tot de cliënt zoon',
      'Canary Kanarie Persoon schrijft: de sessie werd zonder overleg verzet.',
      'Canary notitie.',
      'Voldoende informatie aan de klager gegeven (art. 5.1)',
      'Klager in de gelegenheid gesteld de klacht toe te lichten (art. 5.2) Canary belde over haar buurvrouw.',
      'Bevindingen Er is te veel gefactureerd.',
      'Conclusies De klacht is deels gegrond.',
      'Is de klager tevreden? (art. 2.3, 4.7) nee',
      '12 februari 2024, kenmerk SP-2024-0007',
      'Onvoldoende informatie gegeven',
      'Afspraken per e-mail bevestigen. Door: Anouk Jansen · streefdatum 1 maart 2024',
      'afgedrukt op 1 maart 2024',
    ])
      expect(t).toContain(fact);
    expect(t).not.toMatch(/organizer|Door: anouk/);
  });

  it('of an anonymized case says the personal data was removed', () => {
    const anon = resolvedCase({ complainant: undefined, anonymized: '2026-02-01', body: '(verwijderd)' });
    expect(text(registrationFormHtml(record(anon), org, cal, '2026-03-01'))).toContain(
      'Persoonsgegevens verwijderd op 1 februari 2026 (bewaartermijn)',
    );
    expect(responseLetterHtml(record(anon), org, template, partials)).toMatchObject({
      ok: false,
      missing: [expect.stringContaining('anonymized on 2026-02-01')],
    });
  });
});

const templateOf = (name: string) => readFileSync(join(ROOT, 'templates', name), 'utf8');
const made = (r: { ok: true; html: string } | { ok: false; missing: string[] }) => {
  if (!r.ok) throw new Error(r.missing.join(', '));
  return r.html;
};

describe('the registration form renders the Markdown body', () => {
  it('shows headings, lists and emphasis as such, never "## Klacht" literally, and raw HTML as text', () => {
    const body =
      '## Klacht\n\nDe sessie werd **twee keer** verzet.\n\n- eerst op maandag\n- toen op vrijdag\n\n<script>alert(1)</script>\n';
    const html = registrationFormHtml(record(resolvedCase({ body })), org, cal, '2024-03-01');
    expect(html).toContain('<h2>Klacht</h2>');
    expect(html).toContain('<strong>twee keer</strong>');
    expect(html).toContain('<li>eerst op maandag</li>');
    expect(html).not.toContain('## Klacht');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
  it('keeps the line breaks of a pasted e-mail', () => {
    const html = registrationFormHtml(
      record(resolvedCase({ body: '## Klacht\n\nBeste Anouk,\nde sessie werd verzet.\nGroet, Canary\n' })),
      org,
      cal,
      '2024-03-01',
    );
    expect(html).toContain('<p>Beste Anouk,\nde sessie werd verzet.\nGroet, Canary</p>');
    expect(html).toMatch(/\.markdown p, \.markdown li \{ white-space: pre-line; \}/);
  });
});

describe('the acknowledgement of receipt (art. 3, 4.1, 5.4)', () => {
  const ack = (c: CaseLiteral, today = '2024-01-09') =>
    text(made(acknowledgementHtml(record(c), org, cal, today, templateOf('ontvangstbevestiging.html'), partials)));
  it('names the date received, the handling deadline as a date, who handles it (art. 4.2, 6.1), the regulation and the committee', () => {
    const t = ack(resolvedCase({ status: 'open', response: undefined, satisfied: undefined, acknowledged: undefined }));
    expect(t).toContain('Datum 9 januari 2024'); // today: the day it is made and recorded
    expect(t).toContain('Op 8 januari 2024 ontving ik uw klacht.');
    // art. 5.4: 8 January 2024 (Monday) + 20 working days = Monday 5 February 2024
    expect(t).toContain('Uiterlijk op 5 februari 2024 krijgt u mijn antwoord op papier.');
    expect(t).toContain('20 werkdagen na de dag waarop ik uw klacht ontving');
    expect(t).toContain('Ik behandel uw klacht zelf.'); // first person: she signs it (art. 6.1)
    expect(t).not.toContain('uw Professional Organizer');
    expect(t).not.toMatch(/\b(wij|ons|onze)\b/i);
    expect(t).toContain('https://organize4all.github.io/klachtenregeling/');
    expect(t).toContain('Dan kunt u met uw klacht naar de Klachtencommissie van Solopartners.');
    expect(t).not.toContain('vertelde u mij');
    expect(t).not.toContain('Deze datum ligt na'); // within the known decreed days
  });
  it('to a representative: first person, "namens" the client', () => {
    const t = ack(
      resolvedCase({
        acknowledged: '2024-01-09',
        complainant: { name: 'Moeder Canary', address: 'Laan 1', representative: { name: 'Zoon Canary', relation: 'zoon' } },
      }),
    );
    expect(t).toContain('Geachte Zoon Canary,');
    expect(t).toContain('die u indiende namens Moeder Canary');
    expect(t).toContain('Ik behandel uw klacht zelf.');
  });
  it('says a later decree may move a deadline after the known decreed days (art. 3 lid 3 Atw)', () => {
    const t = ack(
      resolvedCase({
        id: 'K-2029-001',
        received: '2029-03-01',
        assignment_completed: undefined,
        status: 'open',
        response: undefined,
        satisfied: undefined,
        acknowledged: undefined,
        steps: [],
        improvements: [],
      }),
      '2029-03-02',
    );
    expect(t).toContain('Deze datum ligt na 31 december 2028.');
    expect(t).toContain('Een later besluit kan de datum dus nog verschuiven.');
  });
  it('keeps the recorded acknowledged date, and mentions the written confirmation for an oral complaint', () => {
    const t = ack(resolvedCase({ channel: 'oral', written_confirmation: '2024-01-10', acknowledged: '2024-01-10' }), '2024-03-01');
    expect(t).toContain('Datum 10 januari 2024');
    expect(t).toContain('U vertelde mij uw klacht. Een klacht moet op papier staan.');
  });
});

describe('the confirmation of an oral complaint (art. 4.1)', () => {
  const oral = (c: CaseLiteral) =>
    oralConfirmationHtml(record(c), org, cal, '2024-01-10', templateOf('bevestiging-mondelinge-klacht.html'), partials);
  const body =
    '## Klacht\n\nTel. zoon: mam ontevreden, sessie 2x verzet, notitie-kanarie-1111\n\n## Klacht zoals bevestigd\n\nDe sessie is twee keer verzet.\nDat gebeurde zonder overleg.\n\n## Notities\n\nnotitie-kanarie-4242\n';
  it("prints the complaint as written for the complainant, never the organizer's own note of the call, with its line breaks", () => {
    const html = made(oral(resolvedCase({ channel: 'oral', body })));
    expect(html).toContain('De sessie is twee keer verzet.\nDat gebeurde zonder overleg.');
    expect(html).not.toContain('notitie-kanarie-1111');
    expect(html).not.toContain('notitie-kanarie-4242');
    const t = text(html);
    expect(t).toContain('Datum 10 januari 2024');
    expect(t).not.toContain('zoals ik die heb vastgelegd');
    expect(t).toContain('kenmerk K-2024-001');
  });
  it('gives the handling deadline and asks for corrections by a date', () => {
    const t = text(made(oral(resolvedCase({ channel: 'oral', body }))));
    // art. 5.4: from the day the complaint was made, Monday 8 January 2024 + 20 working days = Monday 5 February
    expect(t).toContain('Uiterlijk op 5 februari 2024 krijgt u mijn antwoord op papier. Dat is 20 werkdagen na 8 januari 2024.');
    // the letter of Wednesday 10 January + 5 working days (correction_workdays) = Wednesday 17 January
    expect(t).toContain('Klopt er iets niet, of mist er iets? Laat het mij dan uiterlijk op 17 januari 2024 weten.');
    expect(t).not.toMatch(/\b(wij|ons|onze)\b/i);
  });
  it('is only for an oral complaint that has the text written for the complainant', () => {
    expect(oral(resolvedCase({ channel: 'email', body }))).toMatchObject({
      ok: false,
      missing: [expect.stringContaining('channel: oral')],
    });
    // the note alone is not enough: the organizer writes the text for the client apart from it
    expect(oral(resolvedCase({ channel: 'oral', body: '## Klacht\n\nnotitie\n' }))).toMatchObject({
      ok: false,
      missing: [expect.stringContaining('## Klacht zoals bevestigd')],
    });
  });
});

describe('the escalation letter and the committee dossier (art. 4.7)', () => {
  const esc = (c: CaseLiteral) => escalationLetterHtml(record(c), org, templateOf('escalatiebrief.html'), partials);
  it('the escalation letter is dated on the escalation and names the response, the committee and its reference', () => {
    const t = text(made(esc(escalated)));
    expect(t).toContain('Datum 12 februari 2024');
    expect(t).toContain('Op 30 januari 2024 stuurde ik u mijn antwoord op uw klacht');
    expect(t).toContain('Daarom heb ik uw klacht op 12 februari 2024 voorgelegd aan de Klachtencommissie van Solopartners.');
    expect(t).toContain('Bij Solopartners heeft uw klacht het kenmerk SP-2024-0007.');
    expect(t).toContain('Geachte Zoon Canary,');
  });
  it('the escalation letter says what was sent (personal data leaving the practice) and what the complainant does next', () => {
    const t = text(made(esc({ ...escalated, channel: 'oral', written_confirmation: '2024-01-10' })));
    expect(t).toContain('Wat ik aan de commissie heb gestuurd');
    expect(t).toContain('Daarop staan uw naam en contactgegevens en die van Client Canary, uw klacht zoals ik die ontving');
    expect(t).toContain('de ontvangstbevestiging van 9 januari 2024;');
    expect(t).toContain('de brief van 10 januari 2024 met uw mondelinge klacht op papier;');
    expect(t).toContain('mijn antwoord op uw klacht van 30 januari 2024;');
    expect(t).toContain(
      'Wat doet u nu? U hoeft nu niets te doen. De klachtenfunctionaris neemt contact met u op. Noem dan het kenmerk SP-2024-0007.',
    );
    for (const sentence of [org.escalation.procedure.officer, org.escalation.procedure.cost])
      expect(t).toContain(sentence.replace(/\s+/g, ' '));
  });
  it('when the complainant submits (procedure.submitted_by: complainant), both letters say so, and how', () => {
    const own = {
      ...org,
      escalation: {
        ...org.escalation,
        procedure: { ...org.escalation.procedure, submitted_by: 'complainant' as const, how: 'met het formulier op example.org/indienen' },
      },
    };
    const response = text(made(responseLetterHtml(record(escalated), own, template, partials)));
    expect(response).toContain(
      'Dan kunt u uw klacht voorleggen aan de Klachtencommissie van Solopartners. U doet dat zelf, met het formulier op example.org/indienen.',
    );
    expect(response).not.toContain('Dan leg ik uw klacht voor');
    const escalation = text(made(escalationLetterHtml(record(escalated), own, templateOf('escalatiebrief.html'), partials)));
    expect(escalation).toContain('U legt uw klacht voor aan de Klachtencommissie van Solopartners.');
    expect(escalation).toContain(
      'Leg uw klacht voor aan de commissie, met het formulier op example.org/indienen. Noem daarbij ons kenmerk K-2024-002.',
    );
    expect(escalation).not.toContain('heb ik uw klacht op');
  });
  it('needs an escalation', () => {
    expect(esc(resolvedCase())).toMatchObject({ ok: false, missing: [expect.stringContaining('escalation.date')] });
  });
  it('the dossier bundles the form, the steps with their dates and every letter sent, each on a new page', () => {
    const oral = {
      ...escalated,
      channel: 'oral',
      written_confirmation: '2024-01-10',
      body: '## Klacht\n\nnotitie\n\n## Klacht zoals bevestigd\n\nDe factuur is te hoog.\n',
    };
    const kind = DOCUMENT_KINDS.find((k) => k.key === 'dossier-klachtencommissie')!;
    const templates = Object.fromEntries(templatesOf(kind).map((name) => [name, templateOf(name)]));
    const html = made(kind.make({ record: record(oral), org, cal, today: '2024-03-01', templates }));
    const t = text(html);
    const order = [
      'Dossier voor de klachtencommissie',
      'Ontvangstbevestiging (art. 4.1, 5.4), verstuurd op 9 januari 2024',
      'Bevestiging mondelinge klacht (art. 4.1), verstuurd op 10 januari 2024',
      'Dossiernummer K-2024-002',
      'Voldoende informatie aan de klager gegeven (art. 5.1)',
      'Bevindingen Er is te veel gefactureerd.',
      'Ik heb uw klacht van 8 januari 2024 ontvangen',
      'Uw klacht van 8 januari 2024 op papier',
      'Mijn antwoord op uw klacht van 8 januari 2024',
      'Daarom heb ik uw klacht op 12 februari 2024 voorgelegd',
    ].map((s) => t.indexOf(s));
    expect(
      order.every((i) => i >= 0),
      JSON.stringify(order),
    ).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html.match(/class="next-page"/g)).toHaveLength(5);
    expect((html.match(/<html/g) ?? []).length).toBe(1);
  });
  it('the dossier names a letter recorded as sent that cannot be made again, never leaving it out silently', () => {
    const oral = { ...escalated, channel: 'oral', written_confirmation: '2024-01-10' }; // no text written for the client
    const kind = DOCUMENT_KINDS.find((k) => k.key === 'dossier-klachtencommissie')!;
    const templates = Object.fromEntries(templatesOf(kind).map((name) => [name, templateOf(name)]));
    const t = text(made(kind.make({ record: record(oral), org, cal, today: '2024-03-01', templates })));
    expect(t).toContain('Bevestiging mondelinge klacht (art. 4.1), verstuurd op 10 januari 2024 (niet opnieuw te maken:');
    expect(t).toContain('voeg een kopie van de verstuurde brief toe');
  });
  it('the dossier lists the files kept with the case, which go along as files (art. 4.5, 4.7)', () => {
    const kind = DOCUMENT_KINDS.find((k) => k.key === 'dossier-klachtencommissie')!;
    const templates = Object.fromEntries(templatesOf(kind).map((name) => [name, templateOf(name)]));
    const attachments = [
      { name: 'factuur <2024>.pdf', size: 120 * 1024, type: 'application/pdf' },
      { name: 'e-mail.eml', size: 900, type: 'message/rfc822' },
    ];
    const html = made(kind.make({ record: record(escalated), org, cal, today: '2024-03-01', templates, attachments }));
    expect(text(html)).toContain('Bijlagen (art. 4.5) Deze bestanden horen bij de klacht en gaan als losse bestanden mee met dit dossier:');
    expect(html).toContain('<li>factuur &lt;2024&gt;.pdf (120 kB)</li>');
    expect(html).toContain('<li>e-mail.eml (900 bytes)</li>');
    expect(text(made(kind.make({ record: record(escalated), org, cal, today: '2024-03-01', templates })))).not.toContain('Bijlagen');
  });
  it('the dossier is not made without the escalation', () => {
    const r = record(resolvedCase());
    const dossier = committeeDossierHtml(
      r,
      registrationFormHtml(r, org, cal, '2024-03-01'),
      responseLetterHtml(r, org, template, partials),
      escalationLetterHtml(r, org, templateOf('escalatiebrief.html'), partials),
    );
    expect(dossier).toMatchObject({ ok: false, missing: [expect.stringContaining('escalation.date')] });
  });
});

describe('a missing template (e.g. the werkplek started with --config elsewhere)', () => {
  it('makes no letter but names the file, in Dutch for the organizer: never a blank page', () => {
    const kind = DOCUMENT_KINDS.find((k) => k.key === 'antwoordbrief')!;
    setLanguage('nl');
    try {
      const r = kind.make({
        record: record(resolvedCase()),
        org,
        cal,
        today: '2024-03-01',
        templates: { [LETTERHEAD_TEMPLATE]: partials.briefhoofd! },
      });
      expect(r).toEqual({
        ok: false,
        missing: [
          'het sjabloon templates/antwoordbrief.html ontbreekt: zet het bestand terug in de map templates/ naast organization.yml (zie templates/README.md)',
        ],
      });
    } finally {
      setLanguage('en');
    }
  });
});

describe('art. 5.3: information asked of third parties is a step of its own, with its date', () => {
  it('shows on the registration form, in date order with the other steps', () => {
    const c = resolvedCase({
      steps: [
        { kind: 'information_given', date: '2024-01-10' },
        { kind: 'third_party_information', date: '2024-01-12', note: 'Planning opgevraagd bij de schoonmaakdienst.' },
        { kind: 'complainant_heard', date: '2024-01-15' },
      ],
    });
    const t = text(registrationFormHtml(record(c), org, cal, '2024-03-01'));
    expect(t).toContain('12 januari 2024 Informatie bij derden ingewonnen (art. 5.3) Planning opgevraagd bij de schoonmaakdienst.');
    expect(t.indexOf('(art. 5.1)')).toBeLessThan(t.indexOf('(art. 5.3)'));
    expect(t.indexOf('(art. 5.3)')).toBeLessThan(t.indexOf('(art. 5.2) '));
  });
  it('cannot be dated before the complaint was received', () => {
    const c = resolvedCase({ steps: [{ kind: 'third_party_information', date: '2024-01-05' }] });
    expect(parseCaseFile(`${c.id}.md`, caseText(c), caseSchemaFor(org)).problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
      'steps.0.date: 2024-01-05 is before "Received on" (received: 2024-01-08)',
    ]);
  });
});

describe('art. 1.3: the complaints procedure the organization uses is the one the case file records', () => {
  it('every step of the procedure (art. 3, 5.1–5.3, 4.6, 5.5) has its place, and missingSteps names what a case still lacks', () => {
    const c = record(resolvedCase({ client_informed: undefined, steps: [{ kind: 'information_given', date: '2024-01-10' }] })).data;
    expect(missingSteps(c).map((s) => `${s.key} (${s.article})`)).toEqual([
      'client_informed (art. 3.1, 3.2)',
      'complainant_heard (art. 5.2)',
    ]);
    expect(missingSteps(record(resolvedCase()).data)).toEqual([]);
    // `reopened` is no step of the procedure: a closed case taken up again, with its reason
    expect(STEP_KINDS).toEqual(['information_given', 'complainant_heard', 'third_party_information', 'mediation', 'reopened']);
  });
});
