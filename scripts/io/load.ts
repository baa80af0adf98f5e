import { readFileSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Organization } from '../../schemas/organization.ts';
import { isCaseFileName } from '../../lib/case-file.ts';
import { todayIn, isIsoDate, type IsoDate } from '../../lib/iso-date.ts';
import { parseOrganization } from '../../lib/organization.ts';
import { InputError } from '../../lib/problems.ts';
import type { SourceFile } from '../../lib/validate.ts';
import { UsageError } from './cli.ts';

const shown = (path: string) => relative(process.cwd(), path) || path;

/** Read and validate organization.yml; a missing or invalid file stops the command with a clear message. */
export async function loadOrganization(path: string): Promise<Organization> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read the configuration ${shown(path)}: ${(error as NodeJS.ErrnoException).code ?? error}`, [], { cause: error });
  }
  return parseOrganization(shown(path), text);
}

/** Every case file (`K-*.md`) under `dir`, recursively, sorted by path. Other files are skipped. */
export async function loadCaseFiles(dir: string): Promise<SourceFile[]> {
  let entries: string[];
  try {
    entries = (await readdir(dir, { recursive: true })) as string[];
  } catch (error) {
    throw new InputError(`cannot read the cases folder ${shown(dir)}: ${(error as NodeJS.ErrnoException).code ?? error}`, [], { cause: error });
  }
  const paths = entries.filter((e) => isCaseFileName(e.replace(/^.*[\\/]/, ''))).sort();
  // One file after the other, synchronously: for thousands of small files this is ~5× faster than
  // thousands of concurrent readFile promises (measured: 10,000 files, 0.4 s against 2 s).
  return paths.map((p) => ({ path: shown(join(dir, p)), text: readFileSync(join(dir, p), 'utf8') }));
}

/** Today's date in the organization's time zone, or the `--today` override (checked). */
export function resolveToday(org: Organization, override: string | undefined): IsoDate {
  if (override === undefined) return todayIn(new Date(), org.time_zone);
  if (!isIsoDate(override)) throw new UsageError(`--today expects a real date as YYYY-MM-DD, got "${override}"`);
  return override;
}
