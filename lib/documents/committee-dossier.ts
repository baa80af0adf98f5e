import type { CaseRecord } from '../cases/case-file.ts';
import { documentPage } from './html.ts';
import type { LetterResult } from './response-letter.ts';
import { vocabulary } from '../vocabulary/index.ts';

/** The part between `<body>` and `</body>` of a page {@link documentPage} made. */
export const pageBody = (html: string): string => html.slice(html.indexOf('<body>') + 6, html.lastIndexOf('</body>')).trim();

/**
 * The dossier for the complaints committee (art. 4.7): one document with the registration form (all facts
 * and the steps with their dates), the response letter and the escalation letter, each from a new page.
 * Needs a complete response and the escalation; else returns what is missing.
 */
export function committeeDossierHtml(record: CaseRecord, form: string, response: LetterResult, escalation: LetterResult): LetterResult {
  const missing = [...(response.ok ? [] : response.missing), ...(escalation.ok ? [] : escalation.missing)];
  if (!response.ok || !escalation.ok) return { ok: false, missing: [...new Set(missing)] };
  const c = record.data;
  const titles = vocabulary('nl').document;
  const cover = `<h1>${titles['dossier-klachtencommissie']}</h1>
<p>Klacht ${c.id} · art. 4.7 van de klachtenregeling · vertrouwelijk (art. 4.4)</p>
<ol>
<li>${titles.registratieformulier}, met de behandelstappen en hun data (art. 1.5, 4.5, 5.1–5.3)</li>
<li>Antwoordbrief: de schriftelijke afhandeling (art. 4.6, 5.5)</li>
<li>Brief over het voorleggen aan de klachtencommissie (art. 4.7)</li>
</ol>`;
  const parts = [cover, pageBody(form), pageBody(response.html), pageBody(escalation.html)];
  return {
    ok: true,
    html: documentPage(
      `Dossier klachtencommissie ${c.id}`,
      parts.map((p, i) => (i === 0 ? p : `<section class="next-page">\n${p}\n</section>`)).join('\n'),
    ),
  };
}
