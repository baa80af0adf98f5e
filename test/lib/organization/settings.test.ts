import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseOrganization } from '../../../lib/organization/organization.ts';
import { KNOWN_BODIES } from '../../../lib/organization/escalation-bodies.ts';
import { applyChanges, ChangeError } from '../../../lib/organization/settings-changes.ts';
import { newKey, planSettings, settingsOf, writeSettings, type Settings } from '../../../lib/organization/settings.ts';
import { caseText } from '../../helpers/temp-project.ts';

const SHIPPED = readFileSync(join(import.meta.dirname, '../../../organization.yml'), 'utf8');
const current = (text = SHIPPED) => settingsOf(parseOrganization('organization.yml', text));
const changed = (change: (s: Settings) => void, text = SHIPPED) => {
  const s = current(text);
  change(s);
  return writeSettings(text, s);
};
/** The lines of `after` that are not in `before`, and the other way round: what a save changed. */
const diff = (before: string, after: string) => {
  const a = before.split('\n');
  const b = after.split('\n');
  return { removed: a.filter((l) => !b.includes(l)), added: b.filter((l) => !a.includes(l)) };
};

describe('writeSettings: organization.yml written in place (yaml Document API)', () => {
  it('an unchanged save returns the text byte for byte, and changes nothing', () => {
    expect(writeSettings(SHIPPED, current())).toEqual({ text: SHIPPED, changed: [] });
  });

  it('a changed value is replaced on its own line: its aligned comment and every other line stay', () => {
    const out = changed((s) => (s.deadlines.handling_workdays = 15));
    expect(out.changed).toEqual(['deadlines']);
    expect(diff(SHIPPED, out.text)).toEqual({
      removed: ['  handling_workdays: 20   # art. 5.4 and 6.2: handled in writing within 20 working days'],
      added: ['  handling_workdays: 15   # art. 5.4 and 6.2: handled in writing within 20 working days'],
    });
  });

  it('keeps comments and key order, and a second save of what it wrote is identical', () => {
    const out = changed((s) => {
      s.organization.name = 'Praktijk De Opruimcoach';
      s.organizers = [{ key: 'sanne', name: 'Sanne Visser', github: 'sanne-opruimcoach' }];
      s.escalation = structuredClone(KNOWN_BODIES.find((b) => b.id === 'geschillencommissie-zorg')!.escalation);
      s.categories.push({ key: 'resultaat', label: 'Resultaat: "anders dan gedacht" # echt' });
      s.letters = { closing: 'Heeft u vragen? Bel mij gerust.' };
    });
    const comments = (t: string) => t.split('\n').filter((l) => /^\s*#/.test(l));
    expect(comments(out.text)).toEqual(comments(SHIPPED));
    const keys = (t: string) => t.split('\n').flatMap((l) => /^([a-z_]+):/.exec(l)?.[1] ?? []);
    expect(keys(out.text)).toEqual([...keys(SHIPPED), 'letters']);
    const org = parseOrganization('organization.yml', out.text);
    expect(org.categories.at(-1)).toEqual({ key: 'resultaat', label: 'Resultaat: "anders dan gedacht" # echt' });
    expect(org.escalation.procedure.submitted_by).toBe('complainant');
    expect(org.letters).toEqual({ closing: 'Heeft u vragen? Bel mij gerust.' });
    expect(writeSettings(out.text, settingsOf(org)).text).toBe(out.text);
  });

  it('a cleared phone or sentence is removed; a removed list entry goes, the others keep their keys', () => {
    const withSentence = changed((s) => (s.letters = { opening: 'Dank u wel.' })).text;
    const out = changed((s) => {
      delete s.organization.phone;
      s.letters = {};
      s.causes.splice(1, 1);
    }, withSentence);
    const org = parseOrganization('organization.yml', out.text);
    expect(org.organization.phone).toBeUndefined();
    expect(org.letters).toEqual({});
    expect(org.causes.map((c) => c.key)).toEqual(['verwachtingen', 'planning', 'uitvoering', 'tarief']);
  });

  it('any text reads back exactly as typed (property: quotes, # , colons, leading spaces, long lines, unicode)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 300 }), fc.string({ minLength: 1, maxLength: 300 }), (name, closing) => {
        const s = current();
        s.organization.name = name;
        s.escalation.description = closing;
        s.organizers = [{ key: 'x', name: closing, github: 'x' }]; // a list written anew, through the Document
        const out = writeSettings(SHIPPED, s);
        // read back by the YAML parser itself: the writer never changes a text (the schema judges it apart)
        const back = parse(out.text) as {
          organization: { name: unknown };
          escalation: { description: unknown };
          organizers: { name: unknown }[];
        };
        expect(back.organizers[0]!.name).toBe(closing);
        expect(back.organization.name).toBe(name);
        expect(back.escalation.description).toBe(closing);
      }),
      { numRuns: 200 },
    );
  });
});

