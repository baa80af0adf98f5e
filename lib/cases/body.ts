/** The sections of a case file's Markdown body: the complaint as received, the complaint as confirmed, notes. */

/** The heading of the complaint as received (the organizer's own record, e.g. her note of a call). */
export const COMPLAINT_HEADING = 'Klacht';
/**
 * The heading of the complaint as the organizer wrote it for the complainant to confirm (art. 4.1): the text the
 * written confirmation of an oral complaint prints, apart from her own note under {@link COMPLAINT_HEADING}.
 */
export const CONFIRMED_HEADING = 'Klacht zoals bevestigd';

/** The index of the line `## heading` (case and spacing aside) in `lines`, or -1. */
export const headingLine = (lines: readonly string[], heading: string): number =>
  lines.findIndex((l) => l.trim().replace(/\s+/g, ' ').toLowerCase() === `## ${heading.toLowerCase()}`);

/** The text under `## heading` in a case body, up to the next `##` heading; undefined without that heading. */
export function bodySection(body: string, heading: string): string | undefined {
  const lines = body.replace(/\r\n/g, '\n').split('\n');
  const start = headingLine(lines, heading);
  if (start < 0) return undefined;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => /^##\s/.test(l.trim()));
  return (end < 0 ? rest : rest.slice(0, end)).join('\n').trim();
}

/**
 * The part of a case body under its `## Klacht` heading (up to the next `##` heading): the complaint as
 * recorded, without the organizer's notes. The whole body when it has no such heading.
 */
export function complaintSection(body: string): string {
  return bodySection(body, COMPLAINT_HEADING) ?? body.trim();
}

/** The complaint as confirmed to the complainant (the `## Klacht zoals bevestigd` section), or '' when not written yet. */
export function confirmedComplaintSection(body: string): string {
  return bodySection(body, CONFIRMED_HEADING) ?? '';
}
