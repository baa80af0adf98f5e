import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { splitArticles, type SplitRegulation } from '../lib/regulation/articles.ts';
import { checkRegulation } from '../lib/regulation/ties.ts';
import { lineOf } from '../lib/problems/yaml-source.ts';
import type { Lang } from '../lib/regulation/routes.ts';
import type { Problem } from '../lib/problems/problems.ts';
import type { Organization } from '../schemas/organization.ts';
import { readConfigText, shown } from '../io/files.ts';
import { regulationPath } from '../io/regulation.ts';
import { commitPaths, type CommitOutcome } from './commit.ts';
import { writeOrCode } from './change-case.ts';
import type { Workspace } from './workspace.ts';

/** What saving a regulation text came to. */
export type RegulationSave =
  | { kind: 'saved'; path: string; regulation: SplitRegulation; warnings: Problem[]; commit: CommitOutcome }
  | { kind: 'refused'; regulation: SplitRegulation; problems: Problem[] }
  | { kind: 'write-failed'; code: string };

/** The text as it is stored: Unix line ends, no byte-order mark, one newline at the end. */
const storedText = (text: string): string =>
  `${text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .trimEnd()}\n`;

/**
 * The problems between a Dutch regulation text and organization.yml (lib/regulation/ties.ts), each placed on its line
 * of `config`, which is read once and only when a problem needs a line. What saving checks, and the werkplek shows.
 */
export function dutchRegulationProblems(regulation: SplitRegulation, config: string, org: Organization): Problem[] {
  let orgText: string | undefined;
  return checkRegulation(regulation, shown(regulationPath(config, 'nl')), org, shown(config), (field) =>
    lineOf((orgText ??= readConfigText(config)), field),
  );
}

/**
 * Check a practice's regulation text and, when it agrees with organization.yml, write it to `regulation/` beside
 * `config` and commit it. The Dutch text binds: its terms and complaints body must be organization.yml's
 * (lib/regulation/ties.ts), else it is refused with the problems, each quoting the article. The English text is a
 * translation: it needs articles only.
 */
export async function saveRegulation(ws: Workspace, o: { config: string; lang: Lang; text: string }): Promise<RegulationSave> {
  const path = regulationPath(o.config, o.lang);
  const text = storedText(o.text);
  const regulation = splitArticles(text);
  const problems =
    o.lang === 'nl'
      ? dutchRegulationProblems(regulation, o.config, ws.org)
      : regulation.articles.length === 0
        ? [
            {
              file: shown(path),
              line: 1,
              field: '(tekst)',
              message: 'geen artikelen gevonden: begin elk artikel op een eigen regel met "Article 1" of "1." en nummer de regels eronder',
              severity: 'error' as const,
            },
          ]
        : [];
  if (problems.some((p) => p.severity === 'error')) return { kind: 'refused', regulation, problems };
  mkdirSync(dirname(path), { recursive: true });
  const written = writeOrCode(path, text, false, ws.fs);
  if (written) return { kind: 'write-failed', code: written };
  const commit = await commitPaths(
    ws,
    [path],
    o.lang === 'nl' ? 'klachtenregeling vervangen' : 'Engelse tekst van de klachtenregeling vervangen',
  );
  return { kind: 'saved', path, regulation, warnings: problems, commit };
}
