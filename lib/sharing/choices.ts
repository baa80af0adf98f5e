import type { FieldConflict } from './share-status.ts';

/** The organizer's choice for one conflicting field: her version, the remote's, or (free text only) both. */
export type Choice = 'mine' | 'theirs' | 'both';

/** A choice for the field `field` of the case file `path` (relative to the cases folder). */
export interface Resolution {
  path: string;
  field: string;
  choice: Choice;
}

/** The form field of the conflict screen that holds the choice for conflict number `i` (in the order shown). */
export const choiceField = (i: number): string => `keuze-${i}`;

/**
 * The conflict screen's form (form values + the conflicts it showed) -> the choices, or a Dutch message per
 * conflict without a valid choice. "Both" only for free text. Every conflict needs a choice: nothing is shared
 * until all are chosen.
 */
export function readChoices(
  values: Readonly<Record<string, string | undefined>>,
  conflicts: readonly FieldConflict[],
): { ok: true; resolutions: Resolution[] } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const resolutions: Resolution[] = [];
  conflicts.forEach((c, i) => {
    const v = values[choiceField(i)];
    if (v === 'mine' || v === 'theirs' || (v === 'both' && c.freeText)) resolutions.push({ path: c.path, field: c.field, choice: v });
    else errors[choiceField(i)] = c.freeText ? 'kies: mijn versie, de andere versie, of beide' : 'kies: mijn versie of de andere versie';
  });
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, resolutions };
}

/** The organizer chosen on "Wie ben ik" (form field `wie`: her key in organization.yml), or a Dutch message. */
export function readOrganizerChoice<O extends { key: string }>(
  values: Readonly<Record<string, string | undefined>>,
  organizers: readonly O[],
): { ok: true; organizer: O } | { ok: false; error: string } {
  const found = organizers.find((o) => o.key === values.wie);
  return found ? { ok: true, organizer: found } : { ok: false, error: 'kies uw naam uit de lijst' };
}
