// What retention and erasure remove, as the Bewaartermijn and Privacy pages say it (werkplek/labels.ts).
import { describe, expect, it } from 'vitest';
import { removedInWords } from '../../werkplek/labels.ts';

describe('removedInWords', () => {
  it.each([
    ['attachments (1 file)', '1 bijlage (de bestanden bij het dossier)'],
    ['attachments (3 files)', '3 bijlagen (de bestanden bij het dossier)'],
    ['body (1 line of complaint text and notes)', 'tekst van het dossier: klacht en notities (1 regel)'],
    ['comment (line 4)', 'opmerking na # (regel 4)'],
  ])('%s -> %s', (path, words) => expect(removedInWords(path)).toBe(words));
});
