import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { core } from '../../helpers/yaml-reference.ts';
import { stringify } from 'yaml';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWrittenYaml } from '../../../lib/problems/written-yaml.ts';
import { resolvePlain } from '../../../lib/problems/yaml-source.ts';
import { splitFrontmatter } from '../../../lib/cases/frontmatter.ts';

const read = (text: string) => readWrittenYaml(text, resolvePlain);

/** The reader answers nothing, or what js-yaml answers. */
function expectAsJsYaml(text: string): void {
  const got = read(text);
  if (got !== undefined) expect(got, JSON.stringify(text)).toEqual(core(text));
}

const CASE = `
id: K-2026-001
organizer: anouk
received: 2026-02-09
channel: email
status: resolved
complainant:
  name: Voorbeeld Klant Eén
  email: klant.een@example.org
categories: [communicatie, planning]
causes: []
steps:
  - kind: information_given
    date: 2026-02-11

  - kind: complainant_heard
    date: 2026-02-16
response:
  date: 2026-02-27
  findings: "De klant zei: het was te duur."
  conclusions: 'Gegrond, zegt ''de praktijk'''
satisfied: true
reminders: 3
note:
improvements:
  - action: Elke afspraak per e-mail bevestigen (binnen 1 werkdag).
    owner: anouk
    due: 2026-03-31
`;

