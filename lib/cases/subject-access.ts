import type { CaseData } from '../../schemas/case.ts';
import type { Organization } from '../../schemas/organization.ts';
import type { CaseRecord } from './case-file.ts';
import type { IsoDate } from '../dates/iso-date.ts';

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

/** The JSON export of an access request: everything held about the person, and the facts art. 15 AVG asks for. */
export interface AccessExport {
  aangemaakt: IsoDate;
  verwerkingsverantwoordelijke: { naam: string; email: string; postadres: string };
  doel: string;
  grondslag: string;
  bewaartermijn: string;
  ontvangers: string;
  rechten: string;
  dossiers: {
    dossiernummer: string;
    bestand: string;
    /** Every registered field of the case file, as stored. */
    gegevens: CaseData;
    /** The Markdown text of the case file: the complaint as received and the notes. */
    tekst: string;
    /** Documents made for the case, still in the documents folder (names only). */
    documenten: string[];
    /** Files kept with the case (its attachment folder; names only): copied beside the export. */
    bijlagen: string[];
  }[];
}

/** The facts of art. 15 AVG in Dutch, shared by the JSON and the PDF. */
export function accessFacts(org: Organization): Omit<AccessExport, 'aangemaakt' | 'dossiers'> {
  const years = org.retention.years_after_closing;
  return {
    verwerkingsverantwoordelijke: { naam: org.organization.name, email: org.organization.email, postadres: org.organization.postal_address },
    doel: 'Het behandelen van uw klacht volgens onze klachtenregeling, en het verbeteren van onze dienstverlening (art. 2 van de klachtenregeling).',
    grondslag:
      'Wij hebben deze gegevens nodig om uw klacht te behandelen zoals onze klachtenregeling voorschrijft, als onderdeel van de overeenkomst met de cliënt (art. 6 lid 1 onder b AVG).',
    bewaartermijn: `Tot ${years} jaar nadat het dossier is afgesloten; daarna verwijderen wij uw persoonsgegevens, de tekst van uw klacht en onze notities en bevindingen uit het dossier.`,
    ontvangers: `Niemand buiten ${org.organization.name}, behalve de ${org.escalation.committee} als uw klacht daaraan wordt voorgelegd (art. 4.7).`,
    rechten:
      'U mag uw gegevens inzien (art. 15 AVG), laten verbeteren (art. 16), laten verwijderen (art. 17) en bezwaar maken. ' +
      'U kunt ook een klacht indienen bij de Autoriteit Persoonsgegevens.',
  };
}

/** The export of an access request, pure: the caller reads the cases and lists the documents on disk. */
export function accessExport(
  records: readonly CaseRecord[],
  org: Organization,
  today: IsoDate,
  documentsOf: (id: string) => string[],
  attachmentsOf: (id: string) => string[] = () => [],
): AccessExport {
  return {
    aangemaakt: today,
    ...accessFacts(org),
    dossiers: records.map((r) => ({
      dossiernummer: r.data.id,
      bestand: r.file.replace(/\\/g, '/'),
      gegevens: r.data,
      tekst: r.body,
      documenten: documentsOf(r.data.id),
      bijlagen: attachmentsOf(r.data.id),
    })),
  };
}
