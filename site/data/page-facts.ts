// The values the MDX prose shows, per language: all from organization.yml, so the pages and the
// deadline checker can never disagree.
import { mailtoUrl } from '../../lib/regulation/mailto.ts';
import { org } from './site-data.ts';
import { ROUTES, withBase, type Lang } from '../../lib/regulation/routes.ts';

const MAIL = {
  nl: {
    subject: `Klacht over de dienstverlening van ${org.organization.name}`,
    body: [
      'Beste Professional Organizer & Coach,',
      '',
      'Hierbij dien ik een klacht in.',
      '',
      'Mijn naam:',
      'Mijn adres:',
      'Mijn telefoonnummer:',
      'Ik klaag namens (alleen invullen als u namens iemand anders klaagt):',
      'Naam van de Professional Organizer & Coach:',
      'De opdracht en de datum waarop die is afgerond:',
      '',
      'Wat is er gebeurd?',
      '',
      '',
      'Wat wil ik dat er gebeurt?',
      '',
      '',
      'Met vriendelijke groet,',
      '',
    ],
  },
  en: {
    subject: `Complaint about the services of ${org.organization.name}`,
    body: [
      'Dear Professional Organizer & Coach,',
      '',
      'I would like to make a complaint.',
      '',
      'My name:',
      'My address:',
      'My phone number:',
      'On behalf of (only if you complain for someone else):',
      'Name of the Professional Organizer & Coach:',
      'The assignment and the date it was completed:',
      '',
      'What happened?',
      '',
      '',
      'What would I like to happen?',
      '',
      '',
      'Kind regards,',
      '',
    ],
  },
};

/** The props of the MDX content of a page in `lang`. */
export function pageFacts(lang: Lang, base: string) {
  const e = org.escalation;
  const description = lang === 'en' && e.description_en ? e.description_en : e.description;
  return {
    filing: org.deadlines.filing_workdays, // art. 4.1
    handling: org.deadlines.handling_workdays, // art. 5.4, 6.2
    organization: org.organization.name,
    email: org.organization.email,
    mailto: mailtoUrl(org.organization.email, MAIL[lang].subject, MAIL[lang].body.join('\n')),
    addressLines: org.organization.postal_address.split(/\s*,\s*/),
    committee: e.committee,
    escalationName: e.name,
    escalationUrl: e.website,
    escalationDescription: description,
    escalationDescriptionLang: description === e.description ? 'nl' : 'en',
    homeHref: withBase(base, ROUTES.home[lang]),
    complainHref: withBase(base, ROUTES.complain[lang]),
    calcHref: `${withBase(base, ROUTES.complain[lang])}#termijnen`,
    formHref: withBase(base, ROUTES.form[lang]),
  };
}
