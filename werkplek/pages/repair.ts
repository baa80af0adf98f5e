import type { Problem } from '../../lib/problems/problems.ts';
import { vocabulary } from '../../lib/vocabulary/index.ts';
import { repairCase } from '../../actions/repair-case.ts';
import { textHash } from '../../io/case-write.ts';
import type { Werkplek } from '../context.ts';
import { errorSummary, field, hidden, SUMMARY_ID, type FormState } from '../form-controls.ts';
import { str } from '../forms/form-values.ts';
import { html, type Html } from '../html.ts';
import { notFoundPage, notice, page } from '../layout.ts';
import { pageReply, redirect, type Reply, type Request } from '../reply.ts';
import { readCase, repairAddress } from './dossier.ts';
import { commitWords, writeFailedWords } from './saved-words.ts';

/** The words the page shows (lib/vocabulary). */
const nl = vocabulary('nl');
/** The case file's fields in the organizer's words. */
const FIELD_NL: Readonly<Record<string, string>> = nl.field;
/** What the values of a field with a fixed list mean, for a problem with such a field (status open, in words). */
const MEANINGS: Readonly<Record<string, Readonly<Record<string, string>>>> = { status: nl.status, channel: nl.channel };

/** GET /dossier/ID/herstellen: a dossier that cannot be read, with what is wrong per line and its text to repair. */
export function showRepair(app: Werkplek, req: Request): Reply {
  const id = req.params[0]!;
  const found = readCase(app, id, app.context());
  if (!found) return pageReply(notFoundPage(`Er is geen dossier ${id}.`), 404);
  if (found.check.record) return redirect(`/dossier/${id}`);
  const problems = found.check.problems.filter((p) => p.severity === 'error');
  return pageReply(repairPage({ id, text: found.text, hash: textHash(found.text), problems, notice: app.takeFlash(req.url) }));
}

/** POST /dossier/ID/herstellen: the repaired text, checked before it is saved; refused, it stays on the page. */
export function postRepair(app: Werkplek, req: Request): Promise<Reply> {
  return app.serial(async () => {
    const id = req.params[0]!;
    const text = str(req.values, 'tekst');
    const hash = str(req.values, 'hash');
    const ctx = app.context();
    const again = (problems: readonly Problem[], message?: string, status = 422) =>
      pageReply(repairPage({ id, text, hash, problems, refused: true, notice: message ? notice(message, 'fout') : undefined }), status);
    const r = await repairCase(app.workspace(ctx), id, text, { expectedHash: hash });
    switch (r.kind) {
      case 'not-found':
        return pageReply(notFoundPage(`Er is geen dossier ${id}.`), 404);
      case 'stale':
        return again(
          [],
          'Het dossier is intussen gewijzigd (in een ander venster, of door Synchroniseren). Er is niets opgeslagen. Uw tekst staat hieronder nog; open de pagina opnieuw om de nieuwste versie te zien.',
          409,
        );
      case 'unchanged': {
        const found = readCase(app, id, ctx);
        if (found?.check.record) return redirect(`/dossier/${id}`);
        return again(
          found?.check.problems.filter((p) => p.severity === 'error') ?? [],
          'U hebt nog niets gewijzigd: het dossier klopt nog niet.',
        );
      }
      case 'refused':
        return again(r.problems);
      case 'write-failed':
        return again([], writeFailedWords(r.code), 507);
      case 'saved':
        app.index.saved(r.path);
        return redirect(`/dossier/${id}?melding=${app.flash(`${id}: hersteld. ${commitWords(r.commit)}`)}`);
    }
  });
}

/** A problem of the file in words: its line, the field as the forms name it, and the validator's explanation. */
function problemWords(p: Problem, lines: readonly string[]): string {
  const key = p.field.replace(/\.\d+(?=\.|$)/g, '');
  const label = p.field.startsWith('(') ? undefined : (FIELD_NL[key] ?? p.field);
  const quoted = lines[p.line - 1]?.trim();
  const meaning =
    MEANINGS[key] &&
    ` (${Object.entries(MEANINGS[key])
      .map(([k, w]) => `${k}: ${w}`)
      .join('; ')})`;
  return `Regel ${p.line}${quoted ? ` ("${quoted.length > 60 ? `${quoted.slice(0, 60)}…` : quoted}")` : ''}${label ? `, ${label}` : ''}: ${p.message}${meaning ?? ''}`;
}

/** The repair page: what is wrong per line, the dossier's text in an editing field, and one button that checks and saves. */
export function repairPage(o: {
  id: string;
  text: string;
  hash: string;
  problems: readonly Problem[];
  /** The text was sent and is still not right: the problems are of the text she sent, listed on top. */
  refused?: boolean;
  notice?: Html | string;
}): Html {
  const lines = o.text.split('\n');
  const said = o.problems.map((p) => problemWords(p, lines));
  const state: FormState = { values: { tekst: o.text }, errors: o.refused && said.length ? { tekst: said } : {} };
  const form = html`<form method="post" action="${repairAddress(o.id)}#${SUMMARY_ID}">
    ${hidden('hash', o.hash)}
    ${field(state, 'tekst', 'De tekst van het dossier', { type: 'textarea', rows: Math.min(40, Math.max(12, lines.length + 2)), code: true, hint: 'Pas alleen aan wat hierboven genoemd wordt. Velden heten hier zoals in het dossier zelf (bijv. received voor "Ontvangen op"); een datum schrijft u als jaar-maand-dag, bijv. 2026-11-24.' })}
    <button type="submit">Controleren en opslaan</button>
  </form>`;
  return page({
    title: `Dossier ${o.id} herstellen`,
    article: '',
    current: '',
    errors: errorSummary(state),
    notice: o.notice,
    body: html`<p>
        Dit dossier kan niet worden gelezen, daarom staat het niet in het overzicht. Hieronder staat wat er niet klopt en de tekst
        van het dossier. Herstel de tekst en klik op <strong>Controleren en opslaan</strong>: de werkplek controleert eerst of alles
        klopt. Zolang dat niet zo is, wordt niets opgeslagen en blijft uw tekst staan.
      </p>
      ${
        !o.refused &&
        said.length > 0 &&
        html`<h2>Wat er niet klopt</h2>
          <ul class="herstel">
            ${said.map((s) => html`<li><a href="#f-tekst">${s}</a></li>`)}
          </ul>`
      }
      <h2>De tekst</h2>
      ${form}
      <p><a href="/">Terug naar het overzicht</a> (er verandert niets).</p>`,
  });
}
