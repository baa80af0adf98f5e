import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck/light.js';
import { flagId, parseMarker, type LabelSpec, type TrackedIssue } from '../../lib/github/issue.ts';
import type { IssuePatch } from '../../lib/github/plan.ts';

// throttling (inner): 403/429 rate limits, waiting as long as retry-after says, and GitHub's advice to
// space writes (one a second, three for writes that notify people); retry (outer): 5xx and network errors.
const GitHub = Octokit.plugin(throttling, retry);
const REQUEST_TIMEOUT_MS = 30_000;

/** What the sync needs from GitHub, in our own types (Octokit stays in this file). */
export interface IssueTracker {
  /**
   * Every issue (open and closed) with `label` or with the sync's marker in its body (a person may have
   * removed the label), pull requests left out: one read per 100 issues of the repository.
   */
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
  /** How long one request may take before it is given up, in milliseconds (default 30 s). */
  timeoutMs?: number;
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
const isRequestError = (e: unknown): e is RequestErrorLike =>
  typeof e === 'object' && e !== null && typeof (e as { status?: unknown }).status === 'number';

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
  JSON.stringify(error.response?.data ?? '')
    .toLowerCase()
    .includes('assignee');

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
    // a request that hangs fails after a while (and is retried) instead of holding the workflow
    request: {
      fetch: (url: string, init?: RequestInit) =>
        fetch(url, { ...init, signal: init?.signal ?? AbortSignal.timeout(options.timeoutMs ?? REQUEST_TIMEOUT_MS) }),
    },
    log: {
      debug: () => {},
      info: () => {},
      warn: (m: string) => options.log(`GitHub: ${m}`),
      error: (m: string) => options.log(`GitHub: ${m}`),
    },
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
        options.log(
          `GitHub: rate limit reached on ${o.method} ${o.url}; ${wait ? `waiting ${retryAfter} s` : `it resets in ${retryAfter} s, giving up`}`,
        );
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
  // Creating an issue or a comment is not idempotent: after a 5xx or a lost answer it may still have been
  // made, so it is never retried blindly (the retry plugin is off for it): we look first, then try again.
  const createOnce = async <T>(what: string, call: () => Promise<T>, landed: () => Promise<T | null>): Promise<T> => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await write(what, call);
      } catch (error) {
        const status = (error as GitHubError).status;
        if (!(status >= 500 || status === 0) || attempt > 3) throw error;
        options.log(`GitHub: ${what} failed (${status}); checking whether it was made anyway`);
        // if even the check fails (the network is gone), the create's own failure is the one to report
        const found = await landed().catch(() => {
          throw error;
        });
        if (found !== null) return found;
        await new Promise((resolve) => setTimeout(resolve, attempt * attempt * base));
      }
    }
  };
  // a login GitHub will not assign (not a collaborator) must not block the flag itself
  const withAssignees = async <T>(
    what: string,
    assignees: string[] | undefined,
    call: (a: string[] | undefined) => Promise<T>,
  ): Promise<T> => {
    try {
      return await call(assignees);
    } catch (error) {
      if (!assignees?.length || !assigneeRefused((error as GitHubError).cause)) throw error;
      options.log(
        `GitHub would not assign ${assignees.join(', ')} (${what}): is the organizer's login in organization.yml a collaborator of ${options.repository}? Retrying without assignee.`,
      );
      return call(undefined);
    }
  };
  const NO_RETRY = { request: { retries: 0 } };

  const listFlagIssues = async (label: string): Promise<TrackedIssue[]> => {
    const found: TrackedIssue[] = [];
    try {
      // every issue, not only the labelled ones: an issue whose label a person removed is found by its marker,
      // so the sync neither opens a second issue for it nor calls a duplicate "in step"
      for await (const page of octokit.paginate.iterator(octokit.rest.issues.listForRepo, {
        owner,
        repo,
        state: 'all',
        per_page: 100,
      })) {
        counts.reads += 1;
        for (const i of page.data) {
          if (i.pull_request) continue;
          const labels = i.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter((l) => l !== '');
          if (!labels.some((l) => l.toLowerCase() === label.toLowerCase()) && parseMarker(i.body ?? '') === null) continue;
          found.push({
            number: i.number,
            open: i.state === 'open',
            title: i.title,
            body: i.body ?? '',
            labels,
            assignees: (i.assignees ?? []).map((a) => a.login),
          });
        }
      }
    } catch (error) {
      throw explain(error, `listing the issues labelled "${label}"`, options.repository);
    }
    return found;
  };

  return {
    counts,
    listFlagIssues,
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
        if (
          (error as GitHubError).status === 422 &&
          JSON.stringify((error as { cause?: RequestErrorLike }).cause?.response?.data ?? '').includes('already_exists')
        )
          return;
        throw error;
      }
    },
    async createIssue(issue) {
      const marker = parseMarker(issue.body);
      const label = issue.labels[0] ?? '';
      const landed = async () => {
        if (!marker || !label) return null;
        const id = flagId(marker.kind, marker.key);
        const twin = (await listFlagIssues(label)).find((i) => {
          const m = parseMarker(i.body);
          return m !== null && flagId(m.kind, m.key) === id && i.open;
        });
        return twin ? twin.number : null;
      };
      return withAssignees('creating an issue', issue.assignees, (assignees) =>
        createOnce(
          'creating an issue',
          async () =>
            (
              await octokit.rest.issues.create({
                owner,
                repo,
                title: issue.title,
                body: issue.body,
                labels: issue.labels,
                ...(assignees ? { assignees } : {}),
                ...NO_RETRY,
              })
            ).data.number,
          landed,
        ),
      );
    },
    async updateIssue(number, patch) {
      const fields = {
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        ...(patch.body !== undefined ? { body: patch.body } : {}),
        ...(patch.labels !== undefined ? { labels: patch.labels } : {}),
        ...(patch.open === undefined
          ? {}
          : patch.open
            ? { state: 'open' as const, state_reason: 'reopened' as const }
            : { state: 'closed' as const, state_reason: 'completed' as const }),
      };
      await withAssignees(`updating issue #${number}`, patch.assignees, (assignees) =>
        write(`updating issue #${number}`, () =>
          octokit.rest.issues.update({ owner, repo, issue_number: number, ...fields, ...(assignees ? { assignees } : {}) }),
        ),
      );
    },
    async addComment(number, body) {
      const landed = async () => {
        const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: number, per_page: 100 });
        counts.reads += Math.max(1, Math.ceil(comments.length / 100));
        return comments.at(-1)?.body === body ? true : null;
      };
      await createOnce(
        `commenting on issue #${number}`,
        async () => void (await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body, ...NO_RETRY })),
        landed,
      );
    },
  };
}
