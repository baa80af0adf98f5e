import { formatDate, type IsoDate } from '../../lib/dates/iso-date.ts';
import { html, type Html } from '../html.ts';

/** A date as people read it (`24 november 2026`), machine-readable in `<time>`; a dash when there is none. */
export const dateHtml = (date: IsoDate | undefined | null): Html =>
  date ? html`<time datetime="${date}">${formatDate(date)}</time>` : html`—`;
