import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck/light.js';
import type { LabelSpec, TrackedIssue } from '../../lib/flag-issue.ts';
import type { IssuePatch } from '../../lib/github-plan.ts';

// retry: 5xx and network errors; throttling: 403/429 rate limits with retry-after, and GitHub's advice to
// space writes (one a second; three seconds for writes that notify people).
const GitHub = Octokit.plugin(retry, throttling);

/** What the sync needs from GitHub, in our own types (Octokit stays in this file). */
export interface IssueTracker {
  /** Every issue (open and closed) with `label`, pull requests left out: one read per 100 issues. */
  listFlagIssues(label: string): Promise<TrackedIssue[]>;
  /** The repository's label names. */
  listLabels(): Promise<string[]>;
  createLabel(label: LabelSpec): Promise<void>;
  /** Create an issue; returns its number. */
  createIssue(issue: { title: string; body: string; labels: string[]; assignees: string[] }): Promise<number>;
  updateIssue(number: number, patch: IssuePatch): Promise<void>;
  addComment(number: number, body: string): Promise<void>;
  /** Requests made so far (retries not counted). */
  readonly counts: { reads: number; writes: number };
}

/** How to reach GitHub. Tests and the benchmark shorten the waits; the defaults are GitHub's advice. */
export interface GitHubOptions {
  token: string;
  /** `owner/repo`. */
  repository: string;
  /** API root: https://api.github.com, or GitHub Enterprise Server's, or a test server. */
  baseUrl: string;
  /**
   * How long one second of waiting lasts, in milliseconds (default 1000): `retry-after`, the retry back-off,
   * and the spacing of writes (one second; three for writes that notify people). Tests set 1.
   */
  secondMs?: number;
  /** Progress and warnings, one line each. */
  log: (line: string) => void;
}

/** A GitHub request that failed for good (after retries): its status and a message that says what to check. */
export class GitHubError extends Error {
  readonly status: number;
  constructor(message: string, status: number, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GitHubError';
    this.status = status;
  }
}

interface RequestErrorLike {
  status: number;
  message: string;
  response?: { data?: unknown; headers?: Record<string, string | undefined> };
}
const isRequestError = (e: unknown): e is RequestErrorLike => typeof e === 'object' && e !== null && typeof (e as { status?: unknown }).status === 'number';

/** The one-line explanation of a failed request. */
function explain(error: unknown, what: string, repository: string): GitHubError {
  if (!isRequestError(error)) return new GitHubError(`${what} failed: ${(error as Error)?.message ?? String(error)}`, 0, { cause: error });
  const gh = (error.response?.data as { message?: string } | undefined)?.message ?? error.message;
  const hint: Record<number, string> = {
    401: 'GitHub refused the token: check GITHUB_TOKEN',
    403: 'the token may not do this: the workflow needs "permissions: issues: write" (and contents: read)',
    404: `repository ${repository} not found, or the token cannot see it: check GITHUB_REPOSITORY and GITHUB_API_URL`,
    410: `issues are disabled in ${repository}: enable them under Settings → General → Features`,
  };
  const why = hint[error.status] ?? (error.status >= 500 ? 'GitHub kept failing after retries' : 'GitHub refused the request');
  return new GitHubError(`${what} failed (${error.status} ${gh}): ${why}`, error.status, { cause: error });
}

const assigneeRefused = (error: unknown) =>
  isRequestError(error) &&
  error.status === 422 &&
  JSON.stringify(error.response?.data ?? '').toLowerCase().includes('assignee');

