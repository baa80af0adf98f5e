import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../lib/problems/problems.ts';
import { OUTPUT_MARKER } from './output-folder.ts';

/** The file that marks a branch as holding this tool's published site (so it may replace its contents). */
export const SITE_MARKER = '.klachtenregeling-site';

/** What to publish, and where. */
export interface PublishOptions {
  /** The built public site (dist/site). */
  dir: string;
  /** A Git remote: `git@github.com:owner/site.git`, an https URL, or a path (a bare repository on disk). */
  repo: string;
  branch: string;
  /** The commit message's first line. */
  message: string;
  /** Only say what would happen. */
  dryRun: boolean;
  log: (line: string) => void;
  /** Environment for git (GIT_SSH_COMMAND with a deploy key). */
  env?: NodeJS.ProcessEnv;
}

/** What {@link publishSite} did. */
export type PublishResult = { status: 'published'; commit: string } | { status: 'unchanged'; commit: string } | { status: 'dry_run' };

const files = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' });

/**
 * Refuse a folder that is not the public site: it must hold index.html, and never the internal report (its
 * output marker) or a case file (`K-….md`), which must never leave the private repository (art. 4.4).
 */
export function assertPublicSite(dir: string): void {
  if (!existsSync(join(dir, 'index.html')))
    throw new InputError(`${dir} holds no index.html: build the public site first (npm run build:site)`);
  if (existsSync(join(dir, OUTPUT_MARKER)))
    throw new InputError(`${dir} is the internal report (it holds ${OUTPUT_MARKER}), not the public site: it is never published`);
  const cases = files(dir).filter((f) => /(^|[\\/])K-[^\\/]*\.md$/.test(f));
  if (cases.length) throw new InputError(`${dir} holds case files (${cases.slice(0, 3).join(', ')}): they are never published`);
}

/**
 * Publish the built public site to a branch of another repository (a public one, whose GitHub Pages serves
 * it: GitHub Free has no Pages for private repositories). The branch gets one commit per change, on top of the
 * previous publication; publishing the same site again makes no commit. A branch that exists but was not
 * written by this tool (no {@link SITE_MARKER}) is refused: nothing is replaced that this tool did not write.
 */
export function publishSite(o: PublishOptions): PublishResult {
  assertPublicSite(o.dir);
  const work = mkdtempSync(join(tmpdir(), 'klachten-publish-'));
  const git = (...args: string[]) => {
    const r = spawnSync('git', args, { cwd: work, encoding: 'utf8', env: { ...process.env, GIT_TERMINAL_PROMPT: '0', ...o.env } });
    return { ok: r.status === 0, out: (r.stdout ?? '').trim(), err: (r.stderr ?? '').trim() };
  };
  const must = (...args: string[]) => {
    const r = git(...args);
    if (!r.ok) throw new InputError(`git ${args[0]} failed: ${r.err.split('\n').at(-1) ?? ''}`);
    return r.out;
  };
  try {
    must('init', '-q');
    must('config', 'user.name', 'klachtenregeling');
    must('config', 'user.email', 'klachtenregeling@users.noreply.github.com');
    const fetched = git('fetch', '-q', '--depth=1', o.repo, `refs/heads/${o.branch}`);
    if (!fetched.ok && !/couldn't find remote ref|not found/i.test(fetched.err))
      throw new InputError(
        `cannot reach ${o.repo}: ${fetched.err.split('\n').at(-1) ?? ''} (is the deploy key set up? see docs/deployment.md)`,
      );
    const parent = fetched.ok ? must('rev-parse', 'FETCH_HEAD') : null;
    if (parent) {
      const tree = must('ls-tree', '--name-only', parent);
      if (!tree.split('\n').includes(SITE_MARKER))
        throw new InputError(
          `branch ${o.branch} of ${o.repo} holds files this command did not write (no ${SITE_MARKER}): nothing is replaced. ` +
            'Publish to a new, empty repository or branch (docs/deployment.md)',
        );
    }
    cpSync(o.dir, work, { recursive: true });
    writeFileSync(join(work, '.nojekyll'), ''); // serve the files as they are (Astro's _astro/ folder too)
    writeFileSync(
      join(work, SITE_MARKER),
      'Published by klachtenregeling (npm run deploy:site); every publication replaces this branch.\n',
    );
    must('add', '-A');
    const tree = must('write-tree');
    if (parent && must('rev-parse', `${parent}^{tree}`) === tree) {
      o.log(`${o.repo} ${o.branch} already holds this site (${parent.slice(0, 12)}): nothing to publish.`);
      return { status: 'unchanged', commit: parent };
    }
    const commit = must('commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', o.message);
    const count = files(o.dir).length;
    if (o.dryRun) {
      o.log(`Dry run: would publish ${count} file(s) from ${o.dir} to ${o.repo}, branch ${o.branch}${parent ? '' : ' (new)'}.`);
      return { status: 'dry_run' };
    }
    must('push', '-q', o.repo, `${commit}:refs/heads/${o.branch}`);
    o.log(`Published ${count} file(s) from ${o.dir} to ${o.repo}, branch ${o.branch}: commit ${commit.slice(0, 12)}.`);
    return { status: 'published', commit };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
