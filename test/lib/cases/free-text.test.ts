import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { truncatedTextWarnings } from '../../../lib/cases/free-text.ts';
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
});
