import type { CaseRecord } from '../cases/case-file.ts';
import { sizeWords, type AttachmentInfo } from '../cases/attachments.ts';
import { formatDate, type IsoDate } from '../dates/iso-date.ts';
import { documentPage, escapeHtml } from './html.ts';
import type { LetterResult } from './response-letter.ts';
import { vocabulary } from '../vocabulary/index.ts';

/** The part between `<body>` and `</body>` of a page {@link documentPage} made. */
export const pageBody = (html: string): string => html.slice(html.indexOf('<body>') + 6, html.lastIndexOf('</body>')).trim();

/** A letter the complainant received before the escalation, made again for the dossier. */
export interface EarlierLetter {
  title: string;
  /** The date it was sent, as the case records it. */
  sent: IsoDate;
  letter: LetterResult;
}

/**
 * The dossier for the complaints committee (art. 4.7): one document with the registration form (all facts
 * and the steps with their dates) and every letter the complainant received (the acknowledgement and the
 * oral complaint's confirmation when the case records them as sent, the response letter and the escalation
 * letter), each from a new page. A letter recorded as sent that cannot be made again is named on the cover
 * with what it lacks, never silently left out. The files kept with the case (`attachments`) are listed on the cover;
 * they go along as files. Needs a complete response and the escalation; else returns what is missing.
 */
export function committeeDossierHtml(
  record: CaseRecord,
  form: string,
  response: LetterResult,
  escalation: LetterResult,
  earlier: readonly EarlierLetter[] = [],
  attachments: readonly AttachmentInfo[] = [],
): LetterResult {
  const missing = [...(response.ok ? [] : response.missing), ...(escalation.ok ? [] : escalation.missing)];
  if (!response.ok || !escalation.ok) return { ok: false, missing: [...new Set(missing)] };
  const c = record.data;
  const item = (title: string, date: IsoDate | undefined, absent?: string[]) =>
    `<li>${escapeHtml(title)}${date ? `, verstuurd op ${escapeHtml(formatDate(date))}` : ''}${
      absent
        ? ` <strong>(niet opnieuw te maken: ${escapeHtml(absent.join('; '))}; voeg een kopie van de verstuurde brief toe)</strong>`
        : ''
    }</li>`;
  const titles = vocabulary('nl').document;
  const cover = `<h1>${titles['dossier-klachtencommissie']}</h1>
<p>Klacht ${escapeHtml(c.id)} · art. 4.7 van de klachtenregeling · vertrouwelijk (art. 4.4)</p>
<p>Dit dossier bevat persoonsgegevens van de klager. Het gaat alleen naar de klachtencommissie.</p>
<ol>
<li>${titles.registratieformulier}, met de behandelstappen en hun data (art. 1.5, 4.5, 5.1–5.3)</li>
${earlier.map((e) => item(e.title, e.sent, e.letter.ok ? undefined : e.letter.missing)).join('\n')}
${item(`${titles.antwoordbrief} (art. 4.6, 5.5)`, c.response?.date)}
${item(`${titles.escalatiebrief} (art. 4.7)`, c.escalation?.date)}
</ol>
${
  attachments.length
    ? `<h2>${escapeHtml(vocabulary('nl').attachment.heading)} (art. 4.5)</h2>
<p>Deze bestanden horen bij de klacht en gaan als losse bestanden mee met dit dossier:</p>
<ul>
${attachments.map((a) => `<li>${escapeHtml(a.name)} (${escapeHtml(sizeWords(a.size))})</li>`).join('\n')}
</ul>`
    : ''
}`;
  const letters = [...earlier.flatMap((e) => (e.letter.ok ? [e.letter.html] : [])), response.html, escalation.html];
  const parts = [cover, pageBody(form), ...letters.map(pageBody)];
  return {
    ok: true,
    html: documentPage(
      `Dossier klachtencommissie ${c.id}`,
      parts.map((p, i) => (i === 0 ? p : `<section class="next-page">\n${p}\n</section>`)).join('\n'),
    ),
  };
}
