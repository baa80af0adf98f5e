import { escapeHtml } from '../lib/documents/html.ts';

/** Markup that is safe to send as it is: made by {@link html} (its values escaped) or explicitly by {@link raw}. */
export class Html {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
  toString(): string {
    return this.text;
  }
}

/** A value a page may interpolate: text (escaped), markup, nothing (empty), or a list of these (joined). */
export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

const render = (v: HtmlValue): string =>
  v instanceof Html
    ? v.text
    : Array.isArray(v)
      ? v.map(render).join('')
      : v === undefined || v === null || v === false
        ? ''
        : escapeHtml(String(v));

/**
 * A tagged template for pages (Hono's `html` helper is the model): every interpolated value is escaped,
 * except markup made by `html` itself or wrapped in {@link raw}. Lists are joined; `undefined`, `null` and
 * `false` render as nothing, so `${cond && html`…`}` works.
 * @example html`<p>${'<b>'}</p>`.text === '<p>&lt;b&gt;</p>'
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new Html(out);
}

/** Markup passed through unescaped: only for text the code itself wrote (a script, a style), never for data. */
export const raw = (text: string): Html => new Html(text);
