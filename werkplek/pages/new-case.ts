import type { Organization } from '../../schemas/organization.ts';
import type { IsoDate } from '../../lib/dates/iso-date.ts';
import { registerCase } from '../../actions/register.ts';
import type { Werkplek } from '../context.ts';
import { vocabulary } from '../../lib/vocabulary/index.ts';
import {
  checkboxes,
  errorSummary,
  field,
  formProblems,
  hidden,
  select,
  SUMMARY_ID,
  type FieldErrors,
  type FormState,
} from '../form-controls.ts';
import { errorsByField, list, readDates, str } from '../forms/form-values.ts';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_WORDS, sizeWords, tooLargeWords } from '../../lib/cases/attachments.ts';
import type { NewAttachment } from '../../actions/attachments.ts';
import { newCaseDraft, newCaseFieldOf } from '../forms/new-case-form.ts';
import { html, type Html } from '../html.ts';
import { notice, page, why } from '../layout.ts';
import { mailValues, offeredWords } from '../mail-intake.ts';
import type { StagedMail } from '../intake-store.ts';
import { pageReply, redirect, type Reply, type Request } from '../reply.ts';
import { commitWords, writeFailedWords } from './saved-words.ts';

/** The words the page shows (lib/vocabulary). */
const nl = vocabulary('nl');

/** The registration form's fields, in order (names are frontmatter paths; `klacht` is the Markdown body). */
export const NEW_CASE_FIELDS = [
  'organizer',
  'received',
  'channel',
  'written_confirmation',
  'assignment_completed',
  'client_informed',
  'complainant.name',
  'complainant.email',
  'complainant.phone',
  'complainant.address',
  'complainant.representative.name',
  'complainant.representative.relation',
  'complainant.representative.email',
  'complainant.representative.phone',
  'complainant.representative.address',
  'categories',
  'klacht',
] as const;

/** GET /nieuw: the empty registration form. */
export function showNewCase(app: Werkplek): Reply {
  const ctx = app.context();
  return pageReply(newCasePage({ org: ctx.org, state: { values: {}, errors: {} }, today: ctx.today }));
}

/** POST /nieuw: register the complaint, or read a dropped e-mail into the form. */
export async function postNewCase(app: Werkplek, req: Request): Promise<Reply> {
  if (str(req.values, 'actie') === 'eml') return intake(app, req.files.eml);
  return app.serial(() => register(app, req.values));
}

const NOT_REGISTERED = 'Niet geregistreerd: controleer de velden met een melding. Er is niets opgeslagen.';

/** Register a new case (art. 1.5, 4.5) through the action layer; a refusal shows the form again with what she typed. */
async function register(app: Werkplek, raw: Request['values']): Promise<Reply> {
  const ctx = app.context();
  const key = str(raw, 'mail');
  const staged = key ? app.intakes.peek(key) : undefined;
  const offer = staged && { key, mail: staged };
  const refuse = (errors: FieldErrors, message: string, status = 422) =>
    pageReply(
      newCasePage({ org: ctx.org, state: { values: raw, errors }, today: ctx.today, notice: notice(message, 'fout'), offer }),
      status,
    );
  const dates = readDates(raw);
  if (Object.keys(dates.errors).length) return refuse(dates.errors, NOT_REGISTERED);
  const year = Number(str(dates.values, 'received').slice(0, 4)) || Number(ctx.today.slice(0, 4));
  app.index.changed();
  const r = await registerCase(app.workspace(ctx), newCaseDraft(dates.values, ctx.org), {
    year,
    attachments: staged ? chosenAttachments(staged, raw) : [],
  });
  app.index.changed();
  switch (r.kind) {
    case 'refused':
      return refuse(errorsByField(r.problems, newCaseFieldOf), NOT_REGISTERED);
    case 'write-failed':
      return refuse({}, writeFailedWords(r.code), 507);
    case 'taken':
      return refuse({}, `Nummer ${r.id} bestaat al. Er is niets opgeslagen; probeer het opnieuw.`);
    case 'registered': {
      // the number is taken by the background push; if another computer took it first, the sharing renumbers
      // this case and the Overzicht and the Dossier say so
      const said = commitWords(r.commit);
      if (key) app.intakes.take(key);
      const kept = r.attachments.length
        ? ` ${r.attachments.length === 1 ? '1 bijlage' : `${r.attachments.length} bijlagen`} bewaard bij het dossier.`
        : '';
      const lost =
        key && !staged
          ? ' De bijlagen van de e-mail waren niet meer beschikbaar (de werkplek is intussen opnieuw gestart, of het inlezen is langer dan twee uur geleden): voeg ze toe onder Bijlagen.'
          : '';
      const problem = r.attachmentProblem ? ` ${r.attachmentProblem}` : '';
      return redirect(`/dossier/${r.id}?melding=${app.flash(`${r.id}: klacht geregistreerd (art. 4.5).${kept}${lost}${problem} ${said}`)}`);
    }
  }
}

