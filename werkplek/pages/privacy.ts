import type { Organization } from '../../schemas/organization.ts';
import type { StoredAttachment } from '../../io/attachments.ts';
import { sizeWords } from '../../lib/cases/attachments.ts';
import type { RetentionAction } from '../../lib/cases/retention-plan.ts';
import { OTHERS_PARTS, OTHERS_PART_WORDS, type AccessSubject, type OthersPart } from '../../lib/cases/subject-access.ts';
import { formatDate, type IsoDate } from '../../lib/dates/iso-date.ts';
import { vocabulary } from '../../lib/vocabulary/index.ts';
import { accessRequest, documentsDirOf } from '../../actions/access-request.ts';
import { retention } from '../../actions/retention.ts';
import { CASE_ID } from '../../schemas/case.ts';
import { HttpError, type Werkplek } from '../context.ts';
import { confirmBox, field, formProblems, hidden, type FormState } from '../form-controls.ts';
import { opt, str } from '../forms/form-values.ts';
import { html, type Html } from '../html.ts';
import { erasureInWords } from '../../lib/cases/erasure-words.ts';
import { historyErasureSection } from './history-erasure.ts';
import { notice, page } from '../layout.ts';
import { pageReply, type Reply, type Request } from '../reply.ts';
import { dateHtml as d } from './dates.ts';
import { commitWords } from './saved-words.ts';

/** The words the page shows (lib/vocabulary). */
const nl = vocabulary('nl');
/** What the Privacyverzoeken page shows: the forms, and the answer to the last one. */
export interface PrivacyView {
  org: Organization;
  today: IsoDate;
  /**
   * The access request's form (email or name) and, once searched, the cases found and, per case where the person
   * is the representative, what it holds about someone else (AVG art. 15(4)), for the organizer to leave out.
   */
  access: FormState & {
    found?: readonly string[];
    others?: Readonly<Record<string, readonly OthersPart[]>>;
    choose?: boolean;
    /** The files kept with the cases found, to download and send along. */
    attachments?: readonly { id: string; files: readonly StoredAttachment[] }[];
  };
  /** The erasure request's form (case id) and, after the dry run, what would be removed. */
  erasure: FormState & { plan?: RetentionAction; words?: string[]; error?: string };
  notice?: Html;
  /** After an erasure: what happened to the history, and what we cannot reach (or that it still runs). */
  history?: Html | '';
  /** Reload the page while the history is being rewritten in the background. */
  refresh?: number;
}

const emptyView = (app: Werkplek): PrivacyView => {
  const ctx = app.context();
  const running = app.sharing.erasureRunning;
  return {
    org: ctx.org,
    today: ctx.today,
    access: { values: {}, errors: {} },
    erasure: { values: {}, errors: {} },
    history: historyErasureSection({ run: app.sharing.lastErasure, running, today: ctx.today }),
    ...(running ? { refresh: 3 } : {}),
  };
};

/** GET /privacy. */
export function showPrivacy(app: Werkplek): Reply {
  return pageReply(privacyPage(emptyView(app)));
}

/**
 * POST /privacy: inzage (AVG art. 15, the same export as `npm run inzage`) and erasure on request (AVG art. 17,
 * as `npm run retention -- --case K-… --now`), a dry run first, applied only after an explicit confirmation.
 * The person's name or address travels in a POST only: never in an address, the history or the log.
 */
export function postPrivacy(app: Werkplek, req: Request): Promise<Reply> {
  const action = str(req.values, 'actie');
  if (action.startsWith('inzage')) return access(app, action, req.values);
  if (action === 'verwijderen-proef' || action === 'verwijderen') return app.serial(() => erasure(app, action, req.values));
  throw new HttpError(400, 'Onbekende handeling.');
}

