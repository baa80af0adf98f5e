import type { z } from 'zod';
import { lineOf } from './yaml-source.ts';
import type { Problem } from './problems.ts';

const valueAt = (data: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), data);

/** A zod issue in words a person can act on. */
function describe(issue: z.core.$ZodIssue, data: unknown, schemaDoc: string): { path: PropertyKey[]; message: string }[] {
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map((k) => ({
      path: [...issue.path, k],
      message: `unknown field "${k}": check its spelling (see ${schemaDoc})`,
    }));
  const missing = issue.code !== 'custom' && valueAt(data, issue.path) === undefined;
  return [{ path: [...issue.path], message: missing ? `required: ${issue.message}` : issue.message }];
}

/**
 * Validate YAML data against a zod schema. On failure, every issue becomes a {@link Problem} naming the
 * file, the line within `yamlText` and the field; an unknown field points to `schemaDoc`, the file that lists
 * the fields (`schemas/case.schema.json`, `schemas/organization.schema.json`). Shared by the scripts and the site.
 */
export function parseWithFriendlyErrors<S extends z.ZodType>(
  schema: S,
  data: unknown,
  where: { file: string; yamlText: string; schemaDoc: string },
): { ok: true; data: z.output<S> } | { ok: false; problems: Problem[] } {
  const result = schema.safeParse(data);
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
