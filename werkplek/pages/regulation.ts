import type { Organization } from '../../schemas/organization.ts';
import { rulesOf, splitArticles, type SplitRegulation } from '../../lib/regulation/articles.ts';
import { regulationTies, type Tie, type TieKind } from '../../lib/regulation/ties.ts';
import type { Lang } from '../../lib/regulation/routes.ts';
import type { Problem } from '../../lib/problems/problems.ts';
import { readRegulation } from '../../io/regulation.ts';
import { dutchRegulationProblems, saveRegulation } from '../../actions/regulation.ts';
import type { Werkplek } from '../context.ts';
import { readRegulationForm } from '../forms/regulation-form.ts';
import { html, type Html } from '../html.ts';
import { notice, page } from '../layout.ts';
import { pageReply, redirect, type Reply, type Request } from '../reply.ts';
import { commitWords, writeFailedWords } from './saved-words.ts';
import { vocabulary } from '../../lib/vocabulary/index.ts';

const PATH = '/instellingen/reglement';

/** "1 artikel", "7 artikelen". */
const articles = (n: number): string => `${n} ${n === 1 ? 'artikel' : 'artikelen'}`;

/** The rules of the software a regulation ties to an article, in the order the page lists them. */
const KINDS: readonly { kind: TieKind; label: string; required: boolean }[] = [
  { kind: 'filing', label: 'Termijn om een klacht in te dienen', required: true }, // art. 4.1 in the first practice's text
  { kind: 'handling', label: 'Termijn voor het schriftelijke antwoord', required: true }, // art. 5.4, 6.2
  { kind: 'acknowledgement', label: 'Termijn om de ontvangst te bevestigen', required: false },
  { kind: 'escalation', label: 'Waar een klager terechtkan die niet tevreden is', required: true }, // art. 4.7
  { kind: 'confidentiality', label: 'Geheimhouding en privacy', required: false }, // art. 4.4
];

/** What the page shows of a text: its split, the ties and the problems against organization.yml. */
interface Reading {
  lang: Lang;
  text: string;
  regulation: SplitRegulation;
  problems: Problem[];
}

/** A text read and checked as `saveRegulation` checks it (the English one needs articles only). */
function reading(app: Werkplek, org: Organization, lang: Lang, text: string): Reading {
  const regulation = splitArticles(text);
  const problems = lang === 'nl' ? dutchRegulationProblems(regulation, app.o.config, org) : [];
  return { lang, text, regulation, problems };
}

/** GET /instellingen/reglement: the practice's regulation as the werkplek reads it, and the forms to replace it. */
export function showRegulation(app: Werkplek, { url }: Request): Reply {
  const { org } = app.context();
  const nl = readRegulation(app.o.config, 'nl');
  const en = readRegulation(app.o.config, 'en');
  return pageReply(
    regulationPage({
      org,
      nl: nl.text === undefined ? undefined : reading(app, org, 'nl', nl.text),
      en: en.text,
      notice:
        app.takeFlash(url) ??
        (nl.problem || en.problem
          ? notice(
              [nl.problem, en.problem]
                .filter(Boolean)
                .map((p) => `${p!.file}: ${p!.message}`)
                .join('\n'),
              'fout',
            )
          : undefined),
    }),
  );
}

/** POST /instellingen/reglement: check a pasted or uploaded text ("Controleren"), or check and save it ("Opslaan"). */
export function postRegulation(app: Werkplek, req: Request): Promise<Reply> {
  return app.serial(async () => {
    const ctx = app.context();
    const form = await readRegulationForm(req.values, req.files);
    const current = readRegulation(app.o.config, 'nl').text;
    const base = {
      org: ctx.org,
      nl: current === undefined ? undefined : reading(app, ctx.org, 'nl', current),
      en: readRegulation(app.o.config, 'en').text,
    };
    if (!form.ok) return pageReply(regulationPage({ ...base, formError: { lang: form.lang, error: form.error } }), 422);
    const submitted = reading(app, ctx.org, form.lang, form.text);
    const view = { ...base, ...(form.lang === 'nl' ? { nl: submitted } : { en: form.text, enReading: submitted }), submitted: form.lang };
    if (form.action === 'controleren') return pageReply(regulationPage({ ...view, checkedOnly: true }));
    const r = await saveRegulation(app.workspace(ctx), { config: app.o.config, lang: form.lang, text: form.text });
    if (r.kind === 'refused') return pageReply(regulationPage({ ...view, problemsOf: r.problems }), 422);
    if (r.kind === 'write-failed') return pageReply(regulationPage({ ...view, notice: notice(writeFailedWords(r.code), 'fout') }), 507);
    const what = form.lang === 'nl' ? 'Uw klachtenregeling is opgeslagen' : 'De Engelse tekst is opgeslagen';
    return redirect(`${PATH}?melding=${app.flash(`${what}: ${articles(r.regulation.articles.length)}. ${commitWords(r.commit)}`)}`);
  });
}

