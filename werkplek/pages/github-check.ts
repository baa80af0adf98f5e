import { allInOrder, isRepositoryName, setupFindings, type SetupFinding } from '../../lib/github/setup-check.ts';
import { RepositoryUnreadable, readRepositorySettings } from '../../io/github/settings.ts';
import type { Werkplek } from '../context.ts';
import { field, formProblems, type FormState } from '../form-controls.ts';
import { html, type Html } from '../html.ts';
import { notice, page } from '../layout.ts';
import { pageReply, type Reply, type Request } from '../reply.ts';

const PATH = '/instellingen/github';
const MARK: Record<SetupFinding['state'], string> = { 'in-orde': 'In orde', ontbreekt: 'Ontbreekt', onbekend: 'Onbekend' };

/** GET /instellingen/github: the form (repository, token). */
export function showGitHubCheck(app: Werkplek): Reply {
  return pageReply(checkPage({ values: { repository: app.o.github?.repository ?? '' }, errors: {} }));
}

/**
 * POST /instellingen/github: read the repository's settings with the token she gives (used for these reads only,
 * kept nowhere, never shown again) and say what is missing.
 */
export async function postGitHubCheck(app: Werkplek, { values }: Request): Promise<Reply> {
  const repository = typeof values.repository === 'string' ? values.repository.trim() : '';
  const token = typeof values.token === 'string' ? values.token.trim() : '';
  const errors: Record<string, string[]> = {};
  if (!isRepositoryName(repository)) errors.repository = ['Schrijf de naam als eigenaar/naam, bijvoorbeeld opruimcoach/klachten.'];
  if (token === '') errors.token = ['Plak hier het token dat u op GitHub hebt gemaakt (het begint meestal met github_pat_).'];
  const state: FormState = { values: { repository }, errors };
  if (Object.keys(errors).length > 0) return pageReply(checkPage(state), 422);
  const { org } = app.context();
  try {
    const settings = await readRepositorySettings({
      token,
      repository,
      logins: org.organizers.map((o) => o.github),
      baseUrl: app.o.github?.apiUrl,
    });
    return pageReply(checkPage(state, setupFindings(settings, org.organizers)));
  } catch (error) {
    if (!(error instanceof RepositoryUnreadable)) throw error;
    return pageReply(checkPage({ values: { repository }, errors: { token: [error.message] } }), 422);
  }
}

function findingsTable(findings: readonly SetupFinding[]): Html {
  return html`<h2>${allInOrder(findings) ? 'Alles staat goed' : 'Wat nog moet gebeuren'}</h2>
<table class="controle">
<thead><tr><th scope="col">Onderdeel</th><th scope="col">Stand</th><th scope="col">Wat we zagen en wat u doet</th></tr></thead>
<tbody>${findings.map(
    (f) =>
      html`<tr class="${f.state}"><th scope="row">${f.topic}</th><td>${MARK[f.state]}</td><td>${f.found}${f.fix && html`<br />${f.fix}`}</td></tr>`,
  )}</tbody>
</table>`;
}

function checkPage(s: FormState, findings?: readonly SetupFinding[]): Html {
  return page({
    title: 'GitHub controleren',
    article: '',
    current: PATH,
    notice:
      findings && !allInOrder(findings) ? notice('Er staat nog niet alles goed op GitHub: zie de lijst hieronder.', 'fout') : undefined,
    body: html`${formProblems(s, ['repository', 'token'])}
<p>De werkplek leest de instellingen van uw repository op GitHub en zegt wat er nog ontbreekt. Er wordt niets veranderd.</p>
${findings && findingsTable(findings)}
<form method="post" action="${PATH}">
${field(s, 'repository', 'Repository (eigenaar/naam)', { required: true, hint: 'Zoals in het adres op GitHub: github.com/eigenaar/naam.' })}
${field({ values: {}, errors: s.errors }, 'token', 'Token', {
  type: 'password',
  required: true,
  autocomplete: 'off',
  hint: 'Een fine-grained token met leesrecht op Administration, Metadata, Pages en Secrets. Het wordt alleen voor deze controle gebruikt en nergens bewaard.',
})}
<button type="submit">Controleren</button>
</form>
<p>Hoe u een token maakt en wat elk punt betekent, staat in de handleiding onder "GitHub controleren".</p>`,
  });
}
