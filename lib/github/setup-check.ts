// What a practice's GitHub repository needs, checked from its settings (read by io/github/settings.ts) and told
// in Dutch: the organizer reads this, in the werkplek (Instellingen › GitHub) and from `npm run github-check`.

/** A setting that could not be read: the token lacks the right, or GitHub did not answer. */
export interface Unreadable {
  unreadable: true;
  /** The HTTP status GitHub gave (0: no answer). */
  status: number;
}

/** What the check reads from GitHub about one repository. */
export interface RepositorySettings {
  /** `owner/name`. */
  repository: string;
  private: boolean;
  hasIssues: boolean;
  /** Whether the token may change settings (admin): without it some settings cannot be read. */
  admin: boolean;
  /** Settings › Actions › General › Actions permissions. */
  actions: { enabled: boolean; allowed: 'all' | 'local_only' | 'selected'; githubOwnedAllowed?: boolean } | Unreadable;
  /** Settings › Actions › General › Workflow permissions. */
  workflow: { defaultPermissions: 'read' | 'write'; canCreatePullRequests: boolean } | Unreadable;
  /** Per organizer's GitHub login: a collaborator or not. */
  collaborators: Record<string, boolean | Unreadable>;
  /** GitHub Pages of this repository: off (null), or built by a workflow or from a branch. */
  pages: { buildType: 'workflow' | 'legacy' } | null | Unreadable;
  /** The Actions secrets the public site's deployment to a second repository needs: present or not. */
  secrets: { PUBLIC_SITE_REPO: boolean; PUBLIC_SITE_DEPLOY_KEY: boolean } | Unreadable;
}

/** One line of the check's answer. */
export interface SetupFinding {
  /** What is checked, in a few words ("Privé"). */
  topic: string;
  state: 'in-orde' | 'ontbreekt' | 'onbekend';
  /** What was found, one sentence. */
  found: string;
  /** Where to click to put it right (empty when it is right). */
  fix: string;
}

const isUnreadable = (v: unknown): v is Unreadable => typeof v === 'object' && v !== null && 'unreadable' in v;

const SETTINGS = 'Settings (Instellingen)';
/** Why a setting could not be read, and what to give the token. */
const unknown = (topic: string, what: string, v: Unreadable, permission: string): SetupFinding => ({
  topic,
  state: 'onbekend',
  found:
    v.status === 0
      ? `GitHub gaf geen antwoord op de vraag naar ${what}.`
      : `Het token mag ${what} niet lezen (GitHub antwoordde ${v.status}).`,
  fix: `Geef het token leesrecht op "${permission}", of laat iemand met beheerrechten op de repository deze controle doen.`,
});

/**
 * The findings for a repository, in the order the handbook walks through them. `organizers` are the GitHub logins
 * from organization.yml; `siteUrl` its public address of the site.
 */
export function setupFindings(s: RepositorySettings, organizers: readonly { name: string; github: string }[]): SetupFinding[] {
  const findings: SetupFinding[] = [];
  // art. 4.4: confidential "onder alle omstandigheden": the case files are never public
  findings.push(
    s.private
      ? { topic: 'Privé', state: 'in-orde', found: `${s.repository} is privé: alleen wie u toegang geeft ziet de dossiers.`, fix: '' }
      : {
          topic: 'Privé',
          state: 'ontbreekt',
          found: `${s.repository} is openbaar: iedereen kan de dossiers lezen.`,
          fix: `Maak de repository direct privé: ${SETTINGS} › General › Danger Zone › Change repository visibility › Make private.`,
        },
  );
  findings.push(
    isUnreadable(s.actions)
      ? unknown('GitHub Actions', 'de instellingen van Actions', s.actions, 'Administration')
      : !s.actions.enabled
        ? {
            topic: 'GitHub Actions',
            state: 'ontbreekt',
            found: 'Actions staat uit: de termijnbewaking, de controle en de publieke site draaien niet.',
            fix: `${SETTINGS} › Actions › General › Actions permissions: kies "Allow all actions and reusable workflows".`,
          }
        : s.actions.allowed === 'local_only' || (s.actions.allowed === 'selected' && s.actions.githubOwnedAllowed === false)
          ? {
              topic: 'GitHub Actions',
              state: 'ontbreekt',
              found: 'Actions staat aan, maar de acties van GitHub zelf (actions/checkout, actions/setup-node …) zijn niet toegestaan.',
              fix: `${SETTINGS} › Actions › General › Actions permissions: kies "Allow all actions and reusable workflows", of vink "Allow actions created by GitHub" aan.`,
            }
          : { topic: 'GitHub Actions', state: 'in-orde', found: 'Actions staat aan en mag de acties van GitHub gebruiken.', fix: '' },
  );
  // The workflows ask for their own rights (issues: write for the deadline watch); the repository setting decides
  // only whether a workflow may open a pull request (the update workflow does).
  findings.push(
    isUnreadable(s.workflow)
      ? unknown('Rechten van workflows', 'de rechten van workflows', s.workflow, 'Administration')
      : s.workflow.canCreatePullRequests
        ? { topic: 'Rechten van workflows', state: 'in-orde', found: 'Workflows mogen een pull request openen (voor updates).', fix: '' }
        : {
            topic: 'Rechten van workflows',
            state: 'ontbreekt',
            found: 'Workflows mogen geen pull request openen: updates van de klachtenregeling komen dan niet vanzelf binnen.',
            fix: `${SETTINGS} › Actions › General › Workflow permissions: vink "Allow GitHub Actions to create and approve pull requests" aan en klik Save.`,
          },
  );
  findings.push(
    s.hasIssues
      ? { topic: 'Issues', state: 'in-orde', found: 'Issues staan aan: de termijnbewaking kan meldingen maken.', fix: '' }
      : {
          topic: 'Issues',
          state: 'ontbreekt',
          found: 'Issues staan uit: de termijnbewaking kan u niet waarschuwen voor termijnen die bijna verlopen.',
          fix: `${SETTINGS} › General › Features: vink "Issues" aan.`,
        },
  );
  for (const o of organizers) {
    const c = s.collaborators[o.github] ?? { unreadable: true, status: 0 };
    const topic = `Toegang voor ${o.name}`;
    findings.push(
      isUnreadable(c)
        ? unknown(topic, `of ${o.github} toegang heeft`, c, 'Metadata')
        : c
          ? { topic, state: 'in-orde', found: `${o.name} (${o.github}) heeft toegang tot de repository.`, fix: '' }
          : {
              topic,
              state: 'ontbreekt',
              found: `${o.name} (${o.github}) heeft geen toegang: ${o.name} kan geen dossiers delen en krijgt geen meldingen.`,
              fix: `${SETTINGS} › Collaborators › Add people: nodig ${o.github} uit (rol Write); ${o.name} moet de uitnodiging accepteren. Klopt de GitHub-naam niet, pas die dan aan onder Inrichten.`,
            },
    );
  }
  findings.push(siteFinding(s));
  return findings;
}

