import type { Organization } from '../../schemas/organization.ts';
import type { RetentionAction } from '../../lib/cases/retention-plan.ts';
import { formatDate, type IsoDate } from '../../lib/dates/iso-date.ts';
import { retention } from '../../actions/retention.ts';
import type { Werkplek } from '../context.ts';
import { confirmBox } from '../form-controls.ts';
import { str } from '../forms/form-values.ts';
import { html, type Html } from '../html.ts';
import { erasureInWords, type ErasureReach } from '../../lib/cases/erasure-words.ts';
import { vocabulary } from '../../lib/vocabulary/index.ts';
import { historyErasureSection } from './history-erasure.ts';
import { notice, page } from '../layout.ts';
import { pageReply, type Reply, type Request } from '../reply.ts';
import { dateHtml as d } from './dates.ts';
import { commitWords } from './saved-words.ts';

/** GET /bewaartermijn: the retention dry run. */
export async function showRetention(app: Werkplek): Promise<Reply> {
  return runRetention(app, undefined);
}

/** POST /bewaartermijn: apply it, after an explicit confirmation. */
export function postRetention(app: Werkplek, req: Request): Promise<Reply> {
  return app.serial(() => runRetention(app, str(req.values, 'bevestig') === 'ja'));
}

async function runRetention(app: Werkplek, confirm: boolean | undefined): Promise<Reply> {
  const ctx = app.context();
  const view = (
    o: { plan: readonly RetentionAction[]; reach?: ReadonlyMap<string, ErasureReach>; notice?: Html; error?: string },
    status = 200,
  ) => {
    const running = app.sharing.erasureRunning;
    return pageReply(
      retentionPage({
        org: ctx.org,
        today: ctx.today,
        ...o,
        history: historyErasureSection({ run: app.sharing.lastErasure, running, today: ctx.today }),
        ...(running ? { refresh: 3 } : {}),
      }),
      status,
    );
  };
  const ws = app.workspace(ctx);
  const r = await retention(ws, { apply: confirm === true });
  if (r.kind === 'invalid-cases')
    return view({
      plan: [],
      notice: notice(
        `${r.errorCount} fout(en) in dossiers die niet kunnen worden gelezen: herstel ze eerst (het overzicht noemt ze).`,
        'fout',
      ),
    });
  if (r.kind === 'refused') return view({ plan: [], notice: notice(r.error.message, 'fout') }, 422);
  if (r.kind === 'planned')
    return confirm === false
      ? view({ plan: r.plan, reach: r.reach, error: 'Vink eerst aan dat u het verwijderen bevestigt. Er is niets veranderd.' }, 422)
      : view({ plan: r.plan, reach: r.reach });
  app.index.changed();
  // the history, the shared remote and the prune run in the background (io/sharing.ts); the page says when done
  r.history.catch(() => undefined);
  const said = r.plan.map((a, i) => `${a.id}: ${commitWords(r.commits[i]!)}`);
  return view({
    plan: [],
    notice: notice(
      `Persoonsgegevens verwijderd uit ${r.plan.length} dossier(s), na afloop van de bewaartermijn.\n${said.join('\n')}\nDe eerdere versies worden nu ook uit de geschiedenis verwijderd, hier en op de gedeelde opslag; deze pagina zegt wanneer dat klaar is.`,
    ),
  });
}

/** Bewaartermijn: the retention dry run, and apply after explicit confirmation (AVG; art. 4.4). */
export function retentionPage(o: {
  org: Organization;
  plan: readonly RetentionAction[];
  /** Per case, how far the erasure reaches (history, attachments, the shared remote), where Git is. */
  reach?: ReadonlyMap<string, ErasureReach>;
  today: IsoDate;
  notice?: Html;
  error?: string;
  /** After a run: what happened to the history, and what we cannot reach (or that it still runs). */
  history?: Html | '';
  refresh?: number;
}): Html {
  const nl = vocabulary('nl');
  const list = o.plan.map(
    (a) =>
      html`<li>
        <a href="/dossier/${a.id}">${a.id}</a>: afgesloten ${d(a.closed_on)}, bewaren tot ${d(a.keep_until)}. Wordt verwijderd:
        <ul>
          ${erasureInWords(a, o.reach?.get(a.id), nl).map((w) => html`<li>${w}</li>`)}
        </ul>
      </li>`,
  );
  const confirm = o.plan.length
    ? html`<form method="post" action="/bewaartermijn">
        ${confirmBox('f-bevestig', html`Ik begrijp dat deze persoonsgegevens definitief uit ${o.plan.length} dossier(s) worden verwijderd.`, o.error)}
        <p><button type="submit">Persoonsgegevens verwijderen</button></p>
      </form>`
    : html`<p>Geen dossier is over de bewaartermijn heen. Er hoeft niets te gebeuren.</p>`;
  return page({
    title: 'Bewaartermijn',
    article: `Persoonsgegevens van een afgesloten klacht worden ${o.org.retention.years_after_closing} jaar na afsluiting verwijderd (AVG; vertrouwelijkheid art. 4.4). Stand op ${formatDate(o.today)}.`,
    current: '/bewaartermijn',
    notice: o.notice,
    ...(o.refresh ? { refresh: o.refresh } : {}),
    body: html`${o.history ?? ''}<p>
        Er is nog niets veranderd: u ziet eerst wat er zou gebeuren. Datums, begeleider, kanaal, categorieën, oorzaken, de soorten stappen met hun data,
        tevredenheid, uitkomst en verbeteracties blijven bewaard; bevindingen, conclusies en bemiddelingstekst worden vervangen door
        "(verwijderd op …)". In elk dossier komt te staan: "${nl.erasure.note(o.today, 'retention')}"
      </p>
      ${
        list.length > 0 &&
        html`<ul>
          ${list}
        </ul>`
      }${confirm}`,
  });
}
