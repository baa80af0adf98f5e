import type { ErasureRun } from '../../io/sharing.ts';
import { githubSupportRequest } from '../../lib/history/github-support.ts';
import { vocabulary } from '../../lib/vocabulary/index.ts';
import type { IsoDate } from '../../lib/dates/iso-date.ts';
import { html, type Html } from '../html.ts';

const nl = vocabulary('nl');

/** GitHub's guidance "Removing sensitive data from a repository" and its support form. */
const GUIDANCE = 'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/removing-sensitive-data-from-a-repository';
const SUPPORT = 'https://support.github.com/contact';

/**
 * After an erasure: what happened to the history (here, on the shared remote), and what we cannot reach, with
 * the steps of GitHub's guidance and a ready request for GitHub Support (repository and old commit ids; no
 * personal data). While the rewrite runs in the background: that it runs.
 */
export function historyErasureSection(o: { run: ErasureRun | undefined; running: boolean; today: IsoDate }): Html | '' {
  const r = o.run;
  if (!r) return o.running ? html`<p role="status" class="bezig">Bezig: de oude versies worden uit de geschiedenis verwijderd…</p>` : '';
  const done = html`<p>
    ${r.versions ? `${nl.erasure.versions(r.versions)}: ` : ''}verwijderd uit elke vastlegging, op deze computer opgeruimd${
      r.shared ? ', en de gedeelde opslag heeft de herschreven geschiedenis' : ''
    }. De andere computers ruimen hun kopie op bij hun volgende synchronisatie.
  </p>`;
  const request = githubSupportRequest({
    repository: r.repository,
    date: o.today,
    reasons: [r.reason],
    first: r.first,
    pushed: r.pushed,
  });
  if (r.failure)
    return html`<section class="geschiedenis" aria-labelledby="geschiedenis-kop">
      <h2 id="geschiedenis-kop">Nog niet overal uit de geschiedenis verwijderd</h2>
      <p role="alert" class="fout">${r.failure}.</p>
    </section>`;
  return html`<section class="geschiedenis" aria-labelledby="geschiedenis-kop">
    <h2 id="geschiedenis-kop">Ook uit de geschiedenis verwijderd</h2>
    ${done}
    <h3>Wat wij niet kunnen bereiken</h3>
    <p>
      GitHub bewaart de oude vastleggingen nog een tijd: als losse kopieën die GitHub pas zelf opruimt, in weergaven die het heeft
      bewaard, en in pull requests die ernaar verwijzen. Zo gaat u te werk, volgens GitHubs handleiding
      <a href="${GUIDANCE}">Removing sensitive data from a repository</a>:
    </p>
    <ol>
      <li>
        Stuur het verzoek hieronder aan GitHub Support (<a href="${SUPPORT}">${SUPPORT}</a>, kies de repository). Alleen GitHub kan de bewaarde
        weergaven en de verwijzingen in pull requests verwijderen; GitHub beslist daar zelf over.
      </li>
      <li>
        Zijn er pull requests die de oude vastleggingen bevatten? Sluit ze; GitHub Support noemt de pull requests die blijven verwijzen.
      </li>
      <li>
        Werkt iemand buiten de werkplek met een eigen kopie (een ontwikkelaar met een kloon)? Vraag die kopie weg te gooien en opnieuw
        te klonen. Nooit eerst <code>git pull</code> en dan <code>git push</code> in een oude kopie: dan komen de oude versies terug.
      </li>
      <li>
        Weigert GitHub de herschreven geschiedenis omdat de branch beveiligd is tegen force-push? Zet die beveiliging tijdelijk uit en
        klik op Synchroniseren.
      </li>
      <li>Kopieën buiten Git (een back-up, een gedownloade PDF): zie de handleiding, "Wat geen programma bereikt".</li>
    </ol>
    <label for="github-verzoek">Verzoek aan GitHub Support (in het Engels; zonder persoonsgegevens)</label>
    <textarea id="github-verzoek" readonly rows="14">${request}</textarea>
  </section>`;
}
