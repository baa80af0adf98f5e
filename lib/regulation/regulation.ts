import { regulationSchema, type Regulation } from '../../schemas/regulation.ts';
import type { Organization } from '../../schemas/organization.ts';
import { parseWithFriendlyErrors } from '../problems/friendly-parse.ts';
import { InputError } from '../problems/problems.ts';
import { readYaml } from '../problems/yaml-source.ts';

/** The values the regulation's `{placeholders}` take, all from organization.yml. */
export type RegulationValues = Record<'organization' | 'escalation' | 'filing_workdays' | 'handling_workdays', string>;

/** The placeholder values of an organization: its name, the escalation body and the two deadlines. */
export function regulationValues(org: Organization): RegulationValues {
  return {
    organization: org.organization.name,
    escalation: org.escalation.name,
    filing_workdays: String(org.deadlines.filing_workdays), // art. 4.1
    handling_workdays: String(org.deadlines.handling_workdays), // art. 5.4, 6.2
  };
}

/** Fill `{name}` placeholders; an unknown name throws, so a typo in the text cannot reach the site. */
export function fillPlaceholders(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{([a-z_]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined)
      throw new RangeError(
        `unknown placeholder {${name}}; known: ${Object.keys(values)
          .map((k) => `{${k}}`)
          .join(', ')}`,
      );
    return value;
  });
}

/**
 * Parse a regulation file (site/content/regulation.<lang>.yml) and fill its placeholders.
 * Throws an {@link InputError} naming the file, line and field when the file is not valid.
 */
export function parseRegulation(file: string, yamlText: string, values: RegulationValues): Regulation {
  const yaml = readYaml(yamlText);
  if (!yaml.ok)
    throw new InputError(`${file} cannot be read`, [{ file, line: yaml.line, field: '(file)', message: yaml.message, severity: 'error' }]);
  const checked = parseWithFriendlyErrors(regulationSchema, yaml.data ?? {}, { file, yamlText, schemaDoc: 'schemas/regulation.ts' });
  if (!checked.ok) throw new InputError(`${file} is not a valid regulation`, checked.problems);
  const fill = (s: string) => fillPlaceholders(s, values);
  const reg = checked.data;
  return {
    ...reg,
    title: fill(reg.title),
    articles: reg.articles.map((a) => ({
      ...a,
      title: fill(a.title),
      intro: a.intro === undefined ? undefined : fill(a.intro),
      rules: a.rules.map((r) => ({ term: r.term === undefined ? undefined : fill(r.term), text: fill(r.text) })),
    })),
  };
}

/** The stable anchor of an article, or of one of its rules. @example anchorOf(4, 1) === 'artikel-4-1' */
export function anchorOf(article: number, rule?: number): string {
  return rule === undefined ? `artikel-${article}` : `artikel-${article}-${rule}`;
}
