import type { z } from 'zod';
import type { CaseData } from '../../schemas/case.ts';
import { parseWithFriendlyErrors } from '../problems/friendly-parse.ts';
import type { Problem } from '../problems/problems.ts';
import { conflictMarkerLine, conflictMessage, readYaml } from '../problems/yaml-source.ts';
import { t } from '../../schemas/language.ts';
import { splitFrontmatter, type FrontmatterSplit } from './frontmatter.ts';

/** A case file that passed validation. */
export interface CaseRecord {
  /** Path as given (relative to the repository when the scripts load it). */
  file: string;
  data: CaseData;
  /** The Markdown body: the complaint as received and free notes. Personal data. */
  body: string;
}

const SPLIT_PROBLEMS = {
  empty: () =>
    t(
      'het bestand is leeg; een dossier begint met een regel "---", dan de velden (bijvoorbeeld id: K-2026-001) en weer een regel "---" (zie cases/README.md)',
      'the file is empty; a case file starts with a --- frontmatter block --- (see cases/README.md)',
    ),
  no_start: () =>
    t(
      'geen velden bovenaan: het bestand moet beginnen met een regel "---", dan de velden (bijvoorbeeld id: K-2026-001) en een afsluitende regel "---"',
      'no frontmatter: the file must start with a line "---", the case fields, and a closing "---"',
    ),
  no_end: () =>
    t(
      'de regel "---" die de velden afsluit ontbreekt; zet hem onder het laatste veld, vóór "## Klacht"',
      'the frontmatter has no closing "---" line',
    ),
} as const;

/**
 * Parse one case file's text and check its frontmatter against `schema` (see `caseSchemaFor`); `split` is the
 * text's {@link splitFrontmatter}, when the caller has it already.
 * Never throws: every problem is returned with its line. CRLF line ends and a UTF-8 BOM are fine.
 */
export function parseCaseFile(
  file: string,
  text: string,
  schema: z.ZodType<CaseData, unknown>,
  split: FrontmatterSplit = splitFrontmatter(text),
): { record?: CaseRecord; problems: Problem[] } {
  const fail = (line: number, field: string, message: string) => ({ problems: [{ file, line, field, message, severity: 'error' as const }] });
  // a Git conflict mixes two versions, possibly of two complaints: say so before anything else
  const conflict = conflictMarkerLine(text);
  if (conflict !== undefined) return fail(conflict, '(file)', conflictMessage());
  if (!split.ok) return fail(1, '(file)', SPLIT_PROBLEMS[split.reason]());
  const { yamlText, body } = split;
  const result = readYaml(yamlText);
  if (!result.ok) return fail(result.line, result.field ?? '(frontmatter)', result.message);
  if (result.data === null || typeof result.data !== 'object' || Array.isArray(result.data))
    return fail(
      2,
      '(frontmatter)',
      t(
        'tussen de regels "---" horen velden als "id: K-2026-001", één per regel',
        'the frontmatter must be a list of fields such as "id: K-2026-001"',
      ),
    );

  const checked = parseWithFriendlyErrors(schema, result.data, { file, yamlText, schemaDoc: 'schemas/case.schema.json' });
  if (!checked.ok) return { problems: checked.problems };
  return { record: { file, data: checked.data, body }, problems: [] };
}
