import type { Html } from './html.ts';

/** What a route answers: a page, a redirect after a save (303), or a download. */
export type Reply =
  | { kind: 'page'; status: number; html: Html }
  | { kind: 'redirect'; location: string }
  | { kind: 'file'; body: Buffer | string; type: string; filename?: string };

/** A page with its status. */
export const pageReply = (html: Html, status = 200): Reply => ({ kind: 'page', status, html });
/** A redirect to `location` (303 See Other: the browser GETs it, so a reload never posts again). */
export const redirect = (location: string): Reply => ({ kind: 'redirect', location });

/** What a route gets: the address, the path's parameters, and for a POST the form's values and files. */
export interface Request {
  url: URL;
  params: readonly string[];
  values: Readonly<Record<string, string | readonly string[]>>;
  files: Readonly<Record<string, File>>;
}
