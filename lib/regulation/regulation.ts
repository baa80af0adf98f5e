import { regulationSchema, type Regulation } from '../../schemas/regulation.ts';
import type { Organization } from '../../schemas/organization.ts';
import { parseWithFriendlyErrors } from '../problems/friendly-parse.ts';
import { InputError } from '../problems/problems.ts';
import { lineOf, readYaml } from '../problems/yaml-source.ts';
import type { Problem } from '../problems/problems.ts';

/**
 * The values the regulation's `{placeholders}` take, from organization.yml: names only. The terms (30 and 20
 * working days) are written out in the text, because a changed number would amend the binding regulation;
 * {@link checkRegulationTerms} makes the build fail when organization.yml counts with other terms.
 */
export type RegulationValues = Record<'organization' | 'escalation', string>;

/** The placeholder values of an organization: its name and the escalation body. */
export function regulationValues(org: Organization): RegulationValues {
  return { organization: org.organization.name, escalation: org.escalation.name };
}

/** Where the regulation states each term: article, rule (1-based) and the pattern around the number. */
const TERM_RULES = [
  { field: 'filing_workdays', article: 4, rule: 1 }, // art. 4.1: "maximaal 30 werkdagen na afronding van de opdracht"
  { field: 'handling_workdays', article: 5, rule: 4 }, // art. 5.4: "maximaal 20 werkdagen"
  { field: 'handling_workdays', article: 6, rule: 2 }, // art. 6.2: "binnen maximaal 20 werkdagen schriftelijk"
] as const;

/**
 * The problems when organization.yml's terms differ from the terms the regulation's text states (art. 4.1,
 * 5.4, 6.2): counting with another number would silently amend the binding text. Empty when they agree.
 * `orgText` gives the lines of the fields in `orgFile`.
 */
export function checkRegulationTerms(reg: Regulation, regFile: string, org: Organization, orgFile: string, orgText: string): Problem[] {
  const problems: Problem[] = [];
  for (const t of TERM_RULES) {
    const text = reg.articles[t.article - 1]?.rules[t.rule - 1]?.text ?? '';
    const stated = /(\d+) (?:werkdagen|working days)/.exec(text)?.[1];
    const configured = org.deadlines[t.field];
    if (stated === undefined)
      problems.push({
        file: regFile,
        line: 1,
        field: `artikel ${t.article}.${t.rule}`,
        message: `de regel noemt geen termijn in werkdagen meer; organization.yml rekent met ${configured} (deadlines.${t.field})`,
        severity: 'error',
      });
    else if (+stated !== configured)
      problems.push({
        file: orgFile,
        line: lineOf(orgText, ['deadlines', t.field]),
        field: `deadlines.${t.field}`,
        message:
          `is ${configured}, maar artikel ${t.article}.${t.rule} van de klachtenregeling (${regFile}) noemt ${stated} werkdagen. ` +
          `Een andere termijn wijzigt de regeling zelf: zet ${t.field}: ${stated} terug, of pas eerst de tekst van de regeling aan ` +
          `(en klachtenreglement.txt) en daarna dit getal.`,
        severity: 'error',
      });
  }
  return problems;
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
