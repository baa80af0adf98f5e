import type { Organization } from '../../schemas/organization.ts';
import type { WorkCalendar } from '../calendar/calendar.ts';
import type { CaseRecord } from '../cases/case-file.ts';
import { addWorkdays } from '../calendar/calendar.ts';
import { decreedDaysCaveat } from '../calendar/decreed-days.ts';
import { caseDeadline } from '../deadlines/deadlines.ts';
import { formatDate, type IsoDate } from '../dates/iso-date.ts';
import { letterBase, type LetterBase } from './letter-base.ts';
import { CONFIRMED_HEADING, confirmedComplaintSection } from '../cases/body.ts';
import { fillLetterTemplate, type LetterPartials, type LetterResult } from './response-letter.ts';
import { t } from '../../schemas/language.ts';
import { vocabulary } from '../vocabulary/index.ts';
import { listInWords } from '../privacy/privacy-texts.ts';

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
  /** The caveat when the deadline lies after the known decreed days (art. 3 lid 3 Atw), else ''. */
  voorbehoud: string;
  /**
   * AVG art. 14: when a representative complains, what is recorded about the client, in words ("naam, adres en de
   * tekst van de klacht"); '' when the client complains.
   */
  clientgegevens: string;
  /** The years the personal data is kept after the case is closed (organization.yml retention). */
  bewaarjaren: number;
}

/**
 * What a case records about the client when a representative complains (AVG art. 14(1)(d)), in words; '' when
 * the client complains (the client then gave the data, art. 13).
 */
export function clientDataInWords(record: CaseRecord): string {
  const who = record.data.complainant;
  if (!who?.representative) return '';
  return listInWords([
    'naam',
    ...(who.address ? ['adres'] : []),
    ...(who.email ? ['e-mailadres'] : []),
    ...(who.phone ? ['telefoonnummer'] : []),
    'de klacht over de begeleiding van de cliënt',
  ]);
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
    voorbehoud: decreedDaysCaveat([d.due]) ?? '',
    clientgegevens: clientDataInWords(record),
    bewaarjaren: org.retention.years_after_closing,
  };
  return {
    ok: true,
    html: fillLetterTemplate('ontvangstbevestiging.html', template, view, `${titles.ontvangstbevestiging} klacht ${c.id}`, partials),
  };
}

/** The values of templates/bevestiging-mondelinge-klacht.html (art. 4.1). */
export interface OralConfirmationView extends LetterBase {
  datum: string;
  /** The complaint as the organizer wrote it for the complainant (`## Klacht zoals bevestigd`), as plain text. */
  klacht: string;
  /** The handling deadline (art. 5.4) and its number of working days, counted from the day the complaint was made. */
  termijn: string;
  werkdagen: number;
  /** The date by which the complainant corrects the text (the letter's date plus `correction_workdays`). */
  reageren_voor: string;
  /** The caveat when a date lies after the known decreed days (art. 3 lid 3 Atw), else ''. */
  voorbehoud: string;
}

/**
 * The written confirmation of an oral complaint (art. 4.1: complaints are made in writing): the complaint as the
 * organizer wrote it for the complainant (never her own note of the call), the date to correct it by and the
 * handling deadline. Dated on the recorded `written_confirmation`, else `today`.
 */
export function oralConfirmationHtml(
  record: CaseRecord,
  org: Organization,
  cal: WorkCalendar,
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
  const klacht = confirmedComplaintSection(record.body);
  if (!klacht)
    missing.push(
      t(
        `de klacht zoals u die voor de klager opschrijft, in de tekst van het dossier onder "## ${CONFIRMED_HEADING}" (art. 4.1); uw eigen aantekening onder "## Klacht" gaat niet mee in de brief`,
        `the complaint as written for the complainant, in the body of the case file under "## ${CONFIRMED_HEADING}" (art. 4.1)`,
      ),
    );
  if (missing.length) return { ok: false, missing };
  const date = c.written_confirmation ?? today;
  const due = caseDeadline(c, cal, org.deadlines, today).due; // art. 5.4: from the day the oral complaint was made
  const replyBy = addWorkdays(cal, date, org.deadlines.correction_workdays);
  const view: OralConfirmationView = {
    ...letterBase(record, org),
    datum: formatDate(date),
    klacht,
    termijn: formatDate(due),
    werkdagen: org.deadlines.handling_workdays,
    reageren_voor: formatDate(replyBy),
    voorbehoud: decreedDaysCaveat([due, replyBy]) ?? '',
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
  /** Whose personal data the registration form sent to the committee holds, in words ("uw naam en contactgegevens"). */
  gegevens: string;
  /** The letters sent to the complainant before this one, each with its date, as the committee received them. */
  verstuurd: string[];
}

/** The letters of a case sent before the escalation letter, as recorded, in words with their dates. */
export function lettersSent(record: CaseRecord): string[] {
  const c = record.data;
  return [
    ...(c.acknowledged ? [`de ontvangstbevestiging van ${formatDate(c.acknowledged)}`] : []),
    ...(c.channel === 'oral' && c.written_confirmation
      ? [`de brief van ${formatDate(c.written_confirmation)} met uw mondelinge klacht op papier`]
      : []),
    ...(c.response ? [`mijn antwoord op uw klacht van ${formatDate(c.response.date)}`] : []),
  ];
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
    gegevens: c.complainant!.representative ? `uw naam en contactgegevens en die van ${c.complainant!.name}` : 'uw naam en contactgegevens',
    verstuurd: lettersSent(record),
  };
  return {
    ok: true,
    html: fillLetterTemplate('escalatiebrief.html', template, view, `Voorlegging klacht ${c.id} aan de klachtencommissie`, partials),
  };
}
