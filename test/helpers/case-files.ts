import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { caseText } from './fixtures.ts';

/** A case file to write: its frontmatter as an object literal and its Markdown body. */
export interface CaseFixture {
  data: Record<string, unknown> & { id: string };
  body?: string;
}

/** Write case files into `dir/YYYY/K-….md` (the year from the id), as a user would write them. */
export async function writeCaseFiles(dir: string, cases: readonly CaseFixture[]): Promise<void> {
  for (const c of cases) {
    const file = join(dir, c.data.id.slice(2, 6), `${c.data.id}.md`);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, caseText(c.data, `${c.body ?? ''}\n`));
  }
}
