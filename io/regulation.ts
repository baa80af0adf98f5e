import { dirname, join } from 'node:path';
import type { Organization } from '../schemas/organization.ts';
import { t } from '../schemas/language.ts';
import { splitArticles } from '../lib/regulation/articles.ts';
import { REGULATION_FILES } from '../lib/regulation/regulation.ts';
import { checkRegulation } from '../lib/regulation/ties.ts';
import type { Problem } from '../lib/problems/problems.ts';
import type { Lang } from '../lib/regulation/routes.ts';
import { notUtf8, readUtf8, shown } from './files.ts';

const { existsSync } = process.getBuiltinModule('node:fs'); // see io/files.ts

/** Where the practice's regulation in `lang` lives: `regulation/` beside organization.yml. */
export const regulationPath = (configPath: string, lang: Lang): string => join(dirname(configPath), REGULATION_FILES[lang]);

/** The practice's regulation text in `lang`, or undefined when there is none (or it is no UTF-8: `problem` says so). */
export function readRegulation(configPath: string, lang: Lang): { text?: string; problem?: Problem } {
  const path = regulationPath(configPath, lang);
  if (!existsSync(path)) return {};
  const text = readUtf8(path);
  if (text === undefined) return { problem: { file: shown(path), line: 1, field: '(file)', message: notUtf8(), severity: 'error' } };
  return { text };
}

/**
 * The problems between organization.yml and the practice's Dutch regulation (lib/regulation/ties.ts): a term or
 * escalation body that differs, quoting the article; a missing regulation. `npm run check` and `validate` print them.
 */
export async function regulationProblems(configPath: string, org: Organization, orgText: string): Promise<{ problems: Problem[] }> {
  const file = shown(regulationPath(configPath, 'nl'));
  const { text, problem } = readRegulation(configPath, 'nl');
  if (problem) return { problems: [problem] };
  if (text === undefined)
    return {
      problems: [
        {
          file,
          line: 1,
          field: '(file)',
          message: t(
            'de klachtenregeling ontbreekt: zet de tekst van uw regeling in dit bestand (of plak hem in de werkplek, Instellingen, Klachtenregeling)',
            'the complaints regulation is missing: put its text in this file',
          ),
          severity: 'error',
        },
      ],
    };
  const articles = splitArticles(text);
  const check = (lineIn: (path: string[]) => number) => checkRegulation(articles, file, org, shown(configPath), lineIn);
  // the YAML parsers load only to place a problem on a field of organization.yml: a check whose cached checks all
  // hold needs neither (10,000 cases: about 10 ms of its 160)
  let placed = false;
  const problems = check(() => ((placed = true), 1));
  if (!placed) return { problems };
  const { lineOf } = await import('../lib/problems/yaml-source.ts');
  return { problems: check((path) => lineOf(orgText, path)) };
}
