import type { Language } from '../../schemas/language.ts';
import { currentLanguage } from '../../schemas/language.ts';
import { en } from './en.ts';
import { nl } from './nl.ts';
import type { Vocabulary } from './vocabulary.ts';

export type { CaseField, DatedStep, DocumentKey, RegulationStepKey, StepKind, Vocabulary } from './vocabulary.ts';

/** The words of each language, as written (with `{escalation}` unfilled). */
export const VOCABULARIES: Readonly<Record<Language, Vocabulary>> = { nl, en };

/** The organization facts a word may name (organization.yml, art. 1.6). */
export interface VocabularyOrganization {
  escalation: { name: string };
}

/** Every string in `value` (objects and records, not functions) with `{escalation}` replaced by `name`. */
function filled<T>(value: T, name: string): T {
  if (typeof value === 'string') return value.replaceAll('{escalation}', name) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, filled(v, name)])) as T;
}

const made = new Map<string, Vocabulary>();

/**
 * The words of `lang`, with the escalation body named as `org` names it (`escalation.name`), or generically
 * ("de klachtencommissie") without one. Made once per language and name.
 * @example vocabulary('nl').status.escalated === 'voorgelegd aan de klachtencommissie'
 */
export function vocabulary(lang: Language, org?: VocabularyOrganization): Vocabulary {
  const words = VOCABULARIES[lang];
  const name = org?.escalation.name ?? words.role.escalationBody;
  const key = `${lang}\u0000${name}`;
  let v = made.get(key);
  if (!v) made.set(key, (v = filled(words, name)));
  return v;
}

/** The words of the language messages are made in now (schemas/language.ts: Dutch unless --lang en). */
export const words = (org?: VocabularyOrganization): Vocabulary => vocabulary(currentLanguage(), org);
