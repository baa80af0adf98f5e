import type { Organization } from '../../schemas/organization.ts';
import type { CaseDeadline } from '../../lib/deadlines/deadlines.ts';
import { beyondDecreedDays, decreedDaysCaveatText } from '../../lib/calendar/decreed-days.ts';
import { formatDate, type IsoDate } from '../../lib/dates/iso-date.ts';
import { isExampleOrganization } from '../../lib/organization/example.ts';
import { organizerName } from '../../lib/organization/organizers.ts';
import type { Problem } from '../../lib/problems/problems.ts';
import { parseQuery } from '../../lib/cases/search.ts';
import type { Werkplek } from '../context.ts';
import { sharingView, shareStatusHtml, statusIn, type SharingView } from '../sharing-view.ts';
import { caseIdOfPath } from '../../lib/sharing/share-status.ts';
import { hidden, select, type FormState } from '../form-controls.ts';
import { html, type Html, type HtmlValue } from '../html.ts';
import { vocabulary } from '../../lib/vocabulary/index.ts';
import { notice, page } from '../layout.ts';
import { warningShort } from '../labels.ts';
import { openSearch, sealSearch } from '../search-token.ts';
import { pageReply, redirect, type Reply, type Request } from '../reply.ts';
import { dateHtml as d } from './dates.ts';

/** The words the page shows (lib/vocabulary). */
const nl = vocabulary('nl');

/** The filters of the Overzicht, as read from the query string. */
export interface OverviewFilter {
  begeleider?: string;
  status?: string;
  jaar?: string;
  /** A search, sealed (werkplek/search-token.ts); only when it could be opened. */
  z?: string;
  pagina: number;
}

export const PAGE_SIZE = 100;

/** GET /: the Overzicht, filtered and paged as the query string says; a search's words come sealed in `z`. */
export async function showOverview(app: Werkplek, { url }: Request): Promise<Reply> {
  // organization.yml and today from the cached facts too: the first page parses no file and compiles no schema;
  // Git's view of the folder (the "Delen" column) is read by git processes meanwhile, not after
  const [facts, sharing] = await Promise.all([app.index.overview(), sharingView(app)]);
  const q = url.searchParams;
  const token = q.get('z') || undefined;
  const words = token === undefined ? undefined : openSearch(token);
  const query = words === undefined ? undefined : parseQuery(words);
  const filter: OverviewFilter = {
    begeleider: q.get('begeleider') || undefined,
    status: q.get('status') || undefined,
    jaar: q.get('jaar') || undefined,
    z: query ? token : undefined,
    pagina: Math.max(1, Math.floor(Number(q.get('pagina'))) || 1),
  };
  const found = query && (await app.texts.search(query));
  const rows = facts.rows.filter(
    (c) =>
      (!filter.begeleider || c.organizer === filter.begeleider) &&
      (!filter.status || c.status === filter.status) &&
      (!filter.jaar || c.received.startsWith(filter.jaar)) &&
      (!found || found.has(c.id)),
  );
  const shown = rows.slice((filter.pagina - 1) * PAGE_SIZE, filter.pagina * PAGE_SIZE);
  return pageReply(
    overviewPage({
      sharing,
      org: facts.org,
      rows: shown,
      subjects: app.texts.subjects(shown.map((r) => r.id)),
      warnings: facts.warnings,
      total: rows.length,
      years: facts.years,
      filter,
      search: query ? words : undefined,
      expired: token !== undefined && words === undefined,
      invalid: facts.invalid,
      notice: app.takeFlash(url),
      today: facts.today,
    }),
  );
}

/** POST /zoeken: the search box of every page; the Overzicht answers, the words sealed (werkplek/search-token.ts). */
export function postSearch(_app: Werkplek, { values }: Request): Reply {
  const words = typeof values.zoek === 'string' ? values.zoek.trim().slice(0, 200) : '';
  return redirect(words ? `/?z=${sealSearch(words)}` : '/');
}

/** POST /zoeken/voorbereiden: the search box got the focus (static/zoeken.js); the texts are read in the background. */
export function prepareSearch(app: Werkplek): Reply {
  void app.texts.prepare();
  return { kind: 'file', body: '', type: 'text/plain; charset=utf-8' };
}