describe('planSettings: refused before anything is written, in Dutch, per field', () => {
  it.each([
    [
      'an e-mail address that is none',
      (s: Settings) => (s.organization.email = 'geen-adres'),
      'organization.email',
      /verwacht een e-mailadres/,
    ],
    ['a term in words', (s: Settings) => (s.deadlines.filing_workdays = 'dertig'), 'deadlines.filing_workdays', /verwacht een heel getal/],
    ['a term of zero', (s: Settings) => (s.deadlines.handling_workdays = 0), 'deadlines.handling_workdays', /verwacht een heel getal/],
    [
      'a GitHub login with a space',
      (s: Settings) => (s.organizers[0]!.github = 'anouk jansen'),
      'organizers.0.github',
      /GitHub-gebruikersnaam/,
    ],
    ['no organizer at all', (s: Settings) => (s.organizers = []), 'organizers', /minstens één begeleider/],
    ['a website without https://', (s: Settings) => (s.organization.website = 'www.example.nl'), 'organization.website', /webadres/],
    ['a category key twice', (s: Settings) => s.categories.push({ ...s.categories[0]! }), 'categories.5.key', /twee keer/],
  ])('%s', (_, change, field, message) => {
    const s = current();
    change(s);
    const plan = planSettings('organization.yml', SHIPPED, s);
    expect(plan.org).toBeUndefined();
    expect(plan.problems.map((p) => [p.field, p.message])).toContainEqual([field, expect.stringMatching(message)]);
  });

  it('refuses to remove an organizer, category or cause a case still uses, naming the case; other cases do not matter', () => {
    const cases = [
      {
        path: 'cases/2026/K-2026-010.md',
        text: caseText({
          id: 'K-2026-010',
          received: '2026-03-02',
          organizer: 'bram',
          channel: 'email',
          status: 'open',
          complainant: { name: 'X' },
          categories: ['kosten'],
        }),
      },
    ];
    const s = current();
    s.organizers = s.organizers.filter((o) => o.key !== 'bram');
    s.categories = s.categories.filter((c) => c.key !== 'kosten');
    const plan = planSettings('organization.yml', SHIPPED, s, cases);
    expect(plan.problems.map((p) => [p.file, p.field])).toEqual([
      ['cases/2026/K-2026-010.md', 'organizers'],
      ['cases/2026/K-2026-010.md', 'categories'],
    ]);
    expect(plan.problems[0]!.message).toContain('"bram"');
    // without those cases (the examples removed in the same step) the same settings pass
    expect(planSettings('organization.yml', SHIPPED, s, []).problems).toEqual([]);
  });
});

describe('the command line changes (npm run inrichten)', () => {
  it('replaces or adds organizers from "Naam=login", keys from the first name, unique', () => {
    const s = applyChanges(current(), { organizers: ['Sanne Visser=sanne-opruimcoach', 'Sanne de Boer=@sanne-b'] });
    expect(s.organizers).toEqual([
      { key: 'sanne', name: 'Sanne Visser', github: 'sanne-opruimcoach' },
      { key: 'sanne-2', name: 'Sanne de Boer', github: 'sanne-b' },
    ]);
    expect(applyChanges(current(), { addOrganizers: ['Eva=eva-x'] }).organizers.map((o) => o.key)).toEqual(['anouk', 'bram', 'eva']);
    expect(() => applyChanges(current(), { organizers: ['Sanne Visser'] })).toThrow(ChangeError);
    expect(() => applyChanges(current(), { body: 'onbekend' })).toThrow(/kies uit solopartners, geschillencommissie-zorg/);
  });

  it('new keys are made from labels without accents', () => {
    expect(newKey('Privé & één', [])).toBe('prive-een');
    expect(newKey('Kosten', ['kosten'])).toBe('kosten-2');
  });
});

describe('the known escalation bodies', () => {
  it.each(KNOWN_BODIES.map((b) => [b.id, b] as const))('%s passes the schema and names no other body', (_, body) => {
    const s = current();
    s.escalation = structuredClone(body.escalation);
    const plan = planSettings('organization.yml', SHIPPED, s);
    expect(plan.problems).toEqual([]);
    const others = KNOWN_BODIES.filter((b) => b !== body).map((b) => b.escalation.name.replace(/^De /, ''));
    expect(JSON.stringify(body.escalation)).not.toMatch(new RegExp(others.join('|')));
    expect(body.sources.length).toBeGreaterThan(0);
  });
});