/** One row of the table: a rule of the software, the articles that state it and what organization.yml says. */
function tieRow(org: Organization, k: (typeof KINDS)[number], ties: readonly Tie[]): Html {
  const own = ties.filter((t) => t.kind === k.kind);
  const configured =
    k.kind === 'filing'
      ? `${org.deadlines.filing_workdays} werkdagen`
      : k.kind === 'handling'
        ? `${org.deadlines.handling_workdays} werkdagen`
        : k.kind === 'acknowledgement'
          ? `${org.deadlines.acknowledgement_workdays} werkdagen`
          : k.kind === 'escalation'
            ? org.escalation.name
            : '';
  const found = own.length
    ? html`<ul class="gekoppeld">
        ${own.map((t) => html`<li><strong>Artikel ${t.article}</strong>: “${t.quote}”</li>`)}
      </ul>`
    : html`<p>${k.required ? 'Niet gevonden in de tekst.' : 'De regeling noemt dit niet.'}</p>`;
  return html`<tr>
    <th scope="row">${k.label}</th>
    <td>${found}</td>
    <td data-label="Uw instellingen: ">${configured}</td>
  </tr>`;
}

/** The articles as the werkplek reads them, each with its rules. */
function articleList(reg: SplitRegulation): Html {
  if (reg.articles.length === 0) return html`<p>Geen artikelen gevonden.</p>`;
  return html`${reg.articles.map(
    (a) => html`<details>
      <summary>Artikel ${a.number}${a.title && html`: ${a.title}`} (${rulesOf(a).length} ${rulesOf(a).length === 1 ? 'regel' : 'regels'})</summary>
      ${a.blocks.map((b) =>
        b.kind === 'text'
          ? html`<p>${b.text}</p>`
          : html`<p><strong>${a.number}.${b.number}</strong> ${b.paragraphs.map((p, i) => html`${i > 0 && html`<br />`}${p}`)}</p>`,
      )}
    </details>`,
  )}`;
}

/** A setting as Instellingen names it ("Afhandeltermijn: …"), never its key in organization.yml. */
const settingWord = (field: string): string => (vocabulary('nl').setting as Record<string, string>)[field] ?? field;

/** The problems as lines a person reads: the field and the message (the file is named above). */
const problemLines = (problems: readonly Problem[], severity: Problem['severity']): string =>
  problems
    .filter((p) => p.severity === severity)
    .map((p) =>
      p.field.startsWith('(') ? p.message.charAt(0).toUpperCase() + p.message.slice(1) : `${settingWord(p.field)}: ${p.message}`,
    )
    .join('\n');

/** The form for one language: paste or upload, check, save. */
function textForm(lang: Lang, text: string, error: string | undefined): Html {
  const p = `${lang}-`;
  const errorId = `${p}fout`;
  return html`<form method="post" action="${PATH}" enctype="multipart/form-data">
    <input type="hidden" name="taal" value="${lang}" />
    <div class="veld${error && ' heeft-fout'}">
      <label for="${p}tekst">${lang === 'nl' ? 'De tekst van uw klachtenregeling (Nederlands, bindend)' : 'De Engelse vertaling (niet verplicht)'}</label>
      <p class="hint" id="${p}tekst-hint">
        Plak de hele tekst, zoals u hem schreef. Begin elk artikel op een eigen regel ("Artikel 4 …" of "4. …") en nummer de regels eronder
        (4.1, 4.2, … of 1., 2., …).
      </p>
      <textarea id="${p}tekst" name="tekst" rows="16" aria-describedby="${p}tekst-hint${error && html` ${errorId}`}" ${error && 'aria-invalid="true"'}>${text}</textarea>
      ${error && html`<p class="fout" id="${errorId}">${error}</p>`}
    </div>
    <div class="veld">
      <label for="${p}bestand">Of kies een bestand (platte tekst, .txt of .md)</label>
      <input type="file" id="${p}bestand" name="bestand" accept=".txt,.md,text/plain,text/markdown" />
    </div>
    <p>
      <button type="submit" name="doe" value="controleren" class="secundair">Controleren</button>
      <button type="submit" name="doe" value="opslaan">Opslaan</button>
    </p>
  </form>`;
}

