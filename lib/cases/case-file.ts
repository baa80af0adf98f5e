import matter from 'gray-matter';
import type { z } from 'zod';
import type { CaseData } from '../../schemas/case.ts';
import { parseWithFriendlyErrors } from '../problems/friendly-parse.ts';
import type { Problem } from '../problems/problems.ts';
import { readYaml } from '../problems/yaml-source.ts';

/** A case file that passed validation. */
export interface CaseRecord {
  /** Path as given (relative to the repository when the scripts load it). */
  file: string;
  data: CaseData;
  /** The Markdown body: the complaint as received and free notes. Personal data. */
  body: string;
}

const FRONTMATTER_START = /^\uFEFF?---[ \t]*\r?\n/;

/**
 * Parse one case file's text and check its frontmatter against `schema` (see `caseSchemaFor`).
 * Never throws: every problem is returned with its line. CRLF line ends and a UTF-8 BOM are fine.
 */
export function parseCaseFile(
  file: string,
  text: string,
  schema: z.ZodType<CaseData, unknown>,
): { record?: CaseRecord; problems: Problem[] } {
  const fail = (line: number, field: string, message: string) => ({ problems: [{ file, line, field, message, severity: 'error' as const }] });
  if (text.replace(/^\uFEFF/, '').trim() === '') return fail(1, '(file)', 'the file is empty; a case file starts with a --- frontmatter block --- (see cases/README.md)');
  if (!FRONTMATTER_START.test(text)) return fail(1, '(file)', 'no frontmatter: the file must start with a line "---", the case fields, and a closing "---"');

  const clean = text.replace(/^\uFEFF/, '');
  if (!/\r?\n---[ \t]*(?:\r?\n|$)/.test(clean.slice(3))) return fail(1, '(file)', 'the frontmatter has no closing "---" line');
  // gray-matter splits frontmatter from body; we parse the YAML ourselves (calendar dates, no aliases).
  // Its `matter` starts with the newline after the opening ---, so its line numbers are the file's.
  const { matter: yamlText, content: body } = matter(clean, { engines: { yaml: () => ({}) } });
  const result = readYaml(yamlText);
  if (!result.ok) return fail(result.line, '(frontmatter)', result.message);
  if (result.data === null || typeof result.data !== 'object' || Array.isArray(result.data))
    return fail(2, '(frontmatter)', 'the frontmatter must be a list of fields such as "id: K-2026-001"');

  const checked = parseWithFriendlyErrors(schema, result.data, { file, yamlText, lineOffset: 0 });
  if (!checked.ok) return { problems: checked.problems };
  return { record: { file, data: checked.data, body }, problems: [] };
}
