import { caseSchemaFor } from '../../schemas/case.ts';
import type { Organization } from '../../schemas/organization.ts';
import { calendarFor } from '../../lib/calendar/holidays.ts';
import { DOCUMENT_KINDS } from '../../lib/documents/kinds.ts';
import { previewCaseInput } from '../../lib/documents/letter-preview.ts';
import { KNOWN_BODIES, knownBodyOf } from '../../lib/organization/escalation-bodies.ts';
import { isExampleOrganization } from '../../lib/organization/example.ts';
import { planSettings, settingsOf, type Settings } from '../../lib/organization/settings.ts';
import { readConfigText, shown } from '../../io/files.ts';
import type { Problem } from '../../lib/problems/problems.ts';
import { vocabulary } from '../../lib/vocabulary/index.ts';
import type { SettingField } from '../../lib/vocabulary/vocabulary.ts';
import {
  findExampleCases,
  removeExampleCases,
  saveSettings,
  settingsHash,
  type SettingsPlace,
} from '../../actions/organization-settings.ts';
import type { Werkplek } from '../context.ts';
import { field, hidden, type FieldErrors, type FormState, type FormValues } from '../form-controls.ts';
import { OTHER_BODY, settingsFromForm } from '../forms/settings-form.ts';
import { str } from '../forms/form-values.ts';
import { html, raw, type Html } from '../html.ts';
import { notice, page } from '../layout.ts';
import { pageReply, redirect, type Reply, type Request } from '../reply.ts';
import { commitWords, writeFailedWords } from './saved-words.ts';

/** The words of the form (lib/vocabulary). */
const w = vocabulary('nl').setting;

/** Where Inrichten reads and writes: organization.yml, the cases folder, the werkplek's Git. */
const placeOf = (app: Werkplek): SettingsPlace => ({ config: app.o.config, cases: app.o.cases, sharing: app.sharing });

/** GET /instellingen: Inrichten on a fresh copy (the example organization), Instellingen after. */
export function showSettings(app: Werkplek, { url }: Request): Reply {
  const { org } = app.context();
  const values = formValuesOf(settingsOf(org));
  return pageReply(settingsPage(app, org, { values: { ...values, hash: settingsHash(app.o.config) }, errors: {} }, app.takeFlash(url)));
}

/** POST /instellingen: save (and remove the examples if asked), or only remove the examples. */
export async function postSettings(app: Werkplek, { values }: Request): Promise<Reply> {
  return app.serial(async () => {
    const { org } = app.context();
    if (str(values, 'actie') === 'voorbeelden-verwijderen') {
      const done = await removeExampleCases(placeOf(app));
      app.index.changed();
      return redirect(`/?melding=${app.flash(removedWords(done.removed))}`);
    }
    const settings = settingsFromForm(values, settingsOf(org));
    const removeExamples = str(values, 'voorbeelden') === 'verwijderen';
    const out = await saveSettings(placeOf(app), settings, { hash: str(values, 'hash'), removeExamples });
    const again = (message: string, errors: FieldErrors = {}, status = 422) =>
      pageReply(settingsPage(app, org, { values, errors }, notice(message, 'fout')), status);
    switch (out.kind) {
      case 'stale':
        return again(
          'Niet opgeslagen: organization.yml is intussen gewijzigd. Laad de pagina opnieuw; wat u typte staat hieronder nog.',
          {},
          409,
        );
      case 'refused':
        // the error summary says it, each message a link to its field
        return pageReply(settingsPage(app, org, { values, errors: errorsOf(out.problems) }), 422);
      case 'write-failed':
        return again(writeFailedWords(out.code ?? ''), {}, 507);
      case 'unchanged':
        return redirect(`/instellingen?melding=${app.flash('Er was niets gewijzigd; er is niets opgeslagen.')}`);
      case 'planned':
        throw new Error('a save is never a dry run');
      case 'saved': {
        app.index.changed();
        const lines = [
          out.changed.length ? `Instellingen: ${commitWords(out.commit)}` : '',
          out.removed.length ? removedWords(out.removed) : '',
        ].filter(Boolean);
        // the practice's own regulation must name the same body and terms (issue 21): the next step when it does not
        if (out.regulation.length) {
          lines.push('Uw klachtenregeling past nog niet bij deze instellingen: zet hieronder uw eigen regeling.');
          return redirect(`/instellingen/reglement?melding=${app.flash(lines.join('\n'))}`);
        }
        return redirect(`/?melding=${app.flash(lines.join('\n'))}`);
      }
    }
  });
}

