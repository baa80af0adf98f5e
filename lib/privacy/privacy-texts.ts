/**
 * The privacy texts of the complaints register (AVG/GDPR art. 13, 14, 15), written once and filled from
 * organization.yml: the public notice (NL and EN), the access report and the acknowledgement letter use them.
 * They say only what the system does: every organizer's werkplek opens every case, the files are kept at the
 * processors organization.yml names, and the committee receives a case only when it is escalated.
 */
import type { Organization } from '../../schemas/organization.ts';
import type { Lang } from '../regulation/routes.ts';

/** The Autoriteit Persoonsgegevens, where a person complains about the processing (art. 77 AVG). */
export const AUTORITEIT_PERSOONSGEGEVENS = { name: 'Autoriteit Persoonsgegevens', url: 'https://www.autoriteitpersoonsgegevens.nl/' };

/** A piece of a paragraph: text, or a link. */
export type Inline = string | { text: string; href: string; lang?: string };

/** One part of the privacy notice: a short bold lead and its paragraphs. */
export interface NoticeSection {
  /** Stable key per element of art. 13, for tests and anchors. */
  key: 'controller' | 'data' | 'purpose' | 'basis' | 'special' | 'required' | 'recipients' | 'retention' | 'rights' | 'authority';
  title: string;
  paragraphs: Inline[][];
}

/** The address for privacy questions and requests: `privacy.contact`, else the organization's e-mail. */
export const privacyEmail = (org: Organization): string => org.privacy.contact ?? org.organization.email;

