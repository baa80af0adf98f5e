import { z } from 'zod';
import { text } from './common.ts';

/** One rule of an article; its number is its position (1, 2, …), so renumbering is impossible by accident. */
export const ruleSchema = z.strictObject({
  term: text.optional().meta({ description: 'The term a definition explains (art. 1 only), e.g. "Klacht".' }),
  text: text.meta({ description: 'The rule, with {placeholders} filled from organization.yml.' }),
});

/** An article: number, heading, an optional sentence before its rules, and the rules. */
export const articleSchema = z.strictObject({
  number: z.int().positive().meta({ description: 'Article number; articles are numbered 1, 2, 3, … in order.' }),
  title: text.meta({ description: 'The heading as the regulation writes it.' }),
  intro: text.optional().meta({ description: 'A line between the heading and the rules, e.g. "De doelstellingen … zijn:".' }),
  rules: z.array(ruleSchema).min(1, 'an article has at least one rule'),
});

/** site/content/regulation.<lang>.yml: the complaints regulation, article by article. */
export const regulationSchema = z.strictObject({
  lang: z.enum(['nl', 'en']).meta({ description: 'Language of this text; nl is the binding one.' }),
  title: text.meta({ description: 'Title of the regulation.' }),
  articles: z
    .array(articleSchema)
    .min(1)
    .superRefine((articles, ctx) =>
      articles.forEach((a, i) => {
        if (a.number !== i + 1)
          ctx.addIssue({
            code: 'custom',
            path: [i, 'number'],
            message: `expected article number ${i + 1} (articles are numbered in order)`,
          });
      }),
    ),
});

/** A regulation as written. */
export type RegulationInput = z.input<typeof regulationSchema>;
/** A validated regulation. */
export type Regulation = z.output<typeof regulationSchema>;