/** POST /instellingen/voorbeeldbrief: the acknowledgement of a made-up complaint with the settings as typed, unsaved. */
export async function postLetterPreview(app: Werkplek, { values }: Request): Promise<Reply> {
  const ctx = app.context();
  const settings = settingsFromForm(values, settingsOf(ctx.org));
  // the settings as typed, checked by the schema only: the cases are checked when she saves
  const plan = planSettings(shown(app.o.config), readConfigText(app.o.config), settings);
  if (!plan.org) return pageReply(settingsPage(app, ctx.org, { values, errors: errorsOf(plan.problems) }), 422);
  const org = plan.org;
  const schema = caseSchemaFor(org);
  const kind = DOCUMENT_KINDS.find((k) => k.key === 'ontvangstbevestiging')!;
  const record = { file: 'voorbeeld', data: schema.parse(previewCaseInput(org, ctx.today)), body: '' };
  const made = app.makeDocument(kind, record, { org, cal: calendarFor(org), schema, today: ctx.today });
  if (!made.ok) return pageReply(settingsPage(app, ctx.org, { values, errors: {} }, notice(made.missing.join('\n'), 'fout')), 422);
  // the letter's own HTML, made by lib/documents from escaped values (a document, not a werkplek page)
  return pageReply(raw(made.html));
}

const removedWords = (removed: readonly string[]) =>
  removed.length
    ? `${removed.length} voorbeelddossiers verwijderd (${removed.map((p) => p.replace(/^.*\//, '').replace(/\.md$/, '')).join(', ')}); ze blijven in de geschiedenis bewaard en kunnen worden teruggezet (vraag daarvoor hulp).`
    : 'Er waren geen voorbeelddossiers meer.';

/** Problems of a refused save per form field: `organizers.0.github` stays, a case's problem goes to its list, the rest above the form. */
export function errorsOf(problems: readonly Problem[]): FieldErrors {
  const out: Record<string, string[]> = {};
  for (const p of problems) {
    const k = p.field === '(file)' ? '' : p.field;
    // a case the change would make invalid is named: the field is the setting it needs
    (out[k] ??= []).push(p.file.endsWith('.md') ? `${p.file.replace(/^.*[\\/]/, '').replace(/\.md$/, '')}: ${p.message}` : p.message);
  }
  return out;
}

/** The form's values for settings as they are: one text per field, list rows by index. */
export function formValuesOf(s: Settings): Record<string, string> {
  const v: Record<string, string> = {
    'organization.name': s.organization.name,
    'organization.email': s.organization.email,
    'organization.phone': s.organization.phone ?? '',
    'organization.postal_address': s.organization.postal_address,
    'organization.website': s.organization.website,
    site_url: s.site_url,
    'escalation.choice': knownBodyOf(s.escalation)?.id ?? OTHER_BODY,
    'escalation.name': s.escalation.name,
    'escalation.committee': s.escalation.committee,
    'escalation.website': s.escalation.website,
    'escalation.description': s.escalation.description,
    'escalation.procedure.submitted_by': s.escalation.procedure.submitted_by,
    'escalation.procedure.how': s.escalation.procedure.how,
    'escalation.procedure.officer': s.escalation.procedure.officer,
    'escalation.procedure.disputes_body': s.escalation.procedure.disputes_body,
    'escalation.procedure.term': s.escalation.procedure.term,
    'escalation.procedure.cost': s.escalation.procedure.cost,
    'deadlines.filing_workdays': String(s.deadlines.filing_workdays),
    'deadlines.handling_workdays': String(s.deadlines.handling_workdays),
    'retention.years_after_closing': String(s.retention.years_after_closing),
    'letters.opening': s.letters.opening ?? '',
    'letters.closing': s.letters.closing ?? '',
  };
  s.organizers.forEach((o, i) =>
    Object.assign(v, { [`organizers.${i}.key`]: o.key, [`organizers.${i}.name`]: o.name, [`organizers.${i}.github`]: o.github }),
  );
  for (const list of ['categories', 'causes'] as const)
    s[list].forEach((c, i) => Object.assign(v, { [`${list}.${i}.key`]: c.key, [`${list}.${i}.label`]: c.label }));
  return v;
}

