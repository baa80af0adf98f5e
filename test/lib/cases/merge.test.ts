import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarFor } from '../../../lib/calendar/holidays.ts';
import { editCaseText, type CaseEdit } from '../../../lib/cases/edit.ts';
import { splitFrontmatter } from '../../../lib/cases/frontmatter.ts';
import { mergeCaseTexts, WHOLE_FILE, type MergeConflict, type MergeResolutions, type MergeResult } from '../../../lib/cases/merge.ts';
import { checkCaseFile } from '../../../lib/cases/validate.ts';
import { readYaml } from '../../../lib/problems/yaml-source.ts';
import { caseSchemaFor } from '../../../schemas/case.ts';
import { ORG } from '../../helpers/fixtures.ts';

const calendar = calendarFor(ORG);
const merge = (base: string, mine: string, theirs: string, resolutions?: MergeResolutions) =>
  mergeCaseTexts(base, mine, theirs, { org: ORG, calendar, resolutions, path: 'cases/2026/K-2026-003.md' });

// A dossier as the werkplek writes it, with a hand-written comment, a step and both body sections.
const BASE = `---
id: K-2026-003
organizer: anouk # verantwoordelijk
received: 2026-11-03
channel: form
acknowledged: 2026-11-04
status: open
complainant:
  name: Voorbeeld Klant
  email: klant@example.org
categories: [afspraken]
causes: []
steps:
  - kind: information_given
    date: 2026-11-05
improvements:
  - action: Afzeggingen 48 uur vooraf melden.
    owner: anouk
---

## Klacht

De opruimsessie werd twee keer afgezegd.

## Notities

Gebeld op 5 november.
`;

