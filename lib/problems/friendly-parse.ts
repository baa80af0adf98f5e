import { z } from 'zod';
import { currentLanguage, t, type Language } from '../../schemas/language.ts';
import { lineOf } from './yaml-source.ts';
import type { Problem } from './problems.ts';

const valueAt = (data: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), data);

// An example line per field name, for a required field that is missing (the YAML keys of schemas/).
const EXAMPLES: Record<string, string> = {
  id: 'id: K-2026-001',
  organizer: 'organizer: anouk',
  received: 'received: 2026-11-24',
  status: 'status: open',
  channel: 'channel: email',
  categories: 'categories: [communicatie]',
  name: 'name: Jan de Vries',
  date: 'date: 2026-11-24',
  kind: 'kind: complainant_heard',
  action: 'action: "Offerte vooraf sturen"',
  owner: 'owner: anouk',
  key: 'key: communicatie',
  label: 'label: Communicatie',
  github: 'github: anouk-o4a',
  email: 'email: klachten@example.nl',
};

/** A zod issue in words a person can act on. */
function describe(issue: z.core.$ZodIssue, data: unknown, schemaDoc: string): { path: PropertyKey[]; message: string }[] {
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map((k) => ({
      path: [...issue.path, k],
      message: t(
        `onbekend veld "${k}": controleer de spelling; de velden heten zoals in ${schemaDoc} (Engelse namen, bijvoorbeeld received, findings)`,
        `unknown field "${k}": check its spelling (see ${schemaDoc})`,
      ),
    }));
  const missing = issue.code !== 'custom' && valueAt(data, issue.path) === undefined;
  if (!missing) return [{ path: [...issue.path], message: issue.message }];
  const last = issue.path.at(-1);
  const example = typeof last === 'string' ? EXAMPLES[last] : undefined;
  return [
    {
      path: [...issue.path],
      message: t(
        `verplicht veld ontbreekt${example ? `; voeg een regel toe zoals ${example}` : `: ${issue.message}`}`,
        `required: ${issue.message}`,
      ),
    },
  ];
}

/** zod's messages per language (zod 4's locales), made once: a locale builds its tables on every call. */
const localeErrors: Partial<Record<Language, z.core.$ZodErrorMap>> = {};
const localeError = (language: Language): z.core.$ZodErrorMap =>
  (localeErrors[language] ??= (language === 'en' ? z.locales.en() : z.locales.nl()).localeError);

/**
 * Validate YAML data against a zod schema. On failure, every issue becomes a {@link Problem} naming the
 * file, the line within `yamlText` and the field; an unknown field points to `schemaDoc`, the file that lists
 * the fields (`schemas/case.schema.json`, `schemas/organization.schema.json`). Shared by the scripts and the site.
 * zod's own messages come in the current language (zod 4's locales); ours are in schemas/.
 */
export function parseWithFriendlyErrors<S extends z.ZodType>(
  schema: S,
  data: unknown,
  where: { file: string; yamlText: string; schemaDoc: string },
): { ok: true; data: z.output<S> } | { ok: false; problems: Problem[] } {
  const result = schema.safeParse(data, { error: localeError(currentLanguage()) });
  if (result.success) return { ok: true, data: result.data };
  const described = result.error.issues.flatMap((issue) => describe(issue, data, where.schemaDoc));
  // a file with 100,000 unknown keys gets the first few, then one line with the count: looking up the line of
  // each costs a pass over the text, and nobody reads the rest before fixing the first
  const shown = described.slice(0, MAX_PROBLEMS_PER_FILE);
  const problems: Problem[] = shown.map(({ path, message }) => ({
    file: where.file,
    line: lineOf(where.yamlText, path),
    field: path.length ? path.map(String).join('.') : '(file)',
    message,
    severity: 'error' as const,
  }));
  const rest = described.length - shown.length;
  if (rest > 0)
    problems.push({
      file: where.file,
      line: problems.at(-1)?.line ?? 1,
      field: '(file)',
      message: `… en ${new Intl.NumberFormat('nl-NL').format(rest)} meer`,
      severity: 'error',
    });
  return { ok: false, problems };
}

/** At most this many problems per file are listed (then one line "… en N meer"). */
export const MAX_PROBLEMS_PER_FILE = 10;
