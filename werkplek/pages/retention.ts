import type { Organization } from '../../schemas/organization.ts';
import type { RetentionAction } from '../../lib/cases/retention-plan.ts';
import { formatDate, type IsoDate } from '../../lib/dates/iso-date.ts';
import { retention } from '../../actions/retention.ts';
import type { Werkplek } from '../context.ts';
import { confirmBox } from '../form-controls.ts';
import { str } from '../forms/form-values.ts';
import { html, type Html } from '../html.ts';
import { removedInWords } from '../labels.ts';
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
  const view = (o: { plan: readonly RetentionAction[]; notice?: Html; error?: string }, status = 200) =>
    pageReply(retentionPage({ org: ctx.org, today: ctx.today, ...o }), status);
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
      ? view({ plan: r.plan, error: 'Vink eerst aan dat u het verwijderen bevestigt. Er is niets veranderd.' }, 422)
      : view({ plan: r.plan });
  app.index.changed();
  const said = r.plan.map((a, i) => `${a.id}: ${commitWords(r.commits[i]!)}`);
  return view({ plan: [], notice: notice(`Persoonsgegevens verwijderd uit ${r.plan.length} dossier(s).\n${said.join('\n')}`) });
}

/** Bewaartermijn: the retention dry run, and apply after explicit confirmation (AVG; art. 4.4). */
export function retentionPage(o: {
  org: Organization;
  plan: readonly RetentionAction[];
  today: IsoDate;
  notice?: Html;
  error?: string;
}): Html {
  const list = o.plan.map(
    (a) =>
      html`<li>
        <a href="/dossier/${a.id}">${a.id}</a>: afgesloten ${d(a.closed_on)}, bewaren tot ${d(a.keep_until)}. Wordt verwijderd:
        ${a.removed.map((r, i) => html`${i > 0 && ', '}<code>${removedInWords(r)}</code>`)}
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
    body: html`<p>
        Er is nog niets veranderd: u ziet eerst wat er zou gebeuren. Datums, begeleider, kanaal, categorieën, oorzaken, de soorten stappen met hun data,
        tevredenheid, uitkomst en verbeteracties blijven bewaard; bevindingen, conclusies en bemiddelingstekst worden vervangen door
        "(verwijderd op …)".
      </p>
      ${
        list.length > 0 &&
        html`<ul>
          ${list}
        </ul>`
      }${confirm}`,
  });
}
