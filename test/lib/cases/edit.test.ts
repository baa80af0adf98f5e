import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editCaseText, renumberCaseText, replaceComplaintSection } from '../../../lib/cases/edit.ts';
import { complaintSection } from '../../../lib/documents/markdown.ts';
import { splitFrontmatter } from '../../../lib/cases/frontmatter.ts';
import { readYaml } from '../../../lib/problems/yaml-source.ts';

const HAND_WRITTEN = `---
# Handgeschreven dossier: commentaar blijft staan
id: K-2026-001
organizer: 'anouk'   # de begeleider
received: 2026-02-09
status: open
channel: email
complainant:
  name: "Voorbeeld Klant"
categories: [communicatie]
---

## Klacht

Tekst met ' quotes " en # hekje.
`;

const frontmatter = (text: string) => {
  const split = splitFrontmatter(text);
  if (!split.ok) throw new Error('no frontmatter');
  const read = readYaml(split.yamlText);
  if (!read.ok) throw new Error(read.message);
  return read.data as Record<string, any>;
};

const edit = (text: string, ...args: Parameters<typeof editCaseText>[1][]) => {
  const r = editCaseText(text, args.flat());
  if (!r.ok) throw new Error(r.message);
  return r.text;
};

describe('editCaseText', () => {
  it('changes one field and keeps comments, order, quoting and the body', () => {
    const out = edit(HAND_WRITTEN, [{ op: 'set', path: ['client_informed'], value: '2026-02-10' }]);
    expect(out).toBe(HAND_WRITTEN.replace("'anouk'   #", "'anouk' #").replace('categories: [communicatie]\n', 'categories: [communicatie]\nclient_informed: 2026-02-10\n'));
  });

  it('writes the sentences of the handbook so that they read back exactly', () => {
    const findings = 'Factuur #2026-12 was te hoog berekend. Conclusie: "gegrond" — zie \'bijlage\'.';
    const out = edit(HAND_WRITTEN, [{ op: 'set', path: ['response'], value: { date: '2026-02-20', findings, conclusions: '- eerste punt\n- tweede: punt' } }]);
    expect(frontmatter(out).response).toEqual({ date: '2026-02-20', findings, conclusions: '- eerste punt\n- tweede: punt' });
    expect(out).toContain("organizer: 'anouk' # de begeleider");
  });

  it('appends a step to a list, creating it when missing, and removes emptied parents', () => {
    let out = edit(HAND_WRITTEN, [{ op: 'append', path: ['steps'], value: { kind: 'complainant_heard', date: '2026-02-12' } }]);
    out = edit(out, [{ op: 'append', path: ['steps'], value: { kind: 'information_given', date: '2026-02-13', note: 'Gebeld: 10 min' } }]);
    expect(frontmatter(out).steps).toEqual([
      { kind: 'complainant_heard', date: '2026-02-12' },
      { kind: 'information_given', date: '2026-02-13', note: 'Gebeld: 10 min' },
    ]);
    out = edit(out, [{ op: 'delete', path: ['complainant', 'name'] }]);
    expect(frontmatter(out)).not.toHaveProperty('complainant');
  });

  it('keeps CRLF line ends and a BOM', () => {
    const crlf = '\uFEFF' + HAND_WRITTEN.replace(/\n/g, '\r\n');
    const out = edit(crlf, [{ op: 'set', path: ['status'], value: 'withdrawn' }]);
    expect(out.startsWith('\uFEFF---\r\n')).toBe(true);
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
    expect(frontmatter(out).status).toBe('withdrawn');
  });

  it('renumbers the id', () => {
    expect(frontmatter((renumberCaseText(HAND_WRITTEN, 'K-2026-007') as { text: string }).text).id).toBe('K-2026-007');
  });

  it('refuses a file without frontmatter', () => {
    expect(editCaseText('geen kopblok', []).ok).toBe(false);
  });

  // Free text round-trips exactly: quotes, ` #`, `: `, leading dashes or quotes, newlines, emoji, diacritics.
  const tricky = fc.constantFrom(' #', ': ', '"', "'", '- ', '-', '\n', '\t', '😀', 'é', 'ë', 'ĳ', '#', '|', '>', '&', '*', '!', '%', '@', '`', '{', '[', ']', '}', ',', '?', ' ', 'a', 'Z', '0', '1.5', 'true', 'null', '~', '\\');
  const freeText = fc.oneof(
    fc.string({ unit: 'grapheme', minLength: 1 }),
    fc.array(tricky, { minLength: 1, maxLength: 12 }).map((xs) => xs.join('')),
    fc.string({ unit: fc.oneof(tricky, fc.string({ unit: 'grapheme-ascii', maxLength: 1 })), minLength: 1 }),
  );
  it('falls back to double quotes where a block literal would lose trailing blank lines (found by the property)', () => {
    const out = edit(HAND_WRITTEN, [
      { op: 'set', path: ['response', 'findings'], value: ' ' },
      { op: 'append', path: ['steps'], value: { kind: 'mediation', date: '2026-02-11', note: '\n\n' } },
    ]);
    expect(frontmatter(out).steps[0].note).toBe('\n\n');
    expect(frontmatter(out).response.findings).toBe(' ');
  });

  it('round-trips arbitrary free text exactly (property)', () => {
    fc.assert(
      fc.property(freeText, freeText, (findings, note) => {
        const out = edit(HAND_WRITTEN, [
          { op: 'set', path: ['response', 'findings'], value: findings },
          { op: 'append', path: ['steps'], value: { kind: 'mediation', date: '2026-02-11', note } },
        ]);
        const data = frontmatter(out);
        expect(data.response.findings).toBe(findings);
        expect(data.steps[0].note).toBe(note);
        expect(data.complainant.name).toBe('Voorbeeld Klant');
        expect(splitFrontmatter(out)).toMatchObject({ body: '\n## Klacht\n\nTekst met \' quotes " en # hekje.\n' });
      }),
      { numRuns: 400 },
    );
  });
});

describe('replaceComplaintSection', () => {
  it.each([
    ['the section before the notes', '\n## Klacht\n\noud\n\n## Notities\n\nx\n', '\n## Klacht\n\nnieuw\n\n## Notities\n\nx\n'],
    ['the last section', '\n## Klacht\n\noud\nmeer\n', '\n## Klacht\n\nnieuw\n'],
    ['a body without the heading (all of it is the complaint)', '\nlosse tekst\n', '\n## Klacht\n\nnieuw\n'],
    ['CRLF line ends', '\r\n## Klacht\r\n\r\noud\r\n\r\n## Notities\r\n', '\r\n## Klacht\r\n\r\nnieuw\r\n\r\n## Notities\r\n'],
  ])('replaces %s', (_, body, want) => {
    expect(replaceComplaintSection(body, 'nieuw')).toBe(want);
  });

  it('reads back as the complaint typed, and keeps the notes byte for byte, whatever the text', () => {
    const notes = '## Notities\n\n- gebeld # 3x\n';
    const complaintText = fc.string().filter((t) => !t.split(/\r?\n/).some((l) => /^\s*##\s/.test(l)) && !/\r/.test(t));
    fc.assert(
      fc.property(complaintText, complaintText, (before, after) => {
        const body = replaceComplaintSection(`\n## Klacht\n\n${before}\n\n${notes}`, after);
        expect(complaintSection(body)).toBe(after.trim());
        expect(body.endsWith(`\n${notes}`)).toBe(true);
      }),
    );
  });
});
