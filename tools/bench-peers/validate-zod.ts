// A validate-only peer of `npm run check` for `npm run bench`: what thirty lines do with the same tools, read
// every case file, parse its frontmatter with js-yaml, check it with the project's zod schema. No line numbers,
// no organization rules, no deadlines, no cache. Usage: node tools/bench-peers/validate-zod.ts [CASES_DIR]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsyaml from 'js-yaml';
import { caseSchema } from '../../schemas/case.ts';

const dir = process.argv[2] ?? 'cases';
let files = 0;
let invalid = 0;
for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
  if (!/K-\d{4}-\d{3,}\.md$/.test(name)) continue;
  files++;
  const text = readFileSync(join(dir, name), 'utf8');
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  let data: unknown;
  try {
    data = frontmatter ? jsyaml.load(frontmatter[1]!, { schema: jsyaml.CORE_SCHEMA }) : undefined;
  } catch {
    data = undefined;
  }
  if (!caseSchema.safeParse(data).success) invalid++;
}
console.log(`${files} files, ${invalid} invalid`);
process.exitCode = invalid ? 1 : 0;