/** "a, b en c" / "a, b and c". */
export function listInWords(items: readonly string[], lang: Lang = 'nl'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${lang === 'nl' ? 'en' : 'and'} ${items.at(-1)}`;
}

const WORDS: Record<Lang, readonly string[]> = {
  nl: ['geen', 'één', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien'],
  en: ['none', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'],
};
/** A small count in words ("twee"), a larger one in figures. */
const number = (n: number, lang: Lang) => WORDS[lang][n] ?? String(n);

/**
 * Who receives the data (art. 13(1)(e), 15(1)(c)): every organizer (the werkplek opens every case), each
 * processor with its transfer ground (art. 13(1)(f), 15(2)), the committee when escalated, a third party asked
 * for information (art. 5.3 of the regulation), and no one else unless the law obliges.
 */
export function recipientsSentences(org: Organization, lang: Lang): string[] {
  const n = org.organizers.length;
  const name = org.organization.name;
  const processors = org.privacy.processors.map((p) =>
    lang === 'nl'
      ? `${p.name} ${p.task}, in ${p.country}. ${p.name} is onze verwerker: het werkt alleen in onze opdracht, volgens onze verwerkersovereenkomst, de ${p.agreement} (art. 28 AVG).` +
        (p.transfer ? ` Uw gegevens gaan daarvoor buiten de Europese Unie. Dat mag omdat ${p.transfer}.` : '')
      : `${p.name} ${p.task_en ?? p.task}, in ${p.country_en ?? p.country}. ${p.name} is our processor: it acts only on our instructions, under our processing agreement, the ${p.agreement} (Art. 28 GDPR).` +
        (p.transfer ? ` Your data leaves the European Union for this. That is allowed because ${p.transfer_en ?? p.transfer}.` : ''),
  );
  return lang === 'nl'
    ? [
        `Alle Professional Organizers & Coaches van ${name} (nu ${number(n, 'nl')}) kunnen elk klachtdossier openen, niet alleen wie uw klacht behandelt.`,
        ...processors,
        `Wordt uw klacht voorgelegd aan de ${org.escalation.committee}, dan krijgt die het dossier en onze brieven.`,
        'Vragen wij iemand anders om informatie over de klacht (artikel 5.3 van de regeling), dan vertellen wij alleen wat daarvoor nodig is.',
        'Verder geven wij uw gegevens aan niemand, tenzij de wet ons daartoe verplicht.',
      ]
    : [
        `All Professional Organizers & Coaches of ${name} (currently ${number(n, 'en')}) can open every complaint file, not only the one handling your complaint.`,
        ...processors,
        `If your complaint is put before the ${org.escalation.committee}, it receives the file and our letters.`,
        'If we ask someone else for information about the complaint (article 5.3 of the regulation), we tell them only what that takes.',
        'We give your data to no one else, unless the law obliges us to.',
      ];
}

/** The legal bases (art. 13(1)(c)): the agreement with the client, a legal obligation if organization.yml names one, and legitimate interest for others. */
export function basisSentences(org: Organization, lang: Lang): string[] {
  const law = lang === 'nl' ? org.privacy.legal_obligation : (org.privacy.legal_obligation_en ?? org.privacy.legal_obligation);
  return lang === 'nl'
    ? [
        'Wij hebben de gegevens van de cliënt nodig om onze overeenkomst met de cliënt goed uit te voeren; de klachtenregeling hoort daarbij (art. 6 lid 1 onder b AVG).',
        ...(law ? [`Ook ${law} verplicht ons klachten te behandelen (art. 6 lid 1 onder c AVG).`] : []),
        'Klaagt iemand namens de cliënt, of noemt een klacht iemand anders, dan gebruiken wij de gegevens van die persoon omdat de cliënt en wij er belang bij hebben dat de klacht wordt behandeld (gerechtvaardigd belang, art. 6 lid 1 onder f AVG).',
      ]
    : [
        "We need the client's data to perform our agreement with the client properly; the complaints regulation is part of it (Art. 6(1)(b) GDPR).",
        ...(law ? [`${law} also obliges us to handle complaints (Art. 6(1)(c) GDPR).`] : []),
        "If someone complains on the client's behalf, or a complaint names someone else, we use that person's data because the client and we have an interest in the complaint being handled (legitimate interest, Art. 6(1)(f) GDPR).",
      ];
}

/** Special categories (art. 9): not asked for; when a complaint holds them, used only as far as needed, on art. 9(2)(f). */
export function specialCategoriesSentences(lang: Lang): string[] {
  return lang === 'nl'
    ? [
        'Wij vragen niet naar uw gezondheid of andere bijzondere persoonsgegevens. Staat er in een klacht toch iets over iemands gezondheid, dan gebruiken wij dat alleen als het nodig is om de klacht te behandelen. Dat mag omdat een klacht kan eindigen bij een geschilleninstantie (art. 9 lid 2 onder f AVG). Ook die gegevens krijgen alleen de ontvangers hieronder, en ze worden met de klacht verwijderd.',
      ]
    : [
        'We do not ask about your health or other special categories of personal data. If a complaint does mention someone’s health, we use it only as far as handling the complaint needs. That is allowed because a complaint can end before a disputes body (Art. 9(2)(f) GDPR). Those data, too, go only to the recipients below, and are removed with the complaint.',
      ];
}

/** The rights that apply (art. 13(2)(b)(d), 15(1)(e)(f)): objection only where the basis is legitimate interest. */
export function rightsSentences(org: Organization, lang: Lang): string[] {
  const email = privacyEmail(org);
  return lang === 'nl'
    ? [
        'U mag uw gegevens inzien (art. 15 AVG), laten verbeteren (art. 16) en laten verwijderen (art. 17). Een klacht die nog loopt, sluiten wij eerst af: u kunt haar ook intrekken. U mag vragen het gebruik van uw gegevens te beperken (art. 18), bijvoorbeeld zolang wij nagaan of een gegeven klopt. En u mag de gegevens die u ons gaf krijgen in een gangbaar bestand, om aan een ander te geven (art. 20).',
        'Gebruiken wij uw gegevens omdat u namens een cliënt klaagt of in een klacht genoemd wordt (gerechtvaardigd belang), dan mag u ook bezwaar maken (art. 21).',
        `Vraag het via ${email}; u krijgt binnen een maand antwoord. Geen besluit over u wordt alleen door een computer genomen.`,
      ]
    : [
        'You may see your data (Art. 15 GDPR), have it corrected (Art. 16) and have it removed (Art. 17). A complaint still being handled is closed first: you can also withdraw it. You may ask us to restrict the use of your data (Art. 18), for instance while we check whether something is correct. And you may receive the data you gave us in a common file format, to pass on to someone else (Art. 20).',
        'If we use your data because you complain on behalf of a client or are named in a complaint (legitimate interest), you may also object (Art. 21).',
        `Ask us at ${email}; you get an answer within one month. No decision about you is made by a computer alone.`,
      ];
}

/** The retention term (art. 13(2)(a)), and what remains after it. */
export function retentionSentence(org: Organization, lang: Lang): string {
  const years = org.retention.years_after_closing;
  return lang === 'nl'
    ? `Tot ${years} jaar nadat uw klacht is afgehandeld. Daarna verwijderen wij uw naam, contactgegevens, de tekst van uw klacht en onze aantekeningen, bevindingen en conclusies uit het dossier en uit de eerdere versies ervan die wij bewaren; wat overblijft zijn gegevens zonder namen, zoals de datum en de categorie.`
    : `Up to ${years} years after your complaint was closed. Then we remove your name, contact details, the text of your complaint and our notes, findings and conclusions from the file and from the earlier versions of it that we keep; what remains are data without names, such as the date and the category.`;
}

/** Turn each occurrence of `link.text` in `s` into a link. */
function linked(s: string, links: readonly { text: string; href: string; lang?: string }[]): Inline[] {
  let parts: Inline[] = [s];
  for (const l of links)
    parts = parts.flatMap((p) =>
      typeof p !== 'string'
        ? [p]
        : p
            .split(l.text)
            .flatMap((piece, i) => (i === 0 ? [piece] : [{ text: l.text, href: l.href, ...(l.lang ? { lang: l.lang } : {}) }, piece])),
    );
  return parts.filter((p) => p !== '');
}

/**
 * The privacy notice of the complaint pages (AVG/GDPR art. 13, and art. 14 for a representative's client),
 * in Dutch or English, from organization.yml. Pure: the site renders the sections as they are.
 */
export function privacyNotice(org: Organization, lang: Lang): { heading: string; sections: NoticeSection[] } {
  const email = privacyEmail(org);
  const mail = { text: email, href: `mailto:${email}` };
  const ap = { text: AUTORITEIT_PERSOONSGEGEVENS.name, href: AUTORITEIT_PERSOONSGEGEVENS.url, ...(lang === 'en' ? { lang: 'nl' } : {}) };
  const p = (...sentences: string[]) => linked(sentences.join(' '), [mail, ap]);
  const nl = lang === 'nl';
  const dpo = org.privacy.dpo;
  const sections: NoticeSection[] = [
    {
      key: 'controller',
      title: nl ? 'Wie is verantwoordelijk.' : 'Who is responsible.',
      paragraphs: [
        p(
          nl
            ? `${org.organization.name} is verantwoordelijk voor uw gegevens (verwerkingsverantwoordelijke): ${org.organization.postal_address}, ${email}.`
            : `${org.organization.name} is responsible for your data (the controller): ${org.organization.postal_address}, ${email}.`,
          ...(dpo ? [nl ? `Onze functionaris voor gegevensbescherming: ${dpo}.` : `Our data protection officer: ${dpo}.`] : []),
        ),
      ],
    },
    {
      key: 'data',
      title: nl ? 'Wat wij vastleggen.' : 'What we record.',
      paragraphs: [
        p(
          nl
            ? 'Uw naam en contactgegevens, uw klacht, de stappen die wij zetten, en onze aantekeningen, bevindingen en conclusies. Klaagt u namens een cliënt, dan ook uw relatie met de cliënt, en de naam en contactgegevens van de cliënt. Die gegevens van de cliënt krijgen wij dan van u. In onze ontvangstbevestiging staat wat wij over de cliënt vastleggen; geef die uitleg aan de cliënt.'
            : "Your name and contact details, your complaint, the steps we take, and our notes, findings and conclusions. If you complain on a client's behalf, also your relation to the client, and the client's name and contact details. We then receive the client's data from you. Our acknowledgement of receipt says what we record about the client; please pass that on to the client.",
        ),
      ],
    },
    {
      key: 'purpose',
      title: nl ? 'Waarvoor.' : 'What for.',
      paragraphs: [
        p(
          nl
            ? 'Alleen om uw klacht te behandelen zoals onze klachtenregeling voorschrijft, en om van klachten te leren. Om te leren gebruiken wij alleen gegevens zonder namen, zoals aantallen, categorieën en oorzaken. Uw klacht wordt vertrouwelijk behandeld (artikel 4.4).'
            : 'Only to handle your complaint as our complaints regulation prescribes, and to learn from complaints. To learn, we use only data without names, such as numbers, categories and causes. Your complaint is treated confidentially (article 4.4).',
        ),
      ],
    },
    { key: 'basis', title: nl ? 'Op welke grond.' : 'On what basis.', paragraphs: [p(...basisSentences(org, lang))] },
    {
      key: 'special',
      title: nl ? 'Gegevens over gezondheid.' : 'Health data.',
      paragraphs: [p(...specialCategoriesSentences(lang))],
    },
    {
      key: 'required',
      title: nl ? 'Moet u gegevens geven?' : 'Must you give your data?',
      paragraphs: [
        p(
          nl
            ? 'Nee. Maar zonder uw naam en een adres of e-mailadres kunnen wij uw klacht niet schriftelijk behandelen en u niet antwoorden (artikel 4.1 en 4.6). Gegevens over uw gezondheid hoeft u nooit te geven.'
            : 'No. But without your name and a postal or e-mail address we cannot handle your complaint in writing or answer you (articles 4.1 and 4.6). You never need to give data about your health.',
        ),
      ],
    },
    {
      key: 'recipients',
      title: nl ? 'Wie uw gegevens ziet.' : 'Who sees your data.',
      // the organizers, each processor, then the committee, a third party asked and no one else in one paragraph
      paragraphs: ((all) => [...all.slice(0, -3).map((s) => p(s)), p(...all.slice(-3))])(recipientsSentences(org, lang)),
    },
    { key: 'retention', title: nl ? 'Hoe lang.' : 'How long.', paragraphs: [p(retentionSentence(org, lang))] },
    { key: 'rights', title: nl ? 'Uw rechten.' : 'Your rights.', paragraphs: rightsSentences(org, lang).map((s) => p(s)) },
    {
      key: 'authority',
      title: nl ? 'Niet eens met ons?' : 'Disagree with us?',
      paragraphs: [
        p(
          nl
            ? `Dan kunt u een klacht indienen bij de ${AUTORITEIT_PERSOONSGEGEVENS.name}.`
            : `Then you can complain to the Dutch Data Protection Authority, the ${AUTORITEIT_PERSOONSGEGEVENS.name}.`,
        ),
      ],
    },
  ];
  return { heading: nl ? 'Wat wij met uw gegevens doen' : 'What we do with your data', sections };
}