const edit = (text: string, ...edits: CaseEdit[]) => {
  const r = editCaseText(text, edits);
  if (!r.ok) throw new Error(r.message);
  return r.text;
};
const body = (text: string, from: string, to: string) => {
  expect(text).toContain(from);
  return text.replace(from, to);
};
const merged = (r: MergeResult) => {
  if (!r.ok) throw new Error(`conflicts: ${r.conflicts.map((c) => c.field).join(', ')}`);
  return r.text;
};
const fields = (r: MergeResult) => (r.ok ? [] : r.conflicts.map((c) => c.field));
const data = (text: string) => {
  const split = splitFrontmatter(text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n'));
  if (!split.ok) throw new Error('no frontmatter');
  const read = readYaml(split.yamlText);
  if (!read.ok) throw new Error(read.message);
  return { ...(read.data as Record<string, any>), body: split.body } as Record<string, any>;
};
const valid = (text: string) =>
  checkCaseFile({ path: 'K-2026-003.md', text }, caseSchemaFor(ORG), ORG, calendar).problems.filter((p) => p.severity === 'error');

const step = (kind: string, date: string, note?: string) => ({ kind, date, ...(note ? { note } : {}) });
const RESPONSE = { date: '2026-11-20', findings: 'Twee keer afgezegd zonder reden.' };

describe('mergeCaseTexts: edits on different fields merge by themselves', () => {
  it('a step on one side and the response on the other: both, with mine’s comment, order and body', () => {
    const mine = edit(BASE, { op: 'append', path: ['steps'], value: step('complainant_heard', '2026-11-10') });
    const theirs = edit(BASE, { op: 'set', path: ['response'], value: RESPONSE });
    const text = merged(merge(BASE, mine, theirs));
    expect(mine).toContain('  - kind: "complainant_heard"\n    date: 2026-11-10\n');
    expect(text).toBe(mine.replace('    owner: anouk\n---', '    owner: anouk\nresponse:\n  date: 2026-11-20\n  findings: Twee keer afgezegd zonder reden.\n---'));
    expect(valid(text)).toEqual([]);
  });

  it('keeps the frontmatter of "mine" as written: its comments, quoting, key order, CRLF and BOM', () => {
    const handWritten = '\uFEFF' + BASE.replace('status: open', "status: 'open'   # nog bezig").replace(/\n/g, '\r\n');
    const mine = handWritten.replace('acknowledged: 2026-11-04', '# bevestigd per mail\r\nacknowledged: 2026-11-04');
    const theirs = edit(handWritten, { op: 'set', path: ['client_informed'], value: '2026-11-06' });
    const text = merged(merge(handWritten, mine, theirs));
    expect(text.startsWith('\uFEFF---\r\n')).toBe(true);
    expect(text).not.toMatch(/[^\r]\n/);
    expect(text).toContain("# bevestigd per mail\r\nacknowledged: 2026-11-04\r\nstatus: 'open' # nog bezig\r\n");
    expect(data(text).client_informed).toBe('2026-11-06');
  });

  it.each([
    ['the same change on both sides', [{ op: 'set', path: ['causes'], value: ['planning'] }], [{ op: 'set', path: ['causes'], value: ['planning'] }], { causes: ['planning'] }],
    [
      'maps merge by key: complainant.phone here, complainant.email there',
      [{ op: 'set', path: ['complainant', 'phone'], value: '06 12345678' }],
      [{ op: 'set', path: ['complainant', 'email'], value: 'nieuw@example.org' }],
      { complainant: { name: 'Voorbeeld Klant', email: 'nieuw@example.org', phone: '06 12345678' } },
    ],
    [
      'a response written on both sides with different fields',
      [{ op: 'set', path: ['response'], value: { date: '2026-11-20', findings: 'F' } }],
      [{ op: 'set', path: ['response'], value: { date: '2026-11-20', conclusions: 'C' } }],
      { response: { date: '2026-11-20', findings: 'F', conclusions: 'C' } },
    ],
    [
      'steps both sides added: all kept, in date order, one added on both sides kept once',
      [
        { op: 'append', path: ['steps'], value: step('mediation', '2026-11-12') },
        { op: 'append', path: ['steps'], value: step('complainant_heard', '2026-11-08') },
      ],
      [
        { op: 'append', path: ['steps'], value: step('third_party_information', '2026-11-09') },
        { op: 'append', path: ['steps'], value: step('complainant_heard', '2026-11-08') },
      ],
      {
        steps: [
          step('information_given', '2026-11-05'),
          step('complainant_heard', '2026-11-08'),
          step('third_party_information', '2026-11-09'),
          step('mediation', '2026-11-12'),
        ],
      },
    ],
    [
      'a step changed on one side (a note) and one added on the other',
      [{ op: 'set', path: ['steps', 0, 'note'], value: 'Folder gestuurd.' }],
      [{ op: 'append', path: ['steps'], value: step('complainant_heard', '2026-11-10') }],
      { steps: [step('information_given', '2026-11-05', 'Folder gestuurd.'), step('complainant_heard', '2026-11-10')] },
    ],
    [
      'an improvement done on one side, a new one on the other',
      [{ op: 'set', path: ['improvements', 0, 'done'], value: '2026-11-15' }],
      [{ op: 'append', path: ['improvements'], value: { action: 'Agenda delen.', owner: 'bram' } }],
      {
        improvements: [
          { action: 'Afzeggingen 48 uur vooraf melden.', owner: 'anouk', done: '2026-11-15' },
          { action: 'Agenda delen.', owner: 'bram' },
        ],
      },
    ],
    [
      'one improvement changed in different fields on each side',
      [{ op: 'set', path: ['improvements', 0, 'done'], value: '2026-11-15' }],
      [{ op: 'set', path: ['improvements', 0, 'due'], value: '2026-12-01' }],
      { improvements: [{ action: 'Afzeggingen 48 uur vooraf melden.', owner: 'anouk', due: '2026-12-01', done: '2026-11-15' }] },
    ],
    [
      'a step removed on one side, another added on the other',
      [{ op: 'delete', path: ['steps', 0] }],
      [{ op: 'append', path: ['steps'], value: step('complainant_heard', '2026-11-10') }],
      { steps: [step('complainant_heard', '2026-11-10')] },
    ],
    [
      'categories and causes as sets: added on both sides, one removed',
      [
        { op: 'set', path: ['categories'], value: ['communicatie'] },
        { op: 'set', path: ['causes'], value: ['planning'] },
      ],
      [
        { op: 'set', path: ['categories'], value: ['afspraken', 'kosten'] },
        { op: 'set', path: ['causes'], value: ['informatie', 'planning'] },
      ],
      { categories: ['communicatie', 'kosten'], causes: ['planning', 'informatie'] },
    ],
  ] as [string, CaseEdit[], CaseEdit[], Record<string, unknown>][])('%s', (_, mineEdits, theirsEdits, expected) => {
    const [mine, theirs] = [edit(BASE, ...mineEdits), edit(BASE, ...theirsEdits)];
    for (const [a, b] of [
      [mine, theirs],
      [theirs, mine],
    ] as const) {
      const text = merged(merge(BASE, a, b));
      const got = data(text);
      for (const [k, v] of Object.entries(expected)) expect(k === 'categories' || k === 'causes' ? [...got[k]].sort() : got[k]).toEqual(k === 'categories' || k === 'causes' ? [...(v as string[])].sort() : v);
      expect(valid(text)).toEqual([]);
    }
    // mine's order for categories and causes, theirs' additions after
    expect(data(merged(merge(BASE, mine, theirs)))).toMatchObject(expected);
  });

  it('merges the body by section: the complaint here, the notes there', () => {
    const mine = body(BASE, 'twee keer afgezegd.', 'twee keer afgezegd, zonder bericht.');
    const theirs = body(BASE, 'Gebeld op 5 november.', 'Gebeld op 5 november.\nMail gestuurd op 6 november.');
    expect(data(merged(merge(BASE, mine, theirs))).body).toBe(
      '\n## Klacht\n\nDe opruimsessie werd twee keer afgezegd, zonder bericht.\n\n## Notities\n\nGebeld op 5 november.\nMail gestuurd op 6 november.\n',
    );
    const added = BASE + '\n## Bijlagen\n\nFoto’s.\n';
    expect(data(merged(merge(BASE, mine, added))).body).toContain('zonder bericht.\n\n## Notities\n\nGebeld op 5 november.\n\n## Bijlagen\n\nFoto’s.\n');
  });
});

describe('mergeCaseTexts: the same field changed differently is a conflict', () => {
  const mine = edit(BASE, { op: 'set', path: ['response'], value: { ...RESPONSE, findings: 'Mijn bevinding.' } });
  const theirs = edit(BASE, { op: 'set', path: ['response'], value: { ...RESPONSE, findings: 'Hun bevinding.' } });

  it('names the field with the three values; free text may keep both', () => {
    expect(merge(BASE, mine, theirs)).toEqual({
      ok: false,
      conflicts: [{ field: 'response.findings', base: undefined, mine: 'Mijn bevinding.', theirs: 'Hun bevinding.', freeText: true }],
    });
  });

  it.each([
    ['mine', 'Mijn bevinding.'],
    ['theirs', 'Hun bevinding.'],
    ['both', 'Mijn bevinding.\n\nHun bevinding.'],
  ] as const)('resolved with %s', (choice, findings) => {
    const text = merged(merge(BASE, mine, theirs, { 'response.findings': choice }));
    expect(data(text).response).toEqual({ date: '2026-11-20', findings });
    expect(valid(text)).toEqual([]);
  });

  it.each([
    ['a key (not free text): both does not resolve it', { op: 'set', path: ['organizer'], value: 'bram' }, { op: 'set', path: ['channel'], value: 'email' }, 'channel', false],
    ['a step’s note', { op: 'set', path: ['steps', 0, 'note'], value: 'A' }, { op: 'set', path: ['steps', 0, 'note'], value: 'B' }, 'steps.0.note', true],
    ['a step removed here, changed there', { op: 'delete', path: ['steps', 0] }, { op: 'set', path: ['steps', 0, 'note'], value: 'B' }, 'steps.0', false],
    ['the complainant removed here, changed there', { op: 'delete', path: ['complainant'] }, { op: 'set', path: ['complainant', 'phone'], value: '06' }, 'complainant', false],
  ] as [string, CaseEdit, CaseEdit, string, boolean][])('%s', (_, a, b, field, freeText) => {
    const [m, t] = [edit(BASE, a, ...(field === 'channel' ? [{ op: 'set', path: ['channel'], value: 'letter' } as CaseEdit] : [])), edit(BASE, b)];
    const r = merge(BASE, m, t);
    expect(r.ok ? [] : r.conflicts.map((c) => [c.field, c.freeText])).toEqual([[field, freeText]]);
    expect(fields(merge(BASE, m, t, { [field]: 'both' }))).toEqual(freeText ? [] : [field]);
    expect(merge(BASE, m, t, { [field]: 'theirs' }).ok).toBe(field !== 'complainant' || valid(t).length === 0);
  });

  it('a body section changed on both sides: the section is named; both keeps mine first', () => {
    const m = body(BASE, 'Gebeld op 5 november.', 'Gebeld op 5 november. Klant was boos.');
    const t = body(BASE, 'Gebeld op 5 november.', 'Gebeld op 5 november. Excuses gemaakt.');
    const r = merge(BASE, m, t);
    expect(r.ok ? [] : r.conflicts).toEqual([
      {
        field: 'body.Notities',
        base: '\nGebeld op 5 november.\n',
        mine: '\nGebeld op 5 november. Klant was boos.\n',
        theirs: '\nGebeld op 5 november. Excuses gemaakt.\n',
        freeText: true,
      },
    ]);
    expect(data(merged(merge(BASE, m, t, { 'body.Notities': 'both' }))).body).toBe(
      '\n## Klacht\n\nDe opruimsessie werd twee keer afgezegd.\n\n## Notities\n\nGebeld op 5 november. Klant was boos.\n\nGebeld op 5 november. Excuses gemaakt.\n',
    );
  });

  it('reports every conflict at once, and resolves only those it is told', () => {
    const m = edit(mine, { op: 'set', path: ['acknowledged'], value: '2026-11-05' });
    const t = edit(theirs, { op: 'set', path: ['acknowledged'], value: '2026-11-06' });
    expect(fields(merge(BASE, m, t))).toEqual(['acknowledged', 'response.findings']);
    expect(fields(merge(BASE, m, t, { acknowledged: 'theirs' }))).toEqual(['response.findings']);
    expect(data(merged(merge(BASE, m, t, { acknowledged: 'theirs', 'response.findings': 'mine' })))).toMatchObject({
      acknowledged: '2026-11-06',
      response: { findings: 'Mijn bevinding.' },
    });
  });
});

describe('mergeCaseTexts: never an invalid file', () => {
  it('a merge that would not pass the check is a conflict on the whole file, with the fields named', () => {
    // closed with a response of 20 November here; a step of 25 November recorded there: a step after the response
    const mine = edit(
      BASE,
      { op: 'set', path: ['status'], value: 'resolved' },
      { op: 'set', path: ['response'], value: { ...RESPONSE, conclusions: 'Gegrond.' } },
      { op: 'set', path: ['client_informed'], value: '2026-11-04' },
    );
    const theirs = edit(BASE, { op: 'append', path: ['steps'], value: step('complainant_heard', '2026-11-25') });
    expect(valid(mine)).toEqual([]);
    expect(valid(theirs)).toEqual([]);
    const r = merge(BASE, mine, theirs);
    expect(r.ok).toBe(false);
    const [c] = (r as { conflicts: MergeConflict[] }).conflicts;
    expect(c).toMatchObject({ field: WHOLE_FILE, base: BASE, mine, theirs, freeText: false });
    expect(c!.message).toContain('steps.1.date');
    expect(merged(merge(BASE, mine, theirs, { [WHOLE_FILE]: 'theirs' }))).toBe(theirs);
    expect(merged(merge(BASE, mine, theirs, { [WHOLE_FILE]: 'mine' }))).toBe(mine);
  });

  it.each([
    ['no common ancestor (both sides added a case of this number)', '', BASE, BASE.replace('Voorbeeld Klant', 'Andere Klant')],
    ['a version without frontmatter', BASE, 'Alleen tekst.\n', edit(BASE, { op: 'set', path: ['causes'], value: ['planning'] })],
    ['a version with conflict markers', BASE, BASE.replace('status: open', '<<<<<<< HEAD\nstatus: open\n=======\nstatus: resolved\n>>>>>>> x'), edit(BASE, { op: 'set', path: ['causes'], value: ['planning'] })],
  ])('%s: a conflict on the whole file', (_, base, mine, theirs) => {
    expect(fields(merge(base, mine, theirs))).toEqual([WHOLE_FILE]);
  });

  it('merges invalid versions without claiming they are checked (the merge is not what broke them)', () => {
    const broken = BASE.replace('received: 2026-11-03', 'received: 2026-13-03');
    const mine = edit(broken, { op: 'set', path: ['causes'], value: ['planning'] });
    const theirs = edit(broken, { op: 'set', path: ['acknowledged'], value: '2026-11-05' });
    expect(data(merged(merge(broken, mine, theirs)))).toMatchObject({ causes: ['planning'], acknowledged: '2026-11-05', received: '2026-13-03' });
  });
});

// ---- properties -------------------------------------------------------------------------------------------

/** Edits an organizer makes in the werkplek, by field; values chosen so that any combination stays valid. */
const EDITS: Record<string, fc.Arbitrary<CaseEdit[]>> = {
  acknowledged: fc.constantFrom('2026-11-04', '2026-11-05').map((v) => [{ op: 'set', path: ['acknowledged'], value: v }]),
  client_informed: fc.constantFrom('2026-11-06', '2026-11-07').map((v) => [{ op: 'set', path: ['client_informed'], value: v }]),
  organizer: fc.constantFrom('anouk', 'bram').map((v) => [{ op: 'set', path: ['organizer'], value: v }]),
  phone: fc.constantFrom('06 1', '06 2').map((v) => [{ op: 'set', path: ['complainant', 'phone'], value: v }]),
  steps: fc
    .array(fc.record({ kind: fc.constantFrom('complainant_heard', 'mediation'), date: fc.constantFrom('2026-11-06', '2026-11-09', '2026-11-12') }), {
      minLength: 1,
      maxLength: 3,
    })
    .map((steps) => steps.map((value) => ({ op: 'append', path: ['steps'], value }) as CaseEdit)),
  note: fc.constantFrom('Folder gestuurd.', 'Gebeld: 10 min').map((v) => [{ op: 'set', path: ['steps', 0, 'note'], value: v }]),
  response: fc
    .record({ findings: fc.constantFrom('A', 'B'), conclusions: fc.option(fc.constantFrom('C', 'D'), { nil: undefined }) })
    .map((r) => [{ op: 'set', path: ['response'], value: { date: '2026-11-20', ...r } }]),
  categories: fc.subarray(['communicatie', 'kosten', 'privacy'], { minLength: 1 }).map((v) => [{ op: 'set', path: ['categories'], value: v }]),
  causes: fc.subarray(['planning', 'informatie', 'tarief']).map((v) => [{ op: 'set', path: ['causes'], value: v }]),
  improvements: fc.constantFrom('Agenda delen.', 'Sms-herinnering.').map((action) => [{ op: 'append', path: ['improvements'], value: { action, owner: 'bram' } }]),
  done: fc.constantFrom('2026-11-15', '2026-11-16').map((v) => [{ op: 'set', path: ['improvements', 0, 'done'], value: v }]),
};
const FIELDS = Object.keys(EDITS);
// a field's edits touch only the frontmatter under these keys (the note is steps', done is improvements')
const KEY: Record<string, string> = { phone: 'complainant', note: 'steps', done: 'improvements' };
const keyOf = (f: string) => KEY[f] ?? f;
const NOTES = fc.constantFrom('', 'Mail gestuurd.', 'Klant gebeld.');

/** A version of BASE: edits on some fields and maybe a line added to the notes. */
const version = (only: string[] = FIELDS) =>
  fc.record({
    edits: fc.subarray(only).chain((fs) => (fs.length ? fc.tuple(...fs.map((f) => EDITS[f]!)) : fc.constant([] as CaseEdit[][]))),
    note: NOTES,
  });
const textOf = (v: { edits: CaseEdit[][]; note: string }) => {
  const text = edit(BASE, ...v.edits.flat());
  return v.note ? text.replace('Gebeld op 5 november.\n', `Gebeld op 5 november.\n${v.note}\n`) : text;
};
/** A case's data with lists left out written as empty ones, and categories and causes (sets) sorted. */
const sortedKeys = (d: Record<string, any>) => ({
  ...d,
  categories: [...d.categories].sort(),
  causes: [...(d.causes ?? [])].sort(),
  steps: d.steps ?? [],
  improvements: d.improvements ?? [],
});

describe('mergeCaseTexts: properties', () => {
  it('merging with base == mine gives theirs, with base == theirs gives mine', () => {
    fc.assert(
      fc.property(version(), version(), (a, b) => {
        const [base, other] = [textOf(a), textOf(b)];
        expect(merged(merge(base, base, other))).toBe(other);
        expect(merged(merge(base, other, base))).toBe(other);
        expect(merged(merge(base, other, other))).toBe(other);
      }),
      { numRuns: 100 },
    );
  });

  it('is symmetric up to resolutions: the same conflicts with the sides swapped, the same merged case', () => {
    fc.assert(
      fc.property(version(), version(), fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }), (a, b, picks) => {
        const [mine, theirs] = [textOf(a), textOf(b)];
        const [ab, ba] = [merge(BASE, mine, theirs), merge(BASE, theirs, mine)];
        expect(ab.ok).toBe(ba.ok);
        if (ab.ok && ba.ok) {
          expect(sortedKeys(data(ab.text))).toEqual(sortedKeys(data(ba.text)));
          return;
        }
        const [ca, cb] = [(ab as { conflicts: MergeConflict[] }).conflicts, (ba as { conflicts: MergeConflict[] }).conflicts];
        const sides = (cs: MergeConflict[], swap: boolean) =>
          cs.map((c) => (c.field === WHOLE_FILE ? c.field : [c.field, c.base, swap ? c.theirs : c.mine, swap ? c.mine : c.theirs, c.freeText])).sort();
        expect(sides(ca, false)).toEqual(sides(cb, true));
        if (ca.some((c) => c.field === WHOLE_FILE)) return;
        // resolve each conflict the same way from both sides' points of view
        const choice = (i: number): 'mine' | 'theirs' => (picks[i % picks.length] ? 'mine' : 'theirs');
        const flip = (c: 'mine' | 'theirs'): 'mine' | 'theirs' => (c === 'mine' ? 'theirs' : 'mine');
        const ra = Object.fromEntries(ca.map((c, i) => [c.field, choice(i)]));
        const rb = Object.fromEntries(ca.map((c, i) => [c.field, flip(choice(i))]));
        const [xa, xb] = [merge(BASE, mine, theirs, ra), merge(BASE, theirs, mine, rb)];
        expect(fields(xa)).toEqual(fields(xb));
        if (xa.ok && xb.ok) expect(sortedKeys(data(xa.text))).toEqual(sortedKeys(data(xb.text)));
      }),
      { numRuns: 150 },
    );
  });

  it('edits on disjoint fields always merge cleanly, into a valid case holding both', () => {
    const split = fc.shuffledSubarray(FIELDS).chain((fs) => {
      const cut = Math.floor(fs.length / 2);
      // a field and the list it belongs to stay on one side
      const left = fs.slice(0, cut);
      const right = fs.slice(cut).filter((f) => !left.some((l) => keyOf(l) === keyOf(f)));
      return fc.tuple(version(left), version(right));
    });
    fc.assert(
      fc.property(split, ([a, b]) => {
        const [mine, theirs] = [textOf({ ...a, note: '' }), textOf(b)];
        const text = merged(merge(BASE, mine, theirs));
        expect(valid(text)).toEqual([]);
        const [got, m, t] = [data(text), data(mine), data(theirs)];
        for (const [side, v] of [
          [m, a],
          [t, b],
        ] as const)
          for (const e of v.edits.flat()) expect(got[String(e.path[0])]).toEqual(side[String(e.path[0])]);
        expect(got.body).toBe(t.body);
      }),
      { numRuns: 150 },
    );
  });
});
