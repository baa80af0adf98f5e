import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { core } from '../../helpers/yaml-reference.ts';
import { parse } from 'yaml';
import { lineOf, readYaml, resolvePlain } from '../../../lib/problems/yaml-source.ts';

/** Texts of 1 to 8 of `chars`: plain scalars that look like numbers, nulls and booleans, and some that do not quite. */
const scalarOf = (chars: string) => fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 8 }).map((cs) => cs.join(''));

describe("readYaml reads plain scalars as YAML 1.2's core schema does", () => {
  it.each([
    ['~', null],
    ['null', null],
    ['Null', null],
    ['NULL', null],
    ['true', true],
    ['False', false],
    ['TRUE', true],
    ['-12', -12],
    ['+3', 3],
    ['0x1F', 31],
    ['0o17', 15],
    ['1_000', '1_000'], // js-yaml 4.3 reads no underscores in core integers
    // yaml writes these texts unquoted: js-yaml's own core schema would read them back as numbers
    ['0b101', '0b101'],
    ['-0x1F', '-0x1F'],
    ['+0o7', '+0o7'],
    ['+.5', 0.5],
    ['.NaN', NaN],
    ['1.5e3', 1500],
    ['1.0e-5', 0.00001],
    ['12.5e-3', 0.0125],
    ['.5', 0.5],
    ['-.inf', -Infinity],
    ['2026-03-02', '2026-03-02'],
    ['2026-3-2', '2026-3-2'],
    ['12345-6', '12345-6'],
    ['yes', 'yes'],
    ['nul', 'nul'],
    ['nulls', 'nulls'],
    ['truth', 'truth'],
    ['anouk', 'anouk'],
    ['Synthetische bevindingen.', 'Synthetische bevindingen.'],
  ])('%s', (scalar, value) => {
    expect(readYaml(`v: ${scalar}`)).toEqual({ ok: true, data: { v: value } });
    expect(core(`v: ${scalar}`)).toEqual({ v: value });
  });

  it('resolves any plain scalar as the yaml package does, which writes the case files', () => {
    fc.assert(
      fc.property(scalarOf('~+-._0123456789eExXoObBnNuUlLtTrRfFaAsSiIyY'), (s) => {
        let written: unknown;
        try {
          written = (parse(`v: ${s}`) as { v: unknown }).v;
        } catch {
          return; // no plain scalar to yaml (a lone "-"): it writes such a text quoted
        }
        expect(resolvePlain(s), s).toEqual(written);
      }),
      { numRuns: 3000 },
    );
  });

  it('gives what js-yaml gives with the same schema for any plain scalar, as a value, a key or a list item', () => {
    fc.assert(
      fc.property(scalarOf('~+-._0123456789eExXoOnNuUlLtTrRfFaAsSbiIyY: #é'), (s) => {
        for (const text of [`v: ${s}`, `${s}: v`, `v: [${s}]`, `- ${s}`]) {
          const expected = core(text);
          const got = readYaml(text);
          if (expected === undefined) expect(got.ok).toBe(false);
          else expect(got).toEqual({ ok: true, data: expected });
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('lineOf', () => {
  it.each([
    ['\nsteps:\n  - kind: a\n    date: 2026-01-02\n', ['steps', 0, 'date'], 4],
    ['\nsteps:\n  -\n    kind: b\n  - kind: c\n    date: x\n', ['steps', 1, 'date'], 6],
    ['\nsteps:\n  # een notitie\n  -\n  - kind: c\n', ['steps', 0], 4], // an empty item: its own line
    ['\nsteps:\n  - kind: a\n  -\n  - kind: c\n', ['steps', 2, 'kind'], 5],
    ['\nfindings:\n  - 0\n  -\n  -\n', ['findings', 2], 5], // two empty items in a row
    ['\ncomplainant:\n  # comment\n\n  name: x\n  email:\n  phone: 1\n', ['complainant', 'phone'], 7],
    ['\nresponse:\n  findings: >\n    date: geen sleutel\n  date: 2026-01-02\n', ['response', 'date'], 5],
    ['\nresponse: { date: x,\n  findings: y }\n', ['response', 'findings'], 3],
    ['\r\nresponse:\r\n  date: x\r\n', ['response', 'date'], 3],
    ['\ufeff\nresponse:\n  date: x\n', ['response', 'date'], 3],
    ['\na: &x\n  b: 1\nc: *x\n', ['c', 'b'], 4], // an alias: the line of its key
    ['\nresponse:\n  date: x\n', ['response', 'mediation'], 2], // the deepest node that exists
    ['\n{\n  a: 1,\n  b: { c: 2 }\n}\n', ['b', 'c'], 4],
  ])('%j %j is line %i', (text, path, line) => {
    expect(lineOf(text, path)).toBe(line);
  });
});
