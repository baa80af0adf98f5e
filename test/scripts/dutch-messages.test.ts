import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { calendarFor } from '../../lib/calendar/holidays.ts';
import { formatProblem } from '../../lib/problems/problems.ts';
import { validateCases } from '../../lib/cases/validate.ts';
import { ORG, ORG_TEXT, caseData, caseText } from '../helpers/fixtures.ts';
import { parseOrganization } from '../../lib/organization/organization.ts';
import { InputError } from '../../lib/problems/problems.ts';
import { messagesIn } from '../helpers/language.ts';
import { resolvedCase, tempProject } from '../helpers/temp-project.ts';

// Dutch is what the Professional Organizer & Coach reads: the default, and what these tests check.
messagesIn('nl');

const cal = calendarFor(ORG);
const FILE = 'cases/2026/K-2026-001.md';
const problems = (text: string) => validateCases([{ path: FILE, text }], ORG, cal).problems.map(formatProblem);
const lineOf = (text: string, start: string) => text.split('\n').findIndex((l) => l.startsWith(start)) + 1;

// A hand-edited file as the organizer types it: the fields of a closed case, with free text typed unquoted.
const handEdited = (lines: string) =>
  `---\nid: K-2026-001\norganizer: anouk\nreceived: 2026-11-03\nchannel: email\nstatus: resolved\nclient_informed: 2026-09-04\ncomplainant:\n  name: Canary Klant\ncategories: [kosten]\nresponse:\n  date: 2026-11-20\n${lines}---\n\nDe klacht.\n`;

describe('validate in Dutch: the common mistakes of a hand-edited case file', () => {
  it('warns when a free text is cut short at " #", and says to quote it (the letter would read only "Factuur")', () => {
    const text = handEdited('  findings: Factuur #2026-12 was te hoog berekend.\n  conclusions: "Gegrond: #1"\n');
    const found = problems(text);
    expect(found).toEqual([
      `${FILE}:${lineOf(text, '  findings')}: response.findings: waarschuwing: na " #" leest YAML de rest van de regel als commentaar: alleen de tekst ervoor telt, en de brief toont de rest niet. Zet de hele tekst tussen aanhalingstekens, bijvoorbeeld findings: "Factuur #2026-12 was te hoog berekend."`,
    ]);
    // a warning: the case stays valid
    expect(validateCases([{ path: FILE, text }], ORG, cal).errorCount).toBe(0);
  });

  it('does not warn on a quoted text, a comment on its own line, or a comment after a key', () => {
    const text = handEdited('  findings: "Factuur #2026-12 was te hoog."\n  # een gewone opmerking\n  conclusions: Gegrond\n').replace(
      'organizer: anouk',
      'organizer: anouk # de begeleider',
    );
    expect(problems(text)).toEqual([]);
  });

  it('warns inside a list too, naming the field by its path', () => {
    const text = handEdited('  findings: a\n  conclusions: b\n').replace(
      'categories: [kosten]',
      'categories: [kosten]\nsteps:\n  - kind: complainant_heard\n    date: 2026-11-05\n    note: Gebeld #2 over de factuur',
    );
    expect(problems(text)).toEqual([
      expect.stringMatching(new RegExp(`^${FILE}:${lineOf(text, '    note')}: steps\\.0\\.note: waarschuwing: na " #"`)),
    ]);
  });

  it('a colon in a sentence: put the text in quotes', () => {
    const text = handEdited('  findings: De klant zei: dat klopt niet\n  conclusions: b\n');
    expect(problems(text)).toEqual([
      `${FILE}:${lineOf(text, '  findings')}: findings: de tekst van findings bevat een dubbele punt met een spatie erna (": "); zet de hele tekst tussen aanhalingstekens, bijvoorbeeld findings: "De klant zei: het was te duur."`,
    ]);
  });

  it('a Dutch date: write it as JJJJ-MM-DD, with the date itself as the example', () => {
    const text = caseText(caseData({ received: '24-11-2026' }));
    expect(problems(text)).toEqual([`${FILE}:4: received: schrijf datums als JJJJ-MM-DD, bijvoorbeeld 2026-11-24`]);
    expect(problems(caseText(caseData({ received: '3-2-2026' })))).toEqual([
      `${FILE}:4: received: schrijf datums als JJJJ-MM-DD, bijvoorbeeld 2026-02-03`,
    ]);
  });

  it('Git conflict markers: names the conflict, not "malformed YAML"', () => {
    const text =
      '---\nid: K-2026-001\n<<<<<<< HEAD\norganizer: anouk\ncomplainant:\n  name: Canary Een\n=======\norganizer: bram\ncomplainant:\n  name: Canary Twee\n>>>>>>> origin/main\n---\n';
    const found = problems(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      /^cases\/2026\/K-2026-001\.md:3: \(file\): Git-conflict: dit bestand bevat twee versies tussen de regels <<<<<<<, ======= en >>>>>>>/,
    );
    expect(found[0]).toContain('geef de tweede klacht een eigen dossiernummer');
    expect(found[0]).not.toContain('Canary'); // never the personal data itself
  });

  it('an unknown organizer: names the begeleiders to choose from, with an example', () => {
    const text = caseText(caseData({ organizer: 'carla' }));
    expect(problems(text)).toEqual([
      `${FILE}:3: organizer: onbekende begeleider "carla"; kies één van anouk, bram (organization.yml), bijvoorbeeld anouk`,
    ]);
  });

  it('a missing required field: says which, with a line to add', () => {
    expect(problems(caseText(caseData({ channel: undefined })))).toEqual([
      `${FILE}:2: channel: verplicht veld ontbreekt; voeg een regel toe zoals channel: email`,
    ]);
    expect(problems(caseText(caseData({ complainant: { email: 'x@example.org' } as never })))).toEqual([
      `${FILE}:7: complainant.name: verplicht veld ontbreekt; voeg een regel toe zoals name: Jan de Vries`,
    ]);
  });

  it.each([
    ['an impossible date', { received: '2026-02-30' }, 'received: verwacht een bestaande datum als JJJJ-MM-DD, bijvoorbeeld 2026-11-24'],
    ['a year typo', { received: '1026-11-03' }, 'received: verwacht een datum tussen 2000-01-01 en 2100-12-31 (een tikfout in het jaar?)'],
    ['an unknown status', { status: 'closed' }, 'status: verwacht één van open, resolved, escalated, withdrawn'],
    ['a misspelt field', { recieved: '2026-11-03' }, 'recieved: onbekend veld "recieved": controleer de spelling'],
    ['a wrong type', { satisfied: 'ja' }, 'satisfied: verwacht true (ja) of false (nee), bijvoorbeeld satisfied: true'],
    [
      'a text instead of a list',
      { categories: 'kosten' },
      'categories: verwacht een lijst, bijvoorbeeld categories: [communicatie, kosten]',
    ],
    ["zod 4's own message, in its Dutch locale", { response: 'klaar' }, 'response: Ongeldige invoer: verwacht object, ontving string'],
    [
      'an e-mail address',
      { complainant: { name: 'X', email: 'x at y' } },
      'complainant.email: verwacht een e-mailadres, bijvoorbeeld naam@example.nl',
    ],
    [
      'resolved without a response',
      { status: 'resolved' },
      'response: status "resolved" vraagt een schriftelijke afhandeling (art. 4.6, 5.5)',
    ],
    [
      'a step before receipt',
      { steps: [{ kind: 'complainant_heard', date: '2026-11-02' }] },
      'steps.0.date: 2026-11-02 ligt vóór "Ontvangen op" (received: 2026-11-03)',
    ],
  ])('%s', (_, fields, expected) => {
    expect(problems(caseText(caseData(fields as never))).join('\n')).toContain(expected);
  });
});

