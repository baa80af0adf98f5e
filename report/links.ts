import { posix } from 'node:path';

/** The report's pages: their file paths (build.format "file") and Dutch menu names. */
export const PAGES = [
  { path: 'index.html', name: 'Overzicht' },
  { path: 'nu.html', name: 'Nu open' },
  { path: 'tijdigheid.html', name: 'Tijdigheid' },
  { path: 'uitkomsten.html', name: 'Uitkomsten' },
  { path: 'oorzaken.html', name: 'Oorzaken' },
  { path: 'begeleiders.html', name: 'Per begeleider' },
  { path: 'verbeteracties.html', name: 'Verbeteracties' },
  { path: 'naleving.html', name: 'Naleving reglement' },
] as const;

/** The file path of a year's page. */
export const yearPath = (year: number): string => `jaar/${year}.html`;

/** A relative link from page `from` to page `to`, so the report works opened from disk (file://). */
export function href(from: string, to: string): string {
  return posix.relative(posix.dirname(from), to) || posix.basename(to);
}
