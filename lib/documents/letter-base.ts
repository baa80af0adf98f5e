import type { Organization } from '../../schemas/organization.ts';
import type { CaseRecord } from '../cases/case-file.ts';
import { formatDate } from '../dates/iso-date.ts';
import { organizerName } from '../organization/organizers.ts';

/** The values every letter template can use (Dutch names; see templates/README.md). */
export interface LetterBase {
  organisatie: { naam: string; postadres: string; email: string; telefoon: string; website: string };
  kenmerk: string;
  ontvangen: string;
  geadresseerde: { naam: string; adres: string; email: string };
  namens: string;
  /**
   * The escalation body and its procedure (organization.yml `escalation`, art. 1.6, 3.2, 4.7): `via_begeleider`
   * when the organizer submits the complaint, `via_klager` when the complainant does (one of them is true).
   */
  commissie: {
    naam: string;
    instantie: string;
    website: string;
    beschrijving: string;
    via_begeleider: boolean;
    via_klager: boolean;
    hoe: string;
    klachtenfunctionaris: string;
    geschilleninstantie: string;
    termijn: string;
    kosten: string;
  };
  regeling: { website: string };
  organizer: { naam: string };
  /** The practice's own sentences (organization.yml `letters`): after the salutation, and above the greeting; empty when none. */
  brief: { openingszin: string; slotzin: string };
}

/**
 * Whom a letter goes to (art. 1.2): the representative who complained for the client, with the
 * representative's own address; without one, care of the client's address ("p/a"); else by e-mail.
 */
export function addressee(record: CaseRecord): LetterBase['geadresseerde'] {
  const who = record.data.complainant!;
  const rep = who.representative;
  if (!rep) return { naam: who.name, adres: who.address ?? '', email: who.email ?? '' };
  const adres = rep.address ?? (rep.email ? '' : who.address ? `p/a ${who.name}, ${who.address}` : '');
  return { naam: rep.name, adres, email: rep.email ?? (adres ? '' : (who.email ?? '')) };
}

/** The shared values of a case's letters; the case must still have its complainant. */
export function letterBase(record: CaseRecord, org: Organization): LetterBase {
  const c = record.data;
  const who = c.complainant!;
  return {
    organisatie: {
      naam: org.organization.name,
      postadres: org.organization.postal_address,
      email: org.organization.email,
      telefoon: org.organization.phone ?? '',
      website: org.organization.website,
    },
    kenmerk: c.id,
    ontvangen: formatDate(c.received),
    geadresseerde: addressee(record),
    namens: who.representative ? who.name : '',
    commissie: {
      naam: org.escalation.committee,
      instantie: org.escalation.name,
      website: org.escalation.website,
      beschrijving: org.escalation.description,
      via_begeleider: org.escalation.procedure.submitted_by === 'organizer',
      via_klager: org.escalation.procedure.submitted_by === 'complainant',
      hoe: org.escalation.procedure.how,
      klachtenfunctionaris: org.escalation.procedure.officer,
      geschilleninstantie: org.escalation.procedure.disputes_body,
      termijn: org.escalation.procedure.term,
      kosten: org.escalation.procedure.cost,
    },
    regeling: { website: org.site_url },
    organizer: { naam: organizerName(org.organizers, c.organizer) },
    brief: { openingszin: org.letters?.opening ?? '', slotzin: org.letters?.closing ?? '' },
  };
}