/** How many rows of a list the form shows: the rows it has, and one empty row to add one. */
function rowCount(values: FormValues, list: string): number {
  let n = 0;
  for (const k of Object.keys(values)) {
    const m = new RegExp(`^${list}\\.(\\d+)\\.`).exec(k);
    if (m) n = Math.max(n, Number(m[1]) + 1);
  }
  return n + 1;
}

/** The error summary: every message, each a link to its field (the fields carry the same message beside them). */
function errorSummary(errors: FieldErrors): Html | '' {
  const entries = Object.entries(errors).filter(([, ms]) => ms.length);
  if (!entries.length) return '';
  const labelOf = (k: string) => {
    const row = /^(organizers|categories|causes)\.(\d+)\.(\w+)$/.exec(k);
    if (row) return `${w[row[1] as SettingField]}, regel ${Number(row[2]) + 1}: ${w[`${row[1]}.${row[3]}` as SettingField] ?? row[3]}`;
    return w[k as SettingField] ?? k;
  };
  return html`<div class="melding fout-melding foutoverzicht" role="alert" aria-labelledby="foutoverzicht" tabindex="-1">
    <h2 id="foutoverzicht">Niet opgeslagen: er is iets niet goed</h2>
    <ul>
      ${entries.map(([k, ms]) =>
        ms.map((m) =>
          k === '' ? html`<li>${m}</li>` : html`<li><a href="#f-${k.replace(/[^a-zA-Z0-9_-]/g, '-')}">${labelOf(k)}</a>: ${m}</li>`,
        ),
      )}
    </ul>
  </div>`;
}

/** The rows of a list (organizers, or a labelled list): the kept rows with their keys hidden, and one empty row. */
function rows(s: FormState, list: 'organizers' | 'categories' | 'causes'): Html[] {
  const n = rowCount(s.values, list);
  return Array.from({ length: n }, (_, i) => {
    const key = str(s.values, `${list}.${i}.key`);
    const label = i === n - 1 ? 'nieuw' : `regel ${i + 1}`;
    if (list === 'organizers')
      return html`<div class="naast-elkaar rij">
        ${hidden(`${list}.${i}.key`, key)}${field(s, `${list}.${i}.name`, `${w['organizers.name']} (${label})`, { autocomplete: 'off' })}
        ${field(s, `${list}.${i}.github`, `${w['organizers.github']} (${label})`, { autocomplete: 'off' })}
      </div>`;
    return html`${hidden(`${list}.${i}.key`, key)}${field(s, `${list}.${i}.label`, `${w[`${list}.label`]} (${label})`)}`;
  });
}

