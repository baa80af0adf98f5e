import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { components, operations } from '@octokit/openapi-types';

// A stateful fake of GitHub's REST issues API on 127.0.0.1: issues, labels and comments, pagination with
// Link headers, injected faults, and a log of every request. Every response body is typed with
// @octokit/openapi-types (GitHub's OpenAPI description as TypeScript types), per operation and status,
// so `tsc` in `npm test` fails when the fake's answers drift from the published API.

type Json<Op extends keyof operations, Status extends keyof operations[Op]['responses']> = operations[Op]['responses'][Status] extends {
  content: { 'application/json': infer T };
}
  ? T
  : never;
type Issue = components['schemas']['issue'];
type Label = components['schemas']['label'];
type Comment = components['schemas']['issue-comment'];
type User = components['schemas']['simple-user'];
type BasicError = components['schemas']['basic-error'];
type ValidationError = components['schemas']['validation-error'];

/** An issue as the fake stores it. */
export interface StoredIssue {
  number: number;
  state: 'open' | 'closed';
  state_reason: 'completed' | 'reopened' | 'not_planned' | null;
  title: string;
  body: string | null;
  labels: string[];
  assignees: string[];
  comments: string[];
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  pull_request?: boolean;
}

/** What the fake says about the repository's settings. */
export interface RepositorySettingsState {
  private: boolean;
  has_issues: boolean;
  /** The token's user may administer the repository; without it the Actions settings and secrets answer 403. */
  admin: boolean;
  actions: { enabled: boolean; allowed_actions: 'all' | 'local_only' | 'selected'; github_owned_allowed: boolean };
  workflow: { default_workflow_permissions: 'read' | 'write'; can_approve_pull_request_reviews: boolean };
  collaborators: Set<string>;
  pages: { build_type: 'workflow' | 'legacy' } | null;
  secrets: Set<string>;
}

/** A stored label. */
export interface StoredLabel {
  name: string;
  color: string;
  description: string | null;
}

/** A request the fake received. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
  body: string;
  status: number;
  /** When it arrived (ms since the epoch). */
  at: number;
}

/**
 * A slow answer for the next `times` requests that match: the request waits `ms`, then is carried out (and
 * answered, to a client that may have given up). GitHub does this: a create that times out on the client
 * can still land seconds later.
 */
export interface Delay {
  method?: string;
  path?: RegExp;
  times: number;
  ms: number;
  /** Called when a slowed request has been carried out (answered or not): a test waits for this, not for a time. */
  landed?: () => void;
  /**
   * Hold the request until another with the same method and path arrives (the client gave up and made it
   * again), `ms` at most: the fault then happens on a busy machine too, where a client's timer may fire late.
   */
  untilRepeated?: boolean;
}

/** A canned failure for the next `times` requests that match. */
export interface Fault {
  method?: string;
  path?: RegExp;
  times: number;
  status: number;
  headers?: Record<string, string>;
  body: BasicError | ValidationError;
  /** Carry the request out first, then answer with the fault (GitHub's 502 after it made the issue). */
  afterApplying?: boolean;
}

const API = 'https://api.github.com';
const NOW = '2026-01-01T08:00:00Z';

const user = (login: string, id: number): User => ({
  login,
  id,
  node_id: `U_${id}`,
  avatar_url: `https://avatars.githubusercontent.com/u/${id}`,
  gravatar_id: '',
  url: `${API}/users/${login}`,
  html_url: `https://github.com/${login}`,
  followers_url: `${API}/users/${login}/followers`,
  following_url: `${API}/users/${login}/following{/other_user}`,
  gists_url: `${API}/users/${login}/gists{/gist_id}`,
  starred_url: `${API}/users/${login}/starred{/owner}{/repo}`,
  subscriptions_url: `${API}/users/${login}/subscriptions`,
  organizations_url: `${API}/users/${login}/orgs`,
  repos_url: `${API}/users/${login}/repos`,
  events_url: `${API}/users/${login}/events{/privacy}`,
  received_events_url: `${API}/users/${login}/received_events`,
  type: 'User',
  site_admin: false,
});

