// The one vocabulary (lib/vocabulary): every value of the schema has its words in Dutch and English, and no other
// module defines its own word for a status, channel, step, field, deadline state, outcome or document.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { caseSchemaFor, caseShape, type CaseData } from '../../../schemas/case.ts';
import { LANGUAGES } from '../../../schemas/language.ts';
import { OUTCOMES } from '../../../lib/analytics/report-case.ts';
import { calendarFor } from '../../../lib/calendar/holidays.ts';
import { DOCUMENT_KINDS } from '../../../lib/documents/kinds.ts';
import { registrationFormHtml } from '../../../lib/documents/registration-form.ts';
import { caseDeadline } from '../../../lib/deadlines/deadlines.ts';
import { parseOrganization } from '../../../lib/organization/organization.ts';
import { VOCABULARIES, vocabulary, type Vocabulary } from '../../../lib/vocabulary/index.ts';
import { dossierPage } from '../../../werkplek/pages/dossier.ts';
import { caseData, ORG, ORG_TEXT } from '../../helpers/fixtures.ts';

type Schema = z.ZodType & { def: { type: string; innerType?: Schema; element?: Schema }; shape?: Record<string, Schema> };

/** The schema inside optional, default and list wrappers. */
const unwrap = (s: Schema): Schema => (s.def.innerType ? unwrap(s.def.innerType) : s.def.type === 'array' ? unwrap(s.def.element!) : s);

/** Every field path of a zod object, into nested objects and list entries, as the vocabulary keys them. */
function fieldPaths(shape: Record<string, Schema>, prefix = ''): string[] {
  return Object.entries(shape).flatMap(([key, s]) => {
    const inner = unwrap(s);
    return [prefix + key, ...(inner.def.type === 'object' ? fieldPaths(inner.shape!, `${prefix}${key}.`) : [])];
  });
}

const shape = caseShape.shape as unknown as Record<string, Schema>;
const options = (s: Schema) => (unwrap(s) as unknown as { options: string[] }).options;
/** The keys each map of the vocabulary must have, from the zod schema (and the core's lists) at run time. */
const SCHEMA_KEYS: [keyof Vocabulary, string[]][] = [
  ['status', options(shape.status!)],
  ['channel', options(shape.channel!)],
  ['channelHint', options(shape.channel!)],
  ['step', [...options(unwrap(shape.steps!).shape!.kind!), 'acknowledged', 'written_confirmation', 'client_informed']],
  ['field', fieldPaths(shape)],
  ['outcome', [...OUTCOMES]],
  ['document', DOCUMENT_KINDS.map((k) => k.key)],
];

/** Every word of a vocabulary with where it is, for the maps of strings (not the functions). */
// every word of the maps, nested maps included (`erasure.complainantPart.name`); functions make words from data
const wordsIn = (path: string, x: unknown): [string, string][] =>
  typeof x === 'string'
    ? [[path, x]]
    : typeof x === 'object' && x !== null
      ? Object.entries(x).flatMap(([k, w]) => wordsIn(`${path}.${k}`, w))
      : [];
const wordsOf = (v: Vocabulary): [string, string][] =>
  Object.entries(v).flatMap(([map, words]) => (typeof words === 'object' ? wordsIn(map, words) : []));

describe.each(LANGUAGES)('the %s vocabulary', (lang) => {
  const v = vocabulary(lang, ORG);

  it.each(SCHEMA_KEYS)('has a word for every value of %s, and no other', (map, keys) => {
    const words = v[map] as Record<string, string>;
    expect(Object.keys(words).sort()).toEqual([...new Set(keys)].sort());
    for (const k of keys) expect(words[k], `${map}.${k}`).toEqual(expect.any(String));
  });

  it('has the same keys as the Dutch one, with no empty word', () => {
    const keys = (x: Vocabulary) => wordsOf(x).map(([k]) => k);
    expect(keys(VOCABULARIES[lang])).toEqual(keys(VOCABULARIES.nl));
    for (const [k, w] of wordsOf(v)) if (!k.startsWith('channelHint.')) expect(w.trim(), k).not.toBe('');
  });

  it('names the escalation body as organization.yml does, and generically without it (art. 1.6, 3.2)', () => {
    const other = parseOrganization('organization.yml', ORG_TEXT.replace(/Solopartners/g, 'Klachtenloket Zorg'));
    expect(vocabulary(lang, other).step.client_informed).toContain('Klachtenloket Zorg');
    expect(vocabulary(lang).step.client_informed).toContain(VOCABULARIES[lang].role.escalationBody);
    for (const [k, w] of [...wordsOf(v), ...wordsOf(vocabulary(lang))]) expect(w, k).not.toMatch(/[{}]/);
  });

  it('counts working days and joins lists', () => {
    expect(v.workdays(1)).toMatch(/^1 /);
    expect(v.workdays(3)).toMatch(/^3 /);
    expect(v.workdays(3)).not.toBe(v.workdays(1).replace('1', '3')); // the plural
    expect(v.list([])).toBe('');
    expect(v.list(['a'])).toBe('a');
    expect(v.list(['a', 'b', 'c'])).toMatch(/^a, b \S+ c$/);
  });
});