async function access(app: Werkplek, action: string, raw: Request['values']): Promise<Reply> {
  const view = emptyView(app);
  const show = (status = 200) => pageReply(privacyPage(view), status);
  view.access.values = { email: str(raw, 'email'), naam: str(raw, 'naam') };
  const email = opt(raw, 'email')?.trim();
  const name = opt(raw, 'naam')?.trim();
  if (!email === !name) {
    view.access.errors = email
      ? { naam: ['vul óf het e-mailadres óf de naam in, niet allebei'] }
      : { email: ['vul het e-mailadres in, bijv. naam@example.org, of de volledige naam'] };
    return show(422);
  }
  const subject: AccessSubject = email ? { email } : { name: name! };
  // art. 15(4): what the organizer leaves out of a representative's cases; chosen on the form (checked: left out)
  const chosen = str(raw, 'weglaten-gekozen') === 'ja';
  const leaveOut = OTHERS_PARTS.filter((p) => str(raw, `weglaten-${p}`) === 'ja');
  const r = await accessRequest(app.workspace(), subject, { documentsDir: documentsDirOf(app.o.config), leaveOut });
  if (r.kind === 'invalid-cases') {
    view.notice = notice(
      `${r.errorCount} fout(en) in dossiers die niet kunnen worden gelezen: herstel ze eerst (het overzicht noemt ze), zodat niets wordt gemist.`,
      'fout',
    );
    return show(422);
  }
  view.access.found = r.records.map((x) => x.data.id);
  view.access.attachments = r.attachments;
  view.access.others = r.others;
  if (action === 'inzage-zoeken' || r.records.length === 0) return show();
  if (!chosen && Object.values(r.others).some((parts) => parts.length > 0)) {
    // a representative's export is made only after the choice was shown (art. 15(4)), never by default
    view.access.choose = true;
    return show(422);
  }
  if (action === 'inzage-json')
    return {
      kind: 'file',
      body: `${JSON.stringify(r.export, null, 2)}\n`,
      type: 'application/json; charset=utf-8',
      filename: `${r.name}.json`,
    };
  if (action === 'inzage-pdf') return { kind: 'file', body: await app.pdf(r.html), type: 'application/pdf', filename: `${r.name}.pdf` };
  throw new HttpError(400, 'Onbekende handeling.');
}

async function erasure(app: Werkplek, action: string, raw: Request['values']): Promise<Reply> {
  const view = emptyView(app);
  const show = (status = 200) => pageReply(privacyPage(view), status);
  const id = str(raw, 'dossier').trim().toUpperCase();
  view.erasure.values = { dossier: id };
  if (!CASE_ID.test(id)) {
    view.erasure.errors = { dossier: [`vul een dossiernummer in zoals K-2026-003${id ? `, niet "${id}"` : ''}`] };
    return show(422);
  }
  const apply = action === 'verwijderen' && str(raw, 'bevestig') === 'ja';
  const r = await retention(app.workspace(), { caseId: id, apply });
  if (r.kind === 'invalid-cases') {
    view.notice = notice(
      `${r.errorCount} fout(en) in dossiers die niet kunnen worden gelezen: herstel ze eerst (het overzicht noemt ze), zodat niets wordt gemist.`,
      'fout',
    );
    return show(422);
  }
  if (r.kind === 'refused') {
    // art. 17 only for a closed case: the message says what to do first
    view.erasure.errors = {
      dossier: [
        / is nog open/.test(r.error.message)
          ? `dossier ${id} is nog open; sluit het eerst af (in het dossier: "Afsluiten" of "Klacht ingetrokken") en verwijder dan de persoonsgegevens`
          : r.error.message,
      ],
    };
    return show(422);
  }
  if (r.plan.length === 0) {
    view.notice = notice(`${id} is al geanonimiseerd: er zijn geen persoonsgegevens meer te verwijderen.`);
    return show();
  }
  const a = r.plan[0]!;
  if (r.kind === 'planned') {
    view.erasure.plan = a;
    view.erasure.words = erasureInWords(a, r.reach.get(a.id), vocabulary('nl'));
    if (action === 'verwijderen-proef') return show();
    view.erasure.error = 'Vink eerst aan dat u het verwijderen bevestigt. Er is niets veranderd.';
    return show(422);
  }
  app.index.changed();
  // the history, the shared remote and the prune run in the background (io/sharing.ts); the page says when done
  r.history.catch(() => undefined);
  const after = emptyView(app);
  after.notice = notice(
    `${a.id}: persoonsgegevens verwijderd op verzoek van de betrokkene (AVG art. 17). ${commitWords(r.commits[0]!)}\nDe eerdere versies worden nu ook uit de geschiedenis verwijderd, hier en op de gedeelde opslag; deze pagina zegt wanneer dat klaar is.`,
  );
  return pageReply(privacyPage(after));
}

