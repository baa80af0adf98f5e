import { writeFile } from 'node:fs/promises';
import { tableSource, YEARS } from '../lib/calendar/atw-rules.ts';
import { parseCommandLine, runMain } from '../io/cli.ts';

const HELP = `Usage: npm run holidays

Regenerates lib/calendar/atw-holidays-table.ts: the holidays of the Algemene termijnenwet for every year
from FIRST_YEAR to LAST_YEAR, computed with date-holidays. A test fails when the table is stale.`;

await runMain('holidays', async () => {
  const { values } = parseCommandLine(process.argv.slice(2), { help: { type: 'boolean', short: 'h', default: false } });
  if (values.help) return void console.log(HELP);
  await writeFile(new URL('../lib/calendar/atw-holidays-table.ts', import.meta.url), tableSource());
  console.log(`lib/calendar/atw-holidays-table.ts: ${YEARS.first}–${YEARS.last} written`);
});
