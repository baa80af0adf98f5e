import { readFile, writeFile } from 'node:fs/promises';
import { REGISTER_TITLE, processingRegisterMarkdown } from '../lib/privacy/processing-register.ts';
import { loadOrganization } from '../io/case-files.ts';
import { UsageError, parseCommandLine, runMain } from '../io/cli.ts';

const HELP = `Usage: npm run avg-register [-- --check] [--config FILE] [--out FILE]

Writes the record of processing activities (AVG/GDPR art. 30) of the complaints register as a
Dutch Markdown page, from organization.yml: controller, purposes, legal basis, data subjects and
data, recipients (every organizer, the processors in privacy.processors, the complaints
committee), transfers outside the EEA with their ground, retention, security measures, and what
the practice must do itself. Run it after every change to organization.yml; a test fails while
docs/verwerkingsregister.md is stale. It reads no case file.

Options:
  --out FILE      where to write (default: docs/verwerkingsregister.md); an existing file is
                  overwritten only when it is a register this command wrote
  --check         write nothing; exit 1 when the file is missing or out of date
  --config FILE   the organization's configuration (default: organization.yml)
  -h, --help      show this help`;

await runMain('avg-register', async () => {
  const { values } = parseCommandLine(process.argv.slice(2), {
    out: { type: 'string', default: 'docs/verwerkingsregister.md' },
    check: { type: 'boolean', default: false },
    config: { type: 'string', default: 'organization.yml' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return void console.log(HELP);
  const text = processingRegisterMarkdown(await loadOrganization(values.config));
  const current = await readFile(values.out, 'utf8').catch(() => undefined);
  if (current === text) {
    console.log(`${values.out} is up to date`);
    return 0;
  }
  if (values.check) {
    console.error(`${values.out} is ${current === undefined ? 'missing' : 'out of date'}: run npm run avg-register`);
    return 1;
  }
  // never overwrite a file this command did not write
  if (current !== undefined && !current.startsWith(REGISTER_TITLE))
    throw new UsageError(`${values.out} bestaat al en is geen verwerkingsregister van dit commando; kies een ander --out`);
  await writeFile(values.out, text, 'utf8');
  console.log(`wrote ${values.out}`);
  return 0;
});