/** What the Overzicht shows. */
export interface OverviewView {
  /** Each case's share status and the sharing's notices; without it, no column "Delen". */
  sharing?: SharingView;
  org: Organization;
  rows: readonly CaseDeadline[];
  /** The short subject of each case on this page (io/case-text-index.ts). */
  subjects: ReadonlyMap<string, string>;
  /** The fields each case has a warning about (io/case-facts-memo.ts). */
  warnings: ReadonlyMap<string, readonly string[]>;
  total: number;
  years: readonly string[];
  filter: OverviewFilter;
  /** The words searched for, when this is a search's answer. */
  search?: string;
  /** A search from before the werkplek was started again: it can no longer be opened. */
  expired?: boolean;
  invalid: readonly Problem[];
  notice?: Html;
  today: IsoDate;
}

/** Overzicht: every case, most urgent first (art. 2.1, 5.4, 6.2). */
export function overviewPage(o: OverviewView): Html {
  // without Git or without a remote every case says the same: once above the table, not per row
  const perCase = o.sharing && (o.sharing.facts.git === 'ok' || o.sharing.facts.git === 'detached') ? o.sharing : undefined;
  const shareLine = o.sharing && !perCase && html`<p class="delen">Delen met de anderen: ${shareStatusHtml(statusIn(o.sharing, ''))}</p>`;
  const found =
    o.search !== undefined &&
    html`<p class="gezocht" role="status">
    ${o.total === 0 ? 'Geen dossier gevonden' : `${o.total} ${o.total === 1 ? 'dossier' : 'dossiers'} gevonden`} voor
    <q>${o.search}</q>. <a href="/">Alle dossiers tonen</a>
  </p>`;
  return page({
    title: o.search !== undefined ? 'Zoeken' : 'Overzicht',
    article: `Alle klachten, de meest dringende eerst. Afhandeling binnen ${o.org.deadlines.handling_workdays} werkdagen (art. 2.1, 5.4, 6.2). Vandaag: ${formatDate(o.today)}.`,
    current: '/',
    search: o.search,
    notice: [
      firstRunNotice(o.org),
      o.notice,
      o.expired && notice('Deze zoekopdracht is verlopen: de werkplek is intussen opnieuw gestart. Zoek opnieuw.', 'fout'),
      o.sharing?.notices,
      invalidNotice(o.invalid),
      shareLine,
    ],
    body: html`${found}${filtersForm(o)}
      ${o.search === undefined && html`<p>${o.total} klacht(en) gevonden. <a class="knop" href="/nieuw">Nieuwe klacht registreren</a></p>`}
      ${o.total > 0 && casesTable(o, perCase)}
      ${o.rows.some((r) => beyondDecreedDays(r.due)) && html`<p class="hint">* ${decreedDaysCaveatText()}</p>`} ${pager(o)}`,
  });
}

/** On a fresh copy (the example organization, lib/organization/example.ts): Inrichten comes first. */
function firstRunNotice(org: Organization): Html | '' {
  if (!isExampleOrganization(org)) return '';
  return html`<div class="melding" role="status">
    <p>
      <strong>Dit is nog de voorbeeldpraktijk ${org.organization.name}.</strong> Richt eerst uw eigen praktijk in: naam, begeleiders, klachteninstantie en
      termijnen.
    </p>
    <p><a class="knop" href="/instellingen">Uw praktijk inrichten</a></p>
  </div>`;
}

/** The filters: begeleider, status, year (within a search's answer too). */
function filtersForm(o: OverviewView): Html {
  const f = o.filter;
  const s: FormState = { values: { begeleider: f.begeleider ?? '', status: f.status ?? '', jaar: f.jaar ?? '' }, errors: {} };
  return html`<form method="get" action="/" class="filters" aria-label="Filters">
    ${f.z && hidden('z', f.z)}
    ${select(s, 'begeleider', 'Begeleider', [['', 'alle'], ...o.org.organizers.map((x) => [x.key, x.name] as const)])}
    ${select(s, 'status', 'Status', [['', 'alle'], ...Object.entries(nl.status)])}
    ${select(s, 'jaar', 'Jaar', [['', 'alle'], ...o.years.map((y) => [y, y] as const)])}
    <div class="veld"><button type="submit">Tonen</button></div>
  </form>`;
}