describe('the Dutch words', () => {
  const nl = vocabulary('nl');

  it.each([
    ['on_track', 5, 'op schema: nog 5 werkdagen'],
    ['due_soon', 1, 'termijn verloopt binnenkort: nog 1 werkdag'],
    ['due_today', 0, 'termijn verloopt vandaag'],
    ['overdue', -3, 'termijn overschreden: 3 werkdagen'],
    ['closed_on_time', null, 'afgerond, binnen de termijn'],
    ['withdrawn', null, 'ingetrokken'],
  ] as const)('a case %s with %s working days left stands at "%s"', (state, left, text) => {
    expect(nl.deadlineStanding(state, left)).toBe(text);
  });

  it('name the role as the glossary does: Professional Organizer & Coach, short "begeleider"', () => {
    expect(nl.role).toMatchObject({ organizer: 'begeleider', organizerTitle: 'Professional Organizer & Coach' });
    expect(nl.field.organizer).toContain('begeleider');
  });

  it("give the report the statuses' own words for escalated and withdrawn cases", () => {
    expect(nl.outcome.escalated.toLowerCase()).toBe(nl.status.escalated);
    expect(nl.outcome.withdrawn.toLowerCase()).toBe(nl.status.withdrawn);
  });
});

describe('one word for a status, wherever she reads it', () => {
  const nl = vocabulary('nl');
  const cases: Record<CaseData['status'], Record<string, unknown>> = {
    open: {},
    resolved: { status: 'resolved', response: { date: '2026-11-20', findings: 'B.', conclusions: 'C.' } },
    escalated: {
      status: 'escalated',
      response: { date: '2026-11-20', findings: 'B.', conclusions: 'C.' },
      satisfied: false,
      escalation: { date: '2026-11-23' },
    },
    withdrawn: { status: 'withdrawn', withdrawn_on: '2026-11-10' },
  };

  it.each(Object.entries(cases))("%s: the werkplek's dossier and the registration form say the same", (status, overrides) => {
    const data = caseSchemaFor(ORG).parse(caseData({ received: '2026-11-03', ...overrides })) as CaseData;
    const cal = calendarFor(ORG);
    const word = nl.status[status as CaseData['status']];
    const form = registrationFormHtml({ data, body: 'Tekst.\n' } as Parameters<typeof registrationFormHtml>[0], ORG, cal, '2026-11-24');
    expect(form).toContain(`<th scope="row">${nl.field.status}</th><td>${word}</td>`);
    const page = dossierPage({
      org: ORG,
      data,
      body: '\nTekst.\n',
      hash: 'x',
      deadline: caseDeadline(data, cal, ORG.deadlines, '2026-11-24'),
      today: '2026-11-24',
      dayOfTerm: 0,
      warnings: [],
      documents: [],
    }).text;
    expect(page).toContain(`<dd>${word}</dd>`);
  });
});

describe('no word of the vocabulary is defined anywhere else', () => {
  const ROOT = join(import.meta.dirname, '../../..');
  const FOLDERS = ['schemas', 'lib', 'io', 'scripts', 'werkplek', 'report', 'site', 'tools'];
  const sources = (dir: string): string[] =>
    readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
      const path = `${dir}/${e.name}`;
      if (e.isDirectory()) return path === 'lib/vocabulary' || e.name === 'node_modules' ? [] : sources(path);
      return /\.(ts|mts|mjs|astro)$/.test(e.name) ? [path] : [];
    });
  // the words people read for the concepts, long enough not to be a common word ("open", "Status", "Datum")
  const known = new Set(
    wordsOf(vocabulary('nl'))
      .filter(([k]) => !k.startsWith('role.'))
      .map(([, w]) => w)
      .filter((w) => w.length >= 8 && /\s|-/.test(w.trim())),
  );

  it('as a string of its own (a label map, a row label, a title) in schemas/, lib/, io/, scripts/, werkplek/, report/, site/ or tools/', () => {
    const found: string[] = [];
    for (const file of FOLDERS.flatMap(sources)) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const m of text.matchAll(/(['"`])((?:(?!\1)[^\\\n$]|\\.)*)\1/g)) if (known.has(m[2]!)) found.push(`${file}: ${m[0]}`);
    }
    expect(found).toEqual([]);
  });
});
