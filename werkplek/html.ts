import { escapeHtml } from '../lib/documents/html.ts';

/** `s` escaped for HTML text and attribute values. */
export const esc = (s: unknown): string => escapeHtml(String(s ?? ''));

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
function errorsOf(s: FormState, name: string, prefix = ''): { html: string; describedBy: string; invalid: string } {
  const list = s.errors[name] ?? [];
  if (!list.length) return { html: '', describedBy: '', invalid: '' };
  const id = `${prefix}${idOf(name)}-fout`;
  return {
    html: `<p class="fout" id="${id}">${list.map(esc).join('<br>')}</p>`,
    describedBy: ` aria-describedby="${id}"`,
    invalid: ' aria-invalid="true"',
  };
}

/** Options of one input. */
export interface FieldOptions {
  type?: 'text' | 'email' | 'tel' | 'date' | 'textarea';
  required?: boolean;
  hint?: string;
  value?: string;
  /** Prefix for element ids, when the same field name appears in two forms on a page. */
  prefix?: string;
  autocomplete?: string;
}

/** A labelled input (or textarea) with its hint and the messages beside it. */
export function field(s: FormState, name: string, label: string, o: FieldOptions = {}): string {
  const p = o.prefix ?? '';
  const id = `${p}${idOf(name)}`;
  const e = errorsOf(s, name, p);
  const value = valueOf(s, name, o.value ?? '');
  const hintId = o.hint ? `${id}-hint` : '';
  const described = [hintId, e.describedBy ? `${p}${idOf(name)}-fout` : ''].filter(Boolean).join(' ');
  const attrs = `id="${id}" name="${esc(name)}"${o.required ? ' required' : ''}${described ? ` aria-describedby="${described}"` : ''}${e.invalid}${o.autocomplete ? ` autocomplete="${o.autocomplete}"` : ''}`;
  const input =
    o.type === 'textarea'
      ? `<textarea ${attrs} rows="6">${esc(value)}</textarea>`
      : `<input type="${o.type ?? 'text'}" ${attrs} value="${esc(value)}">`;
  return `<div class="veld${e.html ? ' heeft-fout' : ''}"><label for="${id}">${esc(label)}${o.required ? ' <span class="verplicht">(verplicht)</span>' : ''}</label>${o.hint ? `<p class="hint" id="${hintId}">${esc(o.hint)}</p>` : ''}${input}${e.html}</div>`;
}

/** A labelled select with the given options (value, label). */
export function select(
  s: FormState,
  name: string,
  label: string,
  options: readonly (readonly [string, string])[],
  o: { value?: string; prefix?: string; required?: boolean } = {},
): string {
  const p = o.prefix ?? '';
  const id = `${p}${idOf(name)}`;
  const e = errorsOf(s, name, p);
  const chosen = valueOf(s, name, o.value ?? '');
  const opts = options.map(([v, l]) => `<option value="${esc(v)}"${v === chosen ? ' selected' : ''}>${esc(l)}</option>`).join('');
  return `<div class="veld${e.html ? ' heeft-fout' : ''}"><label for="${id}">${esc(label)}</label><select id="${id}" name="${esc(name)}"${o.required ? ' required' : ''}${e.describedBy}${e.invalid}>${opts}</select>${e.html}</div>`;
}

