import { describe, expect, it } from 'vitest';
import { recordCaseDate } from '../../../lib/cases/record-date.ts';

const file = `---
# een opmerking die blijft
id: K-2026-004
organizer: bram
received: 2026-07-06
channel: oral   # mondeling
status: open
complainant:
  name: "Klant Vier"
categories: [communicatie]
---

## Klacht

De tekst blijft staan.
`;

describe('recordCaseDate: a letter that went out records its date in the case file', () => {
  it('adds written_confirmation after channel, keeping comments, order, quoting and the body', () => {
    const r = recordCaseDate(file, 'written_confirmation', '2026-07-07');
    expect(r.changed).toBe(true);
    if (!r.changed) return;
    expect(r.text).toBe(file.replace('channel: oral   # mondeling\n', 'channel: oral # mondeling\nwritten_confirmation: 2026-07-07\n'));
  });
  it('adds acknowledged after written_confirmation when there is one', () => {
    const first = recordCaseDate(file, 'written_confirmation', '2026-07-07');
    const second = first.changed ? recordCaseDate(first.text, 'acknowledged', '2026-07-08') : first;
    expect(second.changed && second.text).toContain('written_confirmation: 2026-07-07\nacknowledged: 2026-07-08\nstatus: open');
  });
  it('never overwrites a date already there: running twice changes nothing', () => {
    const once = recordCaseDate(file, 'acknowledged', '2026-07-07');
    if (!once.changed) throw new Error('expected a change');
    expect(recordCaseDate(once.text, 'acknowledged', '2026-07-09')).toEqual({ changed: false, current: '2026-07-07' });
  });
  it('keeps CRLF line ends and a BOM', () => {
    const crlf = `\uFEFF${file.replace(/\n/g, '\r\n')}`;
    const r = recordCaseDate(crlf, 'acknowledged', '2026-07-07');
    expect(r.changed && r.text.startsWith('\uFEFF---\r\n')).toBe(true);
    expect(r.changed && r.text.includes('\nacknowledged: 2026-07-07\r\n')).toBe(true);
    expect(r.changed && /[^\r]\n/.test(r.text)).toBe(false);
  });
  it('refuses a file without frontmatter', () => {
    expect(() => recordCaseDate('geen frontmatter', 'acknowledged', '2026-07-07')).toThrow(/no frontmatter/);
  });
});
