import type { CaseData } from '../../schemas/case.ts';
import type { ImprovementState } from '../analytics/improvements.ts';
import type { ComplianceCheck, Outcome } from '../analytics/report-case.ts';
import type { DeadlineState } from '../deadlines/deadlines.ts';
import type { RemovalReason } from '../history/erasure-log.ts';

// Only `import type` here and in nl.ts, en.ts and index.ts: schemas/ imports this folder for the words its
// messages use, so it must not load lib/ at run time (tools/architecture.ts checks it).

/** A handling step of the case file (`steps[].kind`, art. 4.3, 5.1–5.3). */
export type StepKind = CaseData['steps'][number]['kind'];

/** The recorded dates the Dossier's checklist treats as steps of the handling (art. 3, 4.1, 4.5). */
export type DatedStep = 'acknowledged' | 'written_confirmation' | 'client_informed';

/** The steps of art. 3 and 5 every case must record (lib/cases/steps.ts). */
export type RegulationStepKey = 'client_informed' | 'complainant_heard' | 'written_response';

/** The per-case documents (lib/documents/kinds.ts): the key is the file-name part, `K-2026-003-antwoordbrief.pdf`. */
export type DocumentKey =
  | 'registratieformulier'
  | 'antwoordbrief'
  | 'ontvangstbevestiging'
  | 'bevestiging-mondelinge-klacht'
  | 'escalatiebrief'
  | 'dossier-klachtencommissie';

type Element<T> = T extends readonly (infer E)[] ? E : T;

/** The dotted paths of an object's fields, into nested objects and list entries (`steps.date`, `response.findings`). */
export type FieldPaths<T> = {
  [K in keyof T & string]: NonNullable<Element<NonNullable<T[K]>>> extends infer V
    ? V extends object
      ? K | `${K}.${FieldPaths<V>}`
      : K
    : never;
}[keyof T & string];

/** Every field of a case file, by its dotted path: `received`, `complainant.representative.name`, `steps.kind`. */
export type CaseField = FieldPaths<CaseData>;

/** Inrichten's fields (organization.yml), by their path in the file; a list entry's field without its index (issue 21). */
export type SettingField =
  | 'organization.name'
  | 'organization.email'
  | 'organization.phone'
  | 'organization.postal_address'
  | 'organization.website'
  | 'site_url'
  | 'organizers'
  | 'organizers.name'
  | 'organizers.github'
  | 'escalation'
  | 'escalation.other'
  | 'escalation.name'
  | 'escalation.committee'
  | 'escalation.website'
  | 'escalation.description'
  | 'escalation.procedure.submitted_by'
  | 'escalation.procedure.how'
  | 'escalation.procedure.officer'
  | 'escalation.procedure.disputes_body'
  | 'escalation.procedure.term'
  | 'escalation.procedure.cost'
  | 'deadlines.filing_workdays'
  | 'deadlines.handling_workdays'
  | 'categories'
  | 'categories.label'
  | 'causes'
  | 'causes.label'
  | 'retention.years_after_closing'
  | 'letters'
  | 'letters.opening'
  | 'letters.closing'
  | 'examples';

/**
 * Every word a person reads for the case file's concepts, in one language. Each map is keyed by the schema's
 * (or the core's) own values, so a status, channel, step, field or document without a word is a type error.
 * `{escalation}` in a word stands for the escalation body as organization.yml names it (`escalation.name`);
 * {@link vocabulary} fills it in when it is given the organization.
 */
export interface Vocabulary {
  /** The people (glossary of docs: "Professional Organizer & Coach", short "begeleider"). */
  role: {
    /** The responsible Professional Organizer & Coach, short (art. 6.1). */
    organizer: string;
    /** The role's full name. */
    organizerTitle: string;
    complainant: string;
    /** What `{escalation}` reads when no organization is given. */
    escalationBody: string;
  };
  /** `status` (art. 4.6, 4.7). */
  status: Record<CaseData['status'], string>;
  /** `channel`: how the complaint came in (art. 1.1, 4.1). */
  channel: Record<CaseData['channel'], string>;
  /** What a choice of `channel` means, where a person picks one; empty when the word says it all. */
  channelHint: Record<CaseData['channel'], string>;
  /** A handling step or recorded date, as the checklist, the forms, the registration form and issues name it. */
  step: Record<StepKind | DatedStep, string>;
  /** The same step, done: the words of the Git commit that records it (`K-2026-005: klager gehoord (art. 5.2)`). */
  stepDone: Record<StepKind | DatedStep, string>;
  /** The steps every case must record (art. 3, 4.6, 5.2, 5.5), as issues list the ones still missing. */
  regulationStep: Record<RegulationStepKey, string>;
  /** Every field of the case file, as a form, a table row or a message names it. */
  field: Record<CaseField, string>;
  /** Where a case stands against its handling deadline (art. 5.4). */
  deadlineState: Record<DeadlineState, string>;
  /** The state with the working days it concerns: `termijn overschreden: 3 werkdagen`. */
  deadlineStanding: (state: DeadlineState, workdaysLeft: number | null) => string;
  /** A check of the report's compliance section (art. 3, 4.1, 4.6, 5.1–5.5), in a sentence. */
  complianceCheck: Record<ComplianceCheck, string>;
  /** The same check, short: chart labels and table headers. */
  complianceCheckShort: Record<ComplianceCheck, string>;
  /** How a case ended, for the report (art. 2.3, 4.3, 4.7). */
  outcome: Record<Outcome, string>;
  /** Where an improvement action stands (art. 2.4). */
  improvementState: Record<ImprovementState, string>;
  /** The title of each per-case document. */
  document: Record<DocumentKey, string>;
  /** `1 werkdag`, `3 werkdagen`. */
  workdays: (n: number) => string;
  /** A list in running text: "a", "a en b", "a, b en c". */
  list: (items: readonly string[]) => string;
  /** Files kept with a case (art. 4.5, lib/cases/attachments.ts): the heading, one and more files, the mail kept whole. */
  attachment: { heading: string; one: string; many: string; originalMail: string };
  /** Erasure on request and at the end of the retention term (AVG art. 17, 5(1)(e)): the note a case keeps, and what the preview lists. */
  erasure: {
    /** Why, as the note and the log say it ("op verzoek van de betrokkene (art. 17 AVG)"). */
    reason: Record<RemovalReason, string>;
    /** The note that replaces the complaint text: when and why. */
    note: (date: string, reason: RemovalReason) => string;
    /** The complainant's own data, named in `complainant` ("naam en adres van de klager"); the e-mail address is `field`'s word. */
    complainantPart: Record<'name' | 'phone' | 'address', string>;
    complainant: (parts: readonly string[]) => string;
    representative: string;
    complaintText: string;
    stepNotes: (n: number) => string;
    /** The response's texts, replaced by "(verwijderd op …)". */
    responsePart: Record<'findings' | 'conclusions' | 'mediation', string>;
    response: (parts: readonly string[]) => string;
    escalationReference: string;
    noEscalationReason: string;
    ownComments: (n: number) => string;
    attachments: (n: number) => string;
    versions: (n: number) => string;
    /** Where else it goes: the shared remote and, at their next sync, the other clones. */
    everywhere: string;
    localOnly: string;
  };
  /** Inrichten's fields (organization.yml) as the form, its messages and `npm run inrichten` name them (issue 21). */
  setting: Record<SettingField, string>;
  /** How the complaint came in, said of its receipt: "mondeling ontvangen" (art. 1.1, 4.1). */
  channelReceived: Record<CaseData['channel'], string>;
}
