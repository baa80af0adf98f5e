import { z } from 'zod';
import { caseSchema } from '../../schemas/case.ts';
import { organizationSchema } from '../../schemas/organization.ts';

/** The JSON Schema files `npm run schemas` writes, by path, as text. Generated from the zod schemas: never edit them. */
export function jsonSchemaFiles(): Record<string, string> {
  // draft-07: what the YAML extension's language server reads. `input`: the files as written (defaults optional).
  const generate = (schema: z.ZodType, title: string, description: string) => {
    const { $schema, ...rest } = z.toJSONSchema(schema, { target: 'draft-07', io: 'input' });
    return `${JSON.stringify({ $schema, title, description, ...rest }, null, 2)}\n`;
  };
  return {
    'schemas/case.schema.json': generate(
      caseSchema,
      'Klachtdossier (frontmatter)',
      'De velden tussen de --- regels van een klachtdossier cases/JJJJ/K-JJJJ-NNN.md. Gegenereerd uit schemas/case.ts met npm run schemas; niet met de hand wijzigen. Regels over meerdere velden (volgorde van datums, wat een status nodig heeft) en sleutels uit organization.yml controleert npm run validate.',
    ),
    'schemas/organization.schema.json': generate(
      organizationSchema,
      'organization.yml',
      'De gegevens van de organisatie voor het klachtensysteem. Gegenereerd uit schemas/organization.ts met npm run schemas; niet met de hand wijzigen.',
    ),
  };
}
