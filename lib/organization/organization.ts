import { organizationSchema, type Organization } from '../../schemas/organization.ts';
import { parseWithFriendlyErrors } from '../problems/friendly-parse.ts';
import { InputError } from '../problems/problems.ts';
import { t } from '../../schemas/language.ts';
import { readYaml, stripBom } from '../problems/yaml-source.ts';

/**
 * Parse and validate organization.yml. Throws an {@link InputError} listing every problem with its line,
 * so every command stops with the same clear message on a bad configuration.
 */
export function parseOrganization(file: string, text: string): Organization {
  const yaml = readYaml(stripBom(text));
  if (!yaml.ok)
    throw new InputError(t(`${file} is niet te lezen`, `${file} cannot be read`), [
      { file, line: yaml.line, field: '(file)', message: yaml.message, severity: 'error' },
    ]);
  const checked = parseWithFriendlyErrors(organizationSchema, yaml.data ?? {}, {
    file,
    yamlText: text,
    schemaDoc: 'schemas/organization.schema.json',
  });
  if (!checked.ok)
    throw new InputError(t(`${file} is geen geldige configuratie`, `${file} is not a valid configuration`), checked.problems);
  return checked.data;
}