/** The fake GitHub. Start it with {@link startFakeGitHub}. */
export class FakeGitHub {
  readonly token: string;
  readonly repository: string;
  url = '';
  issues: StoredIssue[] = [];
  labels: StoredLabel[] = [];
  requests: RecordedRequest[] = [];
  faults: Fault[] = [];
  delays: Delay[] = [];
  /** Logins GitHub may assign (collaborators); null: anyone. */
  assignable: Set<string> | null = null;
  /** The repository's settings, as `npm run github-check` reads them. */
  settings: RepositorySettingsState = {
    private: true,
    has_issues: true,
    admin: true,
    actions: { enabled: true, allowed_actions: 'all', github_owned_allowed: true },
    workflow: { default_workflow_permissions: 'read', can_approve_pull_request_reviews: true },
    collaborators: new Set(),
    pages: null,
    secrets: new Set(),
  };
  /** After this many more successful writes, the network is gone: every request's socket is destroyed. */
  writesUntilCrash: number | null = null;
  private crashed = false;
  /** Slowed requests waiting for a repeat (Delay.untilRepeated). */
  private held: { method: string; path: string; release: () => void }[] = [];
  private server = createServer((req, res) => void this.handle(req, res));

  constructor(token: string, repository: string) {
    this.token = token;
    this.repository = repository;
  }

  /** Start listening on 127.0.0.1 on a free port. */
  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The network comes back after a crash. */
  heal(): void {
    this.crashed = false;
    this.writesUntilCrash = null;
  }

  /** Requests answered so far (retries included), by kind. */
  count(): { reads: number; writes: number; total: number } {
    const done = this.requests.filter((r) => r.status > 0);
    const reads = done.filter((r) => r.method === 'GET').length;
    return { reads, writes: done.length - reads, total: done.length };
  }

  /** Forget the request log (state stays). */
  clearLog(): void {
    this.requests = [];
  }

  /** Add an issue directly (as if a person or an earlier run made it). */
  seedIssue(issue: Partial<StoredIssue> & { title: string }): StoredIssue {
    const stored: StoredIssue = {
      number: this.issues.length + 1,
      state: 'open',
      state_reason: null,
      body: '',
      labels: [],
      assignees: [],
      comments: [],
      created_at: NOW,
      updated_at: NOW,
      closed_at: null,
      ...issue,
    };
    this.issues.push(stored);
    for (const name of stored.labels) this.ensureLabel(name);
    return stored;
  }

  issue(number: number): StoredIssue | undefined {
    return this.issues.find((i) => i.number === number);
  }

  private ensureLabel(name: string): void {
    // like GitHub: a label named on an issue that does not exist yet is created, in grey
    if (!this.labels.some((l) => l.name.toLowerCase() === name.toLowerCase()))
      this.labels.push({ name, color: 'ededed', description: null });
  }

  private labelJson(l: StoredLabel, i: number): Label {
    return {
      id: 1000 + i,
      node_id: `LA_${i}`,
      url: `${API}/repos/${this.repository}/labels/${encodeURIComponent(l.name)}`,
      name: l.name,
      description: l.description,
      color: l.color,
      default: false,
    };
  }

  private issueJson(i: StoredIssue): Issue {
    const base = `${API}/repos/${this.repository}/issues/${i.number}`;
    i.labels.forEach((l) => this.ensureLabel(l)); // a test may have put one on by hand
    const labels = i.labels.map((name) =>
      this.labelJson(
        this.labels.find((l) => l.name.toLowerCase() === name.toLowerCase())!,
        this.labels.findIndex((l) => l.name.toLowerCase() === name.toLowerCase()),
      ),
    );
    const assignees = i.assignees.map((login, k) => user(login, 500 + k));
    return {
      id: 9000 + i.number,
      node_id: `I_${i.number}`,
      url: base,
      repository_url: `${API}/repos/${this.repository}`,
      labels_url: `${base}/labels{/name}`,
      comments_url: `${base}/comments`,
      events_url: `${base}/events`,
      html_url: `https://github.com/${this.repository}/issues/${i.number}`,
      number: i.number,
      state: i.state,
      state_reason: i.state_reason,
      title: i.title,
      body: i.body,
      user: user('github-actions[bot]', 41898282),
      labels,
      assignee: assignees[0] ?? null,
      assignees,
      milestone: null,
      locked: false,
      active_lock_reason: null,
      comments: i.comments.length,
      closed_at: i.closed_at,
      created_at: i.created_at,
      updated_at: i.updated_at,
      author_association: 'NONE',
      ...(i.pull_request
        ? {
            pull_request: {
              url: `${API}/repos/${this.repository}/pulls/${i.number}`,
              html_url: null,
              diff_url: null,
              patch_url: null,
              merged_at: null,
            },
          }
        : {}),
    };
  }

