import { micromark } from 'micromark';

/**
 * The Markdown of a case file's body as HTML (CommonMark, by micromark: the renderer Astro's own Markdown
 * stack uses). Raw HTML in the text is shown as text, never run: `allowDangerousHtml` stays off. A single
 * line break stays in the output as a newline; the documents' style (`.markdown p { white-space: pre-line }`)
 * shows it, so a pasted e-mail keeps its lines.
 * @example markdownHtml('## Klacht\n\nTe laat.') === '<h2>Klacht</h2>\n<p>Te laat.</p>'
 */
export function markdownHtml(markdown: string): string {
  return micromark(markdown);
}

export { complaintSection, confirmedComplaintSection } from '../cases/body.ts';
