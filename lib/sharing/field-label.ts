/** What one list entry of a case is called, by the list's field (`steps.2` is "stap 3"). */
const ENTRY_WORDS: Readonly<Record<string, string>> = { steps: 'stap', improvements: 'verbeteractie' };

/**
 * A conflict's field (the merge driver's path: `complainant.email`, `steps.2.note`, `steps.2`, `body.Klacht`,
 * `(file)`) in the organizer's words, from the vocabulary's field words (keyed by the path without list indices,
 * `steps.note`). A field without a word is shown as its path.
 * @example conflictFieldLabel('steps.2.note', { 'steps.note': 'Notitie' }) === 'Notitie (stap 3)'
 */
export function conflictFieldLabel(field: string, words: Readonly<Record<string, string>>): string {
  if (field === '(file)') return 'het dossier als geheel';
  if (field === 'body') return 'de tekst bovenaan het dossier';
  if (field.startsWith('body.')) return `de tekst onder "${field.slice(5)}"`;
  const parts = field.split('.');
  const index = parts.findIndex((p) => /^\d+$/.test(p));
  if (index < 0) return words[field] ?? field;
  const list = parts.slice(0, index).join('.');
  const entry = `${ENTRY_WORDS[list] ?? words[list] ?? list} ${Number(parts[index]) + 1}`;
  const rest = parts.slice(index + 1).filter((p) => !/^\d+$/.test(p));
  if (!rest.length) return entry;
  const key = [list, ...rest].join('.');
  return `${words[key] ?? key} (${entry})`;
}
