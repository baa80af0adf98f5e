// The werkplek on a test folder beside a fresh browser context in the Chromium the end-to-end tests share
// (test/e2e/global-setup.ts): what the werkplek's browser tests start in their beforeAll, and a session that does
// it for a test file (its folder, the werkplek, the context and the page helpers they all use).
import { cpSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { splitFrontmatter } from '../../lib/cases/frontmatter.ts';
import { readYaml } from '../../lib/problems/yaml-source.ts';
import { connectBrowser } from '../../tools/browser.ts';
import { startWerkplek, type RunningWerkplek } from '../../werkplek/app.ts';
import { tempProject } from './fixtures.ts';
import { git } from './git-repos.ts';

/** The werkplek on `dir` (cases/, organization.yml) with `today` pinned and its request log in `log`; `close` ends both. */
export async function werkplekWithBrowser(
  dir: string,
  today: string,
  log: string[],
): Promise<{ werkplek: RunningWerkplek; context: BrowserContext; close: () => Promise<void> }> {
  // today pinned to the test's date: a run across midnight in Amsterdam must not see two dates
  const werkplek = await startWerkplek({
    port: 0,
    cases: join(dir, 'cases'),
    config: join(dir, 'organization.yml'),
    today: () => today,
    log: (l) => log.push(l),
  });
  const browser = await connectBrowser(inject('browserEndpoint'));
  browser.context.setDefaultTimeout(30_000);
  return {
    werkplek,
    context: browser.context,
    close: async () => {
      await browser.close();
      await werkplek.close();
    },
  };
}

/**
 * Do `action` (a click or a key that sends a form) and wait for the page the werkplek's redirect leads to: a URL with
 * a `melding=` the page did not have before. Waiting for any `melding=` URL is met at once by a page still on the
 * last form's result, and the test would then read the last form's message.
 */
export async function sendAndWait(page: Page, action: () => Promise<unknown>): Promise<void> {
  const before = page.url();
  await Promise.all([page.waitForURL((url) => url.href !== before && url.searchParams.has('melding')), action()]);
}

/** Close a page; never let a close that Chromium does not confirm hang the test. */
export const closePage = (page: Page) => Promise.race([page.close(), new Promise((r) => setTimeout(r, 5000))]);

/** What a session starts on: the project's files (path → text), the letter templates, a Git repository. */
export interface SessionOptions {
  /** today as the werkplek sees it (YYYY-MM-DD) */
  today: string;
  /** copy templates/ beside organization.yml, as the project keeps it (the letters need it) */
  templates?: boolean;
  /** make the folder a Git repository with one commit of the files, by this author */
  git?: { name: string; email: string };
}

/**
 * A werkplek on a temporary project with `files`, beside a fresh browser context, for the test file that calls
 * this: started in its beforeAll, closed in its afterAll. The folder, werkplek and context are there once the
 * beforeAll has run; the helpers read and open through them.
 */
export function werkplekSession(files: Record<string, string>, options: SessionOptions) {
  let dir = '';
  let werkplek: RunningWerkplek | undefined;
  let context: BrowserContext | undefined;
  let close: (() => Promise<void>) | undefined;
  const log: string[] = [];

  beforeAll(async () => {
    dir = await tempProject(files);
    if (options.templates) cpSync(new URL('../../templates', import.meta.url), join(dir, 'templates'), { recursive: true });
    if (options.git) {
      git(dir, 'init', '--quiet', '--initial-branch=main');
      git(dir, 'config', 'user.name', options.git.name);
      git(dir, 'config', 'user.email', options.git.email);
      git(dir, 'add', '.');
      git(dir, 'commit', '--quiet', '-m', 'dossiers');
    }
    ({ werkplek, context, close } = await werkplekWithBrowser(dir, options.today, log));
  });
  afterAll(() => close?.());

  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the werkplek session starts in beforeAll');
    return value;
  };
  const url = (path: string) => started(werkplek).url + path.replace(/^\//, '');
  const caseFile = (id: string) => join(dir, 'cases', id.slice(2, 6), `${id}.md`);

  return {
    /** the project folder */
    get dir() {
      return dir;
    },
    get werkplek() {
      return started(werkplek);
    },
    get context() {
      return started(context);
    },
    /** every line the werkplek logged */
    log,
    url,
    caseFile,
    /** A case file's frontmatter, parsed, and its body. */
    frontmatter(id: string) {
      const split = splitFrontmatter(readFileSync(caseFile(id), 'utf8'));
      if (!split.ok) throw new Error('no frontmatter');
      const read = readYaml(split.yamlText);
      if (!read.ok) throw new Error(read.message);
      return { data: read.data as Record<string, any>, body: split.body };
    },
    /** Every file and folder under cases/, with its text: equal snapshots mean nothing was written. */
    snapshot() {
      const names = (readdirSync(join(dir, 'cases'), { recursive: true }) as string[]).sort();
      return names.map((f) => {
        try {
          return [f, readFileSync(join(dir, 'cases', f), 'utf8')];
        } catch {
          return [f, '(folder)'];
        }
      });
    },
    /** A new page at `path`, in a colour scheme, at a width (the context's default without one). */
    async open(path: string, o: { scheme?: 'light' | 'dark'; width?: number } = {}): Promise<Page> {
      const page = await started(context).newPage();
      page.setDefaultTimeout(30_000);
      if (o.width) await page.setViewportSize({ width: o.width, height: 900 });
      await page.emulateMedia({ colorScheme: o.scheme ?? 'light' });
      await page.goto(url(path));
      return page;
    },
  };
}

/** A running {@link werkplekSession}. */
export type WerkplekSession = ReturnType<typeof werkplekSession>;
