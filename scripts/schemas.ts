import { readFile, writeFile } from 'node:fs/promises';
import { jsonSchemaFiles } from '../lib/cases/json-schemas.ts';
import { parseCommandLine, runMain } from '../io/cli.ts';

const HELP = `Usage: npm run schemas [-- --check]

Writes schemas/case.schema.json and schemas/organization.schema.json from the zod schemas in
schemas/case.ts and schemas/organization.ts (zod 4's z.toJSONSchema), with the Dutch field
descriptions an editor shows as help. Run it after changing a zod schema; a test fails while
the files are stale.

Options:
  --check      write nothing; exit 1 when a file is missing or out of date
  -h, --help   show this help`;

await runMain('schemas', async () => {
  const { values } = parseCommandLine(process.argv.slice(2), {
    check: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return void console.log(HELP);
  let stale = 0;
  for (const [path, text] of Object.entries(jsonSchemaFiles())) {
    const current = await readFile(path, 'utf8').catch(() => undefined);
    if (current === text) {
      console.log(`${path} is up to date`);
      continue;
    }
    stale++;
    if (values.check) console.error(`${path} is ${current === undefined ? 'missing' : 'out of date'}: run npm run schemas`);
    else {
      await writeFile(path, text, 'utf8');
      console.log(`wrote ${path}`);
    }
  }
  return values.check && stale > 0 ? 1 : 0;
});
