/**
 * The GitHub issues the deadline watch keeps (`npm run deadlines -- --github`), as our own types: the
 * script maps GitHub's payloads to {@link TrackedIssue} at the edge, so lib never sees Octokit types.
 */

/** A GitHub issue as the sync sees it. */
export interface TrackedIssue {
  number: number;
  open: boolean;
  title: string;
  /** The body as stored; empty string when GitHub has none. */
  body: string;
  /** Label names. */
  labels: string[];
  /** GitHub logins. */
  assignees: string[];
}

/**
 * The kinds of flag issue: a case near or past its handling deadline (one issue per case), a late filing
 * (art. 4.1, one issue per case, raised once), the closed cases past their retention period (one issue) and
 * the case files that do not validate (one issue, "Ongeldig dossier": the alerts go on for the valid ones) and
 * the list of decreed days running out (art. 3 lid 3 Atw, one issue, key `decreed-days`).
 */
export type FlagKind = 'deadline' | 'late_filing' | 'retention' | 'invalid' | 'calendar';

/** The state a flag issue shows; `none` once the sync closed it. */
export type FlagState = 'due_soon' | 'due_today' | 'overdue' | 'late' | 'past_retention' | 'invalid' | 'decreed_days' | 'none';

/** A label the sync creates when the repository lacks it. */
export interface LabelSpec {
  name: string;
  /** Six hex digits, no `#`. */
  color: string;
  description: string;
}

const DESCRIPTION_TAIL = '(npm run deadlines -- --github)';

/** Every issue the sync manages has this label; it lists them with one filtered request. */
export const BASE_LABEL: LabelSpec = {
  name: 'klacht-termijn',
  color: 'd93f0b',
  description: `Termijnbewaking van klachten ${DESCRIPTION_TAIL}`,
};

/** The label for each flag state (besides {@link BASE_LABEL}). */
export const ISSUE_STATE_LABELS: Readonly<Record<Exclude<FlagState, 'none'>, LabelSpec>> = {
  due_soon: { name: 'termijn-bijna', color: 'fbca04', description: `Afhandeltermijn verloopt binnenkort (art. 5.4) ${DESCRIPTION_TAIL}` },
  due_today: { name: 'termijn-vandaag', color: 'ff7619', description: `Afhandeltermijn verloopt vandaag (art. 5.4) ${DESCRIPTION_TAIL}` },
  overdue: { name: 'termijn-overschreden', color: 'b60205', description: `Afhandeltermijn overschreden (art. 5.4) ${DESCRIPTION_TAIL}` },
  late: {
    name: 'te-laat-ingediend',
    color: '5319e7',
    description: `Klacht na de indieningstermijn ontvangen (art. 4.1) ${DESCRIPTION_TAIL}`,
  },
  past_retention: {
    name: 'bewaartermijn-verstreken',
    color: '0e8a16',
    description: `Persoonsgegevens over de bewaartermijn (AVG) ${DESCRIPTION_TAIL}`,
  },
  invalid: {
    name: 'ongeldig-dossier',
    color: 'e99695',
    description: `Dossierbestand voldoet niet aan het schema (npm run validate) ${DESCRIPTION_TAIL}`,
  },
  decreed_days: {
    name: 'gelijkgestelde-dagen',
    color: '1d76db',
    description: `Nieuw gelijkstellingsbesluit opzoeken (art. 3 lid 3 Atw) ${DESCRIPTION_TAIL}`,
  },
};

/** All labels the sync sets; other labels on its issues (added by people) are left alone. */
export const MANAGED_LABELS: readonly LabelSpec[] = [BASE_LABEL, ...Object.values(ISSUE_STATE_LABELS)];

const managedNames = new Set(MANAGED_LABELS.map((l) => l.name.toLowerCase()));

/** Whether a label name is one the sync sets (GitHub compares label names case-insensitively). */
export const isManagedLabel = (name: string): boolean => managedNames.has(name.toLowerCase());

/**
 * The hidden marker in a flag issue's body: which flag it is and what the sync last wrote into it.
 * The sync compares the cases with this, never with comments or with who edited the issue last.
 */
export interface FlagMarker {
  kind: FlagKind;
  /** Case id, or `retention` / `invalid` for the one issue of that kind. */
  key: string;
  state: FlagState;
  /** The logins the sync assigned (people may add others; those are kept). */
  assignees: string[];
  /** Retention issue: the case ids it lists; invalid issue: the file names it lists. */
  cases: string[];
}

const MARKER = /<!-- klachtenregeling ([^>]*?) -->/;
const KINDS: readonly FlagKind[] = ['deadline', 'late_filing', 'retention', 'invalid', 'calendar'];
const STATES: readonly FlagState[] = ['due_soon', 'due_today', 'overdue', 'late', 'past_retention', 'invalid', 'decreed_days', 'none'];
const TOKEN = /^[A-Za-z0-9_.-]+$/;

/** Whether a word can go in a marker (case ids, logins, file names such as `K-2026-001.md`). */
export const isMarkerToken = (s: string): boolean => TOKEN.test(s);

/** The identity of a flag: its kind and key (`deadline:K-2026-003`). One issue per identity. */
export const flagId = (kind: FlagKind, key: string): string => `${kind}:${key}`;

/** The marker as an HTML comment (invisible on GitHub), the first line of the body. */
export function renderMarker(m: FlagMarker): string {
  const list = (xs: string[]) => (xs.length ? xs.join(',') : '-');
  for (const token of [m.key, ...m.assignees, ...m.cases])
    if (!TOKEN.test(token)) throw new RangeError(`renderMarker: "${token}" cannot go in a marker`);
  return `<!-- klachtenregeling kind=${m.kind} key=${m.key} state=${m.state} assignees=${list(m.assignees)} cases=${list(m.cases)} -->`;
}

/** The marker in an issue body, or null when there is none (not one of ours, or edited beyond recognition). */
export function parseMarker(body: string): FlagMarker | null {
  const m = MARKER.exec(body);
  if (!m) return null;
  const fields = new Map((m[1] ?? '').split(/\s+/).map((pair) => pair.split('=', 2) as [string, string]));
  const kind = fields.get('kind') as FlagKind | undefined;
  const state = fields.get('state') as FlagState | undefined;
  const key = fields.get('key');
  if (!kind || !KINDS.includes(kind) || !state || !STATES.includes(state) || !key || !TOKEN.test(key)) return null;
  const list = (name: string) => (fields.get(name) ?? '-').split(',').filter((x) => x !== '-' && x !== '');
  return { kind, key, state, assignees: list('assignees'), cases: list('cases') };
}