/** Privacyverzoeken: access (AVG art. 15) as PDF/JSON, and erasure on request (AVG art. 17) after a dry run and a confirmation. */
export function privacyPage(v: PrivacyView): Html {
  return page({
    title: 'Privacyverzoeken',
    article: `Inzage en verwijderen op verzoek van de klager (AVG art. 15 en 17; vertrouwelijkheid art. 4.4). Verwerkingsverantwoordelijke: ${v.org.organization.name}. Stand op ${formatDate(v.today)}.`,
    current: '/privacy',
    notice: v.notice,
    ...(v.refresh ? { refresh: v.refresh } : {}),
    body: [v.history ?? '', accessSection(v), erasureSection(v)],
  });
}

/** The choice of art. 15(4): per part that concerns someone else, where it is and a box to leave it out (checked). */
function othersChoice(others: Readonly<Record<string, readonly OthersPart[]>>, mustChoose: boolean): Html | '' {
  const parts = OTHERS_PARTS.filter((p) => Object.values(others).some((list) => list.includes(p)));
  if (parts.length === 0) return '';
  const where = (p: OthersPart) =>
    Object.entries(others)
      .filter(([, list]) => list.includes(p))
      .map(([id]) => id);
  const cases = Object.entries(others)
    .filter(([, list]) => list.length > 0)
    .map(([id]) => id);
  return html`<fieldset class="veld weglaten">
    <legend>Gegevens van een ander (AVG art. 15 lid 4)</legend>
    <p>
      In ${cases.join(', ')} is de persoon vertegenwoordiger: ${cases.length === 1 ? 'dat dossier bevat' : 'die dossiers bevatten'} ook gegevens van de cliënt. Vink aan wat u weglaat. Laat
      het alleen staan als de persoon het mag zien, bijvoorbeeld als wettelijk vertegenwoordiger of met toestemming van de cliënt.
    </p>
    ${mustChoose && html`<p class="fout" role="alert">Kies eerst wat u weglaat; er is nog niets gemaakt.</p>`}
    ${hidden('weglaten-gekozen', 'ja')}
    ${parts.map(
      (p) => html`<div class="vinkje">
        <input type="checkbox" id="inz-weglaten-${p}" name="weglaten-${p}" value="ja" checked /><label for="inz-weglaten-${p}"
          >${OTHERS_PART_WORDS[p]} weglaten (${where(p).join(', ')})</label
        >
      </div>`,
    )}
  </fieldset>`;
}

