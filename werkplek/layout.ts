import { html, type Html, type HtmlValue } from './html.ts';

const NAV: readonly [string, string][] = [
  ['/', 'Overzicht'],
  ['/nieuw', 'Nieuwe klacht'],
  ['/bewaartermijn', 'Bewaartermijn'],
  ['/privacy', 'Privacyverzoeken'],
  ['/wie-ben-ik', 'Wie ben ik'],
  ['/instellingen', 'Instellingen'],
  ['/instellingen/reglement', 'Klachtenregeling'],
  ['/instellingen/github', 'GitHub controleren'],
];

/** A werkplek page: Dutch, a skip link, the navigation, the title and the article of the regulation it fulfils. */
export function page(o: {
  title: string;
  article: string;
  current: string;
  body: HtmlValue;
  notice?: HtmlValue;
  script?: string;
  /** Reload the page after this many seconds (while something runs in the background). */
  refresh?: number;
  /** The search shown in the header's search box (the Overzicht of a search). */
  search?: string;
}): Html {
  const nav = NAV.map(([href, label]) => html`<li><a href="${href}" ${href === o.current && html`aria-current="page"`}>${label}</a></li>`);
  return html`<!doctype html>
    <html lang="nl">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${o.title} · Werkplek klachten</title>
        <link rel="stylesheet" href="/static/werkplek.css" />
      </head>
      <body>
        <a class="skip" href="#inhoud">Naar de inhoud</a>
        <header>
          <span class="naam">Werkplek klachten</span>
          <nav aria-label="Werkplek">
            <ul>
              ${nav}
            </ul>
          </nav>
          ${searchForm(o.search)}
          <form method="post" action="/synchroniseren"><button type="submit" class="secundair">Synchroniseren</button></form>
        </header>
        <main id="inhoud">
          <h1>${o.title}</h1>
          ${o.article && html`<p class="artikel">${o.article}</p>`} ${o.notice} ${o.body}
        </main>
        <script src="/static/zoeken.js"></script>
        ${o.script && html`<script src="/static/${o.script}"></script>`}
      </body>
    </html> `;
}

/**
 * The search box of every page: name, e-mail address, phone number, dossier number or words of the complaint. It
 * posts, so the words never appear in an address or the browser's history (werkplek/search-token.ts); the
 * browser is asked not to remember them either (autocomplete off).
 */
function searchForm(value = ''): Html {
  return html`<form method="post" action="/zoeken" role="search" class="zoeken" aria-label="Dossiers">
    <label for="zoek">Zoek een dossier</label>
    <input type="search" id="zoek" name="zoek" value="${value}" autocomplete="off" spellcheck="false" placeholder="naam, telefoon, nummer of woord" aria-describedby="zoek-hint" />
    <span class="skip" id="zoek-hint">naam, e-mailadres, telefoonnummer, dossiernummer of woorden uit de klacht</span>
    <button type="submit">Zoeken</button>
  </form>`;
}

/** A notice above the page content: a result (role status) or a refusal (role alert). */
export function notice(text: string, kind: 'ok' | 'fout' = 'ok'): Html {
  return html`<div class="melding${kind === 'fout' && ' fout-melding'}" role="${kind === 'fout' ? 'alert' : 'status'}">
    ${text.split('\n').map((l) => html`<p>${l}</p>`)}
  </div>`;
}

/** A page for a missing case or address, or a request that cannot be answered. */
export function messagePage(title: string, what: string): Html {
  return page({
    title,
    article: '',
    current: '',
    body: html`${what.split('\n').map((l) => html`<p>${l}</p>`)}
      <p><a href="/">Terug naar het overzicht</a></p>`,
  });
}

/** A page for a missing case or address. */
export const notFoundPage = (what: string): Html => messagePage('Niet gevonden', what);
