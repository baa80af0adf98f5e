import type { Vocabulary } from './vocabulary.ts';

/** A word with a capital, as a table cell or a chart label starts. */
const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const list = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);
const workdays = (n: number) => `${n} working ${n === 1 ? 'day' : 'days'}`;

/** The case statuses; the report's outcomes reuse them. */
const status = {
  open: 'being handled',
  resolved: 'resolved',
  escalated: 'put before the complaints committee',
  withdrawn: 'withdrawn',
};

/** The handling steps; two of them are also steps every case must record (regulationStep). */
const step = {
  acknowledged: 'Receipt acknowledged to the complainant',
  written_confirmation: 'Oral complaint confirmed in writing',
  client_informed: 'Client told of the complaints regulation and {escalation}',
  information_given: 'Sufficient information given to the complainant',
  complainant_heard: 'Complainant given the chance to explain the complaint',
  third_party_information: 'Information obtained from third parties',
  mediation: 'Mediated',
};

/** The English words: messages for developers (`--lang en`, KLACHTEN_LANG=en). Same type as nl: no word may be missing. */
export const en: Vocabulary = {
  role: {
    organizer: 'organizer',
    organizerTitle: 'Professional Organizer & Coach',
    complainant: 'complainant',
    escalationBody: 'the complaints committee',
  },
  status,
  channel: { email: 'e-mail', letter: 'letter', form: 'complaint form', oral: 'oral' },
  channelHint: {
    email: '',
    letter: 'by post',
    form: 'on the website or on paper',
    oral: 'in person or by phone; confirm it in writing, art. 4.1',
  },
  step,
  stepDone: {
    acknowledged: 'receipt acknowledged',
    written_confirmation: 'oral complaint confirmed in writing',
    client_informed: 'client informed',
    information_given: 'information given',
    complainant_heard: 'complainant heard',
    third_party_information: 'information obtained from third parties',
    mediation: 'mediation',
  },
  regulationStep: {
    client_informed: step.client_informed,
    complainant_heard: step.complainant_heard,
    written_response: 'Written response with findings and conclusions',
  },
  field: {
    id: 'Case number',
    organizer: 'Responsible organizer',
    received: 'Received on',
    assignment_completed: 'Assignment completed on',
    status: 'Status',
    channel: 'Came in by',
    written_confirmation: 'Oral complaint confirmed in writing on',
    acknowledged: 'Receipt acknowledged on',
    client_informed: 'Client told of the complaints regulation and {escalation} on',
    complainant: 'Complainant',
    'complainant.name': 'Name of the client',
    'complainant.email': 'E-mail address',
    'complainant.phone': 'Phone number',
    'complainant.address': 'Postal address',
    'complainant.representative': 'Representative',
    'complainant.representative.name': 'Name of the representative',
    'complainant.representative.relation': 'Relation to the client',
    'complainant.representative.email': "Representative's e-mail address",
    'complainant.representative.phone': "Representative's phone number",
    'complainant.representative.address': "Representative's postal address",
    categories: 'Categories',
    causes: 'Causes',
    steps: 'Handling steps',
    'steps.kind': 'Step',
    'steps.date': 'Date',
    'steps.note': 'Note',
    response: 'Written response',
    'response.date': 'Date of the response',
    'response.findings': 'Findings',
    'response.conclusions': 'Conclusions',
    'response.mediation': 'How mediation resolved the complaint',
    satisfied: 'Is the complainant satisfied?',
    escalation: 'Put before the complaints committee',
    'escalation.date': 'Put before it on',
    'escalation.reference': 'Reference at {escalation}',
    no_escalation_reason: 'Reason not to put it before the committee',
    withdrawn_on: 'Withdrawn on',
    improvements: 'Improvement actions',
    'improvements.action': 'What is improved',
    'improvements.owner': 'By whom',
    'improvements.due': 'Target date',
    'improvements.done': 'Done on',
    anonymized: 'Personal data removed on',
  },
  deadlineState: {
    on_track: 'on track',
    due_soon: 'due soon',
    due_today: 'due today',
    overdue: 'overdue',
    closed_on_time: 'closed, on time',
    closed_late: 'closed, late',
    withdrawn: 'withdrawn',
  },
  deadlineStanding: (state, left) =>
    state === 'on_track' || state === 'due_soon'
      ? `${en.deadlineState[state]}: ${workdays(left ?? 0)} left`
      : state === 'overdue'
        ? `${en.deadlineState[state]}: ${workdays(Math.abs(left ?? 0))}`
        : en.deadlineState[state],
  complianceCheck: {
    client_informed: 'Client told of the complaints regulation at the start of the assignment',
    acknowledged: 'Receipt acknowledged to the complainant within our own term',
    oral_confirmation: 'Oral complaint confirmed in writing',
    information_given: 'Enough information given to the complainant',
    complainant_heard: 'Complainant given the chance to explain the complaint',
    third_party_information: 'Information asked of third parties (allowed, not required)',
    written_response: 'Written response with findings and conclusions',
  },
  complianceCheckShort: {
    client_informed: 'Client told beforehand',
    acknowledged: 'Receipt acknowledged on time',
    oral_confirmation: 'Oral complaint confirmed',
    information_given: 'Information given',
    complainant_heard: 'Complainant heard',
    third_party_information: 'Third parties asked',
    written_response: 'Handled in writing',
  },
  outcome: {
    consultation: 'Resolved by consultation',
    mediation: 'Resolved by mediation',
    escalated: capital(status.escalated),
    withdrawn: capital(status.withdrawn),
    open: `Still ${status.open}`,
  },
  improvementState: { done: 'done', open: 'open', overdue: 'open, past its target date' },
  document: {
    registratieformulier: 'Complaint registration form',
    antwoordbrief: 'Response letter (written response)',
    ontvangstbevestiging: 'Acknowledgement of receipt',
    'bevestiging-mondelinge-klacht': 'Confirmation of an oral complaint',
    escalatiebrief: 'Letter: put before the complaints committee',
    'dossier-klachtencommissie': 'Dossier for the complaints committee',
  },
  workdays,
  list,
  erasure: {
    reason: { request: 'at the request of the data subject (art. 17 GDPR)', retention: 'after the retention period ended' },
    note: (date, reason) =>
      `(Personal data, complaint text and notes removed on ${date} ${
        reason === 'request' ? 'at the request of the data subject (art. 17 GDPR)' : 'after the retention period ended'
      }.)`,
    complainantPart: { name: 'name', email: 'email address', phone: 'phone number', address: 'address' },
    complainant: (parts) => `the complainant's ${list(parts)}`,
    representative: "the representative's name and contact details",
    complaintText: 'the text of the complaint and the notes',
    stepNotes: (n) => `the notes on ${n} ${n === 1 ? 'step' : 'steps'}`,
    responsePart: { findings: 'findings', conclusions: 'conclusions', mediation: 'outcome of the mediation' },
    response: (parts) => `the ${list(parts)} of the response (replaced by "removed on …")`,
    escalationReference: "the complaints committee's reference",
    noEscalationReason: 'the reason not to refer the complaint',
    ownComments: (n) => `${n} own ${n === 1 ? 'comment' : 'comments'} in the case file`,
    attachments: (n) => `${n} ${n === 1 ? 'attachment' : 'attachments'}`,
    versions: (n) => `${n} earlier ${n === 1 ? 'version' : 'versions'} in the history`,
    everywhere: 'also on the shared remote and, at their next sync, on the other computers',
    localOnly: 'only on this computer: no shared remote is set up',
  },
};
