import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isCaseFileName } from '../lib/cases/case-set.ts'; // no parser imports on the cached path
import { t } from '../schemas/language.ts';
import { InputError } from '../lib/problems/problems.ts';

/** A path as shown in messages: relative to the working directory. */
export const shown = (path: string): string => relative(process.cwd(), path) || path;

const reason = (error: unknown) => (error as NodeJS.ErrnoException).code ?? String(error);

/** The text of organization.yml; a missing file stops the command with a clear message. */
export function readConfigText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(
      t(
        `kan de configuratie ${shown(path)} niet lezen: ${reason(error)}`,
        `cannot read the configuration ${shown(path)}: ${reason(error)}`,
      ),
      [],
      { cause: error },
    );
  }
}

/** Paths (relative to `dir`, sorted) of the case files `K-*.md` below it; other files are skipped. */
export function caseFileNames(dir: string): string[] {
  // directory entries carry their type: no stat per entry
  const walk = (below: string): string[] =>
    readdirSync(join(dir, below), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(below, e.name)) : e.isFile() && isCaseFileName(e.name) ? [join(below, e.name)] : [],
    );
  try {
    return walk('').sort();
  } catch (error) {
    throw new InputError(
      t(
        `kan de map met dossiers ${shown(dir)} niet lezen: ${reason(error)}`,
        `cannot read the cases folder ${shown(dir)}: ${reason(error)}`,
      ),
      [],
      { cause: error },
    );
  }
}
