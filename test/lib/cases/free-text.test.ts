import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import jsyaml from 'js-yaml';
import { LineCounter, isPair, isScalar, isSeq, parse, parseDocument, visit, type Node } from 'yaml';
import { FREE_TEXT_FIELDS, truncatedTextWarnings } from '../../../lib/cases/free-text.ts';
import { newCaseFileText } from '../../../lib/cases/new-case.ts';
import { splitFrontmatter } from '../../../lib/cases/frontmatter.ts';

const yamlOf = (text: string) => {
  const split = splitFrontmatter(text);
  if (!split.ok) throw new Error(split.reason);
  return split.yamlText;
};
// one line of text as the organizer types it: any characters, ' #' and ': ' more often than chance
const line = fc
  .array(fc.oneof(fc.string({ minLength: 1 }), fc.constantFrom(' #', ': ', '#', '"', "'", '- ', 'é', '🙂')), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join('').replace(/[\r\n]/g, ' ').trim())
  .filter((s) => s !== '');

describe('newCaseFileText', () => {
  it('names the escalation body of organization.yml in the comment of fields to fill in, never a fixed name', () => {
    const answers = { organizer: 'anouk', received: '2026-11-24', channel: 'email', name: 'X', categories: ['kosten'] } as const;
    const text = newCaseFileText('K-2026-001', { ...answers, categories: ['kosten'] }, { escalation: { name: 'Klachtenloket\nZorg' } });
    expect(text).toContain('# client_informed: wanneer de cliënt bij de start van de opdracht is gewezen op de klachtenregeling en Klachtenloket Zorg (art. 3)');
    expect(text).not.toContain('Solopartners');
    expect(parse(yamlOf(text))).toMatchObject({ id: 'K-2026-001', complainant: { name: 'X' } });
  });
});

describe('truncatedTextWarnings', () => {
  it('warns on an unquoted free text with " #", at its line and path', () => {
    const yaml = '\nid: K-2026-001 # mijn notitie\nresponse:\n  findings: Factuur #2026-12 te hoog\n  conclusions: "Gegrond #1"\n';
    expect(truncatedTextWarnings('f.md', yaml).map((p) => [p.line, p.field, p.severity])).toEqual([[4, 'response.findings', 'warning']]);
  });

  it('never warns on what new-case writes, whatever the text, and the text reads back exactly', () => {
    fc.assert(
      fc.property(line, line, (name, address) => {
        const text = newCaseFileText('K-2026-001', {
          organizer: 'anouk',
          received: '2026-11-24',
          channel: 'email',
          name,
          address,
          representative: { name: address, relation: name },
          categories: ['kosten'],
        }, { escalation: { name: 'Solopartners' } });
        const yaml = yamlOf(text);
        expect(truncatedTextWarnings('f.md', yaml)).toEqual([]);
        const data = parse(yaml) as { complainant: { name: string; address: string; representative: { relation: string } } };
        expect([data.complainant.name, data.complainant.address, data.complainant.representative.relation]).toEqual([name, address, name]);
      }),
    );
  });

  it('warns when YAML cut a hand-typed free text short at " #", and only when the text read is not the text typed', () => {
    fc.assert(
      fc.property(line, (typed) => {
        const yaml = `\nresponse:\n  findings: ${typed}\n`;
        let read: unknown;
        try {
          read = (parse(yaml, { logLevel: 'error' }) as { response?: { findings?: unknown } } | null)?.response?.findings;
        } catch {
          return; // not YAML at all: validate reports that as an error
        }
        const warned = truncatedTextWarnings('f.md', yaml).length > 0;
        if (warned) expect(read).not.toBe(typed); // never a false alarm
        const cut = typeof read === 'string' && read !== typed && typed.startsWith(read) && /^\s+#/.test(typed.slice(read.length));
        if (cut) expect(warned).toBe(true); // never a silent cut
      }),
    );
  });

  it('warns where the `yaml` package sees a comment after a free text, for any YAML both read alike', () => {
    const key = fc.constantFrom('findings', 'name', 'note', 'steps', 'response', 'x', 'action', 'date');
    const value = fc.oneof(
      fc.constantFrom('Factuur #12 te hoog', 'tekst', '#begin', 'a # b # c', '"q #1"', "'s #2'", '|\n  blok #x', '12 #3', 'true #4', '', ' #leeg', 'a\t#tab', 'regel een\n  regel #twee'),
      fc.string({ maxLength: 6 }).map((s) => s.replace(/[\r\n:]/g, ' ')),
    );
    const entry = (indent: string) => fc.tuple(key, value).map(([k, v]) => `${indent}${k}: ${v.replace(/\n/g, `\n${indent}`)}`);
    const block = fc.oneof(
      fc.array(entry(''), { minLength: 1, maxLength: 4 }).map((l) => l.join('\n')),
      fc.tuple(key, fc.array(entry('  '), { minLength: 1, maxLength: 3 })).map(([k, l]) => `${k}:\n${l.join('\n')}`),
      fc
        .tuple(key, fc.array(fc.array(entry('    '), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 }))
        .map(([k, items]) => `${k}:\n${items.map((l) => `  -${l.join('\n').slice(3)}`).join('\n')}`),
      fc.constantFrom('# c', '', 'steps:\n  -\n  - note: a #b', 'response: { findings: a #b }', 'x: [a #b\n  , c]',
        'response:\n  findings: tekst\n    # een eigen regel\n  note: a #b'),
    );
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 5 }), (blocks) => {
        const yaml = `\n${blocks.join('\n')}\n`;
        let same: boolean;
        try {
          same = JSON.stringify(jsyaml.load(yaml)) === JSON.stringify(parse(yaml, { uniqueKeys: false }));
        } catch {
          same = false;
        }
        fc.pre(same); // js-yaml refuses it (then validate reports an error, not this warning) or reads it otherwise
        expect(truncatedTextWarnings('f.md', yaml).map((p) => [p.line, p.field])).toEqual(warningsByYamlPackage(yaml));
      }),
      { numRuns: 3000 },
    );
  });
});

/** truncatedTextWarnings as it was written on the `yaml` package's document tree: [line, field] of each warning. */
function warningsByYamlPackage(yamlText: string): [number, string][] {
  const suspect = new RegExp(`^[ \\t-]*(?:${FREE_TEXT_FIELDS.join('|')}):[ \\t]+[^'"\\s#|>][^\\n]*?[ \\t]#`, 'm');
  if ((!yamlText.includes(' #') && !yamlText.includes('\t#')) || !suspect.test(yamlText)) return [];
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, uniqueKeys: false, logLevel: 'error' });
  const out: [number, string][] = [];
  visit(doc, {
    Pair(_, pair, ancestors) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      const value = pair.value;
      if (!key || !FREE_TEXT_FIELDS.includes(key) || !isScalar(value) || value.type !== 'PLAIN' || !value.comment) return;
      const [start = 0, end = 0] = value.range ?? [];
      const lineEnd = yamlText.indexOf('\n', end);
      if (!/^[ \t]+#/.test(yamlText.slice(end, lineEnd === -1 ? undefined : lineEnd))) return;
      const path: string[] = [];
      ancestors.forEach((node, i) => {
        if (isPair(node) && isScalar(node.key)) path.push(String(node.key.value));
        else if (isSeq(node)) path.push(String(node.items.indexOf(ancestors[i + 1] as Node)));
      });
      out.push([counter.linePos(start).line, [...path, key].join('.')]);
    },
  });
  return out;
}
