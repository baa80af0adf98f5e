import type { Organization } from '../../schemas/organization.ts';
import { vocabulary } from '../vocabulary/index.ts';
import type { WorkCalendar } from '../calendar/calendar.ts';
import type { CaseRecord } from '../cases/case-file.ts';
import type { AccessExport } from '../cases/subject-access.ts';
import { formatDate, type IsoDate } from '../dates/iso-date.ts';
import { pageBody } from './committee-dossier.ts';
import { documentPage, escapeHtml } from './html.ts';
import { registrationFormHtml } from './registration-form.ts';

/**
 * The printable answer to an access request (AVG art. 15): what, why, how long, who receives it and the
 * person's rights, then every case as its full registration form (all fields, the text and the steps).
 */
export function accessReportHtml(
  exp: AccessExport,
  records: readonly CaseRecord[],
  org: Organization,
  cal: WorkCalendar,
  today: IsoDate,
): string {
  const fact = (label: string, value: string) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`;
  const cover = `<h1>Inzage in uw persoonsgegevens</h1>
<p class="muted">${escapeHtml(org.organization.name)} · artikel 15 AVG · opgesteld op ${escapeHtml(formatDate(today))}</p>
<p>U vroeg welke persoonsgegevens wij van u hebben. Hieronder staat alles wat wij in ons klachtenregister over u
bewaren: ${exp.dossiers.length === 1 ? 'één dossier' : `${exp.dossiers.length} dossiers`}, elk met alle vastgelegde gegevens.</p>
<table>
${fact('Verwerkingsverantwoordelijke', `${exp.verwerkingsverantwoordelijke.postadres}, ${exp.verwerkingsverantwoordelijke.email}`)}
${fact('Doel', exp.doel)}
${fact('Grondslag', exp.grondslag)}
${fact('Bewaartermijn', exp.bewaartermijn)}
${fact('Ontvangers', exp.ontvangers)}
${fact('Uw rechten', exp.rechten)}
${fact('Dossiers', exp.dossiers.map((d) => d.dossiernummer).join(', '))}
${fact('Documenten', exp.dossiers.flatMap((d) => d.documenten).join(', ') || 'geen')}
${fact(vocabulary('nl').attachment.heading, exp.dossiers.flatMap((d) => d.bijlagen.map((b) => `${d.dossiernummer}: ${b}`)).join(', ') || 'geen')}
</table>`;
  const forms = records.map((r) => `<section class="next-page">\n${pageBody(registrationFormHtml(r, org, cal, today))}\n</section>`);
  return documentPage('Inzage in uw persoonsgegevens', [cover, ...forms].join('\n'));
}
