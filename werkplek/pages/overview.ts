import type { Organization } from '../../schemas/organization.ts';
import type { CaseDeadline } from '../../lib/deadlines/deadlines.ts';
import { beyondDecreedDays, decreedDaysCaveatText } from '../../lib/calendar/decreed-days.ts';
import { formatDate, type IsoDate } from '../../lib/dates/iso-date.ts';
import { organizerName } from '../../lib/organization/organizers.ts';
import type { Problem } from '../../lib/problems/problems.ts';
import type { Werkplek } from '../context.ts';
import { sharingView, shareStatusHtml, statusIn, type SharingView } from '../sharing-view.ts';
import { caseIdOfPath } from '../../lib/sharing/share-status.ts';
import { field, select, type FormState } from '../form-controls.ts';
import { html, type Html } from '../html.ts';
import { vocabulary } from '../../lib/vocabulary/index.ts';
import { page } from '../layout.ts';
import { pageReply, type Reply, type Request } from '../reply.ts';
import { dateHtml as d } from './dates.ts';

/** The words the page shows (lib/vocabulary). */
const nl = vocabulary('nl');

/** The filters of the Overzicht, as read from the query string. */
export interface OverviewFilter {
  begeleider?: string;
  status?: string;
  jaar?: string;
  zoek?: string;
  pagina: number;
}

export const PAGE_SIZE = 100;

/** GET /: the Overzicht, filtered and paged as the query string says. */
export async function showOverview(app: Werkplek, { url }: Request): Promise<Reply> {
  // organization.yml and today from the cached facts too: the first page parses no file and compiles no schema;
  // Git's view of the folder (the "Delen" column) is read by git processes meanwhile, not after
  const [facts, sharing] = await Promise.all([app.index.overview(), sharingView(app)]);
  const q = url.searchParams;
  const filter: OverviewFilter = {
    begeleider: q.get('begeleider') || undefined,
    status: q.get('status') || undefined,
    jaar: q.get('jaar') || undefined,
    zoek: q.get('zoek')?.trim().toUpperCase() || undefined,
    pagina: Math.max(1, Math.floor(Number(q.get('pagina'))) || 1),
  };
  const rows = facts.rows.filter(
    (c) =>
      (!filter.begeleider || c.organizer === filter.begeleider) &&
      (!filter.status || c.status === filter.status) &&
      (!filter.jaar || c.received.startsWith(filter.jaar)) &&
      (!filter.zoek || c.id.includes(filter.zoek)),
  );
  return pageReply(
    overviewPage({
      sharing,
      org: facts.org,
      rows: rows.slice((filter.pagina - 1) * PAGE_SIZE, filter.pagina * PAGE_SIZE),
      total: rows.length,
      years: facts.years,
      filter,
      invalid: facts.invalid,
      notice: app.takeFlash(url),
      today: facts.today,
    }),
  );
}

/** What the Overzicht shows. */
export interface OverviewView {
  /** Each case's share status and the sharing's notices; without it, no column "Delen". */
  sharing?: SharingView;
  org: Organization;
  rows: readonly CaseDeadline[];
  total: number;
  years: readonly string[];
  filter: OverviewFilter;
  invalid: readonly Problem[];
  notice?: Html;
  today: IsoDate;
}

/** Overzicht: every case, most urgent first (art. 2.1, 5.4, 6.2). */
export function overviewPage(o: OverviewView): Html {
  // without Git or without a remote every case says the same: once above the table, not per row
  const perCase = o.sharing && (o.sharing.facts.git === 'ok' || o.sharing.facts.git === 'detached') ? o.sharing : undefined;
  const shareLine = o.sharing && !perCase && html`<p class="delen">Delen met de anderen: ${shareStatusHtml(statusIn(o.sharing, ''))}</p>`;
  return page({
    title: 'Overzicht',
    article: `Alle klachten, de meest dringende eerst. Afhandeling binnen ${o.org.deadlines.handling_workdays} werkdagen (art. 2.1, 5.4, 6.2). Vandaag: ${formatDate(o.today)}.`,
    current: '/',
    notice: [o.notice, o.sharing?.notices, invalidNotice(o.invalid), shareLine],
    body: html`${filtersForm(o)}
      <p>${o.total} klacht(en) gevonden. <a class="knop" href="/nieuw">Nieuwe klacht registreren</a></p>
      ${casesTable(o, perCase)}
      ${o.rows.some((r) => beyondDecreedDays(r.due)) && html`<p class="hint">* ${decreedDaysCaveatText()}</p>`} ${pager(o)}`,
  });
}

/** The filters: begeleider, status, year, case number. */
function filtersForm(o: OverviewView): Html {
  const f = o.filter;
  const s: FormState = {
    values: { begeleider: f.begeleider ?? '', status: f.status ?? '', jaar: f.jaar ?? '', zoek: f.zoek ?? '' },
    errors: {},
  };
  return html`<form method="get" action="/" class="filters" aria-label="Filters">
    ${select(s, 'begeleider', 'Begeleider', [['', 'alle'], ...o.org.organizers.map((x) => [x.key, x.name] as const)])}
    ${select(s, 'status', 'Status', [['', 'alle'], ...Object.entries(nl.status)])}
    ${select(s, 'jaar', 'Jaar', [['', 'alle'], ...o.years.map((y) => [y, y] as const)])}
    ${field(s, 'zoek', 'Dossiernummer', { hint: 'bijv. K-2026-005' })}
    <div class="veld"><button type="submit">Tonen</button></div>
  </form>`;
}

/** The cases of this page, with their share status when each case has its own. */
function casesTable(o: OverviewView, perCase: SharingView | undefined): Html {
  const rows = o.rows.map(
    (r) =>
      html`<tr>
        <td><a href="/dossier/${r.id}">${r.id}</a></td>
        <td class="staat-${r.state}">${nl.deadlineStanding(r.state, r.workdays_left)}</td>
        <td>${d(r.due)}${beyondDecreedDays(r.due) && ' *'}</td>
        <td>${organizerName(o.org.organizers, r.organizer)}</td>
        <td>${nl.status[r.status]}</td>
        <td>${d(r.received)}</td>
        ${perCase && html`<td>${shareStatusHtml(statusIn(perCase, r.id))}</td>`}
      </tr> `,
  );
  return html`<div class="tabel">
        <table>
          <caption class="skip">
            Klachten
          </caption>
          <thead>
            <tr>
              <th scope="col">Dossier</th>
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
    for (const k of ['begeleider', 'status', 'jaar', 'zoek'] as const) if (f[k]) q.set(k, f[k]!);
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
