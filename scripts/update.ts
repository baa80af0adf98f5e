import { readFile } from 'node:fs/promises';
import { UsageError, parseCommandLine, runMain } from '../io/cli.ts';
import { updateFromUpstream } from '../io/updates.ts';

const HELP = `Usage: npm run update -- [options]

Brings this practice's repository to the next release of the klachtenregeling. A release is a tag
vX.Y.Z of the upstream repository; the version this repository is on is package.json's "version".
File by file, three ways (the release you have, the new release, your tree):
  - your own files (organization.yml, cases/, regulation/) are never touched;
  - what only the new release changed is taken; what it removed and you never changed is removed;
  - what you both changed is merged line by line; where the same lines changed, yours stays and is named.
Without --apply it prints the plan and writes nothing (it does fetch the release tags).
Run again when up to date: it says so and changes nothing. docs/updating.md explains the path.

Options:
  --from URL       the upstream repository (default: KLACHTENREGELING_UPSTREAM, else the "repository" of package.json)
  --to vX.Y.Z      this release instead of the newest
  --apply          write the files and commit ("klachtenregeling bijgewerkt naar vX.Y.Z")
  --branch         with --apply: commit on a new branch klachtenregeling-vX.Y.Z (the update workflow opens a pull request from it)
  --skip PATH      leave PATH (a file, or a folder ending in /) as it is and name it; repeatable
                   (the workflow skips .github/workflows/: its token may not change workflows)
  -h, --help       show this help`;

/** Where this engine comes from: package.json's "repository" (the release's own, so it moves with the releases). */
async function upstreamOfPackage(): Promise<string> {
  const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { repository?: string | { url?: string } };
  const url = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  if (!url) throw new UsageError('where do releases come from? Give --from URL (package.json names no "repository")');
  return url.replace(/^git\+/, '');
}

await runMain('update', async () => {
  const { values } = parseCommandLine(process.argv.slice(2), {
    from: { type: 'string' },
    to: { type: 'string' },
    apply: { type: 'boolean', default: false },
    branch: { type: 'boolean', default: false },
    skip: { type: 'string', multiple: true },
    lang: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return void console.log(HELP);
  if (values.branch && !values.apply) throw new UsageError('--branch goes with --apply');
  if (values.to !== undefined && !/^v\d+\.\d+\.\d+$/.test(values.to))
    throw new UsageError(`--to expects a release like v1.2.0, got "${values.to}"`);
  const outcome = await updateFromUpstream({
    dir: process.cwd(),
    from: values.from ?? (process.env.KLACHTENREGELING_UPSTREAM || (await upstreamOfPackage())),
    to: values.to,
    apply: values.apply,
    branch: values.branch,
    skip: values.skip,
  });
  if (outcome.kind === 'up-to-date') return void console.log(`De klachtenregeling is bij: versie ${outcome.version} is de nieuwste.`);
  console.log(outcome.summary);
  if (outcome.kind === 'planned') console.log('\nDit is een proef: er is niets veranderd. Met --apply wordt het uitgevoerd.');
  else console.log(`\nVastgelegd${outcome.branch ? ` op de branch ${outcome.branch}` : ''}.`);
});