describe('readWrittenYaml', () => {
  it('reads a case file as the project writes it, as js-yaml does', () => {
    const data = read(CASE);
    expect(data).toEqual(core(CASE));
    expect(data).toMatchObject({
      received: '2026-02-09',
      categories: ['communicatie', 'planning'],
      causes: [],
      steps: [{ kind: 'information_given', date: '2026-02-11' }, { kind: 'complainant_heard' }],
      response: { findings: 'De klant zei: het was te duur.', conclusions: "Gegrond, zegt 'de praktijk'" },
      satisfied: true,
      reminders: 3,
      note: null,
    });
  });

  it('reads every case file of the repository and its examples', () => {
    const dir = join(import.meta.dirname, '../../../cases');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /K-.*\.md$/.test(f));
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) {
      const split = splitFrontmatter(readFileSync(join(dir, f), 'utf8'));
      if (!split.ok) throw new Error(f);
      expect(read(split.yamlText), f).toEqual(core(split.yamlText));
    }
  });

  // each of these is valid YAML that the reader leaves to js-yaml (or invalid YAML, which js-yaml names)
  it.each([
    ['a comment line', 'a: 1\n# note\nb: 2\n'],
    ['a comment after a value', 'a: Factuur #12\n'],
    ['a tab', 'a:\tb\n'],
    ['CRLF line ends', 'a: b\r\nc: d\r\n'],
    ['a text over two lines', 'a: een lange\n  tekst\n'],
    ['a block scalar', 'a: |\n  regel\n'],
    ['a folded scalar', 'a: >-\n  regel\n'],
    ['an anchor and an alias', 'a: &x b\nc: *x\n'],
    ['a tag', 'a: !!str 12\n'],
    ['a flow mapping', 'a: {b: 1}\n'],
    ['a flow mapping with a space', 'a: { }\n'],
    ['a nested flow list', 'a: [b, [c]]\n'],
    ['a quoted flow item', 'a: ["b"]\n'],
    ['a flow list over two lines', 'a: [b,\n  c]\n'],
    ['a trailing comma', 'a: [b, ]\n'],
    ['a list at the key’s own indent', 'a:\n- b\n'],
    ['a nested list', 'a:\n  - - b\n'],
    ['an empty list item', 'a:\n  -\n  - b\n'],
    ['a scalar on the line below its key', 'a:\n  b\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a key that reads as a boolean', 'True: 1\n'],
    ['a key that reads as null', 'NULL: 1\n'],
    ['__proto__', '__proto__: x\n'],
    ['a key named like an inherited member', 'constructor: x\n'],
    ['a quoted key', '"a": 1\n'],
    ['a key without a space after its colon', 'a:b\n'],
    ['a value with ": "', 'a: b: c\n'],
    ['a value ending in a colon', 'a: b:\n'],
    ['a value starting with "- "', 'a: - 5\n'],
    ['a value starting with ": "', 'a: : 5\n'],
    ['a value starting with "? "', 'a: ? 5\n'],
    ['a double-quoted text with a YAML-only escape', 'a: "\\x41"\n'],
    ['an unclosed quote', 'a: "b\n'],
    ['a quote inside a single-quoted text', "a: 'it's'\n"],
    ['a control character', 'a: b\u0007\n'],
    ['a document marker', 'a: 1\n...\n'],
    ['a top-level list', '- a\n- b\n'],
    ['a top-level scalar', 'tekst\n'],
    ['an indented first line', '  a: 1\n'],
    ['a deeper line after a nested mapping', 'a:\n    b: 1\n  c: 2\n'],
    ['nothing', '\n\n'],
  ])('leaves %s to js-yaml', (_, text) => {
    expect(read(text)).toBeUndefined();
  });

  it('answers nothing, or what js-yaml answers, for any document of these lines', () => {
    const key = fc.constantFrom('a', 'b', 'id', 'True', 'null', 'n_1', '_1', 'x9', '__proto__', 'constructor', 'toString');
    const value = fc.constantFrom(
      ...[
        'tekst',
        'twee woorden',
        'Eén, twee (drie)',
        '2026-03-02',
        '2026-3-2',
        '12',
        '-5',
        '-a b',
        '-.',
        '--',
        ':x',
        ':',
        '?x',
        '? x',
        '{}',
        '{ }',
        '+3',
        '0x1F',
        '1_000',
        '.5',
        '.inf',
        '~',
        'null',
        'True',
        'false',
        'yes',
        'a: b',
        'a:b',
        'a:',
        'a #b',
        'a#b',
        'http://x.nl/a?b=c',
        '"dubbel"',
        '"met \\"aanhalingstekens\\" en \\n"',
        '"\\x41"',
        '"\\u00e9"',
        '"open',
        "'enkel'",
        "'it''s'",
        "'it's'",
        '[a, b]',
        '[]',
        '[ ]',
        '[a, [b]]',
        '[a b, 12, true]',
        '[a, ]',
        '[a:b]',
        '{a: 1}',
        '|',
        '>',
        '&x tekst',
        '*x',
        '!tag x',
        '%x',
        '@x',
        '`x',
        '- a',
        '-',
        '?',
        'é',
        '’s avonds',
        'trailing  ',
      ],
    );
    const indent = fc.constantFrom('', '  ', '    ', ' ', '   ');
    const line = fc.oneof(
      fc.tuple(indent, key, value).map(([i, k, v]) => `${i}${k}: ${v}`),
      fc.tuple(indent, key).map(([i, k]) => `${i}${k}:`),
      fc.tuple(indent, value).map(([i, v]) => `${i}- ${v}`),
      fc.tuple(indent, key, value).map(([i, k, v]) => `${i}- ${k}: ${v}`),
      fc.tuple(indent, key).map(([i, k]) => `${i}-   ${k}:`),
      fc.constantFrom('', '   ', '# opmerking', '\t', 'a:\tb', '...'),
    );
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (lines) => {
        expectAsJsYaml(`\n${lines.join('\n')}\n`);
        expectAsJsYaml(lines.join('\n'));
      }),
      { numRuns: 4000 },
    );
  });

  it('reads what yaml writes (lineWidth 0) for case-like data, as js-yaml does', () => {
    const text = fc.string({ unit: fc.constantFrom(...'abc AZ09.,:;-?!\'"\\/()[]{}&*%@`|>=+~_éë’€\u00a0'), maxLength: 12 });
    const scalar = fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('2026-03-02', 'true', '1e3', '0x1F', ''));
    const record = fc.dictionary(fc.constantFrom('id', 'kind', 'date', 'note', 'owner', 'findings'), scalar, { maxKeys: 4 });
    const data = fc.dictionary(
      fc.constantFrom('id', 'status', 'received', 'categories', 'steps', 'response', 'complainant', 'satisfied'),
      fc.oneof(scalar, fc.array(text, { maxLength: 3 }), fc.array(record, { maxLength: 3 }), record),
      { minKeys: 1 },
    );
    let answered = 0;
    fc.assert(
      fc.property(data, (d) => {
        const written = `\n${stringify(d, { lineWidth: 0 })}`;
        const got = read(written);
        expect(core(written)).toEqual(d);
        if (got !== undefined) {
          answered++;
          expect(got).toEqual(d);
        }
      }),
      { numRuns: 2000 },
    );
    // the reader is for this: most of what the project writes it reads itself
    expect(answered).toBeGreaterThan(1500);
  });
});
