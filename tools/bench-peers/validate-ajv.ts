// A validate-only peer of `npm run check` for `npm run bench`: read every case file, parse its frontmatter with
// js-yaml, check it with ajv against the generated JSON Schema (schemas/case.schema.json, which leaves out the
// rules across fields). No line numbers, no deadlines, no cache. Usage: node tools/bench-peers/validate-ajv.ts [CASES_DIR]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import jsyaml from 'js-yaml';

const schema = JSON.parse(readFileSync(new URL('../../schemas/case.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv({ strict: false, formats: { date: /^\d{4}-\d{2}-\d{2}$/, email: /^[^\s@]+@[^\s@]+$/ } }).compile(schema);
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
  if (!validate(data)) invalid++;
}
console.log(`${files} files, ${invalid} invalid`);
process.exitCode = invalid ? 1 : 0;
