import { spawnSync } from 'node:child_process';
import { COMMON_OPTIONS, UsageError, parseCommandLine, runMain } from '../io/cli.ts';
import { publishSite } from '../io/publish-site.ts';

const HELP = `Usage: npm run deploy:site -- --repo REMOTE [options]

Publishes the built PUBLIC site (dist/site/, made by npm run build:site) to a branch of another Git
repository: a public repository whose GitHub Pages serves it, for a practice on GitHub Free (Pages of a
private repository needs a paid plan, and the case files must stay private). Step by step, with a deploy
key: docs/deployment.md.

One commit per change on top of the previous publication; the same site again makes no commit. A branch
that exists but was not written by this command is refused. The internal report and case files are
never published (the command refuses a folder holding either).

Options:
  --repo REMOTE     where to publish: git@github.com:owner/site.git, an https URL or a path
                    (default: the environment variable PUBLIC_SITE_REPO)
  --branch NAME     the branch Pages serves (default: gh-pages)
  --dir DIR         the built site (default: dist/site)
  --dry-run         say what would be published, push nothing
  -h, --help        show this help`;

await runMain('deploy:site', async () => {
  const { values } = parseCommandLine(process.argv.slice(2), {
    help: COMMON_OPTIONS.help,
    repo: { type: 'string' },
    branch: { type: 'string', default: 'gh-pages' },
    dir: { type: 'string', default: 'dist/site' },
    'dry-run': { type: 'boolean', default: false },
  });
  if (values.help) return void console.log(HELP);
  const repo = values.repo ?? process.env.PUBLIC_SITE_REPO;
  if (!repo)
    throw new UsageError('--repo is missing (or set PUBLIC_SITE_REPO): the repository to publish to, e.g. git@github.com:owner/site.git');
  if (!/^[A-Za-z0-9._/-]+$/.test(values.branch)) throw new UsageError(`--branch must be a branch name, got "${values.branch}"`);
  const source = spawnSync('git', ['rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8' }).stdout?.trim();
  publishSite({
    dir: values.dir,
    repo,
    branch: values.branch,
    message: `Publieke site${source ? ` (bron ${source})` : ''}`,
    dryRun: values['dry-run'],
    log: (line) => console.log(line),
  });
});
