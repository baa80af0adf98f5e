import type { Vocabulary } from './vocabulary.ts';

/** A word with a capital, as a table cell or a chart label starts. */
const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const list = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`);
const workdays = (n: number) => `${n} ${n === 1 ? 'werkdag' : 'werkdagen'}`;

/** The case statuses; the report's outcomes reuse them. */
const status = {
  open: 'in behandeling',
  resolved: 'afgehandeld',
  escalated: 'voorgelegd aan de klachtencommissie',
  withdrawn: 'ingetrokken',
};

/** The handling steps; two of them are also steps every case must record (regulationStep). */
const step = {
  acknowledged: 'Ontvangst aan de klager bevestigd',
  written_confirmation: 'Mondelinge klacht schriftelijk bevestigd',
  client_informed: 'Cliënt bij de start van de opdracht gewezen op de klachtenregeling en {escalation}',
  information_given: 'Voldoende informatie aan de klager gegeven',
  complainant_heard: 'Klager in de gelegenheid gesteld de klacht toe te lichten',
  third_party_information: 'Informatie bij derden ingewonnen',
  mediation: 'Bemiddeld',
};

/** The Dutch words: what the organizer, the owner and clients read (the werkplek, letters, the report, issues). */
export const nl: Vocabulary = {
  role: {
    organizer: 'begeleider',
    organizerTitle: 'Professional Organizer & Coach',
    complainant: 'klager',
    escalationBody: 'de klachtencommissie',
  },
  status,
  channel: { email: 'e-mail', letter: 'brief', form: 'klachtenformulier', oral: 'mondeling' },
  channelHint: {
    email: '',
    letter: 'per post',
    form: 'op de website of op papier',
    oral: 'persoonlijk of telefonisch; bevestig de klacht schriftelijk, art. 4.1',
  },
  step,
  stepDone: {
    acknowledged: 'ontvangst bevestigd',
    written_confirmation: 'mondelinge klacht schriftelijk bevestigd',
    client_informed: 'cliënt geïnformeerd',
    information_given: 'informatie gegeven',
    complainant_heard: 'klager gehoord',
    third_party_information: 'informatie bij derden ingewonnen',
    mediation: 'bemiddeling',
  },
  regulationStep: {
    client_informed: step.client_informed,
    complainant_heard: step.complainant_heard,
    written_response: 'Schriftelijke afhandeling met bevindingen en conclusies',
  },
  field: {
    id: 'Dossiernummer',
    organizer: 'Verantwoordelijke begeleider',
    received: 'Ontvangen op',
    assignment_completed: 'Opdracht afgerond op',
    status: 'Status',
    channel: 'Binnengekomen via',
    written_confirmation: 'Mondelinge klacht schriftelijk bevestigd op',
    acknowledged: 'Ontvangst bevestigd op',
    client_informed: 'Cliënt gewezen op de klachtenregeling en {escalation} op',
    complainant: 'Klager',
    'complainant.name': 'Naam van de cliënt',
    'complainant.email': 'E-mailadres',
    'complainant.phone': 'Telefoonnummer',
    'complainant.address': 'Postadres',
    'complainant.representative': 'Vertegenwoordiger',
    'complainant.representative.name': 'Naam van de vertegenwoordiger',
    'complainant.representative.relation': 'Relatie tot de cliënt',
    'complainant.representative.email': 'E-mailadres van de vertegenwoordiger',
    'complainant.representative.phone': 'Telefoonnummer van de vertegenwoordiger',
    'complainant.representative.address': 'Postadres van de vertegenwoordiger',
    categories: 'Categorieën',
    causes: 'Oorzaken',
    steps: 'Behandelstappen',
    'steps.kind': 'Stap',
    'steps.date': 'Datum',
    'steps.note': 'Notitie',
    response: 'Schriftelijke afhandeling',
    'response.date': 'Datum van de afhandeling',
    'response.findings': 'Bevindingen',
    'response.conclusions': 'Conclusies',
    'response.mediation': 'Bemiddeling',
    satisfied: 'Is de klager tevreden?',
    escalation: 'Voorgelegd aan de klachtencommissie',
    'escalation.date': 'Voorgelegd op',
    'escalation.reference': 'Kenmerk bij {escalation}',
    no_escalation_reason: 'Reden om niet voor te leggen',
    withdrawn_on: 'Ingetrokken op',
    improvements: 'Verbeteracties',
    'improvements.action': 'Wat wordt er verbeterd',
    'improvements.owner': 'Door wie',
    'improvements.due': 'Streefdatum',
    'improvements.done': 'Gedaan op',
    anonymized: 'Persoonsgegevens verwijderd op',
  },
  deadlineState: {
    on_track: 'op schema',
    due_soon: 'termijn verloopt binnenkort',
    due_today: 'termijn verloopt vandaag',
    overdue: 'termijn overschreden',
    closed_on_time: 'afgerond, binnen de termijn',
    closed_late: 'afgerond, na de termijn',
    withdrawn: 'ingetrokken',
  },
  deadlineStanding: (state, left) =>
    state === 'on_track' || state === 'due_soon'
      ? `${nl.deadlineState[state]}: nog ${workdays(left ?? 0)}`
      : state === 'overdue'
        ? `${nl.deadlineState[state]}: ${workdays(Math.abs(left ?? 0))}`
        : nl.deadlineState[state],
  complianceCheck: {
    client_informed: 'Cliënt bij de start van de opdracht gewezen op de klachtenregeling',
    acknowledged: 'Ontvangst binnen de eigen termijn bevestigd aan de klager',
    oral_confirmation: 'Mondelinge klacht schriftelijk bevestigd',
    information_given: 'Voldoende informatie gegeven aan de klager',
    complainant_heard: 'Klager in de gelegenheid gesteld de klacht toe te lichten',
    third_party_information: 'Informatie gevraagd aan derden (mag, hoeft niet)',
    written_response: 'Schriftelijke afhandeling met bevindingen en conclusies',
  },
  complianceCheckShort: {
    client_informed: 'Cliënt vooraf gewezen op regeling',
    acknowledged: 'Ontvangst op tijd bevestigd',
    oral_confirmation: 'Mondelinge klacht bevestigd',
    information_given: 'Informatie gegeven',
    complainant_heard: 'Klager gehoord',
    third_party_information: 'Derden gevraagd',
    written_response: 'Schriftelijk afgehandeld',
  },
  outcome: {
    consultation: 'Opgelost in overleg',
    mediation: 'Opgelost via bemiddeling',
    escalated: capital(status.escalated),
    withdrawn: capital(status.withdrawn),
    open: `Nog ${status.open}`,
  },
  improvementState: { done: 'gedaan', open: 'open', overdue: 'open, streefdatum verstreken' },
  document: {
    registratieformulier: 'Klachtenregistratieformulier',
    antwoordbrief: 'Antwoordbrief (schriftelijke afhandeling)',
    ontvangstbevestiging: 'Ontvangstbevestiging',
    'bevestiging-mondelinge-klacht': 'Bevestiging mondelinge klacht',
    escalatiebrief: 'Brief: voorgelegd aan de klachtencommissie',
    'dossier-klachtencommissie': 'Dossier voor de klachtencommissie',
  },
  workdays,
  list,
  erasure: {
    reason: { request: 'op verzoek van de betrokkene (art. 17 AVG)', retention: 'na afloop van de bewaartermijn' },
    note: (date, reason) =>
      `(Persoonsgegevens, klachttekst en notities verwijderd op ${date} ${
        reason === 'request' ? 'op verzoek van de betrokkene (art. 17 AVG)' : 'na afloop van de bewaartermijn'
      }.)`,
    complainantPart: { name: 'naam', email: 'e-mailadres', phone: 'telefoonnummer', address: 'adres' },
    complainant: (parts) => `${list(parts)} van de klager`,
    representative: 'naam en contactgegevens van de vertegenwoordiger',
    complaintText: 'de tekst van de klacht en de notities',
    stepNotes: (n) => `de aantekeningen bij ${n} ${n === 1 ? 'stap' : 'stappen'}`,
    responsePart: { findings: 'bevindingen', conclusions: 'conclusies', mediation: 'uitkomst van de bemiddeling' },
    response: (parts) => `de ${list(parts)} van de afhandeling (in de plaats komt "verwijderd op …")`,
    escalationReference: 'het kenmerk bij de klachtencommissie',
    noEscalationReason: 'de reden om de klacht niet voor te leggen',
    ownComments: (n) => `${n} eigen ${n === 1 ? 'opmerking' : 'opmerkingen'} in het dossierbestand`,
    attachments: (n) => `${n} ${n === 1 ? 'bijlage' : 'bijlagen'}`,
    versions: (n) => `${n} eerdere ${n === 1 ? 'versie' : 'versies'} in de geschiedenis`,
    everywhere: 'ook op de gedeelde opslag en, bij de volgende synchronisatie, op de andere computers',
    localOnly: 'alleen op deze computer: er is geen gedeelde opslag ingesteld',
  },
};
