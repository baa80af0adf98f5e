import { describe, expect, it } from 'vitest';
import { MAX_REGULATION_BYTES, readRegulationForm } from '../../werkplek/forms/regulation-form.ts';

const file = (bytes: Uint8Array<ArrayBuffer> | string, name = 'reglement.txt') => new File([bytes], name);

describe('readRegulationForm: the text pasted or uploaded on Instellingen, Klachtenregeling', () => {
  it.each<[string, Record<string, string>, Record<string, File>, unknown]>([
    [
      'pasted, to check',
      { taal: 'nl', doe: 'controleren', tekst: 'Artikel 1\n1.1 x' },
      {},
      { ok: true, action: 'controleren', lang: 'nl', text: 'Artikel 1\n1.1 x' },
    ],
    [
      'pasted, to save, English',
      { taal: 'en', doe: 'opslaan', tekst: 'Article 1' },
      {},
      { ok: true, action: 'opslaan', lang: 'en', text: 'Article 1' },
    ],
    [
      'an unknown language or action: Dutch, check only',
      { taal: 'fr', doe: 'wissen', tekst: 'x' },
      {},
      { ok: true, action: 'controleren', lang: 'nl', text: 'x' },
    ],
    [
      'a file wins over the field',
      { taal: 'nl', doe: 'opslaan', tekst: 'oud' },
      { bestand: file('Artikel 1 uit bestand') },
      { ok: true, action: 'opslaan', lang: 'nl', text: 'Artikel 1 uit bestand' },
    ],
    [
      'an empty file leaves the field',
      { tekst: 'uit het veld' },
      { bestand: file('') },
      { ok: true, action: 'controleren', lang: 'nl', text: 'uit het veld' },
    ],
  ])('%s', async (_, values, files, expected) => expect(await readRegulationForm(values, files)).toEqual(expected));

  it.each<[string, Record<string, string>, Record<string, File>, RegExp]>([
    ['nothing', { tekst: '  \n' }, {}, /^Plak de tekst van uw klachtenregeling/],
    [
      'a Word file (.docx is a zip: "PK")',
      {},
      { bestand: file(new Uint8Array([0x50, 0x4b, 3, 4, 0]), 'r.docx') },
      /^Dit is een Word- of PDF-bestand/,
    ],
    ['a PDF', {}, { bestand: file('%PDF-1.7 …', 'r.pdf') }, /^Dit is een Word- of PDF-bestand/],
    [
      'a text that is no UTF-8 (Windows-1252 "é")',
      {},
      { bestand: file(new Uint8Array([0x63, 0x6c, 0x69, 0xeb, 0x6e, 0x74])) },
      /^Het bestand is geen platte tekst in UTF-8/,
    ],
    ['a file too large', {}, { bestand: file('x'.repeat(MAX_REGULATION_BYTES + 1)) }, /^Het bestand is groter dan 200 kB/],
    ['a pasted text too large', { tekst: 'é'.repeat(MAX_REGULATION_BYTES / 2 + 1) }, {}, /^De tekst is groter dan 200 kB/],
  ])('refuses %s in Dutch, saying what to do', async (_, values, files, message) => {
    const r = await readRegulationForm(values, files);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });
});
