import type { Organization } from '../../schemas/organization.ts';
import type { AttachmentInfo } from '../cases/attachments.ts';
import type { WorkCalendar } from '../calendar/calendar.ts';
import type { CaseRecord } from '../cases/case-file.ts';
import type { IsoDate } from '../dates/iso-date.ts';
import { registrationFormHtml } from './registration-form.ts';
import { LETTERHEAD_TEMPLATE, letterPartials, responseLetterHtml } from './response-letter.ts';
import { acknowledgementHtml, escalationLetterHtml, oralConfirmationHtml } from './case-letters.ts';
import { committeeDossierHtml, type EarlierLetter } from './committee-dossier.ts';
import { t } from '../../schemas/language.ts';
import type { RecordedDateField } from '../cases/record-date.ts';
import { vocabulary, type DocumentKey } from '../vocabulary/index.ts';

const titles = vocabulary('nl').document;

/** What every document is made from; `templates` holds the text of each template a kind names, by file name. */
export interface DocumentInput {
  record: CaseRecord;
  org: Organization;
  cal: WorkCalendar;
  today: IsoDate;
  templates: Readonly<Record<string, string>>;
  /** The files kept with the case (lib/cases/attachments.ts), for the committee's dossier to list; none when left out. */
  attachments?: readonly AttachmentInfo[];
}

/** A made document, or what the case file still lacks for it (Dutch field descriptions). */
export type DocumentResult = { ok: true; html: string } | { ok: false; missing: string[] };

/** One kind of per-case document: how `npm run documents` and the werkplek name, explain and make it. */
export interface DocumentKind {
  /** File-name part and option value, e.g. `antwoordbrief` → `K-2026-003-antwoordbrief.pdf`. */
  key: DocumentKey;
  /** Dutch title as the organizer reads it (lib/vocabulary's `document`). */
  title: string;
  /** The regulation's articles it fulfils. */
  articles: string;
  /** The templates in templates/ it is made from, if any (the first is its own). */
  template?: string;
  /** More templates it needs (the dossier bundles other letters). */
  alsoUses?: readonly string[];
  /**
   * The date field making it records in the case file (today, unless already set), so the case shows that
   * the letter went out. The command writes it unless --dry-run; the werkplek likewise.
   */
  records?: RecordedDateField;
  /** Made by `npm run documents -- K-…` without --kind (the two that existed before letters were added). */
  byDefault?: boolean;
  make(input: DocumentInput): DocumentResult;
}

/** A letter template's text and the partials it may take over (the letterhead); {@link DOCUMENT_KINDS} has checked it was read. */
const letter = (templates: DocumentInput['templates'], name: string) => [templates[name]!, letterPartials(templates)] as const;

/** Every per-case document, as written below; {@link DOCUMENT_KINDS} adds the check that its templates were read. */
const KINDS: readonly DocumentKind[] = [
  {
    key: 'registratieformulier',
    title: titles['registratieformulier'],
    articles: 'art. 1.5, 4.5',
    byDefault: true,
    make: ({ record, org, cal, today }) => ({ ok: true, html: registrationFormHtml(record, org, cal, today) }),
  },
  {
    key: 'antwoordbrief',
    title: titles['antwoordbrief'],
    articles: 'art. 4.6, 5.5',
    template: 'antwoordbrief.html',
    byDefault: true,
    make: ({ record, org, templates }) => responseLetterHtml(record, org, ...letter(templates, 'antwoordbrief.html')),
  },
  {
    key: 'ontvangstbevestiging',
    title: titles['ontvangstbevestiging'],
    articles: 'art. 3, 4.1, 5.4',
    template: 'ontvangstbevestiging.html',
    records: 'acknowledged',
    make: ({ record, org, cal, today, templates }) =>
      acknowledgementHtml(record, org, cal, today, ...letter(templates, 'ontvangstbevestiging.html')),
  },
  {
    key: 'bevestiging-mondelinge-klacht',
    title: titles['bevestiging-mondelinge-klacht'],
    articles: 'art. 4.1',
    template: 'bevestiging-mondelinge-klacht.html',
    records: 'written_confirmation',
    make: ({ record, org, cal, today, templates }) =>
      oralConfirmationHtml(record, org, cal, today, ...letter(templates, 'bevestiging-mondelinge-klacht.html')),
  },
  {
    key: 'escalatiebrief',
    title: titles['escalatiebrief'],
    articles: 'art. 4.7',
    template: 'escalatiebrief.html',
    make: ({ record, org, templates }) => escalationLetterHtml(record, org, ...letter(templates, 'escalatiebrief.html')),
  },
  {
    key: 'dossier-klachtencommissie',
    title: titles['dossier-klachtencommissie'],
    articles: 'art. 4.7',
    template: 'antwoordbrief.html',
    alsoUses: ['escalatiebrief.html', 'ontvangstbevestiging.html', 'bevestiging-mondelinge-klacht.html'],
    make: ({ record, org, cal, today, templates, attachments }) => {
      const c = record.data;
      // every letter the complainant received goes to the committee, made again as it was sent
      const earlier: EarlierLetter[] = [
        ...(c.acknowledged
          ? [
              {
                title: 'Ontvangstbevestiging (art. 4.1, 5.4)',
                sent: c.acknowledged,
                letter: acknowledgementHtml(record, org, cal, today, ...letter(templates, 'ontvangstbevestiging.html')),
              },
            ]
          : []),
        ...(c.channel === 'oral' && c.written_confirmation
          ? [
              {
                title: 'Bevestiging mondelinge klacht (art. 4.1)',
                sent: c.written_confirmation,
                letter: oralConfirmationHtml(record, org, cal, today, ...letter(templates, 'bevestiging-mondelinge-klacht.html')),
              },
            ]
          : []),
      ];
      return committeeDossierHtml(
        record,
        registrationFormHtml(record, org, cal, today),
        responseLetterHtml(record, org, ...letter(templates, 'antwoordbrief.html')),
        escalationLetterHtml(record, org, ...letter(templates, 'escalatiebrief.html')),
        earlier,
        attachments,
      );
    },
  },
];

/**
 * Every per-case document, in the order the handling needs them. The one list commands and the werkplek offer.
 * A template that was not read (a missing file) makes no document: it names the file, so a letter is never blank.
 */
export const DOCUMENT_KINDS: readonly DocumentKind[] = KINDS.map((kind) => ({
  ...kind,
  make: (input: DocumentInput): DocumentResult => {
    const absent = templatesOf(kind).filter((name) => input.templates[name] === undefined);
    if (absent.length)
      return {
        ok: false,
        missing: absent.map((name) =>
          t(
            `het sjabloon templates/${name} ontbreekt: zet het bestand terug in de map templates/ naast organization.yml (zie templates/README.md)`,
            `the template templates/${name} is missing: put it back in templates/ beside organization.yml (see templates/README.md)`,
          ),
        ),
      };
    return kind.make(input);
  },
}));

/** The templates a kind reads: its own, those of the letters it bundles, and the letterhead they share. */
export const templatesOf = (kind: DocumentKind): string[] =>
  kind.template ? [kind.template, ...(kind.alsoUses ?? []), LETTERHEAD_TEMPLATE] : [];
