import { z } from 'zod';

/** A calendar date `YYYY-MM-DD` that exists (no 2026-02-30); never a time or a time zone. */
export const isoDate = z.iso
  .date({ error: 'expected a real calendar date as YYYY-MM-DD, e.g. 2026-03-02' })
  .refine((d) => d >= '2000-01-01' && d <= '2100-12-31', 'expected a date between 2000-01-01 and 2100-12-31 (a typo in the year?)');

/** A key: lower-case letters, digits and hyphens, as used in organization.yml. */
export const key = z
  .string({ error: 'expected a key such as "communicatie"' })
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lower-case letters, digits and hyphens, e.g. "communicatie"');

/** A non-empty line of text. */
export const text = z.string({ error: 'expected text' }).trim().min(1, 'must not be empty');
