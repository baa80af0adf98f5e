import { z } from 'zod';
import { say, t } from './language.ts';

const DUTCH_ORDER = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;

/** The message for a date that is not `YYYY-MM-DD`; a Dutch day-month-year date gets its own form back as the example. */
function dateMessage(input: unknown): string {
  const dutch = typeof input === 'string' ? DUTCH_ORDER.exec(input.trim()) : null;
  const example = dutch ? `${dutch[3]}-${dutch[2]!.padStart(2, '0')}-${dutch[1]!.padStart(2, '0')}` : '2026-11-24';
  if (dutch) return t(`schrijf datums als JJJJ-MM-DD, bijvoorbeeld ${example}`, `write dates as YYYY-MM-DD, e.g. ${example}`);
  return t(
    `verwacht een bestaande datum als JJJJ-MM-DD, bijvoorbeeld ${example}`,
    `expected a real calendar date as YYYY-MM-DD, e.g. ${example}`,
  );
}

/** A calendar date `YYYY-MM-DD` that exists (no 2026-02-30); never a time or a time zone. */
export const isoDate = z.iso
  .date({ error: (iss) => dateMessage(iss.input) })
  // only a date in the right form can have a year out of range (else the message above says it all)
  .refine(
    (d) => !/^\d{4}-\d{2}-\d{2}$/.test(d) || (d >= '2000-01-01' && d <= '2100-12-31'),
    say(
      'verwacht een datum tussen 2000-01-01 en 2100-12-31 (een tikfout in het jaar?), bijvoorbeeld 2026-11-24',
      'expected a date between 2000-01-01 and 2100-12-31 (a typo in the year?), e.g. 2026-11-24',
    ),
  );

/** A key: lower-case letters, digits and hyphens, as used in organization.yml. */
export const key = z
  .string(say('verwacht een sleutel zoals "communicatie"', 'expected a key such as "communicatie"'))
  .regex(
    /^[a-z0-9][a-z0-9-]*$/,
    say(
      'verwacht kleine letters, cijfers en streepjes, bijvoorbeeld "communicatie"',
      'expected lower-case letters, digits and hyphens, e.g. "communicatie"',
    ),
  );

/** The message for a value that is not text: empty, a number or yes/no, or a list or block (often a ": " in the text). */
function textMessage(input: unknown): string {
  if (input === null)
    return t(
      'is leeg: vul tekst in of laat het veld weg, bijvoorbeeld findings: "De factuur was te hoog."',
      'is empty: fill in text or leave the field out',
    );
  if (typeof input === 'object')
    return t(
      'verwacht één tekst, geen lijst of blok; staat er een dubbele punt in de tekst, zet hem dan tussen aanhalingstekens, bijvoorbeeld "Factuur #12: te hoog"',
      'expected text, not a list or mapping; put text holding ": " in quotes, e.g. "Factuur #12: te hoog"',
    );
  return t(
    'verwacht tekst; zet een getal of ja/nee die als tekst bedoeld is tussen aanhalingstekens, bijvoorbeeld phone: "0612345678"',
    'expected text; put a number or yes/no meant as text in quotes, e.g. phone: "0612345678"',
  );
}

/** A non-empty line of text. */
export const text = z
  .string({ error: (iss) => textMessage(iss.input) })
  .trim()
  .min(1, say('mag niet leeg zijn; vul tekst in of laat het veld weg', 'must not be empty; fill in text or leave the field out'));