function accessSection(v: PrivacyView): Html {
  const a = v.access;
  const subject = ['email', 'naam'].map((k) => hidden(k, typeof a.values[k] === 'string' ? (a.values[k] as string) : ''));
  const found =
    a.found === undefined
      ? ''
      : a.found.length === 0
        ? html`<p role="status">
            Geen dossier gevonden. Er is niets gemaakt. Laat de persoon weten dat het klachtenregister geen gegevens van hem of haar bevat.
          </p>`
        : html`<div role="status">
              <p>
                ${a.found.length} dossier(s) gevonden: ${a.found.map((id, i) => html`${i > 0 && ', '}<a href="/dossier/${id}">${id}</a>`)}.
              </p>
              <p>
                Download de export en stuur hem aan de persoon (binnen een maand, art. 12 AVG). Bewaar hem niet elders en zet hem niet in
                de dossiermap.
              </p>
              ${
                a.attachments?.length
                  ? html`<p>Stuur ook de bijlagen mee; de export noemt ze:</p>
                    <ul class="bijlagen">
                      ${a.attachments.flatMap(({ id, files }) =>
                        files.map(
                          (f) =>
                            html`<li>${id}: <a href="/dossier/${id}/bijlage/${f.key}" download="${f.name}">${f.name}</a> (${sizeWords(f.size)})</li>`,
                        ),
                      )}
                    </ul>`
                  : ''
              }
            </div>
            <form method="post" action="/privacy">
              ${subject}${othersChoice(a.others ?? {}, a.choose === true)}
              <p>
                <button type="submit" name="actie" value="inzage-pdf">Inzage als PDF downloaden</button>
                <button type="submit" name="actie" value="inzage-json" class="secundair">Inzage als JSON downloaden</button>
              </p>
            </form>`;
  return html`<h2>Inzage (AVG art. 15)</h2>
    <p>
      Zoek alle dossiers waarin iemand klager of vertegenwoordiger is (hoofdletters maken niet uit; een naam moet volledig zijn). De export
      bevat alles wat over de persoon is vastgelegd, met alles wat artikel 15 AVG vraagt: waarom, welke gegevens, wie ze ontvangt, hoe lang,
      waar ze vandaan komen en de rechten van de persoon.
    </p>
    <form method="post" action="/privacy">
      ${hidden('actie', 'inzage-zoeken')}${formProblems(a, ['email', 'naam'], 'inzage-meldingen')}
      ${field(a, 'email', 'E-mailadres van de persoon', { type: 'email', autocomplete: 'off', prefix: 'inz-' })}
      ${field(a, 'naam', 'Of: volledige naam, zoals in het dossier', { autocomplete: 'off', prefix: 'inz-' })}
      <button type="submit">Dossiers zoeken</button>
    </form>
    ${found}`;
}

function erasureSection(v: PrivacyView): Html {
  const e = v.erasure;
  const plan = e.plan;
  const dryRun =
    plan &&
    html`<div role="status">
        <p>
          Er is nog niets veranderd: u ziet eerst wat er zou gebeuren. Uit <a href="/dossier/${plan.id}">${plan.id}</a> (afgesloten ${d(plan.closed_on)}) wordt
          verwijderd:
        </p>
        <ul>
          ${(e.words ?? []).map((w) => html`<li>${w}</li>`)}
        </ul>
        <p>
          Datums, begeleider, categorieën, oorzaken, de stappen (zonder notities), tevredenheid en verbeteracties blijven, zodat het rapport
          de klacht blijft tellen. In het dossier komt te staan: "${vocabulary('nl').erasure.note(v.today, 'request')}"
        </p>
      </div>
      <form method="post" action="/privacy">
        ${hidden('actie', 'verwijderen')}${hidden('dossier', plan.id)}
        ${confirmBox('verw-bevestig', html`Ik begrijp dat deze persoonsgegevens definitief uit ${plan.id} worden verwijderd.`, e.error)}
        <p><button type="submit">Persoonsgegevens van ${plan.id} verwijderen</button></p>
      </form>`;
  return html`<h2>Verwijderen op verzoek (AVG art. 17)</h2>
    <p>
      Verwijdert nu de persoonsgegevens uit één afgesloten dossier, precies zoals de bewaartermijn dat later zou doen. Een open klacht sluit
      u eerst af (of legt de intrekking vast). U ziet eerst wat er verwijderd wordt.
    </p>
    <form method="post" action="/privacy">
      ${hidden('actie', 'verwijderen-proef')}${formProblems(e, ['dossier'], 'verwijderen-meldingen')}
      ${field(e, 'dossier', 'Dossiernummer', { hint: 'bijv. K-2026-003', prefix: 'verw-' })}
      <button type="submit">Tonen wat er verwijderd wordt</button>
    </form>
    ${dryRun}`;
}
