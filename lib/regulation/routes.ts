/** The site's languages: Dutch (the binding text) and English (a translation). */
export type Lang = 'nl' | 'en';

/** A page of the public site, by role; each has a Dutch and an English address. */
export type PageKey = 'home' | 'complain' | 'form';

/** Path of each page below the base, per language; the two columns are each other's `hreflang` alternates. */
export const ROUTES: Record<PageKey, Record<Lang, string>> = {
  home: { nl: '', en: 'en/' },
  complain: { nl: 'klacht-indienen/', en: 'en/making-a-complaint/' },
  form: { nl: 'klachtformulier/', en: 'en/complaint-form/' },
};

/** A site path with the configured base in front (the base is "/klachtenregeling/" on GitHub Pages). */
export function withBase(base: string, path: string): string {
  return `${base.replace(/\/?$/, '/')}${path}`;
}
