import { COMMON_OPTIONS, UsageError, parseCommandLine, runMain } from '../io/cli.ts';
import { isIsoDate } from '../lib/dates/iso-date.ts';
import { startWerkplek } from '../werkplek/app.ts';
import { busyPortMessage, portHolder } from '../werkplek/single-instance.ts';

const HELP = `Usage: npm run werkplek -- [options]

The werkplek: the organizer's Dutch browser app to register and handle complaints without typing YAML
(Overzicht, Nieuwe klacht, Dossier, Bewaartermijn, Privacyverzoeken, Instellingen). It listens on 127.0.0.1 only and prints its
address; open that address in the browser. While organization.yml is still the shipped example organization (a fresh copy), the
address printed is that of Inrichten (/instellingen), where the practice sets itself up. It answers only requests for its own address (127.0.0.1, localhost or [::1] with its port;
in GitHub Codespaces also its forwarded address) and forms from its own pages: anything else gets 403. Every save is checked as npm run validate checks it, written atomically
and, in a Git work tree, committed (one file per commit, message without personal data) and shared with the
remote in the background (Synchroniseren brings in the others' changes). Stop with Ctrl+C.
When the port is taken by a werkplek of the same cases folder (a second terminal, a second attach in Codespaces), it
prints that werkplek's address and exits 0 instead of starting a second; by anything else: exit code 2 and a message.

Options:
  --port N             port on 127.0.0.1 (default: 4321; 0 picks a free port)
  --cases DIR          folder with the case files (default: cases)
  --config FILE        the organization's configuration (default: organization.yml)
  --today YYYY-MM-DD   count as if it were this date (default: today in the organization's time zone, organization.yml)
  --git-timeout S      give up a fetch or push to the shared remote after S seconds (default: 30)
  --quiet              no request log
  -h, --help           show this help`;

await runMain('werkplek', async () => {
  const { values } = parseCommandLine(process.argv.slice(2), {
    ...COMMON_OPTIONS,
    port: { type: 'string', default: '4321' },
    today: { type: 'string' },
    quiet: { type: 'boolean', default: false },
    'git-timeout': { type: 'string', default: '30' },
  });
  if (values.help) return void console.log(HELP);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port expects a number from 0 to 65535, got "${values.port}"`);
  const today = values.today;
  if (today !== undefined && !isIsoDate(today)) throw new UsageError(`--today expects a real date as YYYY-MM-DD, got "${today}"`);
  const gitTimeout = Number(values['git-timeout']);
  if (!Number.isInteger(gitTimeout) || gitTimeout < 1)
    throw new UsageError(`--git-timeout expects a whole number of seconds (1 or more), got "${values['git-timeout']}"`);
  const running = await startWerkplek({
    port,
    cases: values.cases,
    config: values.config,
    today: today ? () => today : undefined,
    log: values.quiet ? undefined : (line) => console.log(line),
    // Codespaces and Actions name the repository; GitHub Enterprise Server its API
    github: { repository: process.env.GITHUB_REPOSITORY || undefined, apiUrl: process.env.GITHUB_API_URL || undefined },
    // connecting (ssh) and a stalled transfer (https) give up well before the whole command
    gitLimits: { timeoutMs: gitTimeout * 1000, connectSeconds: Math.min(5, gitTimeout), lowSpeedSeconds: Math.min(10, gitTimeout) },
  }).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE') throw error;
    // a second start (another terminal, a second attach in Codespaces): open the werkplek that runs, never a second
    const busy = busyPortMessage(await portHolder(port, values.cases), port);
    if (busy.ok) return busy.text;
    throw new UsageError(busy.text);
  });
  if (typeof running === 'string') return void console.log(running);
  // a fresh copy (the example organization) opens Inrichten first
  const start = (await running.firstRun().catch(() => false)) ? `${running.url}instellingen` : running.url;
  console.log(`Werkplek klachten draait op ${start}  (open dit adres in de browser; stoppen met Ctrl+C)`);
  await new Promise<void>((resolve) => {
    const stop = () => void running.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
});
