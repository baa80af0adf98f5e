import type { CaseFixture } from './case-files.ts';

/** A unique marker in every personal field of the canary case: none of it may reach the report. */
export const CANARY = 'kanarie7f3a';

/** The canary's personal strings, one per field that holds personal data or complaint text. */
export const CANARY_STRINGS = {
  name: `Naam-${CANARY}`,
  email: `mail-${CANARY}@example.org`,
  phone: `06-${CANARY}`,
  address: `Straat-${CANARY}`,
  representative: `Vertegenwoordiger-${CANARY}`,
  relation: `Relatie-${CANARY}`,
  representativeEmail: `vert-${CANARY}@example.org`,
  stepNote: `Notitie-${CANARY}`,
  findings: `Bevindingen-${CANARY}`,
  conclusions: `Conclusies-${CANARY}`,
  mediation: `Bemiddeling-${CANARY}`,
  reference: `Kenmerk-${CANARY}`,
  body: `Klachttekst-${CANARY}`,
} as const;

const person = (n: number) => ({ name: `Fictieve Klant ${n}`, email: `klant${n}@example.org` });

/**
 * The report fixture, 'today' 2026-03-10: a case in 2024, none in 2025, five in 2026 (one on its due date,
 * one a day late, the escalated canary case, one open and overdue, one withdrawn). Expected figures are
 * worked out by hand in the e2e test.
 */
export const REPORT_TODAY = '2026-03-10';
export const REPORT_CASES: CaseFixture[] = [
  {
    data: {
      id: 'K-2024-001',
      organizer: 'anouk',
      received: '2024-03-04',
      channel: 'email',
      status: 'resolved',
      client_informed: '2024-01-10',
      complainant: person(1),
      categories: ['afspraken'],
      causes: ['planning'],
      steps: [{ kind: 'complainant_heard', date: '2024-03-05' }],
      response: { date: '2024-03-06', findings: 'f', conclusions: 'c' },
      satisfied: true,
    },
  },
  {
    // received Mon 2 Feb 2026, due Mon 2 Mar (20 working days), answered on the due date
    data: {
      id: 'K-2026-001',
      organizer: 'anouk',
      received: '2026-02-02',
      channel: 'email',
      status: 'resolved',
      complainant: person(2),
      categories: ['communicatie'],
      causes: ['planning'],
      response: { date: '2026-03-02', findings: 'f', conclusions: 'c' },
      satisfied: true,
      improvements: [{ action: 'Afspraken per e-mail bevestigen.', owner: 'anouk', due: '2026-03-01' }],
    },
  },
  {
    // answered a day after the due date: 21 working days
    data: {
      id: 'K-2026-002',
      organizer: 'bram',
      received: '2026-02-02',
      channel: 'letter',
      status: 'resolved',
      complainant: person(3),
      categories: ['kosten'],
      causes: ['informatie'],
      response: { date: '2026-03-03', findings: 'f', conclusions: 'c' },
      satisfied: false,
    },
  },
  {
    // the canary: escalated, answered after 10 working days, personal data in every field
    data: {
      id: 'K-2026-003',
      organizer: 'bram',
      received: '2026-02-02',
      channel: 'email',
      status: 'escalated',
      client_informed: '2026-01-05',
      complainant: {
        name: CANARY_STRINGS.name,
        email: CANARY_STRINGS.email,
        phone: CANARY_STRINGS.phone,
        address: CANARY_STRINGS.address,
        representative: {
          name: CANARY_STRINGS.representative,
          relation: CANARY_STRINGS.relation,
          email: CANARY_STRINGS.representativeEmail,
        },
      },
      categories: ['werkwijze'],
      causes: ['planning'],
      steps: [
        { kind: 'complainant_heard', date: '2026-02-04', note: CANARY_STRINGS.stepNote },
        { kind: 'mediation', date: '2026-02-10' },
      ],
      response: {
        date: '2026-02-16',
        findings: CANARY_STRINGS.findings,
        conclusions: CANARY_STRINGS.conclusions,
        mediation: CANARY_STRINGS.mediation,
      },
      satisfied: false,
      escalation: { date: '2026-02-20', reference: CANARY_STRINGS.reference },
    },
    body: `${CANARY_STRINGS.body}\n\nVervolg van de klacht, ook ${CANARY}.`,
  },
  {
    // open: received Mon 5 Jan 2026, due Mon 2 Feb, 26 working days over on Tue 10 Mar
    data: {
      id: 'K-2026-004',
      organizer: 'anouk',
      received: '2026-01-05',
      channel: 'form',
      status: 'open',
      complainant: person(4),
      categories: ['communicatie'],
    },
  },
  {
    data: {
      id: 'K-2026-005',
      organizer: 'bram',
      received: '2026-03-02',
      channel: 'email',
      status: 'withdrawn',
      withdrawn_on: '2026-03-05',
      complainant: person(5),
      categories: ['privacy'],
    },
  },
];
