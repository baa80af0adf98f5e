import type { Organization } from '../../schemas/organization.ts';
import type { WorkCalendar } from '../calendar/calendar.ts';
import type { CaseRecord } from '../cases/case-file.ts';
import { caseDeadline } from '../deadlines/deadlines.ts';
import { formatDate, type IsoDate } from '../dates/iso-date.ts';
import { letterBase, type LetterBase } from './letter-base.ts';
import { complaintSection, markdownHtml } from './markdown.ts';
import { fillLetterTemplate, type LetterPartials, type LetterResult } from './response-letter.ts';
import { t } from '../../schemas/language.ts';
import { vocabulary } from '../vocabulary/index.ts';

const titles = vocabulary('nl').document;

const anonymized = (record: CaseRecord) =>
  record.data.complainant
    ? []
    : [
        t(
          `complainant (het dossier is op ${record.data.anonymized} geanonimiseerd: er is niemand om de brief aan te richten)`,
          `complainant (the case was anonymized on ${record.data.anonymized}: there is no one to address)`,
        ),
      ];

/** The values of templates/ontvangstbevestiging.html (art. 3, 4.1, 5.4). */
export interface AcknowledgementView extends LetterBase {
  datum: string;
  termijn: string;
  werkdagen: number;
  mondeling: boolean;
}

/**
 * The acknowledgement of receipt: the date received, the handling deadline as a date (art. 5.4), who handles
 * it (art. 6.1), where the regulation is and the complaints committee (art. 3, 4.7). Dated on the recorded
 * `acknowledged`, else on `today` (the day it is made and recorded).
 */
export function acknowledgementHtml(
  record: CaseRecord,
  org: Organization,
  cal: WorkCalendar,
  today: IsoDate,
  template: string,
  partials: LetterPartials = {},
): LetterResult {
  const missing = anonymized(record);
  if (missing.length) return { ok: false, missing };
  const c = record.data;
  const d = caseDeadline(c, cal, org.deadlines, today);
  const view: AcknowledgementView = {
    ...letterBase(record, org),
    datum: formatDate(c.acknowledged ?? today),
    termijn: formatDate(d.due), // art. 5.4: received + 20 working days
    werkdagen: org.deadlines.handling_workdays,
    mondeling: c.channel === 'oral',
  };
  return {
    ok: true,
    html: fillLetterTemplate('ontvangstbevestiging.html', template, view, `${titles.ontvangstbevestiging} klacht ${c.id}`, partials),
  };
}

/** The values of templates/bevestiging-mondelinge-klacht.html (art. 4.1). */
export interface OralConfirmationView extends LetterBase {
  datum: string;
  /** The complaint as recorded (the body's `## Klacht` section, or the whole body), as HTML from its Markdown. */
  klacht: string;
}

/**
 * The written confirmation of an oral complaint (art. 4.1: complaints are made in writing): the complaint as
 * recorded, for the complainant to confirm or correct. Dated on the recorded `written_confirmation`, else `today`.
 */
export function oralConfirmationHtml(
  record: CaseRecord,
  org: Organization,
  today: IsoDate,
  template: string,
  partials: LetterPartials = {},
): LetterResult {
  const c = record.data;
  const missing = anonymized(record);
  if (c.channel !== 'oral')
    missing.push(
      t(
        `channel: oral (deze klacht kwam binnen via ${c.channel}; alleen een mondelinge klacht krijgt deze brief, art. 4.1)`,
        `channel: oral (this complaint came in by ${c.channel}; only an oral complaint needs this letter, art. 4.1)`,
      ),
    );
  const klacht = complaintSection(record.body);
  if (!klacht)
    missing.push(
      t(
        'de klacht zoals opgenomen, in de tekst van het dossier onder "## Klacht" (art. 4.1)',
        'the complaint as recorded, in the body of the case file under "## Klacht" (art. 4.1)',
      ),
    );
  if (missing.length) return { ok: false, missing };
  const view: OralConfirmationView = {
    ...letterBase(record, org),
    datum: formatDate(c.written_confirmation ?? today),
    klacht: markdownHtml(klacht),
  };
  return {
    ok: true,
    html: fillLetterTemplate(
      'bevestiging-mondelinge-klacht.html',
      template,
      view,
      `${titles['bevestiging-mondelinge-klacht']} ${c.id}`,
      partials,
    ),
  };
}

/** The values of templates/escalatiebrief.html (art. 4.7). */
export interface EscalationView extends LetterBase {
  datum: string;
  antwoord: string;
  escalatie: { kenmerk: string };
}

/** The letter that confirms the complaint was put before the complaints committee (art. 4.7), dated on escalation.date. */
export function escalationLetterHtml(record: CaseRecord, org: Organization, template: string, partials: LetterPartials = {}): LetterResult {
  const c = record.data;
  const missing = anonymized(record);
  if (!c.escalation)
    missing.push(
      t(
        'escalation.date (datum waarop de klacht aan de klachtencommissie is voorgelegd, art. 4.7)',
        'escalation.date (date the complaint was put before the complaints committee, art. 4.7)',
      ),
    );
  if (missing.length) return { ok: false, missing };
  const view: EscalationView = {
    ...letterBase(record, org),
    datum: formatDate(c.escalation!.date),
    antwoord: c.response ? formatDate(c.response.date) : '',
    escalatie: { kenmerk: c.escalation!.reference ?? '' },
  };
  return {
    ok: true,
    html: fillLetterTemplate('escalatiebrief.html', template, view, `Voorlegging klacht ${c.id} aan de klachtencommissie`, partials),
  };
}