/** E-mail intake (art. 4.1): prefill the form from a dropped .eml; nothing is written. */
async function intake(app: Werkplek, file: File | undefined): Promise<Reply> {
  const ctx = app.context();
  const form = (values: Record<string, string>, message: Html, status = 200) =>
    pageReply(newCasePage({ org: ctx.org, state: { values, errors: {} }, today: ctx.today, notice: message }), status);
  if (!file || file.size === 0) return form({}, notice('Kies eerst een .eml-bestand.', 'fout'), 422);
  const mail = await mailValues(file, ctx.org.time_zone, ctx.today);
  if (!mail.ok) return form({}, notice(mail.message, 'fout'), 422);
  const partial = mail.partial
    ? ' De e-mail is te groot om helemaal te lezen: alleen het begin is gelezen, dus de tekst kan onvolledig zijn en de bijlagen zijn niet overgenomen.'
    : '';
  const staged: StagedMail = {
    attachments: mail.attachments.map((a) => ({ name: a.name, type: a.type, bytes: a.bytes, inline: a.inline, refusal: a.refusal })),
    eml: { name: emlName(file.name), type: 'message/rfc822', bytes: await file.bytes() },
  };
  const offer = { key: app.intakes.put(staged), mail: staged };
  const values = { ...mail.values, bijlage: mail.attachments.flatMap((a, i) => (a.inline || a.refusal ? [] : [String(i)])) };
  const asked = mail.remarks.received ? ' Eén ding kon niet worden ingevuld: zie de ontvangstdatum.' : '';
  const offered = mail.attachments.length ? ' Kies onderaan welke bijlagen bij het dossier worden bewaard.' : '';
  return pageReply(
    newCasePage({
      org: ctx.org,
      state: { values, errors: mail.remarks },
      today: ctx.today,
      offer,
      notice: notice(
        `De gegevens uit de e-mail zijn ingevuld.${partial}${asked}${offered} Controleer ze, vul de rest aan en klik op Klacht registreren.`,
      ),
    }),
  );
}

/** The name the dropped mail is kept under: its own (made safe later), or `e-mail.eml`. */
const emlName = (name: string) => (/\.eml$/i.test(name) ? name : `${name || 'e-mail'}.eml`);

/** The attachments she ticked on the form (by their place in the mail), and the mail itself when she chose to keep it. */
function chosenAttachments(staged: StagedMail, raw: Request['values']): NewAttachment[] {
  const chosen = new Set(list(raw, 'bijlage'));
  return [
    ...staged.attachments.filter((a, i) => chosen.has(String(i)) && !a.refusal),
    ...(str(raw, 'eml-bewaren') === 'ja' ? [staged.eml] : []),
  ];
}

/** The attachments of a read mail on the registration form: tick which to keep (art. 4.5), and whether to keep the mail. */
function offerFields(s: FormState, offer: { key: string; mail: StagedMail }): Html {
  const on = new Set(list(s.values, 'bijlage'));
  const emlTooLarge = offer.mail.eml.bytes.byteLength > ATTACHMENT_MAX_BYTES;
  return html`<fieldset class="veld bijlagen-keuze">
    <legend>Bijlagen uit de e-mail bewaren bij het dossier (art. 4.5)</legend>
    ${hidden('mail', offer.key)}
    <p class="hint" id="bijlagen-hint">
      Elk bestand mag hoogstens ${ATTACHMENT_MAX_WORDS} zijn. Afbeeldingen in de tekst (zoals een logo) staan uit; vink ze aan als ze bij de klacht
      horen.
    </p>
    ${offer.mail.attachments.length ? '' : html`<p>De e-mail heeft geen bijlagen.</p>`}
    ${offer.mail.attachments.map((a, i) =>
      a.refusal
        ? html`<p class="fout">${a.refusal}</p>`
        : html`<div class="vinkje">
            <input type="checkbox" id="f-bijlage-${i}" name="bijlage" value="${String(i)}" ${on.has(String(i)) && 'checked'} /><label
              for="f-bijlage-${i}"
              >${offeredWords({ name: a.name, size: a.bytes.byteLength })}${a.inline ? ' (afbeelding in de tekst)' : ''}</label
            >
          </div>`,
    )}
    ${
      emlTooLarge
        ? html`<p class="hint">${tooLargeWords(offer.mail.eml.name, offer.mail.eml.bytes.byteLength)}</p>`
        : html`<div class="vinkje">
          <input type="checkbox" id="f-eml-bewaren" name="eml-bewaren" value="ja" ${str(s.values, 'eml-bewaren') === 'ja' && 'checked'} /><label
            for="f-eml-bewaren"
            >Bewaar ook de oorspronkelijke e-mail (${offer.mail.eml.name}, ${sizeWords(offer.mail.eml.bytes.byteLength)})</label
          >
        </div>`
    }
  </fieldset>`;
}

