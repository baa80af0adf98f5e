import { html, type Html, type HtmlValue } from './html.ts';

/** Messages per form field (dotted frontmatter path, e.g. `response.findings`), shown beside that field. */
export type FieldErrors = Readonly<Record<string, readonly string[]>>;
/** Values a form was submitted with, so a refused save shows them again: nothing typed is lost. */
export type FormValues = Readonly<Record<string, string | readonly string[]>>;

/** A form's context: the values to show and the messages beside the fields. */
export interface FormState {
  values: FormValues;
  errors: FieldErrors;
}

export const EMPTY_FORM: FormState = { values: {}, errors: {} };

/** One message of a refused form as the error summary lists it: the field's label and a link to the field. */
export interface ErrorLink {
  /** `#` and the id of the field (or of the form's own messages). */
  href: string;
  /** The field's label, when the message belongs to a field. */
  label?: string;
  message: string;
}

// the messages each refused form showed beside its fields while it was rendered, in page order, for errorSummary
const shownErrors = new WeakMap<FormState, ErrorLink[]>();
const noteShown = (s: FormState, id: string, label: string | undefined, messages: readonly string[]) => {
  if (!messages.length) return;
  const list = shownErrors.get(s) ?? [];
  shownErrors.set(s, list);
  for (const message of messages) list.push({ href: `#${id}`, label, message });
};

/** Date fields take what people type: `dag-maand-jaar` (the browser's own date field shows its own order). */
export const DATE_HINT = 'dag-maand-jaar, bijv. 24-11-2026';

const idOf = (name: string) => `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
const valueOf = (s: FormState, name: string, fallback = ''): string => {
  const v = s.values[name];
  return typeof v === 'string' ? v : Array.isArray(v) ? (v[0] ?? fallback) : fallback;
};

/** The messages beside a field, linked to it by aria-describedby. */
function errorsOf(s: FormState, name: string, prefix = ''): { html: Html | ''; id: string } {
  const list = s.errors[name] ?? [];
  if (!list.length) return { html: '', id: '' };
  const id = `${prefix}${idOf(name)}-fout`;
  return { html: html`<p class="fout" id="${id}">${list.map((m, i) => html`${i ? html`<br />` : ''}${m}`)}</p>`, id };
}

/** A hidden input. */
export const hidden = (name: string, value: string): Html => html`<input type="hidden" name="${name}" value="${value}" />`;

/** Options of one input. */
export interface FieldOptions {
  type?: 'text' | 'email' | 'tel' | 'date' | 'password' | 'textarea';
  required?: boolean;
  hint?: string;
  value?: string;
  /** Prefix for element ids, when the same field name appears in two forms on a page. */
  prefix?: string;
  autocomplete?: string;
  /** The height of a textarea in lines (default 6). */
  rows?: number;
  /** A textarea for a file's own text: fixed-width, no spelling check. */
  code?: boolean;
}

/** A labelled input (or textarea) with its hint and the messages beside it. */
export function field(s: FormState, name: string, label: string, o: FieldOptions = {}): Html {
  const id = `${o.prefix ?? ''}${idOf(name)}`;
  const e = errorsOf(s, name, o.prefix);
  const value = valueOf(s, name, o.value ?? '');
  const hint = o.type === 'date' ? [o.hint, `Schrijf ${DATE_HINT}.`].filter(Boolean).join(' ') : o.hint;
  const hintId = hint ? `${id}-hint` : '';
  noteShown(s, id, label, s.errors[name] ?? []);
  const described = [hintId, e.id].filter(Boolean).join(' ') || undefined;
  const input =
    o.type === 'textarea'
      ? html`<textarea
          id="${id}"
          name="${name}"
          rows="${o.rows ?? 6}"
          ${o.code && html`class="code" spellcheck="false"`}
          ${o.required && 'required'}
          ${described && html`aria-describedby="${described}"`}
          ${e.id && html`aria-invalid="true"`}
          ${o.autocomplete && html`autocomplete="${o.autocomplete}"`}
        >
