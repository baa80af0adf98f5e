import type { Organization } from '../../schemas/organization.ts';
import type { WorkCalendar } from '../calendar/calendar.ts';
import type { AccessExport } from '../cases/subject-access.ts';
import { formatDate, type IsoDate } from '../dates/iso-date.ts';
import { pageBody } from './committee-dossier.ts';
import { documentPage, escapeHtml } from './html.ts';
import { registrationFormHtml } from './registration-form.ts';

/**
 * The printable answer to an access request (AVG art. 15): every fact of art. 15(1) and (2) (purposes, categories,
 * recipients and transfers, retention, rights, the Autoriteit Persoonsgegevens, the source, no automated decisions),
 * then per case the person's role, what it holds about them, where it came from and until when it is kept, and the
 * case as its full registration form, without what the organizer left out because it concerns someone else (15(4)).
 */
export function accessReportHtml(exp: AccessExport, org: Organization, cal: WorkCalendar, today: IsoDate): string {
  const fact = (label: string, value: string) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`;
  const controller = exp.verwerkingsverantwoordelijke;
  const cover = `<h1>Inzage in uw persoonsgegevens</h1>
<p class="muted">${escapeHtml(org.organization.name)} · artikel 15 AVG · opgesteld op ${escapeHtml(formatDate(today))}</p>
<p>U vroeg welke persoonsgegevens wij van u hebben. Hieronder staat alles wat wij in ons klachtenregister over u
bewaren: ${exp.dossiers.length === 1 ? 'één dossier' : `${exp.dossiers.length} dossiers`}, elk met alle vastgelegde gegevens.
Dit document is ook uw kopie van die gegevens (art. 15 lid 3 AVG).</p>
<table>
${fact('Verwerkingsverantwoordelijke', `${controller.postadres}, ${controller.email}`)}
${controller.functionaris_gegevensbescherming ? fact('Functionaris voor gegevensbescherming', controller.functionaris_gegevensbescherming) : ''}
${fact('Doel (art. 15 lid 1 a)', exp.doel)}
${fact('Grondslag', exp.grondslag)}
${fact('Soorten gegevens (b)', exp.categorieen)}
${fact('Gegevens over gezondheid', exp.bijzondere_gegevens)}
${fact('Ontvangers (c)', exp.ontvangers)}
${fact('Doorgifte buiten de EU (art. 15 lid 2)', exp.doorgifte)}
${fact('Bewaartermijn (d)', exp.bewaartermijn)}
${fact('Uw rechten (e)', exp.rechten)}
${fact('Klacht bij de toezichthouder (f)', exp.klacht_autoriteit)}
${fact('Geautomatiseerde besluiten (h)', exp.geautomatiseerde_besluitvorming)}
${fact('Documenten', exp.dossiers.flatMap((d) => d.documenten).join(', ') || 'geen')}
</table>
<h2>Per dossier</h2>
${exp.dossiers
  .map(
    (d) => `<table>
${fact('Dossiernummer', d.dossiernummer)}
${fact('U bent', d.rol === 'klager' ? 'de klager (de cliënt)' : 'de vertegenwoordiger, die namens de cliënt klaagde')}
${fact('Wat het over u bevat (b)', d.categorieen.join('; '))}
${fact('Waar de gegevens vandaan komen (g)', d.bron)}
${fact('Bewaard (d)', d.bewaard_tot)}
${d.weggelaten.length ? fact('Weggelaten (art. 15 lid 4)', `${d.weggelaten.join('; ')}: dat zijn gegevens van een ander, de cliënt.`) : ''}
</table>`,
  )
  .join('\n')}`;
  const forms = exp.dossiers.map(
    (d) =>
      `<section class="next-page">\n${pageBody(registrationFormHtml({ file: d.bestand, data: d.gegevens, body: d.tekst }, org, cal, today))}\n</section>`,
  );
  return documentPage('Inzage in uw persoonsgegevens', [cover, ...forms].join('\n'));
}