/** The escalation bodies the project knows, each with its description, website and route, or another described by hand. */
function bodies(s: FormState): Html {
  const chosen = str(s.values, 'escalation.choice') || OTHER_BODY;
  const radio = (id: string, label: Html | string, extra: Html | '') =>
    html`<div class="vinkje keuze">
      <input type="radio" id="instantie-${id}" name="escalation.choice" value="${id}" ${id === chosen && 'checked'} /><label for="instantie-${id}"
        >${label}</label
      >
      ${extra}
    </div>`;
  const known = KNOWN_BODIES.map((b) => {
    const e = b.escalation;
    const route =
      e.procedure.submitted_by === 'organizer'
        ? 'U legt de klacht voor, met toestemming van de klager'
        : 'De klager legt de klacht zelf voor';
    return radio(
      b.id,
      html`<strong>${e.name}</strong>`,
      html`<div class="hint">
        <p>${e.description}</p>
        <p>${route}: ${e.procedure.how}. ${e.procedure.term} ${e.procedure.cost}</p>
        <p>Website: ${e.website}</p>
      </div>`,
    );
  });
  const e = (k: string, type: 'text' | 'textarea' = 'text') => field(s, `escalation.${k}`, w[`escalation.${k}` as SettingField], { type });
  const who = str(s.values, 'escalation.procedure.submitted_by');
  const other = html`<details ${chosen === OTHER_BODY && 'open'}>
    <summary>Beschrijf de instantie</summary>
    <p class="hint">Schrijf voor de klager ("u"), in korte zinnen; de brieven en de publieke pagina nemen de teksten over.</p>
    ${e('name')}${e('committee')}${e('website')}${e('description', 'textarea')}
    <fieldset class="veld">
      <legend>${w['escalation.procedure.submitted_by']}</legend>
      <div class="vinkje">
        <input type="radio" id="f-voorleggen-organizer" name="escalation.procedure.submitted_by" value="organizer" ${who !== 'complainant' && 'checked'} /><label
          for="f-voorleggen-organizer"
          >Ik, met toestemming van de klager</label
        >
      </div>
      <div class="vinkje">
        <input type="radio" id="f-voorleggen-complainant" name="escalation.procedure.submitted_by" value="complainant" ${who === 'complainant' && 'checked'} /><label
          for="f-voorleggen-complainant"
          >De klager zelf</label
        >
      </div>
    </fieldset>
    ${e('procedure.how')}${e('procedure.officer', 'textarea')}${e('procedure.disputes_body', 'textarea')}${e('procedure.term')}${e('procedure.cost', 'textarea')}
  </details>`;
  return html`<fieldset class="veld">
    <legend>Bij welke instantie is uw praktijk aangesloten?</legend>
    <p class="hint">Waar een klager terechtkan die niet tevreden is (art. 1.6, 4.7). Kies de instantie waarbij uw praktijk is aangesloten; controleer de teksten met uw eigen afspraken.</p>
    ${known} ${radio(OTHER_BODY, w['escalation.other'], other)}
  </fieldset>`;
}

