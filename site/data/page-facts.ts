// The values the MDX prose shows, per language: all from organization.yml, so the pages and the
// deadline checker can never disagree.
import { mailtoUrl } from '../../lib/regulation/mailto.ts';
import { buildYear, org, regulation, wkkgzSpan } from './site-data.ts';
import { regulationTies, type TieKind } from '../../lib/regulation/ties.ts';
import { DECREED_DAYS } from '../../lib/calendar/decreed-days.ts';
import { formatList } from '../../lib/dates/format.ts';
import { formatDate } from '../../lib/dates/iso-date.ts';
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

/** "2 januari 2026, 15 mei 2026 en 7 mei 2027": the decreed days (art. 3 lid 3 Atw) of the build year and the next. */
function decreedDayList(lang: Lang): string {
  const days = DECREED_DAYS.filter((d) => +d.date.slice(0, 4) >= buildYear && +d.date.slice(0, 4) <= buildYear + 1).map((d) =>
    formatDate(d.date, lang),
  );
  // no known decreed day in these years: point at the list on the page instead of naming none
  if (days.length === 0)
    return lang === 'nl' ? 'de dagen die in de lijst hieronder gelijkgesteld heten' : 'the days marked as decreed in the list below';
  return formatList(days, lang);
}

/**
 * " (artikel 4.1)", " (articles 5.4 and 6.2)": where the practice's own regulation states each rule the pages
 * name, found in its text (lib/regulation/ties.ts); empty when the text has no such rule.
 */
function citations(lang: Lang): Record<Exclude<TieKind, 'acknowledgement'>, string> {
  const ties = regulationTies(regulation.nl, org);
  const cite = (kind: TieKind) => {
    const all = [...new Set(ties.filter((t) => t.kind === kind).map((t) => t.article))];
    // the complaints body: the rule that sends a complaint there, after the definitions and the informing (art. 4.7)
    const refs = kind === 'escalation' ? all.slice(-1) : all;
    if (refs.length === 0) return '';
    const word = lang === 'nl' ? 'artikel' : refs.length > 1 ? 'articles' : 'article';
    return ` (${word} ${formatList(refs, lang)})`;
  };
  return { filing: cite('filing'), handling: cite('handling'), escalation: cite('escalation'), confidentiality: cite('confidentiality') };
}

/** The props of the MDX content of a page in `lang`. */
export function pageFacts(lang: Lang, base: string) {
  const e = org.escalation;
  const description = lang === 'en' && e.description_en ? e.description_en : e.description;
  // art. 1.6, 3.2, 4.7: the committee's procedure as organization.yml tells it, the same as in the letters
  const procedure = lang === 'en' && e.procedure.en ? e.procedure.en : e.procedure;
  return {
    cite: citations(lang), // where the practice's regulation says it: " (artikel 4.1)"
    filing: org.deadlines.filing_workdays, // art. 4.1
    handling: org.deadlines.handling_workdays, // art. 5.4, 6.2
    decreedDays: decreedDayList(lang), // art. 3 lid 3 Atw, named in the counting sentence
    wkkgzDays: wkkgzSpan.days, // the most calendar days the handling term takes, 2000–2100
    retentionYears: org.retention.years_after_closing, // privacy notice (art. 13 AVG)
    organization: org.organization.name,
    email: org.organization.email,
    mailto: mailtoUrl(org.organization.email, MAIL[lang].subject, MAIL[lang].body.join('\n')),
    addressLines: org.organization.postal_address.split(/\s*,\s*/),
    committee: e.committee,
    escalationName: e.name,
    escalationUrl: e.website,
    escalationDescription: description,
    escalationDescriptionLang: description === e.description ? 'nl' : 'en',
    viaOrganizer: e.procedure.submitted_by === 'organizer',
    procedureHow: procedure.how,
    procedureSteps: [procedure.officer, procedure.disputes_body, procedure.term, procedure.cost].join(' '),
    procedureLang: procedure === e.procedure ? 'nl' : 'en',
    homeHref: withBase(base, ROUTES.home[lang]),
    complainHref: withBase(base, ROUTES.complain[lang]),
    calcHref: `${withBase(base, ROUTES.complain[lang])}#termijnen`,
    formHref: withBase(base, ROUTES.form[lang]),
  };
}
