import { DOCUMENT_KINDS } from '../../lib/documents/kinds.ts';
import type { Werkplek } from '../context.ts';
import { raw } from '../html.ts';
import { missingInWerkplek } from '../labels.ts';
import { notFoundPage } from '../layout.ts';
import { pageReply, type Reply, type Request } from '../reply.ts';
import { readCase } from './dossier.ts';

/**
 * GET /dossier/ID/document/KIND[.pdf]: a letter or form of the case, as HTML (a preview) or an A4 PDF, or the
 * Dutch list of what the case still lacks. Never writes.
 */
export async function showDocument(app: Werkplek, req: Request): Promise<Reply> {
  const [id, key, pdf] = req.params as [string, string, string | undefined];
  const ctx = app.context();
  const kind = DOCUMENT_KINDS.find((k) => k.key === key);
  const record = kind && readCase(app, id, ctx)?.check.record;
  if (!kind || !record) return pageReply(notFoundPage('Dit document bestaat niet.'), 404);
  const made = app.makeDocument(kind, record, ctx);
  if (!made.ok)
    return pageReply(
      notFoundPage(
        `Dit document kan nog niet worden gemaakt. Vul eerst in het dossier in: ${made.missing.map(missingInWerkplek).join('; ')}.`,
      ),
      422,
    );
  if (pdf) return { kind: 'file', body: await app.pdf(made.html), type: 'application/pdf', filename: `${id}-${key}.pdf` };
  // the letter's own HTML, made by lib/documents from escaped values (a document, not a werkplek page)
  return pageReply(raw(made.html));
}
