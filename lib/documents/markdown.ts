import { micromark } from 'micromark';

/**
 * The Markdown of a case file's body as HTML (CommonMark, by micromark: the renderer Astro's own Markdown
 * stack uses). Raw HTML in the text is shown as text, never run: `allowDangerousHtml` stays off.
 * @example markdownHtml('## Klacht\n\nTe laat.') === '<h2>Klacht</h2>\n<p>Te laat.</p>'
 */
export function markdownHtml(markdown: string): string {
  return micromark(markdown);
}

/**
 * The part of a case body under its `## Klacht` heading (up to the next `##` heading): the complaint as
 * recorded, without the organizer's notes. The whole body when it has no such heading.
 */
export function complaintSection(body: string): string {
  const lines = body.replace(/\r\n/g, '\n').split('\n');
  const start = lines.findIndex((l) => /^##\s+klacht\b/i.test(l.trim()));
  if (start < 0) return body.trim();
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => /^##\s/.test(l.trim()));
  return (end < 0 ? rest : rest.slice(0, end)).join('\n').trim();
}