/** An {@link IssueTracker} on GitHub's REST API with retries and throttling. */
export function createGitHubTracker(options: GitHubOptions): IssueTracker {
  const [owner = '', repo = ''] = options.repository.split('/');
  const base = options.secondMs ?? 1000;
  // the plugin's own pacing (1 s between writes, 3 s between writes that notify), in our time unit
  const groups = {
    write: new Bottleneck.Group({ maxConcurrent: 1, minTime: base }),
    notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 3 * base }),
  };
  const octokit = new GitHub({
    auth: options.token,
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    userAgent: 'klachtenregeling-deadline-watch',
    log: { debug: () => {}, info: () => {}, warn: (m: string) => options.log(`GitHub: ${m}`), error: (m: string) => options.log(`GitHub: ${m}`) },
    retry: { retries: 3, retryAfterBaseValue: base },
    throttle: {
      retryAfterBaseValue: base,
      ...groups,
      onSecondaryRateLimit: (retryAfter: number, o: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
        options.log(`GitHub: secondary rate limit on ${o.method} ${o.url}; waiting ${retryAfter} s (retry ${retryCount + 1} of 3)`);
        return retryCount < 3;
      },
      onRateLimit: (retryAfter: number, o: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
        const wait = retryAfter <= 60 && retryCount < 1;
        options.log(`GitHub: rate limit reached on ${o.method} ${o.url}; ${wait ? `waiting ${retryAfter} s` : `it resets in ${retryAfter} s, giving up`}`);
        return wait;
      },
    },
  });
  const counts = { reads: 0, writes: 0 };
  const write = async <T>(what: string, call: () => Promise<T>): Promise<T> => {
    counts.writes += 1;
    try {
      return await call();
    } catch (error) {
      throw explain(error, what, options.repository);
    }
  };
  // a login GitHub will not assign (not a collaborator) must not block the flag itself
  const withAssignees = async <T>(what: string, assignees: string[] | undefined, call: (a: string[] | undefined) => Promise<T>): Promise<T> => {
    try {
      return await write(what, () => call(assignees));
    } catch (error) {
      if (!assignees?.length || !assigneeRefused((error as GitHubError).cause)) throw error;
      options.log(`GitHub would not assign ${assignees.join(', ')} (${what}): is the organizer's login in organization.yml a collaborator of ${options.repository}? Retrying without assignee.`);
      return write(what, () => call(undefined));
    }
  };

  return {
    counts,
    async listFlagIssues(label) {
      const found: TrackedIssue[] = [];
      try {
        for await (const page of octokit.paginate.iterator(octokit.rest.issues.listForRepo, { owner, repo, labels: label, state: 'all', per_page: 100 })) {
          counts.reads += 1;
          for (const i of page.data) {
            if (i.pull_request) continue;
            found.push({
              number: i.number,
              open: i.state === 'open',
              title: i.title,
              body: i.body ?? '',
              labels: i.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter((l) => l !== ''),
              assignees: (i.assignees ?? []).map((a) => a.login),
            });
          }
        }
      } catch (error) {
        throw explain(error, `listing the issues labelled "${label}"`, options.repository);
      }
      return found;
    },
    async listLabels() {
      const names: string[] = [];
      try {
        for await (const page of octokit.paginate.iterator(octokit.rest.issues.listLabelsForRepo, { owner, repo, per_page: 100 })) {
          counts.reads += 1;
          names.push(...page.data.map((l) => l.name));
        }
      } catch (error) {
        throw explain(error, 'listing the labels', options.repository);
      }
      return names;
    },
    async createLabel(label) {
      try {
        await write(`creating label "${label.name}"`, () => octokit.rest.issues.createLabel({ owner, repo, ...label }));
      } catch (error) {
        // created in the meantime (another run, or the same name in other capitals): fine
        if ((error as GitHubError).status === 422 && JSON.stringify((error as { cause?: RequestErrorLike }).cause?.response?.data ?? '').includes('already_exists')) return;
        throw error;
      }
    },
    async createIssue(issue) {
      const { data } = await withAssignees('creating an issue', issue.assignees, (assignees) =>
        octokit.rest.issues.create({ owner, repo, title: issue.title, body: issue.body, labels: issue.labels, ...(assignees ? { assignees } : {}) }),
      );
      return data.number;
    },
    async updateIssue(number, patch) {
      const fields = {
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        ...(patch.body !== undefined ? { body: patch.body } : {}),
        ...(patch.labels !== undefined ? { labels: patch.labels } : {}),
        ...(patch.open === undefined ? {} : patch.open ? { state: 'open' as const, state_reason: 'reopened' as const } : { state: 'closed' as const, state_reason: 'completed' as const }),
      };
      await withAssignees(`updating issue #${number}`, patch.assignees, (assignees) =>
        octokit.rest.issues.update({ owner, repo, issue_number: number, ...fields, ...(assignees ? { assignees } : {}) }),
      );
    },
    async addComment(number, body) {
      await write(`commenting on issue #${number}`, () => octokit.rest.issues.createComment({ owner, repo, issue_number: number, body }));
    },
  };
}
