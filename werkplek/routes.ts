import type { Werkplek } from './context.ts';
import type { Reply, Request } from './reply.ts';
import { postSearch, prepareSearch, showOverview } from './pages/overview.ts';
import { HEALTH_PATH, werkplekIdentity } from './single-instance.ts';

/** One route: a method, a path pattern (its groups are the parameters) and the page that answers. */
export interface Route {
  method: 'GET' | 'POST';
  path: RegExp;
  handle: (app: Werkplek, req: Request) => Reply | Promise<Reply>;
}

const CASE = '([^/]+)';

/**
 * A page whose module loads at its first request, with the organization's rules (`Werkplek.loadRules`: zod, the
 * YAML parsers, the letters' code) and its actions: the Overzicht, the first page, needs none of them, so the
 * werkplek starts without them.
 */
function later<M>(load: () => Promise<M>, handler: (m: M) => Route['handle']): Route['handle'] {
  return async (app, req) => {
    const [m] = await Promise.all([load(), app.loadRules()]);
    return handler(m)(app, req);
  };
}
const newCase = () => import('./pages/new-case.ts');
const dossier = () => import('./pages/dossier.ts');
const documents = () => import('./pages/documents.ts');
const retention = () => import('./pages/retention.ts');
const privacy = () => import('./pages/privacy.ts');
const sync = () => import('./pages/sync.ts');
const whoAmI = () => import('./pages/who-am-i.ts');
const regulation = () => import('./pages/regulation.ts');
const settings = () => import('./pages/settings.ts');
const gitHubCheck = () => import('./pages/github-check.ts');

/** Every address of the werkplek. A new page adds its rows here (with `later`) and its module under `pages/`. */
export const ROUTES: readonly Route[] = [
  { method: 'GET', path: /^\/$/, handle: showOverview },
  { method: 'POST', path: /^\/zoeken$/, handle: postSearch },
  { method: 'POST', path: /^\/zoeken\/voorbereiden$/, handle: prepareSearch },
  { method: 'GET', path: /^\/nieuw$/, handle: later(newCase, (m) => m.showNewCase) },
  { method: 'POST', path: /^\/nieuw$/, handle: later(newCase, (m) => m.postNewCase) },
  { method: 'GET', path: new RegExp(`^/dossier/${CASE}$`), handle: later(dossier, (m) => m.showDossier) },
  { method: 'POST', path: new RegExp(`^/dossier/${CASE}$`), handle: later(dossier, (m) => m.postDossier) },
  { method: 'GET', path: new RegExp(`^/dossier/${CASE}/geschiedenis$`), handle: later(dossier, (m) => m.showHistory) },
  {
    method: 'GET',
    path: new RegExp(`^/dossier/${CASE}/document/([a-z0-9-]+?)(\\.pdf)?$`),
    handle: later(documents, (m) => m.showDocument),
  },
  { method: 'GET', path: /^\/bewaartermijn$/, handle: later(retention, (m) => m.showRetention) },
  { method: 'POST', path: /^\/bewaartermijn$/, handle: later(retention, (m) => m.postRetention) },
  { method: 'GET', path: /^\/privacy$/, handle: later(privacy, (m) => m.showPrivacy) },
  { method: 'POST', path: /^\/privacy$/, handle: later(privacy, (m) => m.postPrivacy) },
  { method: 'GET', path: /^\/synchroniseren$/, handle: later(sync, (m) => m.showSync) },
  { method: 'POST', path: /^\/synchroniseren$/, handle: later(sync, (m) => m.postSync) },
  { method: 'GET', path: /^\/wie-ben-ik$/, handle: later(whoAmI, (m) => m.showWhoAmI) },
  { method: 'POST', path: /^\/wie-ben-ik$/, handle: later(whoAmI, (m) => m.postWhoAmI) },
  // the practice's regulation (issue 21): under the settings
  { method: 'GET', path: /^\/instellingen\/reglement$/, handle: later(regulation, (m) => m.showRegulation) },
  { method: 'POST', path: /^\/instellingen\/reglement$/, handle: later(regulation, (m) => m.postRegulation) },
  { method: 'GET', path: /^\/instellingen$/, handle: later(settings, (m) => m.showSettings) },
  { method: 'POST', path: /^\/instellingen$/, handle: later(settings, (m) => m.postSettings) },
  { method: 'POST', path: /^\/instellingen\/voorbeeldbrief$/, handle: later(settings, (m) => m.postLetterPreview) },
  { method: 'GET', path: /^\/instellingen\/github$/, handle: later(gitHubCheck, (m) => m.showGitHubCheck) },
  { method: 'POST', path: /^\/instellingen\/github$/, handle: later(gitHubCheck, (m) => m.postGitHubCheck) },
  // who runs here: a second `npm run werkplek` on this port opens this one instead of failing (scripts/werkplek.ts)
  {
    method: 'GET',
    path: new RegExp(`^${HEALTH_PATH}$`),
    handle: (app) => ({ kind: 'file', body: JSON.stringify(werkplekIdentity(app.o.cases)), type: 'application/json; charset=utf-8' }),
  },
];

/** The route for a method and path, with its parameters; `allowed` lists the methods the path has otherwise. */
export function findRoute(method: string, path: string): { route?: Route; params: string[]; allowed: string[] } {
  const allowed: string[] = [];
  for (const route of ROUTES) {
    const m = route.path.exec(path);
    if (!m) continue;
    if (route.method === method || (method === 'HEAD' && route.method === 'GET')) return { route, params: m.slice(1), allowed };
    allowed.push(route.method);
  }
  return { params: [], allowed };
}
