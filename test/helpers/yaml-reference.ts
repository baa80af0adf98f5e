import jsyaml from 'js-yaml';
import { YAML_SCHEMA } from '../../lib/problems/yaml-source.ts';

/**
 * The reference the project's quick YAML reading is compared with: what js-yaml makes of the text with the
 * project's schema (YAML 1.2's core, lib/problems/yaml-source.ts), or undefined when it refuses it.
 */
export function core(text: string): unknown {
  try {
    return jsyaml.load(text, { schema: YAML_SCHEMA });
  } catch {
    return undefined;
  }
}
