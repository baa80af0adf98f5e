import type { Lang } from './routes.ts';

/**
 * The practice's regulation, one file per language, beside organization.yml: the Dutch text binds, the English
 * one (optional) is a translation. The practice owns these files; an update of the software never touches them.
 * Plain text as the practice wrote it; `splitArticles` (articles.ts) reads its articles.
 */
export const REGULATION_FILES: Record<Lang, string> = {
  nl: 'regulation/klachtenreglement.nl.txt',
  en: 'regulation/klachtenreglement.en.txt',
};

/** The stable anchor of an article, or of one of its rules. @example anchorOf(4, 1) === 'artikel-4-1' */
export function anchorOf(article: number, rule?: number): string {
  return rule === undefined ? `artikel-${article}` : `artikel-${article}-${rule}`;
}
