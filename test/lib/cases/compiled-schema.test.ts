import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { caseSchema, caseSchemaFor, organizationRules } from '../../../schemas/case.ts';
import { ORG, caseData } from '../../helpers/fixtures.ts';

// caseSchemaFor compiles the schema with z.compile: a generated fast path for valid input, zod's own parser for
// the rest. Here it must answer exactly as zod's parser of the same schema does, for valid and invalid cases.
const compiled = caseSchemaFor(ORG);
const interpreted = caseSchema.superRefine(organizationRules(ORG));
const nl = z.locales.nl().localeError; // as lib/problems/friendly-parse.ts passes it
const answer = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input, { error: nl });
  return r.success ? { data: r.data } : { issues: r.error.issues };
};

const closed = { date: '2026-11-20', findings: 'Bevinding', conclusions: 'Conclusie' };
// values a hand-edited file may hold, right and wrong: dates, keys, texts, other types, lists, blocks
const value = fc.constantFrom<unknown>(
  '2026-11-03',
  '2026-11-25',
  '2026-02-30',
  '2026-2-3',
  '03-11-2026',
  '1999-12-31',
  '2026-11-03T10:00:00Z',
  20261103,
  'anouk',
  'carla',
  'Niet Een Sleutel',
  'communicatie',
  'kosten',
  '',
  '   ',
  '  Tekst met spaties  ',
  'Factuur #12: te hoog',
  'naam@example.nl',
  'geen-mailadres',
  'open',
  'resolved',
  'escalated',
  'withdrawn',
  'closed',
  'oral',
  'email',
  'complainant_heard',
  'mediation',
  0,
  1.5,
  true,
  false,
  null,
  undefined,
  [],
  ['communicatie'],
  ['communicatie', 'weer'],
  [null],
  {},
  { name: 'Jan de Vries' },
  { name: '  ', email: 'x' },
  { name: 'Jan', representative: { name: 'Els', relation: 'dochter' } },
  [{ kind: 'mediation', date: '2026-11-10' }],
  [{ kind: 'complainant_heard', date: '2026-11-02', note: 'n' }],
  [{ kind: 'gesprek', date: '2026-11-10' }],
  closed,
  { date: '2026-11-20' },
  { ...closed, mediation: 'Opgelost' },
  { date: '2026-11-21' },
  [{ action: 'Afspraken bevestigen', owner: 'anouk', due: '2026-12-01', done: '2026-11-30' }],
  [{ action: '', owner: 'anouk' }],
);
// where a value goes: every field of the schema, some nested ones, and a misspelt one
const path = fc.constantFrom(
  ['id'],
  ['organizer'],
  ['received'],
  ['assignment_completed'],
  ['status'],
  ['channel'],
  ['written_confirmation'],
  ['acknowledged'],
  ['client_informed'],
  ['complainant'],
  ['complainant', 'name'],
  ['complainant', 'email'],
  ['complainant', 'phone'],
  ['complainant', 'onbekend'],
  ['categories'],
  ['categories', '0'],
  ['causes'],
  ['steps'],
  ['steps', '0'],
  ['response'],
  ['response', 'findings'],
  ['satisfied'],
  ['escalation'],
  ['escalation', 'date'],
  ['no_escalation_reason'],
  ['withdrawn_on'],
  ['improvements'],
  ['anonymized'],
  ['recieved'],
);
/** A copy of `data` with `v` at `keys` (undefined: the field left out); a list or block is made where there is none. */
function setAt(data: Record<string, unknown>, [key, ...rest]: readonly string[], v: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = Array.isArray(data) ? ([...data] as never) : { ...data };
  const next = copy[key!];
  if (rest.length === 0) {
    if (v === undefined) delete copy[key!];
    else copy[key!] = v;
  } else copy[key!] = setAt(next !== null && typeof next === 'object' ? (next as Record<string, unknown>) : {}, rest, v);
  return copy;
}
const base = fc.constantFrom(
  caseData(),
  caseData({ status: 'resolved', response: closed, client_informed: '2026-11-03', satisfied: false }),
  caseData({ status: 'escalated', response: closed, escalation: { date: '2026-11-21', reference: 'SP-1' } }),
  caseData({ status: 'withdrawn', withdrawn_on: '2026-11-10', causes: ['informatie'] }),
  caseData({ channel: 'oral', steps: [{ kind: 'complainant_heard', date: '2026-11-05' }] }),
  caseData({ status: 'resolved', response: closed, complainant: undefined, anonymized: '2026-12-01' }),
);
const caseInput = fc
  .tuple(base, fc.array(fc.tuple(path, value), { maxLength: 4 }))
  .map(([data, edits]) => edits.reduce((d, [keys, v]) => setAt(d, keys, v), data));

describe('caseSchemaFor: the compiled case schema', () => {
  it('answers as zod parses the schema itself: the same data for a valid case, the same issues for an invalid one', () => {
    fc.assert(
      fc.property(caseInput, (input) => {
        expect(answer(compiled, input)).toEqual(answer(interpreted, input));
      }),
      { numRuns: 3000 },
    );
  });

  it('also for what is no case at all', () => {
    for (const input of [null, undefined, 'tekst', 42, [], [caseData()], { ...caseData(), categories: 'communicatie' }])
      expect(answer(compiled, input)).toEqual(answer(interpreted, input));
  });

  it('is compiled once per configuration, and another configuration gets its own rules', () => {
    expect(caseSchemaFor(ORG)).toBe(compiled);
    const onlyAnouk = { ...ORG, organizers: ORG.organizers.filter((o) => o.key === 'anouk') };
    expect(caseSchemaFor(onlyAnouk)).not.toBe(compiled);
    expect(compiled.safeParse(caseData({ organizer: 'bram' })).success).toBe(true);
    expect(caseSchemaFor(onlyAnouk).safeParse(caseData({ organizer: 'bram' })).success).toBe(false);
  });

  it('fills in the defaults and trims texts, as the schema does', () => {
    const r = compiled.safeParse(caseData({ complainant: { name: '  Jan de Vries  ' } }));
    expect(r.success && r.data).toMatchObject({ causes: [], steps: [], improvements: [], complainant: { name: 'Jan de Vries' } });
  });
});
