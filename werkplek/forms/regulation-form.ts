import type { Lang } from '../../lib/regulation/routes.ts';

/** The largest regulation text the form takes: a regulation of some pages is a few tens of kilobytes. */
export const MAX_REGULATION_BYTES = 200_000;

/** What the regulation form asks: check only, or save; which language; the text. */
export type RegulationForm =
  { ok: true; action: 'controleren' | 'opslaan'; lang: Lang; text: string } | { ok: false; lang: Lang; error: string };

const one = (v: string | readonly string[] | undefined): string => (typeof v === 'string' ? v : (v?.[0] ?? ''));

/**
 * Read the regulation form: the text from an uploaded file (plain text, UTF-8: .txt or .md) when one is chosen,
 * else from the text field. A Word or PDF file, a text that is no UTF-8, an empty or too large text is refused
 * with a Dutch message saying what to do. Pure apart from reading the uploaded file's bytes.
 */
export async function readRegulationForm(
  values: Readonly<Record<string, string | readonly string[]>>,
  files: Readonly<Record<string, File>>,
): Promise<RegulationForm> {
  const lang: Lang = one(values.taal) === 'en' ? 'en' : 'nl';
  const action = one(values.doe) === 'opslaan' ? 'opslaan' : 'controleren';
  const file = files.bestand;
  let text = one(values.tekst);
  if (file && file.size > 0) {
    if (file.size > MAX_REGULATION_BYTES)
      return {
        ok: false,
        lang,
        error: `Het bestand is groter dan ${MAX_REGULATION_BYTES / 1000} kB: is het wel de tekst van de regeling?`,
      };
    const bytes = new Uint8Array(await file.arrayBuffer());
    // a .docx or .pdf starts with "PK" or "%PDF": ask for the text itself
    if ((bytes[0] === 0x50 && bytes[1] === 0x4b) || (bytes[0] === 0x25 && bytes[1] === 0x50))
      return {
        ok: false,
        lang,
        error: 'Dit is een Word- of PDF-bestand. Kopieer de tekst en plak hem in het tekstveld, of sla hem op als platte tekst (.txt).',
      };
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return {
        ok: false,
        lang,
        error: 'Het bestand is geen platte tekst in UTF-8. Kopieer de tekst en plak hem in het tekstveld, of sla hem op als .txt (UTF-8).',
      };
    }
  }
  if (new TextEncoder().encode(text).length > MAX_REGULATION_BYTES)
    return { ok: false, lang, error: `De tekst is groter dan ${MAX_REGULATION_BYTES / 1000} kB: is het wel de tekst van de regeling?` };
  if (text.trim() === '') return { ok: false, lang, error: 'Plak de tekst van uw klachtenregeling in het tekstveld, of kies een bestand.' };
  return { ok: true, action, lang, text };
}
