/**
 * The werkplek's guard: which requests it answers at all. A pure check of a request's method, target and
 * headers against a fixed list made once at start-up from the port (and, in GitHub Codespaces, its forwarded
 * address), never against the request's own headers: a page on another site whose name is rebound to
 * 127.0.0.1 (DNS rebinding) sends its own name as `Host` and `Origin`, and is refused.
 * Modelled on Vite's `server.allowedHosts` and Hono's csrf middleware.
 */

/** The environment variables the guard reads (GitHub Codespaces' defaults). */
export interface GuardEnv {
  /** `true` in a codespace. */
  CODESPACES?: string;
  /** The codespace's name, e.g. `octocat-literate-space-parakeet-mld5`. */
  CODESPACE_NAME?: string;
  /** The domain of forwarded ports, e.g. `app.github.dev`. */
  GITHUB_CODESPACES_PORT_FORWARDING_DOMAIN?: string;
}

/** The fixed list a request is compared with. */
export interface AllowedHosts {
  /** `Host` values (lower case, with port where the browser sends one). */
  hosts: ReadonlySet<string>;
  /** `Origin` values of the werkplek's own pages. */
  origins: ReadonlySet<string>;
  /** Running in GitHub Codespaces: its proxy's `X-Forwarded-Host` is checked against `hosts` too. */
  codespaces: boolean;
  /** The address to open the werkplek at, for the refusal message. */
  home: string;
}

/**
 * The werkplek's own hosts for `port`: `127.0.0.1:PORT`, `localhost:PORT`, `[::1]:PORT`, and in GitHub
 * Codespaces (`CODESPACES=true`) the forwarded host `${CODESPACE_NAME}-${PORT}.${GITHUB_CODESPACES_PORT_FORWARDING_DOMAIN}`
 * (https, the browser's port 443).
 * @example allowedHosts(4321, {}).hosts // Set { '127.0.0.1:4321', 'localhost:4321', '[::1]:4321' }
 */
export function allowedHosts(port: number, env: GuardEnv = {}): AllowedHosts {
  const local = ['127.0.0.1', 'localhost', '[::1]'];
  // port 80 is the browser's default: it sends the host without it
  const hosts = local.flatMap((h) => (port === 80 ? [`${h}:80`, h] : [`${h}:${port}`]));
  const origins = local.map((h) => (port === 80 ? `http://${h}` : `http://${h}:${port}`));
  const name = env.CODESPACE_NAME?.trim().toLowerCase();
  const domain = env.GITHUB_CODESPACES_PORT_FORWARDING_DOMAIN?.trim().toLowerCase();
  const codespaces = env.CODESPACES === 'true' && !!name && !!domain && /^[a-z0-9.-]+$/.test(`${name}${domain}`);
  if (codespaces) {
    const forwarded = `${name}-${port}.${domain}`;
    hosts.push(forwarded, `${forwarded}:443`);
    origins.push(`https://${forwarded}`);
  }
  return { hosts: new Set(hosts), origins: new Set(origins), codespaces, home: `http://127.0.0.1:${port}/` };
}

/** What the guard looks at: the method, the request target and the headers (as Node gives them, lower-case names). */
export interface GuardedRequest {
  method?: string;
  url?: string;
  headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** Why a request was refused (for tests and the log; never the refused value itself). */
export type RefusalReason = 'host' | 'forwarded-host' | 'origin' | 'fetch-site' | 'target';

/** The guard's answer: go on, or a 403 with a short Dutch text. */
export type GuardVerdict = { ok: true } | { ok: false; status: 403; reason: RefusalReason; message: string };

/** Methods that never change anything here; every other method is state-changing. */
const SAFE_METHODS = new Set(['GET', 'HEAD']);

const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v.join(',') : v);

/**
 * Check one request against the fixed list:
 * - its `Host` (and in Codespaces a present `X-Forwarded-Host`) must be one of `allowed.hosts`;
 *   outside Codespaces `X-Forwarded-*` is ignored, as nothing forwards to 127.0.0.1;
 * - a present `Origin` (any method) must be one of `allowed.origins`;
 * - a state-changing request (not GET or HEAD) must carry such an `Origin`, and a present `Sec-Fetch-Site`
 *   must be `same-origin`: it comes from a page of the werkplek itself;
 * - the target must be a path (`/…`), not an absolute address naming another host.
 */
export function checkRequest(req: GuardedRequest, allowed: AllowedHosts): GuardVerdict {
  const refuse = (reason: RefusalReason): GuardVerdict => ({ ok: false, status: 403, reason, message: refusalMessage(allowed) });
  if (!req.url?.startsWith('/')) return refuse('target');
  const host = one(req.headers.host)?.toLowerCase();
  if (!host || !allowed.hosts.has(host)) return refuse('host');
  if (allowed.codespaces) {
    const forwarded = one(req.headers['x-forwarded-host'])?.toLowerCase();
    if (forwarded !== undefined && !allowed.hosts.has(forwarded)) return refuse('forwarded-host');
  }
  const origin = one(req.headers.origin)?.toLowerCase();
  if (origin !== undefined && !allowed.origins.has(origin)) return refuse('origin');
  if (SAFE_METHODS.has((req.method ?? 'GET').toUpperCase())) return { ok: true };
  if (origin === undefined) return refuse('origin');
  const site = one(req.headers['sec-fetch-site'])?.toLowerCase();
  if (site !== undefined && site !== 'same-origin') return refuse('fetch-site');
  return { ok: true };
}

/** The short Dutch text of a 403 (plain text: no page of the werkplek, nothing of a case). */
export const refusalMessage = (allowed: AllowedHosts): string =>
  `Geweigerd: dit verzoek kwam niet van de werkplek zelf. Er is niets getoond of veranderd. Open de werkplek via ${allowed.home}`;