/** Where the public site goes: this repository's Pages (paid plan for a private repository) or a second, public one. */
function siteFinding(s: RepositorySettings): SetupFinding {
  const topic = 'Publieke site';
  const secondRepo = !isUnreadable(s.secrets) && s.secrets.PUBLIC_SITE_REPO;
  if (!isUnreadable(s.secrets) && s.secrets.PUBLIC_SITE_REPO !== s.secrets.PUBLIC_SITE_DEPLOY_KEY)
    return {
      topic,
      state: 'ontbreekt',
      found: `Van de twee geheimen voor de site in een aparte repository is alleen ${s.secrets.PUBLIC_SITE_REPO ? 'PUBLIC_SITE_REPO' : 'PUBLIC_SITE_DEPLOY_KEY'} ingesteld.`,
      fix: `${SETTINGS} › Secrets and variables › Actions: zet ook ${s.secrets.PUBLIC_SITE_REPO ? 'PUBLIC_SITE_DEPLOY_KEY' : 'PUBLIC_SITE_REPO'} (zie de handleiding, "De publieke site").`,
    };
  if (secondRepo)
    return { topic, state: 'in-orde', found: 'De site wordt gepubliceerd in een aparte, publieke repository (PUBLIC_SITE_REPO).', fix: '' };
  if (isUnreadable(s.pages) && isUnreadable(s.secrets))
    return unknown(topic, 'de instellingen van Pages en de geheimen', s.pages, 'Pages en Secrets');
  if (!isUnreadable(s.pages) && s.pages?.buildType === 'workflow')
    return { topic, state: 'in-orde', found: 'De site wordt gepubliceerd met GitHub Pages van deze repository.', fix: '' };
  return {
    topic,
    state: 'ontbreekt',
    found:
      !isUnreadable(s.pages) && s.pages?.buildType === 'legacy'
        ? 'GitHub Pages publiceert uit een branch, niet met de workflow van de klachtenregeling.'
        : 'De site heeft nog geen plek: GitHub Pages staat uit en er is geen aparte publieke repository ingesteld.',
    fix: s.private
      ? 'Met GitHub Free: publiceer via een aparte publieke repository (zie de handleiding, "De publieke site"). Met een betaald abonnement: Settings › Pages › Source: GitHub Actions.'
      : `${SETTINGS} › Pages › Build and deployment › Source: kies "GitHub Actions".`,
  };
}

/** `owner/name` from a remote's address (https, ssh or scp-like), or undefined when it is not on GitHub. */
export function repositoryFromRemote(url: string, host = 'github.com'): string | undefined {
  const h = host.replace(/[.]/g, '\\.');
  const m = new RegExp(`^(?:https?://(?:[^@/]+@)?${h}/|ssh://git@${h}(?::\\d+)?/|git@${h}:)([\\w.-]+)/([\\w.-]+?)(?:\\.git)?/?$`).exec(
    url.trim(),
  );
  return m ? `${m[1]}/${m[2]}` : undefined;
}

/** `owner/name`, checked: the form GitHub's addresses use. */
export const isRepositoryName = (s: string): boolean => /^[\w.-]+\/[\w.-]+$/.test(s);

/** True when nothing is missing (unknown counts as not known to be right). */
export const allInOrder = (findings: readonly SetupFinding[]): boolean => findings.every((f) => f.state === 'in-orde');
