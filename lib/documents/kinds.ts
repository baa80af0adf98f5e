import type { Organization } from '../../schemas/organization.ts';
import type { WorkCalendar } from '../calendar/calendar.ts';
import type { CaseRecord } from '../cases/case-file.ts';
import type { IsoDate } from '../dates/iso-date.ts';
import { registrationFormHtml } from './registration-form.ts';
import { responseLetterHtml } from './response-letter.ts';

/** What every document is made from; `templates` holds the text of each template a kind names, by file name. */
export interface DocumentInput {
  record: CaseRecord;
  org: Organization;
  cal: WorkCalendar;
  today: IsoDate;
  templates: Readonly<Record<string, string>>;
}

/** A made document, or what the case file still lacks for it (Dutch field descriptions). */
export type DocumentResult = { ok: true; html: string } | { ok: false; missing: string[] };

/** One kind of per-case document: how `npm run documents` and the werkplek name, explain and make it. */
export interface DocumentKind {
  /** File-name part and option value, e.g. `antwoordbrief` → `K-2026-003-antwoordbrief.pdf`. */
  key: string;
  /** Dutch title as the organizer reads it. */
  title: string;
  /** The regulation's articles it fulfils. */
  articles: string;
  /** The template in templates/ it is made from, if any. */
  template?: string;
  make(input: DocumentInput): DocumentResult;
}

/** Every per-case document, in the order the handling needs them. The one list commands and the werkplek offer. */
export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  {
    key: 'registratieformulier',
    title: 'Klachtregistratieformulier',
    articles: 'art. 1.5, 4.5',
    make: ({ record, org, cal, today }) => ({ ok: true, html: registrationFormHtml(record, org, cal, today) }),
  },
  {
    key: 'antwoordbrief',
    title: 'Antwoordbrief (schriftelijke afhandeling)',
    articles: 'art. 4.6, 5.5',
    template: 'antwoordbrief.html',
    make: ({ record, org, templates }) => responseLetterHtml(record, org, templates['antwoordbrief.html'] ?? ''),
  },
];