/** A group of checkboxes in a fieldset (e.g. categories or causes). */
export function checkboxes(
  s: FormState,
  name: string,
  legend: string,
  options: readonly (readonly [string, string])[],
  checked: readonly string[],
  prefix = '',
): string {
  const e = errorsOf(s, name, prefix);
  const submitted = s.values[name];
  const on = new Set(submitted === undefined ? checked : Array.isArray(submitted) ? submitted : [submitted as string]);
  const boxes = options
    .map(([v, l]) => {
      const id = `${prefix}${idOf(name)}-${v.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
      return `<div class="vinkje"><input type="checkbox" id="${id}" name="${esc(name)}" value="${esc(v)}"${on.has(v) ? ' checked' : ''}><label for="${id}">${esc(l)}</label></div>`;
    })
    .join('');
  return `<fieldset class="veld${e.html ? ' heeft-fout' : ''}"${e.describedBy}><legend>${esc(legend)}</legend>${boxes}${e.html}</fieldset>`;
}

/** Messages of a refused save that belong to no field on the form, above it. */
export function formProblems(s: FormState, shownFields: readonly string[]): string {
  const rest = Object.entries(s.errors).filter(([k]) => !shownFields.includes(k));
  if (!rest.length) return '';
  return `<div class="melding fout-melding" role="alert"><p>Niet opgeslagen:</p><ul>${rest.map(([k, ms]) => ms.map((m) => `<li>${k === '' ? '' : `<code>${esc(k)}</code>: `}${esc(m)}</li>`).join('')).join('')}</ul></div>`;
}

const STYLE = `
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1a1a1a; --muted: #4a4a4a; --accent: #0b5394; --line: #c8c8c8; --soft: #f1f4f8; --bad: #a4000f; --badbg: #fdecee; --good: #135e2c; --goodbg: #e7f5ec; --warn: #7a4a00; }
@media (prefers-color-scheme: dark) { :root { --bg: #15181c; --fg: #ececec; --muted: #c0c0c0; --accent: #8ab8ff; --line: #555; --soft: #222830; --bad: #ffb3ba; --badbg: #3a1418; --good: #9be3b0; --goodbg: #11301c; --warn: #ffd28a; } }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, "DejaVu Sans", sans-serif; background: var(--bg); color: var(--fg); }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: var(--bg); padding: .5rem; z-index: 2; }
header { background: var(--soft); border-bottom: 1px solid var(--line); padding: .5rem 1rem; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; }
header .naam { font-weight: 700; }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: 0; padding: 0; }
nav a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; margin: .5rem 0; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid var(--line); }
.artikel { color: var(--muted); margin-top: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
.tabel { overflow-x: auto; }
.veld { margin: .75rem 0; border: 0; padding: 0; }
fieldset.veld { border: 1px solid var(--line); padding: .5rem .75rem; border-radius: 4px; }
label, legend { display: block; font-weight: 600; }
.vinkje { display: flex; gap: .5rem; align-items: center; } .vinkje label { font-weight: 400; }
input[type=text], input[type=email], input[type=tel], input[type=date], input[type=search], select, textarea { width: 100%; max-width: 40rem; font: inherit; padding: .4rem; border: 1px solid var(--muted); border-radius: 4px; background: var(--bg); color: var(--fg); }
textarea { max-width: 56rem; }
button, .knop { font: inherit; padding: .5rem 1rem; border-radius: 4px; border: 1px solid var(--accent); background: var(--accent); color: var(--bg); cursor: pointer; text-decoration: none; display: inline-block; }
button.secundair, .knop.secundair { background: transparent; color: var(--accent); }
.hint { color: var(--muted); margin: .1rem 0 .25rem; font-size: .95rem; }
.verplicht { font-weight: 400; color: var(--muted); }
.fout { color: var(--bad); font-weight: 600; margin: .25rem 0; }
.heeft-fout input, .heeft-fout textarea, .heeft-fout select { border: 2px solid var(--bad); }
.melding { border-left: 6px solid var(--good); background: var(--goodbg); padding: .5rem 1rem; margin: 1rem 0; }
.fout-melding { border-color: var(--bad); background: var(--badbg); }
.filters { display: flex; flex-wrap: wrap; gap: 0 1rem; align-items: end; }
.filters .veld { min-width: 10rem; }
.staat-overdue, .staat-due_today { color: var(--bad); font-weight: 700; }
.staat-due_soon { color: var(--warn); font-weight: 700; }
.lijst-stappen { list-style: none; padding: 0; } .lijst-stappen li { padding: .3rem 0; border-bottom: 1px solid var(--line); }
.gedaan::before { content: "✔ "; color: var(--good); } .open-stap::before { content: "○ "; }
.tijdlijn { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: .5rem; list-style: none; padding: 0; }
.tijdlijn li { background: var(--soft); padding: .5rem; border-top: 4px solid var(--accent); }
.tijdlijn .nu { border-top-color: var(--warn); }
details { margin: .75rem 0; border: 1px solid var(--line); border-radius: 4px; padding: .25rem .75rem; }
summary { cursor: pointer; font-weight: 600; padding: .25rem 0; }
.tekst { white-space: pre-wrap; background: var(--soft); padding: .5rem; }
form.inline { display: inline-block; margin: 0 .5rem .5rem 0; }
.drop { border: 2px dashed var(--muted); padding: .75rem; border-radius: 4px; }
.drop.over { border-color: var(--accent); }
dl.feiten { display: grid; grid-template-columns: minmax(10rem, max-content) 1fr; gap: .2rem 1rem; } dl.feiten dt { font-weight: 600; } dl.feiten dd { margin: 0; }
@media (max-width: 40rem) { dl.feiten { grid-template-columns: 1fr; } dl.feiten dd { margin-bottom: .4rem; } th, td { padding: .3rem; } }
`;

const NAV: readonly [string, string][] = [
  ['/', 'Overzicht'],
  ['/nieuw', 'Nieuwe klacht'],
  ['/bewaartermijn', 'Bewaartermijn'],
  ['/privacy', 'Privacyverzoeken'],
];

/** A werkplek page: Dutch, a skip link, the navigation, the title and the article of the regulation it fulfils. */
export function page(o: { title: string; article: string; current: string; body: string; notice?: string; script?: string }): string {
  const nav = NAV.map(([href, label]) => `<li><a href="${href}"${href === o.current ? ' aria-current="page"' : ''}>${label}</a></li>`).join(
    '',
  );
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(o.title)} · Werkplek klachten</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#inhoud">Naar de inhoud</a>
<header><span class="naam">Werkplek klachten</span><nav aria-label="Werkplek"><ul>${nav}</ul></nav>
<form method="post" action="/synchroniseren"><button type="submit" class="secundair">Synchroniseren</button></form></header>
<main id="inhoud">
<h1>${esc(o.title)}</h1>
<p class="artikel">${esc(o.article)}</p>
${o.notice ?? ''}
${o.body}
</main>
${o.script ? `<script>${o.script}</script>` : ''}
</body>
</html>
`;
}

/** A notice above the page content: a result (role status) or a refusal (role alert). */
export function notice(text: string, kind: 'ok' | 'fout' = 'ok'): string {
  return `<div class="melding${kind === 'fout' ? ' fout-melding' : ''}" role="${kind === 'fout' ? 'alert' : 'status'}">${text
    .split('\n')
    .map((l) => `<p>${esc(l)}</p>`)
    .join('')}</div>`;
}