describe('organization.yml in Dutch', () => {
  const problemsOf = (text: string) => {
    try {
      parseOrganization('organization.yml', text);
    } catch (error) {
      if (error instanceof InputError) return [error.message, ...error.problems.map(formatProblem)];
      throw error;
    }
    return [];
  };
  it('a count that is not a whole number, and conflict markers', () => {
    const text = ORG_TEXT.replace(/filing_workdays: \d+/, 'filing_workdays: 2.5');
    expect(problemsOf(text)).toEqual([
      'organization.yml is geen geldige configuratie',
      `organization.yml:${lineOf(text, '  filing_workdays')}: deadlines.filing_workdays: verwacht een heel getal, bijvoorbeeld filing_workdays: 30`,
    ]);
    const conflict = `<<<<<<< HEAD\n${ORG_TEXT}=======\n>>>>>>> origin/main\n`;
    expect(problemsOf(conflict)[1]).toMatch(/^organization\.yml:1: \(file\): Git-conflict: /);
  });
});

describe('the scripts speak Dutch by default, English when asked', () => {
  const projects: ReturnType<typeof tempProject>[] = [];
  afterEach(() => {
    for (const p of projects.splice(0)) p.cleanup();
  });
  const project = () => {
    const p = tempProject();
    projects.push(p);
    p.write('cases/2026/K-2026-001.md', caseText(caseData({ received: '24-11-2026' })));
    return p;
  };

  it('validate: Dutch, then English with KLACHTEN_LANG=en and with --lang en', () => {
    const p = project();
    const nl = p.run('validate.ts');
    expect(nl.status).toBe(1);
    expect(nl.stderr).toContain('received: schrijf datums als JJJJ-MM-DD, bijvoorbeeld 2026-11-24');
    expect(nl.stderr).toContain('1 dossier(s) gecontroleerd: 1 fout(en), 0 waarschuwing(en)');
    // the cached check does not answer in the other language
    const en = p.run('validate.ts', [], { KLACHTEN_LANG: 'en' });
    expect(en.stderr).toContain('received: write dates as YYYY-MM-DD, e.g. 2026-11-24');
    expect(en.stderr).toContain('1 case file(s) checked: 1 error(s), 0 warning(s)');
    expect(p.run('validate.ts', ['--lang', 'en']).stderr).toContain('write dates as YYYY-MM-DD');
    expect(p.run('validate.ts').stderr).toContain('schrijf datums als');
  });

  it('deadlines and retention refuse invalid cases in Dutch; a wrong language setting is a usage error', () => {
    const p = project();
    expect(p.run('deadlines.ts', ['--today', '2026-11-25']).stderr).toContain(
      '1 fout(en) in de dossiers; herstel die eerst (npm run validate)',
    );
    expect(p.run('retention.ts', ['--today', '2026-11-25']).stderr).toContain('herstel die eerst');
    const bad = p.run('validate.ts', [], { KLACHTEN_LANG: 'fr' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('KLACHTEN_LANG must be nl or en, got "fr"');
  });

  it('deadlines prints its table in Dutch words', () => {
    const p = project();
    p.write('cases/2026/K-2026-001.md', caseText(caseData({ received: '2026-11-03' })));
    const r = p.run('deadlines.ts', ['--today', '2026-11-25']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Termijnen op 2026-11-25 (Europe/Amsterdam), 20 werkdagen');
    expect(r.stdout).toMatch(/dossier\s+begeleider\s+status\s+ontvangen\s+uiterlijk\s+stand/);
    // Tue 3 Nov 2026 + 20 working days = Tue 1 Dec 2026; on Wed 25 Nov 4 working days are left: due soon
    expect(r.stdout).toMatch(/K-2026-001\s+anouk\s+open\s+2026-11-03\s+2026-12-01\s+termijn verloopt binnenkort\s+4/);
  });

  it("new-case with flags: Dutch output, the representative's contact details as flags", () => {
    const p = tempProject();
    projects.push(p);
    const flags = ['--organizer', 'anouk', '--channel', 'email', '--name', 'Canary Vlag', '--category', 'kosten', '--today', '2026-03-10'];
    const lone = p.run('new-case.ts', [...flags, '--representative-email', 'r@example.org']);
    expect(lone.status).toBe(2);
    expect(lone.stderr).toContain('--representative-email hoort bij --representative (de naam van de vertegenwoordiger)');
    expect(lone.stderr).toContain('Zie --help voor de opties.');
    const dutchDate = p.run('new-case.ts', [...flags, '--received', '02-03-2026']);
    expect(dutchDate.stderr).toContain('--received: schrijf een bestaande datum als JJJJ-MM-DD, bijvoorbeeld 2026-03-02');
    const r = p.run('new-case.ts', [
      ...flags,
      '--received',
      '2026-03-02',
      '--representative',
      'Zoon Vlag',
      '--representative-email',
      'zoon@example.org',
      '--representative-phone',
      '06 22223333',
      '--representative-address',
      'Laan 3, 1234 CD Dorp',
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Geregistreerd: K-2026-001');
    expect(r.stdout).toContain('Indieningstermijn: onbekend');
    expect(r.stdout).toContain('Volgende stap: open');
    expect(p.read('cases/2026/K-2026-001.md')).toContain(
      '  representative:\n    name: Zoon Vlag\n    email: zoon@example.org\n    phone: 06 22223333\n    address: Laan 3, 1234 CD Dorp\n',
    );
    expect(p.run('validate.ts').status).toBe(0);
  });

  it('retention and documents speak Dutch too', () => {
    const p = tempProject([resolvedCase()]);
    projects.push(p);
    const r = p.run('retention.ts', ['--today', '2026-11-24']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      'Bewaartermijn op 2026-11-24: persoonsgegevens van een afgesloten dossier worden 2 jaar na afsluiting bewaard',
    );
    // closed by the response of Tue 30 Jan 2024, kept 2 years: until 30 Jan 2026
    expect(r.stdout).toContain('K-2024-001 (cases/2024/K-2024-001.md): afgesloten op 2024-01-30, bewaren tot en met 2026-01-30');
    expect(r.stdout).toContain('  zou verwijderen: complainant');
    expect(r.stdout).toContain('Alleen getoond: er is niets veranderd.');
    expect(r.stdout).not.toContain('Canary');
    const d = p.run('documents.ts', ['K-2024-099', '--html-only']);
    expect(d.status).toBe(1);
    expect(d.stderr).toContain('geen dossier K-2024-099: er is geen K-2024-099.md in cases/');
    // a missing template: a Dutch message naming the file, never a blank letter
    rmSync(join(p.dir, 'templates/escalatiebrief.html'));
    const missing = p.run('documents.ts', ['K-2024-001', '--kind', 'escalatiebrief', '--html-only']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(
      'het sjabloon templates/escalatiebrief.html is niet te lezen (ENOENT); zet het terug in de map templates/',
    );
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });
});
