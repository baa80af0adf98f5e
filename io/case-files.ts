import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Organization } from '../schemas/organization.ts';
import { parseOrganization } from '../lib/organization/organization.ts';
import type { SourceFile } from '../lib/cases/validate.ts';
import { InputError, formatProblem, type Problem } from '../lib/problems/problems.ts';
import { t } from '../schemas/language.ts';
import { notUtf8, decodeUtf8, listCaseFiles, readConfigText, shown, skippedMessage } from './files.ts';

/** Read and validate organization.yml; a missing or invalid file stops the command with a clear message. */
export async function loadOrganization(path: string): Promise<Organization> {
  return parseOrganization(shown(path), readConfigText(path));
}

/**
 * Every case file (`K-*.md`) under `dir` with its text, sorted by path, for commands that need personal data.
 * A file that is not UTF-8 stops the command, naming it; an entry named `K-*.md` that is not a regular file
 * (a symbolic link) is not read, with a warning on stderr.
 */
export async function loadCaseFiles(dir: string, warn: (line: string) => void = console.warn): Promise<SourceFile[]> {
  const { names, skipped } = listCaseFiles(dir);
  for (const s of skipped)
    warn(formatProblem({ file: shown(join(dir, s.name)), line: 1, field: '(file)', message: skippedMessage(s), severity: 'warning' }));
  const notUtf8Files: Problem[] = [];
  // synchronous reads: for thousands of small files they are several times faster than fs/promises
  const files = names.map((p) => {
    const path = shown(join(dir, p));
    const text = decodeUtf8(readFileSync(join(dir, p)));
    if (text === undefined) notUtf8Files.push({ file: path, line: 1, field: '(file)', message: notUtf8(), severity: 'error' });
    return { path, text: text ?? '' };
  });
  if (notUtf8Files.length > 0)
    throw new InputError(
      t(
        `${notUtf8Files.length} dossier(s) zijn geen UTF-8; herstel die eerst`,
        `${notUtf8Files.length} case file(s) are not UTF-8; fix them first`,
      ),
      notUtf8Files,
    );
  return files;
}