/** A cell of the table; on a phone the rows become cards and each cell shows its column's name (CSS). */
const cell = (head: string, content: HtmlValue, cls?: string): Html =>
  html`<td ${cls && html`class="${cls}"`}><span class="kop">${head}</span><span>${content}</span></td>`;

/** The cases of this page, with their subject, warnings and share status when each case has its own. */
function casesTable(o: OverviewView, perCase: SharingView | undefined): Html {
  const rows = o.rows.map((r) => {
    const warnings = o.warnings.get(r.id) ?? [];
    return html`<tr>
      <th scope="row"><a href="/dossier/${r.id}">${r.id}</a></th>
      ${cell('Onderwerp', o.subjects.get(r.id) || '—', 'onderwerp')}
      ${cell(
        'Termijn',
        html`<span class="staat-${r.state}">${nl.deadlineStanding(r.state, r.workdays_left)}</span>${
          warnings.length > 0 &&
          html`<span class="let-op">Let op: ${warnings.map((w, i) => html`${i > 0 && '; '}${warningShort(w)}`)}</span>`
        }`,
      )}
      ${cell('Uiterlijk', html`${d(r.due)}${beyondDecreedDays(r.due) && ' *'}`)}
      ${cell('Begeleider', organizerName(o.org.organizers, r.organizer))}
      ${cell('Status', nl.status[r.status])}
      ${cell('Ontvangen', d(r.received))}
      ${perCase && cell('Delen', shareStatusHtml(statusIn(perCase, r.id)))}
    </tr> `;
  });
  return html`<div class="tabel">
    <table class="kaarten">
      <caption class="skip">
        Klachten
      </caption>
      <thead>
        <tr>
          <th scope="col">Dossier</th>
          <th scope="col">Onderwerp</th>
          <th scope="col">Termijn</th>
          <th scope="col">Uiterlijk</th>
          <th scope="col">Begeleider</th>
          <th scope="col">Status</th>
          <th scope="col">Ontvangen</th>
          ${perCase && html`<th scope="col">Delen</th>`}
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`;
}

/** Previous and next page, keeping the filters. */
function pager(o: OverviewView): Html | false {
  const f = o.filter;
  const pages = Math.max(1, Math.ceil(o.total / PAGE_SIZE));
  const query = (p: number) => {
    const q = new URLSearchParams();
    for (const k of ['begeleider', 'status', 'jaar', 'z'] as const) if (f[k]) q.set(k, f[k]!);
    q.set('pagina', String(p));
    return `/?${q}`;
  };
  return (
    pages > 1 &&
    html`<nav aria-label="Pagina's">
      <p>
        Pagina ${f.pagina} van ${pages}. ${f.pagina > 1 && html`<a href="${query(f.pagina - 1)}">Vorige</a>`}
        ${f.pagina < pages && html`<a href="${query(f.pagina + 1)}">Volgende</a>`}
      </p>
    </nav>`
  );
}

/** The case files that cannot be read: not in the list, each with a link to its repair page. */
function invalidNotice(invalid: readonly Problem[]): Html | false {
  // a file's case number is its name (cases/2026/K-2026-007.md); the pattern of schemas/case.ts's CASE_ID, which
  // this page does not load (its first request loads no zod)
  const ids = [...new Set(invalid.map((p) => caseIdOfPath(p.file)))];
  const repairable = ids.filter((id) => /^K-\d{4}-\d{3,}$/.test(id));
  const other = ids.length - repairable.length;
  return (
    ids.length > 0 &&
    html`<div class="melding fout-melding" role="alert">
      <p>
        ${ids.length === 1 ? 'Eén dossier kan' : `${ids.length} dossiers kunnen`} niet worden gelezen en
        ${ids.length === 1 ? 'staat' : 'staan'} daarom niet in de lijst. Open ${ids.length === 1 ? 'het' : 'ze'} om te
        herstellen: de werkplek zegt per regel wat er niet klopt.
      </p>
      <ul>
        ${repairable.slice(0, 20).map((id) => html`<li><a href="/dossier/${id}/herstellen">${id} herstellen</a></li>`)}
      </ul>
      ${other > 0 && html`<p>${other === 1 ? 'Eén ander document' : `${other} andere documenten`} in de dossiermap ${other === 1 ? 'heeft' : 'hebben'} geen dossiernummer als naam; vraag hulp.</p>`}
    </div>`
  );
}
