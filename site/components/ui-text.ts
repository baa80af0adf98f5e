import type { Lang, PageKey } from '../../lib/regulation/routes.ts';

/** The words around the content (skip link, menu, footer), per language. */
export const UI: Record<
  Lang,
  { skip: string; menu: string; nav: Record<PageKey, string>; other: string; otherLabel: string; site: string; contact: string }
> = {
  nl: {
    skip: 'Naar de inhoud',
    menu: 'Hoofdmenu',
    nav: { home: 'Klachtenregeling', complain: 'Klacht indienen', form: 'Klachtformulier' },
    other: 'English',
    otherLabel: 'This page in English',
    site: 'Klachtenregeling',
    contact: 'Contact',
  },
  en: {
    skip: 'Skip to content',
    menu: 'Main menu',
    nav: { home: 'Complaints regulation', complain: 'Making a complaint', form: 'Complaint form' },
    other: 'Nederlands',
    otherLabel: 'Deze pagina in het Nederlands',
    site: 'Complaints regulation',
    contact: 'Contact',
  },
};

/** The English page's sentence when the practice gives no English text of its regulation (regulation/klachtenreglement.en.txt). */
export const DUTCH_ONLY = 'The complaints regulation itself is available in Dutch only; the summary above is in English.';