/** Klachtenregeling: how the werkplek reads the practice's regulation, what it ties to which article, and the forms. */
export function regulationPage(o: {
  org: Organization;
  nl: Reading | undefined;
  en: string | undefined;
  enReading?: Reading;
  notice?: Html;
  /** The language whose text was just submitted (checked or refused), to show its result. */
  submitted?: Lang;
  checkedOnly?: boolean;
  /** The problems a save was refused for. */
  problemsOf?: readonly Problem[];
  formError?: { lang: Lang; error: string };
}): Html {
  const nl = o.nl;
  const problems = o.problemsOf ?? nl?.problems ?? [];
  const errors = problemLines(problems, 'error');
  const warnings = problemLines(problems, 'warning');
  const ties = nl ? regulationTies(nl.regulation, o.org) : [];
  const result =
    o.submitted === 'nl' && !errors
      ? notice(
          o.checkedOnly
            ? 'De tekst past bij uw instellingen. Er is nog niets opgeslagen: kies Opslaan.'
            : 'De tekst past bij uw instellingen.',
        )
      : o.submitted === 'en' && o.enReading
        ? o.enReading.regulation.articles.length
          ? notice(
              `De Engelse tekst heeft ${articles(o.enReading.regulation.articles.length)}.${o.checkedOnly ? ' Er is nog niets opgeslagen: kies Opslaan.' : ''}`,
            )
          : notice('Geen artikelen gevonden in de Engelse tekst.', 'fout')
        : undefined;
  const enError =
    o.formError?.lang === 'en' ? o.formError.error : o.problemsOf && o.submitted === 'en' ? problemLines(o.problemsOf, 'error') : undefined;
  return page({
    title: 'Klachtenregeling',
    article: '',
    current: PATH,
    notice: o.notice ?? result,
    body: html`<p>
        De werkplek, de dagelijkse controle en de publieke site gebruiken de klachtenregeling die u hier bewaart. De site toont die tekst
        woord voor woord. Hieronder ziet u hoe de werkplek de tekst in artikelen verdeelt en aan welk artikel de software haar termijnen en
        de klachtencommissie koppelt. Wijken die af van uw instellingen, dan wordt de tekst niet opgeslagen: pas dan de tekst aan, of eerst
        de termijnen of de klachtencommissie onder <a href="/instellingen">Instellingen</a>.
      </p>
      ${
        nl
          ? html`${errors && html`<div class="melding fout-melding" role="alert"><h2>Dit klopt niet met uw instellingen</h2>${errors.split('\n').map((l) => html`<p>${l}</p>`)}</div>`}
            ${warnings && html`<div class="melding"><h2>Let op</h2>${warnings.split('\n').map((l) => html`<p>${l}</p>`)}</div>`}
            <h2>${o.submitted === 'nl' ? 'Wat de software uit deze tekst haalt' : 'Wat de software uit uw regeling haalt'}</h2>
            <div class="tabel">
              <table class="koppelingen">
                <thead>
                  <tr>
                    <th scope="col">Regel van de software</th>
                    <th scope="col">Waar de regeling het zegt</th>
                    <th scope="col">Uw instellingen</th>
                  </tr>
                </thead>
                <tbody>
                  ${KINDS.map((k) => tieRow(o.org, k, ties))}
                </tbody>
              </table>
            </div>
            <h2>De artikelen zoals de werkplek ze leest</h2>
            ${articleList(nl.regulation)}`
          : html`<div class="melding fout-melding" role="alert">
              <p>Er is nog geen klachtenregeling. Plak hieronder de tekst van uw regeling.</p>
            </div>`
      }
      <h2>Tekst vervangen</h2>
      ${textForm('nl', nl?.text ?? '', o.formError?.lang === 'nl' ? o.formError.error : undefined)}
      <h2>Engelse tekst</h2>
      <p>
        Niet verplicht. Zonder Engelse tekst zegt de Engelse pagina van de site dat de regeling alleen in het Nederlands bestaat.
      </p>
      ${textForm('en', o.en ?? '', enError || undefined)}`,
  });
}