function settingsPage(app: Werkplek, org: Organization, s: FormState, top?: Html): Html {
  const first = isExampleOrganization(org);
  const examples = findExampleCases(app.o.cases);
  const intro = first
    ? html`<p>
        Dit is nog de voorbeeldpraktijk die met de software meekomt. Vul hieronder de gegevens van uw eigen praktijk in. De werkplek
        controleert alles vóór het opslaan en bewaart de wijziging, met uw naam erbij.
      </p>`
    : html`<p>De gegevens van uw praktijk uit <code>organization.yml</code>. Wat u hier wijzigt, geldt voor nieuwe brieven, de termijnen en de publieke pagina.</p>`;
  // the repository's own settings on GitHub are checked on a page of their own
  const github = html`<p>Staat uw opslag op GitHub goed ingesteld? <a href="/instellingen/github">GitHub controleren</a>.</p>`;
  const f = (k: SettingField, o: Parameters<typeof field>[3] = {}) => field(s, k, w[k], o);
  const examplesBox = examples.length
    ? html`<fieldset class="veld">
        <legend>${w.examples}</legend>
        <div class="vinkje">
          <input type="checkbox" id="f-voorbeelden" name="voorbeelden" value="verwijderen" ${(first || str(s.values, 'voorbeelden') === 'verwijderen') && 'checked'} /><label
            for="f-voorbeelden"
            >De ${examples.length} voorbeelddossiers verwijderen (${examples.map((p) => p.replace(/^.*\//, '').replace(/\.md$/, '')).join(', ')})</label
          >
        </div>
        <p class="hint">Alleen de dossiers die met de software meekwamen, precies zoals ze meekwamen. Uw eigen dossiers blijven. De verwijderde voorbeelden blijven in de geschiedenis bewaard en kunnen worden teruggezet.</p>
      </fieldset>`
    : '';
  const body = html`${errorSummary(s.errors)}${intro}${github}
    <form method="post" action="/instellingen" novalidate>
      ${hidden('hash', str(s.values, 'hash'))}
      <h2>Uw praktijk</h2>
      ${f('organization.name', { required: true })}${f('organization.email', { type: 'email', required: true })}${f('organization.phone', { type: 'tel' })}
      ${f('organization.postal_address', { required: true })}${f('organization.website', { required: true, hint: 'Bijvoorbeeld https://www.uwpraktijk.nl' })}
      ${f('site_url', { required: true, hint: 'Waar de klachtenregeling van uw praktijk publiek staat, bijvoorbeeld https://uwpraktijk.github.io/klachtenregeling/' })}
      <h2>${w.organizers}</h2>
      <p class="hint">
        Iedereen die klachten behandelt. De GitHub-gebruikersnaam is nodig om de termijnmeldingen aan haar toe te wijzen; zij moet toegang hebben tot uw opslag op GitHub. Een collega
        toevoegen: vul de lege regel in. Iemand weghalen: maak beide velden leeg.
      </p>
      ${errorsFor(s, 'organizers')} ${rows(s, 'organizers')}
      <h2>${w.escalation}</h2>
      ${bodies(s)}
      <h2>Termijnen</h2>
      <p class="hint">In werkdagen, zoals uw klachtenregeling ze noemt (art. 4.1 en 5.4). Weekenden en feestdagen tellen niet mee.</p>
      ${f('deadlines.filing_workdays', { required: true })}${f('deadlines.handling_workdays', { required: true })}
      <h2>${w.categories}</h2>
      ${errorsFor(s, 'categories')} ${rows(s, 'categories')}
      <h2>${w.causes}</h2>
      <p class="hint">De oorzaak kiest u per dossier (art. 2.2); het rapport telt ze.</p>
      ${errorsFor(s, 'causes')} ${rows(s, 'causes')}
      <h2>Bewaren</h2>
      ${f('retention.years_after_closing', { required: true, hint: 'Daarna verwijdert de bewaartermijn de persoonsgegevens uit afgesloten dossiers (AVG).' })}
      <h2>${w.letters}</h2>
      <p class="hint">Twee zinnen die in elke brief aan de klager komen, in de ik-vorm. Leeg laten mag.</p>
      ${f('letters.opening', { hint: 'Bijvoorbeeld: Dank u wel dat u mij liet weten wat er niet goed ging.' })}
      ${f('letters.closing', { hint: 'Bijvoorbeeld: Heeft u vragen? Bel of mail mij gerust.' })}
      <p><button type="submit" class="secundair" formaction="/instellingen/voorbeeldbrief" formtarget="_blank">Voorbeeldbrief bekijken (nieuw tabblad)</button></p>
      ${examplesBox}
      <p><button type="submit">Opslaan</button></p>
    </form>
    ${
      examples.length && !first
        ? html`<form method="post" action="/instellingen">
          ${hidden('actie', 'voorbeelden-verwijderen')}
          <p><button type="submit" class="secundair">Alleen de voorbeelddossiers verwijderen</button></p>
        </form>`
        : ''
    }`;
  return page({ title: first ? 'Inrichten' : 'Instellingen', article: '', current: '/instellingen', notice: top, body });
}

/** A list's own messages (a case that still needs an entry, a duplicate), above its rows. */
function errorsFor(s: FormState, list: string): Html | '' {
  const ms = s.errors[list] ?? [];
  return ms.length ? html`<p class="fout" id="f-${list}">${ms.map((m, i) => html`${i ? html`<br />` : ''}${m}`)}</p>` : '';
}
