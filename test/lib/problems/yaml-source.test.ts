import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import jsyaml from 'js-yaml';
import { readYaml } from '../../../lib/problems/yaml-source.ts';

/** What js-yaml's own core schema makes of the text, or undefined when it refuses it. */
function core(text: string): unknown {
  try {
    return jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA });
  } catch {
    return undefined;
  }
}

describe('readYaml reads plain scalars as the core schema does', () => {
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

  it('gives what the core schema gives for any plain scalar, as a value, a key or a list item', () => {
    const scalar = fc
      .array(fc.constantFrom(...'~+-._0123456789eExXoOnNuUlLtTrRfFaAsSbiIyY: #é'), { minLength: 1, maxLength: 8 })
      .map((cs) => cs.join(''));
    fc.assert(
      fc.property(scalar, (s) => {
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
