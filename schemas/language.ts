/** The languages messages come in: Dutch for the organizer (the default), English for developers. */
export const LANGUAGES = ['nl', 'en'] as const;
/** A message language. */
export type Language = (typeof LANGUAGES)[number];

// The one setting of the message language, read when a message is made (zod calls schema messages at parse
// time). Like zod's own z.config(), it is process-wide: a command sets it once, at its start (io/cli.ts).
let current: Language = 'nl';

/** Choose the language of every message made from now on. */
export function setLanguage(language: Language): void {
  current = language;
}

/** The language messages are made in now. */
export const currentLanguage = (): Language => current;

/** The message in the current language. @example t('verplicht', 'required') // 'verplicht' by default */
export const t = (nl: string, en: string): string => (current === 'en' ? en : nl);

/**
 * A zod message parameter that speaks the current language at parse time, e.g.
 * `z.string().regex(re, say('verwacht …', 'expected …'))`.
 */
export const say = (nl: string, en: string) => ({ error: () => t(nl, en) });

/** Whether a text names a language, e.g. the value of KLACHTEN_LANG or --lang. */
export const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);
