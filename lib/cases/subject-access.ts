import type { CaseData } from '../../schemas/case.ts';
import type { Organization } from '../../schemas/organization.ts';
import type { CaseRecord } from './case-file.ts';
import { formatDate, type IsoDate } from '../dates/iso-date.ts';
import { closedOn } from '../deadlines/deadlines.ts';
import {
  AUTORITEIT_PERSOONSGEGEVENS,
  basisSentences,
  listInWords,
  privacyEmail,
  recipientsSentences,
  retentionSentence,
  rightsSentences,
  specialCategoriesSentences,
} from '../privacy/privacy-texts.ts';
import { COMPLAINT_HEADING, CONFIRMED_HEADING, bodySection, complaintSection, confirmedComplaintSection, headingLine } from './body.ts';
import { addYears } from './retention.ts';

/** Whom an access request (AVG art. 15) is about: an e-mail address or a name, as the person gave it. */
export type AccessSubject = { email: string } | { name: string };

const normal = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');

/**
 * Whether a case holds personal data of `subject`: as the complainant or as their representative (art. 1.2).
 * E-mail addresses and names compare case-insensitively, spaces normalized; a name must match whole.
 */
export function caseConcerns(c: CaseData, subject: AccessSubject): boolean {
  const people = c.complainant ? [c.complainant, ...(c.complainant.representative ? [c.complainant.representative] : [])] : [];
  if ('email' in subject) return people.some((p) => p.email !== undefined && normal(p.email) === normal(subject.email));
  return people.some((p) => normal(p.name) === normal(subject.name));
}

/** The cases of `records` that hold personal data of `subject`, by id. */
export function casesOf(records: readonly CaseRecord[], subject: AccessSubject): CaseRecord[] {
  return records.filter((r) => caseConcerns(r.data, subject)).sort((a, b) => a.data.id.localeCompare(b.data.id));
}

/** What a case holds about someone other than the person asking (AVG art. 15(4)), which the organizer may leave out. */
export const OTHERS_PARTS = ['client', 'address', 'complaint', 'notes'] as const;
/** One such part: the client's name and contact, the client's address, the complaint text, the notes and findings. */
export type OthersPart = (typeof OTHERS_PARTS)[number];

/** Each part in words, as the werkplek, the command and the report name it. */
export const OTHERS_PART_WORDS: Record<OthersPart, string> = {
  client: 'naam, e-mailadres en telefoonnummer van de cliënt',
  address: 'adres van de cliënt',
  complaint: 'de tekst van de klacht',
  notes: 'de aantekeningen, bevindingen en conclusies',
};

/** The role of `subject` in case `c`: the complainant (the client, art. 1.2) or the representative. */
export function roleIn(c: CaseData, subject: AccessSubject): 'klager' | 'vertegenwoordiger' {
  const who = c.complainant;
  if (!who) return 'klager';
  const self = 'email' in subject ? who.email !== undefined && normal(who.email) === normal(subject.email) : normal(who.name) === normal(subject.name);
  return self || !who.representative ? 'klager' : 'vertegenwoordiger';
}

/**
 * The parts of a case that concern someone else than `subject` (AVG art. 15(4)): for a representative's request
 * the client's own data, address, the complaint text and the notes, as far as the case holds them. None for the
 * client's own request.
 */
export function othersIn(record: CaseRecord, subject: AccessSubject): OthersPart[] {
  const c = record.data;
  if (roleIn(c, subject) !== 'vertegenwoordiger' || !c.complainant) return [];
  const complaint = complaintSection(record.body) || confirmedComplaintSection(record.body);
  const notes =
    c.steps.some((s) => s.note) ||
    !!(c.response?.findings || c.response?.conclusions || c.response?.mediation || c.no_escalation_reason) ||
    notesOf(record.body) !== '';
  const present: Record<OthersPart, boolean> = {
    client: true,
    address: c.complainant.address !== undefined,
    complaint: complaint !== '',
    notes,
  };
  return OTHERS_PARTS.filter((p) => present[p]);
}