${value}</textarea>`
      : html`<input
          type="${o.type ?? 'text'}"
          id="${id}"
          name="${name}"
          value="${value}"
          ${o.required && 'required'}
          ${described && html`aria-describedby="${described}"`}
          ${e.id && html`aria-invalid="true"`}
          ${o.autocomplete && html`autocomplete="${o.autocomplete}"`}
        />`;
  return html`<div class="veld${e.id && ' heeft-fout'}">
    <label for="${id}">${label}${o.required && html` <span class="verplicht">(verplicht)</span>`}</label
    >${hint && html`<p class="hint" id="${hintId}">${hint}</p>`}${input}${e.html}
  </div>`;
}

/** A labelled select with the given options (value, label). */
export function select(
  s: FormState,
  name: string,
  label: string,
  options: readonly (readonly [string, string])[],
  o: { value?: string; prefix?: string; required?: boolean } = {},
): Html {
  const id = `${o.prefix ?? ''}${idOf(name)}`;
  const e = errorsOf(s, name, o.prefix);
  const chosen = valueOf(s, name, o.value ?? '');
  noteShown(s, id, label, s.errors[name] ?? []);
  const opts = options.map(([v, l]) => html`<option value="${v}" ${v === chosen && 'selected'}>${l}</option>`);
  return html`<div class="veld${e.id && ' heeft-fout'}">
    <label for="${id}">${label}</label
    ><select id="${id}" name="${name}" ${o.required && 'required'} ${e.id && html`aria-describedby="${e.id}" aria-invalid="true"`}>
      ${opts}</select
    >${e.html}
  </div>`;
}

/** A group of checkboxes in a fieldset (e.g. categories or causes). */
export function checkboxes(
  s: FormState,
  name: string,
  legend: string,
  options: readonly (readonly [string, string])[],
  checked: readonly string[],
  prefix = '',
): Html {
  const e = errorsOf(s, name, prefix);
  const submitted = s.values[name];
  noteShown(s, `${prefix}${idOf(name)}-${(options[0]?.[0] ?? '').replace(/[^a-zA-Z0-9_-]/g, '-')}`, legend, s.errors[name] ?? []);
  const on = new Set(submitted === undefined ? checked : Array.isArray(submitted) ? submitted : [submitted as string]);
  const boxes = options.map(([v, l]) => {
    const id = `${prefix}${idOf(name)}-${v.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
    return html`<div class="vinkje">
      <input type="checkbox" id="${id}" name="${name}" value="${v}" ${on.has(v) && 'checked'} /><label for="${id}">${l}</label>
    </div>`;
  });
  return html`<fieldset class="veld${e.id && ' heeft-fout'}" ${e.id && html`aria-describedby="${e.id}"`}>
    <legend>${legend}</legend>
    ${boxes}${e.html}
  </fieldset>`;
}

/**
 * Messages of a refused save that belong to no field on the form, above it (`id` makes them a link target of the
 * error summary); `labels` names a field the form does not show by the vocabulary's word, never by its key.
 */
export function formProblems(
  s: FormState,
  shownFields: readonly string[],
  id = 'meldingen',
  labels: Readonly<Record<string, string>> = {},
): Html | '' {
  const rest = Object.entries(s.errors).filter(([k]) => !shownFields.includes(k));
  if (!rest.length) return '';
  const said = rest.flatMap(([k, ms]) => ms.map((m) => ({ label: labels[k], message: m })));
  for (const x of said) noteShown(s, id, x.label, [x.message]);
  return html`<div class="melding fout-melding" id="${id}" tabindex="-1">
    <p>Niet opgeslagen:</p>
    <ul>
      ${said.map((x) => html`<li>${x.label && `${x.label}: `}${x.message}</li>`)}
    </ul>
  </div>`;
}

/** The id of the error summary: forms that can be refused post to `…#foutoverzicht`, so the answer opens there. */
export const SUMMARY_ID = 'foutoverzicht';

/**
 * The error summary on top of a page whose save was refused (the NL Design System / GOV.UK pattern): how many
 * things are not right yet, each a link to its field. Call it after the forms are rendered: it lists what they
 * showed beside their fields. `foutoverzicht.js` moves the focus to it; without script the form's `#foutoverzicht`
 * brings it into view.
 */
export function errorSummary(...states: readonly (FormState | undefined)[]): Html | '' {
  const links = states.flatMap((s) => (s && shownErrors.get(s)) || []);
  if (!links.length) return '';
  const n = links.length;
  return html`<div class="foutoverzicht" id="${SUMMARY_ID}" tabindex="-1" aria-labelledby="${SUMMARY_ID}-kop">
    <h2 id="${SUMMARY_ID}-kop">${n === 1 ? 'Er is 1 ding dat nog niet klopt' : `Er zijn ${n} dingen die nog niet kloppen`}</h2>
    <p>Er is niets opgeslagen; wat u typte, staat er nog.</p>
    <ul>
      ${links.map((l) => html`<li><a href="${l.href}">${l.label && `${l.label}: `}${l.message}</a></li>`)}
    </ul>
  </div>`;
}

/**
 * The checkbox that confirms an irreversible step (removing personal data), with the message beside it when the
 * form was sent without it; its error's id is `${id}-fout`.
 */
export function confirmBox(id: string, label: HtmlValue, error: string | undefined, s?: FormState): Html {
  if (s && error) noteShown(s, id, undefined, [error]);
  return html`${error && html`<p class="fout" id="${id}-fout">${error}</p>`}
    <div class="vinkje">
      <input type="checkbox" id="${id}" name="bevestig" value="ja" ${error && html`aria-describedby="${id}-fout" aria-invalid="true"`} /><label for="${id}">${label}</label>
    </div>`;
}
