import { describe, expect, it } from 'vitest';
import { bodyOfCaseText, foldText, matches, parseQuery, phoneDigits, searchDocument, subjectOf } from '../../../lib/cases/search.ts';

const doc = searchDocument({
  id: 'K-2026-005',
  names: ['Mevrouw A. de Vries', 'Frésche Ĳsselmeer'],
  emails: ['A.deVries@Example.org'],
  phones: ['+31 (0)6-1234 5678', '020 - 555 12 34'],
  text: '## Klacht\n\nDe lekkage in de KEUKEN is niet verholpen.\n\n## Notities\n\nBelde terug op maandag.\n',
});
const finds = (q: string) => matches(doc, parseQuery(q)!);

describe('finding a dossier', () => {
  it.each([
    ['de vries', 'a name in lower case'],
    ['DE VRIES', 'a name in capitals'],
    ['vries de', 'words in any order'],
    ['fresche', 'a name without its accent'],
    ['Frésche', 'a name with its accent'],
    ['ijsselmeer', 'a ligature spelled out'],
    ['devries@example', 'part of an e-mail address, any case'],
    ['06 12345678', 'a mobile number with the trunk 0'],
    ['0612345678', 'the digits only'],
    ['+31612345678', 'the country code'],
    ['0031 6 1234 5678', 'the country code as 0031'],
    ['12 34 56 78', 'the last digits, spaced otherwise'],
    ['020-5551234', 'a landline with a dash'],
    ['K-2026-005', 'the dossier number'],
    ['k-2026-005', 'the dossier number in lower case'],
    ['2026-005', 'the dossier number without K'],
    ['lekkage keuken', 'words of the complaint'],
    ['maandag', 'words of the notes'],
  ])('"%s" finds it (%s)', (q) => expect(finds(q)).toBe(true));

  it.each([
    ['de jong', 'another name'],
    ['0612345679', 'another number'],
    ['K-2026-006', 'another dossier'],
    ['vries bakker', 'one word that is not there'],
  ])('"%s" does not (%s)', (q) => expect(finds(q)).toBe(false));

  it('an empty search is no search', () => {
    expect(parseQuery('   ')).toBeUndefined();
  });

  it('reads six digits or more with phone punctuation as a phone number, and words otherwise', () => {
    expect(parseQuery('06-123')).toEqual({ words: ['06-123'] });
    expect(parseQuery('(06) 123 456')).toMatchObject({ phone: '06123456' });
    expect(parseQuery('de 123456')).toEqual({ words: ['de', '123456'] });
  });

  it('folds text and phone numbers as documented', () => {
    expect(foldText('  Frésche\tDE  Vries ß ')).toBe('fresche de vries ss');
    expect(phoneDigits('+31 (0)6-1234 5678')).toBe('0612345678');
    expect(phoneDigits('+32 2 123 45 67')).toBe('003221234567');
  });
});

describe('the subject the Overzicht shows', () => {
  it.each([
    ['## Klacht\n\nOnderwerp: Factuur oktober\n\nGeachte heer,\n\nDe factuur klopt niet.\n', 'Factuur oktober'],
    ['## Klacht\n\nDe factuur klopt niet.\n\n## Notities\n\nGeheim.\n', 'De factuur klopt niet.'],
    ['Tekst zonder kopje.\n', 'Tekst zonder kopje.'],
    ['## Klacht\n\n- Afspraak niet nagekomen\n- Geen bericht\n', 'Afspraak niet nagekomen Geen bericht'],
    [
      '## Klacht\n\nDe begeleider kwam drie keer te laat en heeft de kast in de gang niet opgeruimd zoals afgesproken.\n',
      'De begeleider kwam drie keer te laat en heeft de kast in de…',
    ],
    ['## Klacht\n\n', ''],
  ])('%j → %j', (body, subject) => {
    expect(subjectOf(body)).toBe(subject);
    expect(subjectOf(body).length).toBeLessThanOrEqual(61);
  });

  it('takes the body from a case file without the YAML parsers', () => {
    expect(bodyOfCaseText('\ufeff---\nid: K-2026-001\n---\n\n## Klacht\n\nTekst\n')).toBe('\n## Klacht\n\nTekst\n');
    expect(bodyOfCaseText('---\nid: K-2026-001\n')).toBe('');
  });
});