/** The body without its complaint sections: the organizer's own notes. A body without headings is all complaint. */
function notesOf(body: string): string {
  if (bodySection(body, COMPLAINT_HEADING) === undefined && bodySection(body, CONFIRMED_HEADING) === undefined) return '';
  const lines = body.replace(/\r\n/g, '\n').split('\n');
  const kept: string[] = [];
  let skipping = false;
  for (const line of lines) {
    if (/^##\s/.test(line.trim())) skipping = headingLine([line], COMPLAINT_HEADING) === 0 || headingLine([line], CONFIRMED_HEADING) === 0;
    if (!skipping) kept.push(line);
  }
  return kept.join('\n').trim();
}

/** What takes the place of a part left out. */
export const LEFT_OUT = 'weggelaten: gegevens van een ander (art. 15 lid 4 AVG)';

/** A copy of `record` without `parts` (AVG art. 15(4)); the case file itself is never changed. */
export function withoutOthers(record: CaseRecord, parts: readonly OthersPart[]): CaseRecord {
  if (parts.length === 0 || !record.data.complainant) return record;
  const leave = new Set(parts);
  const c: CaseData = structuredClone(record.data);
  const who = c.complainant!;
  if (leave.has('client')) {
    who.name = `(${LEFT_OUT})`;
    delete who.email;
    delete who.phone;
  }
  if (leave.has('address')) delete who.address;
  if (leave.has('notes')) {
    c.steps = c.steps.map(({ note: _note, ...step }) => step);
    if (c.response) {
      for (const k of ['findings', 'conclusions', 'mediation'] as const) if (c.response[k] !== undefined) c.response[k] = `(${LEFT_OUT})`;
    }
    delete c.no_escalation_reason;
  }
  const complaint = leave.has('complaint') ? '' : [COMPLAINT_HEADING, CONFIRMED_HEADING].map((h) => sectionText(record.body, h)).join('');
  const notes = leave.has('notes') ? '' : notesOf(record.body);
  const headed = bodySection(record.body, COMPLAINT_HEADING) !== undefined || bodySection(record.body, CONFIRMED_HEADING) !== undefined;
  const body = headed
    ? [complaint.trim(), notes, ...[...leave].filter((p) => p === 'complaint' || p === 'notes').map((p) => `(${OTHERS_PART_WORDS[p]}: ${LEFT_OUT})`)]
        .filter((x) => x !== '')
        .join('\n\n')
    : leave.has('complaint')
      ? `(${OTHERS_PART_WORDS.complaint}: ${LEFT_OUT})`
      : record.body;
  return { ...record, data: c, body: `${body}\n` };
}

/** `## heading` and the text under it, or ''. */
function sectionText(body: string, heading: string): string {
  const text = bodySection(body, heading);
  return text === undefined ? '' : `## ${heading}\n\n${text}\n\n`;
}

/** Where the data of a case came from (AVG art. 15(1)(g)), for the person asking, in words. */
export function sourceOf(c: CaseData, subject: AccessSubject): string {
  const role = roleIn(c, subject);
  const rep = c.complainant?.representative;
  const own =
    role === 'vertegenwoordiger'
      ? 'Uw eigen gegevens en de klacht kregen wij van u, toen u namens de cliënt klaagde.'
      : rep
        ? `Uw gegevens en de klacht kregen wij van ${rep.name}${rep.relation ? ` (${rep.relation})` : ''}, die namens u klaagde.`
        : 'Uw gegevens en de klacht kregen wij van u.';
  const thirdParty = c.steps.filter((s) => s.kind === 'third_party_information').map((s) => formatDate(s.date));
  const asked = thirdParty.length
    ? ` Op ${listInWords(thirdParty)} vroegen wij anderen om informatie over de klacht (artikel 5.3 van de regeling); wat zij vertelden staat in de aantekeningen.`
    : '';
  return `${own}${asked} De bevindingen en conclusies schreven wij zelf.`;
}

/** The JSON export of an access request: everything held about the person, and every fact art. 15(1) and (2) AVG asks for. */
export interface AccessExport {
  aangemaakt: IsoDate;
  verwerkingsverantwoordelijke: { naam: string; email: string; postadres: string; functionaris_gegevensbescherming?: string };
  /** Art. 15(1)(a). */
  doel: string;
  grondslag: string;
  /** Art. 15(1)(b): the kinds of data a case holds; per case, what it holds about the person. */
  categorieen: string;
  /** Art. 9: special categories, how they are handled. */
  bijzondere_gegevens: string;
  /** Art. 15(1)(c) and 15(2): every recipient, the processors with their transfer ground. */
  ontvangers: string;
  doorgifte: string;
  /** Art. 15(1)(d). */
  bewaartermijn: string;
  /** Art. 15(1)(e). */
  rechten: string;
  /** Art. 15(1)(f). */
  klacht_autoriteit: string;
  /** Art. 15(1)(h). */
  geautomatiseerde_besluitvorming: string;
  dossiers: {
    dossiernummer: string;
    bestand: string;
    /** Whether the person is the complainant (the client) or the representative in this case (art. 1.2). */
    rol: 'klager' | 'vertegenwoordiger';
    /** Art. 15(1)(b): what the case holds about the person, in words. */
    categorieen: string[];
    /** Art. 15(1)(g): where the data came from. */
    bron: string;
    /** Art. 15(1)(d): until when the personal data is kept, or the term when the case is still open. */
    bewaard_tot: string;
    /** Art. 15(4): what was left out because it concerns someone else, in words. */
    weggelaten: string[];
    /** Every registered field of the case file, as stored (without what was left out). */
    gegevens: CaseData;
    /** The Markdown text of the case file: the complaint as received and the notes (without what was left out). */
    tekst: string;
    /** Documents made for the case, still in the documents folder (names only). */
    documenten: string[];
  }[];
}

/** The facts of art. 15 AVG in Dutch, shared by the JSON and the PDF, from organization.yml (lib/privacy/privacy-texts.ts). */
export function accessFacts(org: Organization): Omit<AccessExport, 'aangemaakt' | 'dossiers'> {
  const transfers = org.privacy.processors.filter((p) => p.transfer);
  return {
    verwerkingsverantwoordelijke: {
      naam: org.organization.name,
      email: privacyEmail(org),
      postadres: org.organization.postal_address,
      ...(org.privacy.dpo ? { functionaris_gegevensbescherming: org.privacy.dpo } : {}),
    },
    doel: 'Het behandelen van uw klacht volgens onze klachtenregeling, en het leren van klachten om onze dienstverlening te verbeteren (art. 2 van de klachtenregeling); voor dat leren gebruiken wij alleen gegevens zonder namen.',
    grondslag: basisSentences(org, 'nl').join(' '),
    categorieen:
      'Naam en contactgegevens (e-mailadres, telefoonnummer, adres) van de klager en, als iemand namens de cliënt klaagt, van de vertegenwoordiger en diens relatie tot de cliënt; de tekst van de klacht; de stappen van de behandeling met hun data en aantekeningen; bevindingen, conclusies en bemiddeling; tevredenheid, oorzaken en verbeteracties. Per dossier staat hieronder wat het over u bevat.',
    bijzondere_gegevens: specialCategoriesSentences('nl').join(' '),
    ontvangers: recipientsSentences(org, 'nl').join(' '),
    doorgifte: transfers.length
      ? transfers.map((p) => `${p.name} (${p.country}): ${p.transfer}.`).join(' ')
      : 'Uw gegevens gaan niet buiten de Europese Economische Ruimte.',
    bewaartermijn: retentionSentence(org, 'nl'),
    rechten: rightsSentences(org, 'nl').join(' '),
    klacht_autoriteit: `Bent u het niet met ons eens, dan kunt u een klacht indienen bij de ${AUTORITEIT_PERSOONSGEGEVENS.name} (${AUTORITEIT_PERSOONSGEGEVENS.url}).`,
    geautomatiseerde_besluitvorming: 'Wij nemen geen besluiten over u die alleen door een computer worden genomen, en maken geen profiel van u (art. 22 AVG).',
  };
}

/** What a case holds about the person, in words (art. 15(1)(b)). */
function categoriesOf(record: CaseRecord, subject: AccessSubject): string[] {
  const c = record.data;
  const who = roleIn(c, subject) === 'vertegenwoordiger' ? c.complainant?.representative : c.complainant;
  if (!who) return [];
  const contact = [
    'uw naam',
    ...(who.email ? ['e-mailadres'] : []),
    ...(who.phone ? ['telefoonnummer'] : []),
    ...(who.address ? ['adres'] : []),
    ...('relation' in who && who.relation ? ['uw relatie tot de cliënt'] : []),
  ];
  return [
    listInWords(contact),
    ...(record.body.trim() ? ['de tekst van de klacht en aantekeningen'] : []),
    ...(c.steps.length ? ['de stappen van de behandeling met hun data'] : []),
    ...(c.response ? ['het schriftelijke antwoord: bevindingen en conclusies'] : []),
    ...(c.satisfied !== undefined ? ['of u tevreden was'] : []),
    ...(c.escalation ? ['dat de klacht aan de klachtencommissie is voorgelegd'] : []),
  ];
}

/** Until when a case's personal data is kept (art. 15(1)(d)). */
function keptUntil(c: CaseData, org: Organization): string {
  const closed = closedOn(c);
  return closed
    ? `tot en met ${formatDate(addYears(closed, org.retention.years_after_closing))} (${org.retention.years_after_closing} jaar na afsluiting op ${formatDate(closed)})`
    : `tot ${org.retention.years_after_closing} jaar na afsluiting (de klacht loopt nog)`;
}

/**
 * The export of an access request, pure: the caller reads the cases and lists the documents on disk. `leaveOut`
 * names, per case id, the parts that concern someone else and that the organizer left out (AVG art. 15(4)).
 */
export function accessExport(
  records: readonly CaseRecord[],
  org: Organization,
  today: IsoDate,
  documentsOf: (id: string) => string[],
  subject: AccessSubject,
  leaveOut: (record: CaseRecord) => readonly OthersPart[] = () => [],
): AccessExport {
  return {
    aangemaakt: today,
    ...accessFacts(org),
    dossiers: records.map((r) => {
      const left = leaveOut(r).filter((p) => othersIn(r, subject).includes(p));
      const shown = withoutOthers(r, left);
      return {
        dossiernummer: r.data.id,
        bestand: r.file.replace(/\\/g, '/'),
        rol: roleIn(r.data, subject),
        categorieen: categoriesOf(r, subject),
        bron: sourceOf(r.data, subject),
        bewaard_tot: keptUntil(r.data, org),
        weggelaten: left.map((p) => OTHERS_PART_WORDS[p]),
        gegevens: shown.data,
        tekst: shown.body,
        documenten: documentsOf(r.data.id),
      };
    }),
  };
}
