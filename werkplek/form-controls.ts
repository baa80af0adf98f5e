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
}

/** A labelled input (or textarea) with its hint and the messages beside it. */
export function field(s: FormState, name: string, label: string, o: FieldOptions = {}): Html {
  const id = `${o.prefix ?? ''}${idOf(name)}`;
  const e = errorsOf(s, name, o.prefix);
  const value = valueOf(s, name, o.value ?? '');
  const hintId = o.hint ? `${id}-hint` : '';
  const described = [hintId, e.id].filter(Boolean).join(' ') || undefined;
  const input =
    o.type === 'textarea'
      ? html`<textarea
          id="${id}"
          name="${name}"
          rows="6"
          ${o.required && 'required'}
          ${described && html`aria-describedby="${described}"`}
          ${e.id && 'aria-invalid="true"'}
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
    >${o.hint && html`<p class="hint" id="${hintId}">${o.hint}</p>`}${input}${e.html}
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

/** Messages of a refused save that belong to no field on the form, above it. */
export function formProblems(s: FormState, shownFields: readonly string[]): Html | '' {
  const rest = Object.entries(s.errors).filter(([k]) => !shownFields.includes(k));
  if (!rest.length) return '';
  return html`<div class="melding fout-melding" role="alert">
    <p>Niet opgeslagen:</p>
    <ul>
      ${rest.map(([k, ms]) => ms.map((m) => html`<li>${k !== '' && html`<code>${k}</code>: `}${m}</li>`))}
    </ul>
  </div>`;
}

/**
 * The checkbox that confirms an irreversible step (removing personal data), with the message beside it when the
 * form was sent without it; its error's id is `${id}-fout`.
 */
export function confirmBox(id: string, label: HtmlValue, error: string | undefined): Html {
  return html`${error && html`<p class="fout" id="${id}-fout">${error}</p>`}
    <div class="vinkje">
      <input type="checkbox" id="${id}" name="bevestig" value="ja" ${error && html`aria-describedby="${id}-fout" aria-invalid="true"`} /><label for="${id}">${label}</label>
    </div>`;
}
