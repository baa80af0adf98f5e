import { ATTACHMENT_MAX_WORDS, sizeWords } from '../../lib/cases/attachments.ts';
import { vocabulary } from '../../lib/vocabulary/index.ts';
import { addAttachments } from '../../actions/attachments.ts';
import { caseFileOf } from '../../actions/workspace.ts';
import { listAttachments, readAttachment, type StoredAttachment } from '../../io/attachments.ts';
import { CASE_ID } from '../../schemas/case.ts';
import { HttpError, type Werkplek } from '../context.ts';
import { html, type Html } from '../html.ts';
import { notice } from '../layout.ts';
import { redirect, type Reply, type Request } from '../reply.ts';
import { commitWords, writeFailedWords } from './saved-words.ts';
import { dossierReply } from './dossier.ts';

const nl = vocabulary('nl');

/** The attachments of case `id` (none when it has no file). */
export function attachmentsOf(app: Werkplek, id: string): StoredAttachment[] {
  const file = CASE_ID.test(id) ? caseFileOf(app.o.cases, id) : undefined;
  return file ? listAttachments(file) : [];
}

/** The Dossier's Bijlagen: each file to download, and a form to add one (not once the personal data is removed). */
export function attachmentsSection(id: string, list: readonly StoredAttachment[], anonymized: boolean): Html {
  const items = list.map(
    (a) =>
      html`<li><a href="/dossier/${id}/bijlage/${a.key}" download="${a.name}">${a.name}</a> <span class="hint">(${sizeWords(a.size)})</span></li>`,
  );
  return html`<h2 id="bijlagen">${nl.attachment.heading}</h2>
    ${list.length ? html`<ul class="bijlagen">${items}</ul>` : html`<p>Er zijn geen bijlagen.</p>`}
    ${
      anonymized
        ? ''
        : html`<form method="post" action="/dossier/${id}/bijlagen" enctype="multipart/form-data" class="bijlage-toevoegen">
          <div class="veld">
            <label for="f-bijlage-nieuw">Bijlage toevoegen</label>
            <p class="hint" id="f-bijlage-nieuw-hint">
              Bijvoorbeeld de factuur of een foto waar de klacht over gaat. Hoogstens ${ATTACHMENT_MAX_WORDS} per bestand.
            </p>
            <input type="file" id="f-bijlage-nieuw" name="bijlage" aria-describedby="f-bijlage-nieuw-hint" />
          </div>
          <button type="submit" class="secundair">Bijlage toevoegen</button>
        </form>`
    }
    <p class="hint">Bijlagen bevatten persoonsgegevens: ze staan bij het dossier en gaan mee in de inzage en naar de klachtencommissie.</p>`;
}

/** GET /dossier/ID/bijlage/KEY: the file, as a download (never shown in the werkplek's own pages). */
export function showAttachment(app: Werkplek, req: Request): Reply {
  const [id, key] = req.params as [string, string];
  const file = CASE_ID.test(id) ? caseFileOf(app.o.cases, id) : undefined;
  const found = file && readAttachment(file, key);
  if (!found) throw new HttpError(404, `Deze bijlage bestaat niet (meer) bij dossier ${CASE_ID.test(id) ? id : ''}.`);
  return { kind: 'file', body: found.bytes, type: found.type, filename: found.name };
}

/** POST /dossier/ID/bijlagen: keep an uploaded file with the case, through the action layer (one commit). */
export function postAttachment(app: Werkplek, req: Request): Promise<Reply> {
  const id = req.params[0]!;
  return app.serial(async () => {
    const file = req.files.bijlage;
    if (!file || file.size === 0) return dossierReply(app, id, { notice: notice('Kies eerst een bestand.', 'fout'), status: 422 });
    const r = await addAttachments(app.workspace(), id, [{ name: file.name, type: file.type, bytes: await file.bytes() }]);
    switch (r.kind) {
      case 'not-found':
        throw new HttpError(404, `Er is geen dossier ${CASE_ID.test(id) ? id : ''}.`);
      case 'too-large':
        return dossierReply(app, id, { notice: notice(`${r.messages.join(' ')} Er is niets opgeslagen.`, 'fout'), status: 413 });
      case 'write-failed':
        return dossierReply(app, id, { notice: notice(writeFailedWords(r.code), 'fout'), status: 507 });
      case 'saved':
        return redirect(
          `/dossier/${id}?melding=${app.flash(`${id}: bijlage bewaard bij het dossier (art. 4.5). ${commitWords(r.commit)}`)}#bijlagen`,
        );
    }
  });
}
