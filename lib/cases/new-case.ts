import { stringify } from 'yaml';
import { CHANNELS, type CaseInput } from '../../schemas/case.ts';
import { isIsoDate, type IsoDate } from '../dates/iso-date.ts';
import { t } from '../../schemas/language.ts';
import { vocabulary } from '../vocabulary/index.ts';

/** What a registration needs (art. 1.5, 4.5): the answers of `npm run new-case`, from flags or prompts. */
export interface NewCaseAnswers {
  organizer: string;
  received: IsoDate;
  channel: CaseInput['channel'];
  /** The client who complains (art. 1.2). Personal data. */
  name: string;
  email?: string;
  phone?: string;
  address?: string;
  /** Art. 1.2: the representative who complains for the client, with the contact details the letter goes to. */
  representative?: { name: string; relation?: string; email?: string; phone?: string; address?: string };
  assignment_completed?: IsoDate;
  /** Art. 3: when the client was told of this regulation at the start of the assignment (usually the order confirmation). */
  client_informed?: IsoDate;
  categories: string[];
  /** The complaint as received; left empty, the file gets a placeholder to replace in the editor. */
  complaint?: string;
}

/** The line a new case's body holds until the organizer pastes the complaint. */
export const COMPLAINT_PLACEHOLDER = '(Plak hier de klacht zoals ontvangen: de tekst van de e-mail, brief of het formulier.)';

// Fields filled in later, as a comment under the registered ones so the organizer sees what comes next;
// the escalation body (art. 1.6, 3.2) is named as organization.yml names it.
/**
 * Whether a YAML comment (`# …`, as the file holds it) is one of the help lines the new-case text carries (any
 * escalation name): erasure removes them too, but they are no one's personal data.
 */
export function isTemplateComment(comment: string): boolean {
  const line = comment.trim();
  return nextFields('\u0000')
    .split('\n')
    .some((t) => {
      const [before, after] = t.split('\u0000');
      return after === undefined ? line === t : line.startsWith(before!) && line.endsWith(after);
    });
}

const nextFields = (escalationName: string) => `# Vul aan tijdens de behandeling (zie docs/handleiding.md), datums als JJJJ-MM-DD:
# acknowledged: ontvangst bevestigd aan de klager
# client_informed: wanneer de cliënt bij de start van de opdracht is gewezen op de klachtenregeling en ${escalationName} (art. 3), als u het nog niet invulde
# steps: - kind: information_given | complainant_heard | third_party_information | mediation, date: … (art. 5.1-5.3)
# response: date, findings, conclusions, mediation (art. 4.6, 5.5)
# satisfied: true/false; causes: [...] (art. 2.2); improvements: (art. 2.4)
# status: resolved of escalated (met escalation: date, reference; art. 4.7) of withdrawn (met withdrawn_on)`;

const present = <T>(v: T | undefined): v is T => v !== undefined && v !== '';

/** The frontmatter of a new, open case: only the fields that have a value, in the order of the form. */
export function newCaseData(id: string, a: NewCaseAnswers): CaseInput {
  const filled = <T extends object, K extends keyof T>(from: T, keys: readonly K[]) =>
    Object.fromEntries(keys.filter((k) => present(from[k])).map((k) => [k, from[k]])) as Partial<Pick<T, K>>;
  const contact = filled(a, ['email', 'phone', 'address']);
  const representative = a.representative
    ? { name: a.representative.name, ...filled(a.representative, ['relation', 'email', 'phone', 'address']) }
    : undefined;
  return {
    id,
    organizer: a.organizer,
    received: a.received,
    ...(present(a.assignment_completed) ? { assignment_completed: a.assignment_completed } : {}),
    channel: a.channel,
    ...(present(a.client_informed) ? { client_informed: a.client_informed } : {}),
    status: 'open',
    complainant: { name: a.name, ...contact, ...(representative ? { representative } : {}) },
    categories: a.categories,
  };
}

/**
 * The text of a new case file: YAML frontmatter (dates as plain `YYYY-MM-DD`), a comment listing the fields
 * to fill in later (naming `org.escalation.name`), and a body with the complaint as received (or a
 * placeholder) and a notes heading.
 */
export function newCaseFileText(id: string, a: NewCaseAnswers, org: { escalation: { name: string } }): string {
  const yaml = stringify(newCaseData(id, a), { lineWidth: 0 });
  const complaint = a.complaint?.trim() ? a.complaint.trim() : COMPLAINT_PLACEHOLDER;
  return `---\n${yaml}${nextFields(org.escalation.name.replace(/\s+/g, " "))}\n---\n\n## Klacht\n\n${complaint}\n\n## Notities\n\n`;
}

/** A check of one answer: `true` when fine, else a message that says what is expected. */
export type AnswerCheck = (value: string) => true | string;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A Dutch day-month-year date (24-11-2026) written the way the files want it (2026-11-24), if it is one. */
function dutchDateExample(v: string): string | undefined {
  const m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(v.trim());
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : undefined;
}

/** Checks for the answers of `npm run new-case`, against organization.yml. Shared by the flags and the prompts. */
export function newCaseChecks(org: { organizers: { key: string }[]; categories: { key: string }[] }) {
  const oneOf =
    ([nl, en]: [string, string], keys: string[]): AnswerCheck =>
    (v) =>
      keys.includes(v) ||
      t(`onbekende ${nl} "${v}"; kies één van ${keys.join(', ')}`, `unknown ${en} "${v}"; expected one of ${keys.join(', ')}`);
  const date: AnswerCheck = (v) =>
    isIsoDate(v) ||
    t(
      `schrijf een bestaande datum als JJJJ-MM-DD, bijvoorbeeld ${dutchDateExample(v) ?? '2026-11-24'}; niet "${v}"`,
      `expected a real date as YYYY-MM-DD, e.g. 2026-03-02; got "${v}"`,
    );
  const optional = (check: AnswerCheck): AnswerCheck => (v) => v.trim() === '' || check(v.trim());
  const required: AnswerCheck = (v) => v.trim() !== '' || t('mag niet leeg zijn', 'must not be empty');
  return {
    organizer: oneOf([vocabulary('nl').role.organizer, vocabulary('en').role.organizer], org.organizers.map((o) => o.key)),
    received: date,
    channel: oneOf(['manier van binnenkomen', 'channel'], [...CHANNELS]),
    name: required,
    email: optional(
      (v) =>
        EMAIL.test(v) ||
        t(`verwacht een e-mailadres, bijvoorbeeld naam@example.nl; niet "${v}"`, `expected an e-mail address, e.g. naam@example.nl; got "${v}"`),
    ),
    assignment_completed: optional(date),
    client_informed: optional(date),
    category: oneOf(['categorie', 'category'], org.categories.map((c) => c.key)),
  } satisfies Record<string, AnswerCheck>;
}
