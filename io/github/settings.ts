import { Octokit } from '@octokit/rest';
import type { RepositorySettings, Unreadable } from '../../lib/github/setup-check.ts';

/** The repository itself could not be read: the message says why, in Dutch. */
export class RepositoryUnreadable extends Error {}

const statusOf = (e: unknown): number =>
  typeof e === 'object' && e !== null && typeof (e as { status?: unknown }).status === 'number' ? (e as { status: number }).status : 0;

/** `call`'s answer, or Unreadable with GitHub's status when the token may not read it (or no answer came). */
async function readable<T>(call: () => Promise<T>): Promise<T | Unreadable> {
  try {
    return await call();
  } catch (error) {
    return { unreadable: true, status: statusOf(error) };
  }
}

/** `call`'s answer, `absent` on 404 (GitHub's "there is none"), Unreadable on other refusals. */
async function presentOr<T, A>(call: () => Promise<T>, absent: A): Promise<T | A | Unreadable> {
  try {
    return await call();
  } catch (error) {
    const status = statusOf(error);
    return status === 404 ? absent : { unreadable: true, status };
  }
}

/**
 * Read what the setup check needs about `repository` with the organizer's token: a handful of GET requests,
 * nothing written, the token kept nowhere. Throws RepositoryUnreadable when the repository itself is out of reach.
 */
export async function readRepositorySettings(o: {
  token: string;
  repository: string;
  logins: readonly string[];
  baseUrl?: string;
  timeoutMs?: number;
}): Promise<RepositorySettings> {
  const [owner = '', repo = ''] = o.repository.split('/');
  const octokit = new Octokit({
    auth: o.token,
    baseUrl: (o.baseUrl ?? 'https://api.github.com').replace(/\/+$/, ''),
    userAgent: 'klachtenregeling-github-check',
    request: {
      fetch: (url: string, init?: RequestInit) => fetch(url, { ...init, signal: AbortSignal.timeout(o.timeoutMs ?? 15_000) }),
    },
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
  const r = { owner, repo };
  let main;
  try {
    main = (await octokit.rest.repos.get(r)).data;
  } catch (error) {
    const status = statusOf(error);
    throw new RepositoryUnreadable(
      status === 401
        ? 'GitHub weigert het token: het is verlopen, ingetrokken of verkeerd overgenomen. Maak een nieuw token.'
        : status === 404 || status === 403
          ? `GitHub kent ${o.repository} niet, of het token mag die repository niet zien. Controleer de naam (eigenaar/naam) en geef het token toegang tot deze repository.`
          : `GitHub gaf geen antwoord (${status || 'geen verbinding'}). Probeer het later opnieuw.`,
    );
  }
  const actions = await readable(async () => {
    const { data } = await octokit.rest.actions.getGithubActionsPermissionsRepository(r);
    const allowed = data.allowed_actions ?? 'all';
    const githubOwnedAllowed =
      data.enabled && allowed === 'selected'
        ? (await octokit.rest.actions.getAllowedActionsRepository(r)).data.github_owned_allowed
        : undefined;
    return { enabled: data.enabled, allowed, ...(githubOwnedAllowed === undefined ? {} : { githubOwnedAllowed }) };
  });
  const workflow = await readable(async () => {
    const { data } = await octokit.rest.actions.getGithubActionsDefaultWorkflowPermissionsRepository(r);
    return { defaultPermissions: data.default_workflow_permissions, canCreatePullRequests: data.can_approve_pull_request_reviews };
  });
  const collaborators: RepositorySettings['collaborators'] = {};
  for (const login of o.logins)
    collaborators[login] = await presentOr(
      async () => (await octokit.rest.repos.checkCollaborator({ ...r, username: login }), true),
      false,
    );
  const pages = await presentOr(async () => {
    const { data } = await octokit.rest.repos.getPages(r);
    return { buildType: data.build_type === 'workflow' ? ('workflow' as const) : ('legacy' as const) };
  }, null);
  const secret = (name: string) =>
    presentOr(async () => (await octokit.rest.actions.getRepoSecret({ ...r, secret_name: name }), true), false);
  const siteRepo = await secret('PUBLIC_SITE_REPO');
  const siteKey = await secret('PUBLIC_SITE_DEPLOY_KEY');
  const secrets =
    typeof siteRepo === 'object'
      ? siteRepo
      : typeof siteKey === 'object'
        ? siteKey
        : { PUBLIC_SITE_REPO: siteRepo, PUBLIC_SITE_DEPLOY_KEY: siteKey };
  return {
    repository: main.full_name,
    private: main.private,
    hasIssues: main.has_issues,
    admin: main.permissions?.admin ?? false,
    actions,
    workflow,
    collaborators,
    pages,
    secrets,
  };
}
