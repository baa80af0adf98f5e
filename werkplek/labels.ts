import { formatDate } from '../lib/dates/format.ts';
import { vocabulary, type CaseField, type DatedStep, type StepKind } from '../lib/vocabulary/index.ts';

/** The words the messages name fields and documents by (lib/vocabulary). */
const nl = vocabulary('nl');

/** A step of the handling the Dossier's checklist shows: where it is written and the article it fulfils. Its words are the vocabulary's `step` (checklist, form) and `stepDone` (the commit). */
export interface ChecklistStep {
  key: StepKind | DatedStep;
  article: string;
  /** A date field of its own (`client_informed`), or a step in `steps`. */
  field: 'date' | 'step';
}

/** The regulation's steps a case records, in the order of the handling. */
export const CHECKLIST_STEPS: readonly ChecklistStep[] = [
  { key: 'acknowledged', article: 'art. 4.5', field: 'date' },
  { key: 'written_confirmation', article: 'art. 4.1', field: 'date' },
  { key: 'client_informed', article: 'art. 3.1, 3.2', field: 'date' },
  { key: 'information_given', article: 'art. 5.1', field: 'step' },
  { key: 'complainant_heard', article: 'art. 5.2', field: 'step' },
  { key: 'third_party_information', article: 'art. 5.3', field: 'step' },
  { key: 'mediation', article: 'art. 4.3', field: 'step' },
];

/**
 * What a document lacks (lib/documents' `missing`, which names the file's fields for editor users) in the
 * werkplek's terms: the form that fills it in. Unknown messages stay as they are.
 */
export function missingInWerkplek(message: string): string {
  const form = (what: string, name: string) => `${what} (formulier "${name}")`;
  const the = (field: CaseField) => `de ${nl.field[field].toLowerCase()}`;
  if (message.startsWith('response.date')) return form(the('response.date'), nl.field.response);
  if (message.startsWith('response.findings')) return form(the('response.findings'), nl.field.response);
  if (message.startsWith('response.conclusions')) return form(the('response.conclusions'), nl.field.response);
  if (message.startsWith('de klacht zoals u die voor de klager opschrijft'))
    return form('de klacht zoals u die voor de klager opschrijft', 'Registratie wijzigen, veld "Klacht zoals bevestigd aan de klager"');
  if (message.startsWith('escalation.date')) return form('de datum waarop de klacht is voorgelegd', 'Voorleggen aan de klachtencommissie');
  return message;
}

/** Whether a document's `missing` says it is not for this case at all (the oral complaint's confirmation of a written one). */
export const notApplicable = (missing: readonly string[]): boolean => missing.some((m) => m.startsWith('channel: oral'));

/** `2026-11-24` as a date field shows and takes it: `24-11-2026`. */
const shownDate = (iso: string) => iso.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3-$2-$1');

/**
 * Dates in a message as people read them: a field named with its key and value for people who edit the file
 * (`"Ontvangen op" (received: 2026-12-06)`) becomes `"Ontvangen op" (6 december 2026)`, and every ISO date
 * `6 december 2026`. @example inWords('2026-11-02 ligt vóór …') === '2 november 2026 ligt vóór …'
 */
export function inWords(message: string): string {
  return message
    .replace(/\(([a-z_]+(?:\.[a-z_]+)*): (\d{4}-\d{2}-\d{2})\)/g, '($2)')
    .replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (iso) => formatDate(iso));
}

/**
 * A validation message (written for people who edit the file: "voeg een regel toe zoals date: …") in the terms
 * of the werkplek's forms, with an example as the field takes it and dates in words. Other messages stay as they
 * are, their dates in words.
 */
export function formMessage(message: string): string {
  return inWords(formTerms(message));
}

function formTerms(message: string): string {
  const missing = /^verplicht veld ontbreekt; voeg een regel toe zoals [\w.]+: (\S+)/.exec(message);
  if (missing) return `vul dit veld in, bijv. ${shownDate(missing[1]!.replace(/^"|"$/g, ''))}`;
  if (message.startsWith('verplicht veld ontbreekt')) return 'vul dit veld in';
  if (/^status "\w+" vraagt een schriftelijke afhandeling/.test(message))
    return `sla eerst de schriftelijke afhandeling op, met datum, bevindingen en conclusies (formulier "${nl.field.response}")`;
  if (message.startsWith('status "escalated" vraagt de datum'))
    return 'vul de datum in waarop de klacht aan de klachtencommissie is voorgelegd, bijv. 24-11-2026';
  if (message.startsWith('status "withdrawn" vraagt de datum'))
    return 'vul de datum in waarop de klager de klacht introk, bijv. 24-11-2026';
  return message;
}

/**
 * A warning of `npm run validate` (written for people who edit files: field names, YAML examples) as the
 * Dossier shows it under "Let op": what to do in the werkplek. Other warnings (a late filing) stay as they are.
 */
export function warningInWerkplek(message: string, org: { escalation: { committee: string } }): string {
  const oral = nl.document['bevestiging-mondelinge-klacht'];
  if (message.startsWith('een mondelinge klacht heeft nog geen written_confirmation'))
    return `deze mondelinge klacht is nog niet schriftelijk bevestigd (art. 4.1): verstuur de "${oral}" (onder Documenten) en klik daarna op "${oral} is verstuurd"`;
  if (message.startsWith('de klager is niet tevreden (satisfied: false)'))
    return `de klager is niet tevreden en de klacht is niet voorgelegd (art. 4.7): leg voor aan de ${org.escalation.committee} ("Voorleggen aan de klachtencommissie"), of vul bij "Uitkomst bewerken" in waarom niet`;
  if (message.startsWith('er is een bemiddelingsstap'))
    return 'er is bemiddeld, maar de afhandeling zegt niet hoe de bemiddeling de klacht heeft opgelost (art. 5.5): vul dat in bij "Schriftelijke afhandeling bewerken"';
  if (message.startsWith('er staat niet wanneer de cliënt is gewezen'))
    return `er staat niet wanneer de cliënt is gewezen op de klachtenregeling en de ${org.escalation.committee} (art. 3). Dat gebeurt bij de start van de opdracht, meestal in de opdrachtbevestiging: vul die datum in bij "Registratie wijzigen"`;
  if (message.startsWith('ontvangst laat bevestigd'))
    return `de ${message.replace(/ \(acknowledgement_workdays in organization\.yml\)$/, '')}. Bevestig de ontvangst voortaan in de eerste week (onder Documenten: "${nl.document.ontvangstbevestiging}")`;
  if (message.startsWith('de cliënt is pas op'))
    return `${message.replace(/: noteer die datum als die er is$/, '')}: staat het al in de opdrachtbevestiging, vul die datum dan in bij "Registratie wijzigen"`;
  return message;
}

/** What a warning of a case is about, in a few words, as the Overzicht flags it beside the case (the Dossier says it in full). */
export function warningShort(field: string): string {
  const short: Record<string, string> = {
    received: 'te laat ingediend (art. 4.1)',
    acknowledged: 'ontvangst laat bevestigd',
    channel: 'mondelinge klacht nog niet schriftelijk bevestigd',
    satisfied: 'niet tevreden, niet voorgelegd',
    response: 'bemiddeling niet beschreven',
    client_informed: 'art. 3 nakijken',
  };
  return short[field] ?? 'tekst nakijken';
}
