import { spawnSync } from 'node:child_process';
import { parseCommandLine, runMain } from '../io/cli.ts';

const HELP = `Usage: npm start

The main job: npm run check (validates the cases and organization.yml and prints the deadline table, in
one process), then npm run build (the public site into dist/site/, the internal report into dist/report/).
Stops at the first step that fails, with its exit code. Ends with how to open the werkplek.`;

await runMain('start', async () => {
  const { values } = parseCommandLine(process.argv.slice(2), { help: { type: 'boolean', short: 'h', default: false } });
  if (values.help) return void console.log(HELP);
  for (const step of ['check', 'build']) {
    console.log(`\n> npm run ${step}`);
    const { status } = spawnSync('npm', ['run', '--silent', step], { stdio: 'inherit' });
    if (status !== 0) return status ?? 1;
  }
  console.log(
    '\nKlachten registreren en behandelen: start de werkplek met "npm run werkplek" en open http://127.0.0.1:4321/ (zie docs/handleiding.md).',
  );
});
