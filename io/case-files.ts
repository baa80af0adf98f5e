import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Organization } from '../schemas/organization.ts';
import { parseOrganization } from '../lib/organization/organization.ts';
import type { SourceFile } from '../lib/cases/validate.ts';
import { caseFileNames, readConfigText, shown } from './files.ts';

/** Read and validate organization.yml; a missing or invalid file stops the command with a clear message. */
export async function loadOrganization(path: string): Promise<Organization> {
  return parseOrganization(shown(path), readConfigText(path));
}

/** Every case file (`K-*.md`) under `dir` with its text, sorted by path, for commands that need personal data. */
export async function loadCaseFiles(dir: string): Promise<SourceFile[]> {
  // synchronous reads: for thousands of small files they are several times faster than fs/promises
  return caseFileNames(dir).map((p) => ({ path: shown(join(dir, p)), text: readFileSync(join(dir, p), 'utf8') }));
}
