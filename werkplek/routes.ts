import type { Werkplek } from './context.ts';
import type { Reply, Request } from './reply.ts';
import { showDocument } from './pages/documents.ts';
import { postDossier, showDossier } from './pages/dossier.ts';
import { postNewCase, showNewCase } from './pages/new-case.ts';
import { showOverview } from './pages/overview.ts';
import { postPrivacy, showPrivacy } from './pages/privacy.ts';
import { postRetention, showRetention } from './pages/retention.ts';
import { postSync } from './pages/sync.ts';

/** One route: a method, a path pattern (its groups are the parameters) and the page that answers. */
export interface Route {
  method: 'GET' | 'POST';
  path: RegExp;
  handle: (app: Werkplek, req: Request) => Reply | Promise<Reply>;
}

const CASE = '([^/]+)';

/** Every address of the werkplek. A new page adds its rows here and its module under `pages/`. */
export const ROUTES: readonly Route[] = [
  { method: 'GET', path: /^\/$/, handle: showOverview },
  { method: 'GET', path: /^\/nieuw$/, handle: showNewCase },
  { method: 'POST', path: /^\/nieuw$/, handle: postNewCase },
  { method: 'GET', path: new RegExp(`^/dossier/${CASE}$`), handle: showDossier },
  { method: 'POST', path: new RegExp(`^/dossier/${CASE}$`), handle: postDossier },
  { method: 'GET', path: new RegExp(`^/dossier/${CASE}/document/([a-z0-9-]+?)(\\.pdf)?$`), handle: showDocument },
  { method: 'GET', path: /^\/bewaartermijn$/, handle: showRetention },
  { method: 'POST', path: /^\/bewaartermijn$/, handle: postRetention },
  { method: 'GET', path: /^\/privacy$/, handle: showPrivacy },
  { method: 'POST', path: /^\/privacy$/, handle: postPrivacy },
  { method: 'POST', path: /^\/synchroniseren$/, handle: postSync },
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