/** Nieuwe klacht: the registration form (art. 1.5, 4.5), with e-mail intake (art. 4.1). */
export function newCasePage(o: {
  org: Organization;
  state: FormState;
  today: IsoDate;
  notice?: Html;
  /** A read e-mail's attachments, kept in memory under `key` until the registration. */
  offer?: { key: string; mail: StagedMail };
}): Html {
  const s = o.state;
  const form = html`<form method="post" action="/nieuw" enctype="multipart/form-data" class="drop" aria-labelledby="eml-kop">
      <h2 id="eml-kop">E-mail inlezen</h2>
      <p class="hint">
        Sleep een opgeslagen e-mail hierheen, of kies hem: naam, e-mailadres, datum en tekst worden ingevuld en u kiest welke bijlagen
        (elk hoogstens ${ATTACHMENT_MAX_WORDS}) bij het dossier worden bewaard. Er wordt nog niets opgeslagen.
      </p>
      <div class="veld">
        <label for="f-eml">E-mailbestand (.eml)</label><input type="file" id="f-eml" name="eml" accept=".eml,message/rfc822" />
      </div>
      <input type="hidden" name="actie" value="eml" /><button type="submit" class="secundair">E-mail inlezen</button>
      <p class="hint" id="eml-status" role="status"></p>
    </form>
    <form method="post" action="/nieuw#${SUMMARY_ID}" novalidate>
      ${hidden('actie', 'registreren')} ${formProblems(s, NEW_CASE_FIELDS, 'registreren-meldingen', nl.field)}
      <h2>De klacht</h2>
      ${why('Een klacht kan mondeling of schriftelijk binnenkomen (art. 1.1, 4.1); een mondelinge klacht wordt schriftelijk bevestigd (art. 4.1); de verantwoordelijke begeleider (art. 6.1); een klacht kan tot de indieningstermijn na afronding van de opdracht worden ingediend, en ook tijdens de opdracht (art. 4.1); de cliënt wordt bij de start op de regeling gewezen (art. 3).')}
      ${select(
        s,
        'organizer',
        nl.field.organizer,
        o.org.organizers.map((x) => [x.key, x.name] as const),
      )}
      ${field(s, 'received', nl.field.received, { type: 'date', required: true, value: o.today, hint: 'Dag 0 van de afhandeltermijn. Standaard vandaag.' })}
      ${select(s, 'channel', nl.field.channel, Object.entries(nl.channel), { value: 'email' })}
      ${field(s, 'written_confirmation', nl.field.written_confirmation, { type: 'date', hint: 'Alleen bij een mondelinge klacht: wanneer u haar op schrift bevestigde.' })}
      ${field(s, 'assignment_completed', nl.field.assignment_completed, { type: 'date', hint: `Een klacht kan tot ${o.org.deadlines.filing_workdays} werkdagen na afronding worden ingediend. Een klacht tijdens de opdracht is op tijd: de datum mag ook na de ontvangstdatum liggen.` })}
      ${field(s, 'client_informed', 'Wanneer heeft u de cliënt op de klachtenregeling gewezen?', { type: 'date', hint: 'Bij de start van de opdracht, meestal in de opdrachtbevestiging. Vul die datum in; laat leeg als u het niet weet.' })}
      ${checkboxes(
        s,
        'categories',
        'Categorie (minstens één)',
        o.org.categories.map((c) => [c.key, c.label] as const),
        [],
      )}
      <h2>De klager</h2>
      ${field(s, 'complainant.name', nl.field['complainant.name'], { required: true, autocomplete: 'off' })}
      ${field(s, 'complainant.email', nl.field['complainant.email'], { type: 'email', autocomplete: 'off' })}
      ${field(s, 'complainant.phone', nl.field['complainant.phone'], { type: 'tel', autocomplete: 'off' })}
      ${field(s, 'complainant.address', nl.field['complainant.address'], { type: 'textarea', hint: 'Voor de antwoordbrief.' })}
      <details ${Object.keys(s.values).some((k) => k.startsWith('complainant.representative.') && s.values[k]) && 'open'}>
        <summary>Klaagt een vertegenwoordiger namens de cliënt?</summary>
        ${field(s, 'complainant.representative.name', nl.field['complainant.representative.name'], { autocomplete: 'off' })}
        ${field(s, 'complainant.representative.relation', nl.field['complainant.representative.relation'], { hint: 'bijv. dochter, bewindvoerder' })}
        ${field(s, 'complainant.representative.email', nl.field['complainant.representative.email'], { type: 'email', autocomplete: 'off' })}
        ${field(s, 'complainant.representative.phone', nl.field['complainant.representative.phone'], { type: 'tel', autocomplete: 'off' })}
        ${field(s, 'complainant.representative.address', nl.field['complainant.representative.address'], { type: 'textarea', hint: 'De antwoordbrief gaat naar de vertegenwoordiger.' })}
      </details>
      <h2>De klacht zoals ontvangen</h2>
      ${field(s, 'klacht', 'Tekst van de klacht', { type: 'textarea', hint: 'Plak de e-mail, brief of het formulier. Elk teken blijft bewaard zoals getypt.' })}
      ${o.offer ? offerFields(s, o.offer) : ''}
      <button type="submit">Klacht registreren</button>
    </form>`;
  return page({
    title: 'Nieuwe klacht',
    article: 'Registratie met het klachtregistratieformulier (art. 1.5, 4.5).',
    current: '/nieuw',
    notice: o.notice,
    body: form,
    errors: errorSummary(s),
    script: 'eml-drop.js',
  });
}
