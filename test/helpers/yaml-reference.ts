import jsyaml from 'js-yaml';

/**
 * The reference the project's YAML reading is compared with: what js-yaml's own core schema makes of the text,
 * or undefined when it refuses it.
 */
export function core(text: string): unknown {
  try {
    return jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA });
  } catch {
    return undefined;
  }
}