  private commentJson(issue: StoredIssue, k: number): Comment {
    const id = issue.number * 1000 + k;
    return {
      id,
      node_id: `IC_${id}`,
      url: `${API}/repos/${this.repository}/issues/comments/${id}`,
      body: issue.comments[k] ?? '',
      html_url: `https://github.com/${this.repository}/issues/${issue.number}#issuecomment-${id}`,
      user: user('github-actions[bot]', 41898282),
      created_at: NOW,
      updated_at: NOW,
      issue_url: `${API}/repos/${this.repository}/issues/${issue.number}`,
      author_association: 'NONE',
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', this.url);
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.search,
      body: Buffer.concat(chunks).toString('utf8'),
      status: 0,
      at: Date.now(),
    };
    this.requests.push(record);
    const repeated = this.held.filter((h) => h.method === record.method && h.path === url.pathname);
    this.held = this.held.filter((h) => !repeated.includes(h));
    repeated.forEach((h) => h.release());
    if (this.crashed) return void req.socket.destroy();
    const delay = this.delays.find(
      (d) => d.times > 0 && (!d.method || d.method === record.method) && (!d.path || d.path.test(url.pathname)),
    );
    if (delay) {
      delay.times -= 1;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay.ms);
        const release = () => (clearTimeout(timer), resolve());
        if (delay.untilRepeated) this.held.push({ method: record.method, path: url.pathname, release });
      });
    }

    const fault = this.faults.find(
      (f) => f.times > 0 && (!f.method || f.method === record.method) && (!f.path || f.path.test(url.pathname)),
    );
    if (fault) fault.times -= 1;
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      if (fault?.afterApplying) [status, body, headers] = [fault.status, fault.body, fault.headers ?? {}];
      record.status = status;
      delay?.landed?.();
      if (res.destroyed || req.socket.destroyed) return void (record.status = status); // the client gave up; the work is done anyway
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'x-github-api-version-selected': '2022-11-28',
        ...headers,
      });
      res.end(body === undefined ? '' : JSON.stringify(body));
      if (status < 400 && record.method !== 'GET' && this.writesUntilCrash !== null) {
        this.writesUntilCrash -= 1;
        if (this.writesUntilCrash <= 0) this.crashed = true;
      }
    };
    if (fault && !fault.afterApplying) return send(fault.status, fault.body, fault.headers);
    const auth = req.headers.authorization ?? '';
    if (auth !== `token ${this.token}` && auth !== `bearer ${this.token}` && auth !== `Bearer ${this.token}`)
      return send(401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
        status: '401',
      } satisfies BasicError);
    const notFound = () =>
      send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' } satisfies BasicError);
    const prefix = `/repos/${this.repository}`;
    if (url.pathname !== prefix && !url.pathname.startsWith(`${prefix}/`)) return notFound();
    const path = url.pathname.slice(prefix.length);
    if (record.method === 'GET') {
      const settings = this.settingsAnswer(path);
      if (settings) return send(settings.status, settings.body);
    }
    let input: Record<string, unknown> = {};
    try {
      input = record.body ? (JSON.parse(record.body) as Record<string, unknown>) : {};
    } catch {
      return send(400, { message: 'Problems parsing JSON' } satisfies BasicError);
    }
    const invalid = (resource: string, field: string, code: string, value?: string) =>
      send(422, {
        message: 'Validation Failed',
        documentation_url: 'https://docs.github.com/rest',
        errors: [{ resource, field, code, ...(value === undefined ? {} : { value }) }],
      } satisfies ValidationError);
    const refusedAssignee = (list: unknown) =>
      Array.isArray(list) && this.assignable ? (list as string[]).find((a) => !this.assignable!.has(a)) : undefined;
    const stamp = () => new Date(Date.UTC(2026, 0, 1, 8, 0, this.requests.length)).toISOString().replace('.000', '');

    const m = record.method;
    let match: RegExpExecArray | null;
    if (m === 'GET' && path === '/issues') {
      const state = url.searchParams.get('state') ?? 'open';
      const wanted = (url.searchParams.get('labels') ?? '')
        .split(',')
        .filter(Boolean)
        .map((l) => l.toLowerCase());
      const found = this.issues
        .filter((i) => state === 'all' || i.state === state)
        .filter((i) => wanted.every((w) => i.labels.some((l) => l.toLowerCase() === w)))
        .sort((a, b) => b.number - a.number); // sort=created, direction=desc
      const page = this.paginate(found, url, (i) => this.issueJson(i));
      const body: Json<'issues/list-for-repo', 200> = page.items;
      return send(200, body, page.headers);
    }
    if (m === 'POST' && path === '/issues') {
      if (typeof input.title !== 'string' || input.title === '') return invalid('Issue', 'title', 'missing_field');
      const refused = refusedAssignee(input.assignees);
      if (refused) return invalid('Issue', 'assignees', 'invalid', refused);
      const issue = this.seedIssue({
        title: input.title,
        body: typeof input.body === 'string' ? input.body : null,
        labels: (input.labels as string[] | undefined) ?? [],
        assignees: (input.assignees as string[] | undefined) ?? [],
        created_at: stamp(),
        updated_at: stamp(),
      });
      const body: Json<'issues/create', 201> = this.issueJson(issue);
      return send(201, body, { location: body.url });
    }
    if ((match = /^\/issues\/(\d+)$/.exec(path)) && m === 'PATCH') {
      const issue = this.issue(Number(match[1]));
      if (!issue) return notFound();
      const refused = refusedAssignee(input.assignees);
      if (refused) return invalid('Issue', 'assignees', 'invalid', refused);
      if (typeof input.title === 'string') issue.title = input.title;
      if (typeof input.body === 'string') issue.body = input.body;
      if (Array.isArray(input.labels)) {
        issue.labels = input.labels as string[];
        issue.labels.forEach((l) => this.ensureLabel(l));
      }
      if (Array.isArray(input.assignees)) issue.assignees = input.assignees as string[];
      if (input.state === 'closed' && issue.state === 'open') {
        issue.state = 'closed';
        issue.closed_at = stamp();
        issue.state_reason = (input.state_reason as StoredIssue['state_reason']) ?? 'completed';
      } else if (input.state === 'open' && issue.state === 'closed') {
        issue.state = 'open';
        issue.closed_at = null;
        issue.state_reason = 'reopened';
      }
      issue.updated_at = stamp();
      const body: Json<'issues/update', 200> = this.issueJson(issue);
      return send(200, body);
    }
    if ((match = /^\/issues\/(\d+)\/comments$/.exec(path))) {
      const issue = this.issue(Number(match[1]));
      if (!issue) return notFound();
      if (m === 'POST') {
        if (typeof input.body !== 'string' || input.body === '') return invalid('IssueComment', 'body', 'missing_field');
        issue.comments.push(input.body);
        issue.updated_at = stamp();
        const body: Json<'issues/create-comment', 201> = this.commentJson(issue, issue.comments.length - 1);
        return send(201, body, { location: body.url });
      }
      if (m === 'GET') {
        const page = this.paginate(
          issue.comments.map((_, k) => k),
          url,
          (k) => this.commentJson(issue, k),
        );
        const body: Json<'issues/list-comments', 200> = page.items;
        return send(200, body, page.headers);
      }
    }
    if (path === '/labels' && m === 'GET') {
      const page = this.paginate(this.labels, url, (l) => this.labelJson(l, this.labels.indexOf(l)));
      const body: Json<'issues/list-labels-for-repo', 200> = page.items;
      return send(200, body, page.headers);
    }
    if (path === '/labels' && m === 'POST') {
      if (typeof input.name !== 'string' || input.name === '') return invalid('Label', 'name', 'missing_field');
      if (this.labels.some((l) => l.name.toLowerCase() === (input.name as string).toLowerCase()))
        return invalid('Label', 'name', 'already_exists');
      if (typeof input.description === 'string' && input.description.length > 100) return invalid('Label', 'description', 'invalid');
      if (input.color !== undefined && !/^[0-9a-fA-F]{6}$/.test(String(input.color))) return invalid('Label', 'color', 'invalid');
      const label: StoredLabel = {
        name: input.name,
        color: (input.color as string | undefined) ?? 'ededed',
        description: (input.description as string | undefined) ?? null,
      };
      this.labels.push(label);
      const body: Json<'issues/create-label', 201> = this.labelJson(label, this.labels.length - 1);
      return send(201, body, { location: body.url });
    }
    return notFound();
  }

  /** The answer to a GET of the repository or one of its settings (the endpoints `npm run github-check` reads). */
  private settingsAnswer(path: string): { status: number; body: unknown } | undefined {
    const st = this.settings;
    const forbidden = {
      status: 403,
      body: { message: 'Resource not accessible by personal access token', status: '403' } satisfies BasicError,
    };
    const missing = { status: 404, body: { message: 'Not Found', status: '404' } satisfies BasicError };
    const [owner = '', name = ''] = this.repository.split('/');
    if (path === '') {
      const body: Pick<Json<'repos/get', 200>, 'full_name' | 'name' | 'private' | 'visibility' | 'has_issues' | 'permissions'> & {
        owner: Pick<User, 'login'>;
      } = {
        full_name: this.repository,
        name,
        owner: { login: owner },
        private: st.private,
        visibility: st.private ? 'private' : 'public',
        has_issues: st.has_issues,
        permissions: { admin: st.admin, maintain: st.admin, push: true, triage: true, pull: true },
      };
      return { status: 200, body };
    }
    if (path === '/actions/permissions') {
      if (!st.admin) return forbidden;
      const body: Json<'actions/get-github-actions-permissions-repository', 200> = {
        enabled: st.actions.enabled,
        allowed_actions: st.actions.allowed_actions,
      };
      return { status: 200, body };
    }
    if (path === '/actions/permissions/selected-actions') {
      if (!st.admin) return forbidden;
      const body: Json<'actions/get-allowed-actions-repository', 200> = {
        github_owned_allowed: st.actions.github_owned_allowed,
        verified_allowed: false,
        patterns_allowed: [],
      };
      return { status: 200, body };
    }
    if (path === '/actions/permissions/workflow') {
      if (!st.admin) return forbidden;
      const body: Json<'actions/get-github-actions-default-workflow-permissions-repository', 200> = st.workflow;
      return { status: 200, body };
    }
    let match: RegExpExecArray | null;
    if ((match = /^\/collaborators\/([^/]+)$/.exec(path)))
      return st.collaborators.has(decodeURIComponent(match[1]!)) ? { status: 204, body: undefined } : missing;
    if (path === '/pages') {
      if (!st.pages) return missing;
      const body: Pick<Json<'repos/get-pages', 200>, 'build_type' | 'url' | 'status' | 'cname' | 'custom_404' | 'public'> = {
        url: `${API}/repos/${this.repository}/pages`,
        status: 'built',
        cname: null,
        custom_404: false,
        public: true,
        build_type: st.pages.build_type,
      };
      return { status: 200, body };
    }
    if ((match = /^\/actions\/secrets\/([A-Z_]+)$/.exec(path))) {
      if (!st.admin) return forbidden;
      if (!st.secrets.has(match[1]!)) return missing;
      const body: Json<'actions/get-repo-secret', 200> = {
        name: match[1]!,
        created_at: '2026-01-01T08:00:00Z',
        updated_at: '2026-01-01T08:00:00Z',
      };
      return { status: 200, body };
    }
    return undefined;
  }

  /** One page of `items` (per_page default 30, at most 100) and GitHub's Link header. */
  private paginate<T, J>(items: T[], url: URL, json: (item: T) => J): { items: J[]; headers: Record<string, string> } {
    const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 30)));
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (p: number, rel: string) => {
      const u = new URL(url);
      u.searchParams.set('page', String(p));
      return `<${u.toString()}>; rel="${rel}"`;
    };
    const links = [
      ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
      ...(page > 1 ? [link(1, 'first'), link(page - 1, 'prev')] : []),
    ];
    return { items: items.slice((page - 1) * perPage, page * perPage).map(json), headers: links.length ? { link: links.join(', ') } : {} };
  }
}

/** Start a fake GitHub for `repository` that accepts `token`. */
export function startFakeGitHub(token = 'test-token', repository = 'organize4all/klachten'): Promise<FakeGitHub> {
  return new FakeGitHub(token, repository).listen();
}
