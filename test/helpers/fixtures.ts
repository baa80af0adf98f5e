import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import type { CaseInput } from '../../schemas/case.ts';
import { parseOrganization } from '../../lib/organization/organization.ts';

/** The repository's organization.yml, parsed. */
export const ORG_TEXT = await readFile(new URL('../../organization.yml', import.meta.url), 'utf8');
/** The practice's regulation (regulation/klachtenreglement.nl.txt), whose terms organization.yml's must be. */
export const REGULATION_TEXT = await readFile(new URL('../../regulation/klachtenreglement.nl.txt', import.meta.url), 'utf8');
export const ORG = parseOrganization('organization.yml', ORG_TEXT);

/** A valid open case; override any field. */
export function caseData(overrides: Partial<CaseInput> & Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'K-2026-001',
    organizer: 'anouk',
    received: '2026-11-03',
    channel: 'email',
    status: 'open',
    complainant: { name: 'Test Klager', email: 'klager@example.org' },
    categories: ['communicatie'],
    ...overrides,
  };
}

/** A case file's text: frontmatter from `data` (dates as plain YYYY-MM-DD) plus a Markdown body. The one serializer of test case files. */
export function caseText(data: Record<string, unknown>, body = 'De klacht zoals ontvangen.\n'): string {
  return `---\n${stringify(data, { lineWidth: 0 })}---\n\n${body}`;
}

// every folder tempProject makes, until the test file that made it ends (test/helpers/temp-projects.ts)
const made: string[] = [];

/** Remove every folder {@link tempProject} made: called after each test file (test/helpers/temp-projects.ts). */
export async function removeTempProjects(): Promise<void> {
  for (const d of made.splice(0)) await rm(d, { recursive: true, force: true });
}

/** A temporary project folder with organization.yml and the given files (path → text); removed after the test file. */
export async function tempProject(files: Record<string, string>, orgText = ORG_TEXT): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'klachten-'));
  made.push(dir);
  await writeFile(join(dir, 'organization.yml'), orgText);
  await mkdir(join(dir, 'regulation'), { recursive: true });
  await writeFile(join(dir, 'regulation/klachtenreglement.nl.txt'), REGULATION_TEXT);
  await mkdir(join(dir, 'cases'), { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}
