import { allInOrder, isRepositoryName, repositoryFromRemote, setupFindings } from '../lib/github/setup-check.ts';
import { COMMON_OPTIONS, UsageError, parseCommandLine, runMain } from '../io/cli.ts';
import { loadOrganization } from '../io/case-files.ts';
import { RepositoryUnreadable, readRepositorySettings } from '../io/github/settings.ts';
import { Git } from '../io/git.ts';
import { InputError } from '../lib/problems/problems.ts';

const HELP = `Usage: npm run github-check -- [options]

Reads the settings of the practice's GitHub repository and says, in Dutch, what is missing for the
klachtenregeling: private, Actions allowed, workflows allowed to open pull requests (updates), issues on,
every organizer in organization.yml a collaborator, a target for the public site. It only reads; it
changes nothing and keeps the token nowhere.

The token comes from GITHUB_TOKEN; without it you are asked for it (input hidden). A fine-grained
token for this one repository with read access to Administration, Metadata, Pages and Secrets
is enough; docs/handleiding.md, "GitHub controleren", says how to make one.

Options:
  --repo OWNER/NAME    the repository (default: GITHUB_REPOSITORY, else the address of the Git remote "origin")
  --config FILE        the organization's configuration (default: organization.yml)
  -h, --help           show this help

Exit code 0 when everything is in order, 1 when something is missing or could not be read.
GITHUB_API_URL sets the API address (default https://api.github.com; GitHub Enterprise Server's).`;

/** owner/name from the flag, the environment, or the remote "origin" of the Git folder here. */
async function repositoryOf(flag: string | undefined): Promise<string> {
  const given = flag ?? process.env.GITHUB_REPOSITORY;
  if (given !== undefined && given !== '') {
    if (!isRepositoryName(given)) throw new UsageError(`--repo expects OWNER/NAME, e.g. praktijk/klachten, got "${given}"`);
    return given;
  }
  const remote = await new Git(process.cwd()).run(['remote', 'get-url', 'origin']);
  const found = remote.ok ? repositoryFromRemote(remote.out) : undefined;
  if (!found) throw new UsageError('which repository? Give --repo OWNER/NAME (no GitHub remote "origin" found here)');
  return found;
}

await runMain('github-check', async () => {
  const { values } = parseCommandLine(process.argv.slice(2), {
    repo: { type: 'string' },
    config: COMMON_OPTIONS.config,
    lang: COMMON_OPTIONS.lang,
    help: COMMON_OPTIONS.help,
  });
  if (values.help) return void console.log(HELP);
  const org = await loadOrganization(values.config);
  const repository = await repositoryOf(values.repo);
  let token = process.env.GITHUB_TOKEN ?? '';
  if (token === '') {
    const { password } = await import('@inquirer/prompts');
    token = await password({ message: `GitHub-token voor ${repository} (wordt nergens bewaard):`, mask: '•' });
  }
  let settings;
  try {
    settings = await readRepositorySettings({
      token,
      repository,
      logins: org.organizers.map((o) => o.github),
      baseUrl: process.env.GITHUB_API_URL,
    });
  } catch (error) {
    if (error instanceof RepositoryUnreadable) throw new InputError(error.message, []);
    throw error;
  }
  const findings = setupFindings(settings, org.organizers);
  const mark = { 'in-orde': '✓', ontbreekt: '✗', onbekend: '?' } as const;
  console.log(`GitHub-controle van ${settings.repository}\n`);
  for (const f of findings) {
    console.log(`${mark[f.state]} ${f.topic}: ${f.found}`);
    if (f.fix) console.log(`    ${f.fix}`);
  }
  const ok = allInOrder(findings);
  console.log(ok ? '\nAlles staat goed.' : `\n${findings.filter((f) => f.state !== 'in-orde').length} punt(en) om na te lopen.`);
  return ok ? 0 : 1;
});
