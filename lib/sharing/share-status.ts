/** Whether a dossier's changes have reached the shared remote: gedeeld, wordt gedeeld, or niet gedeeld (and why). */
export type ShareState = 'gedeeld' | 'wordt-gedeeld' | 'niet-gedeeld';

/** A dossier's share status; `reason` (Dutch) says why it is not shared. */
export interface ShareStatus {
  state: ShareState;
  reason?: string;
}

/** A field changed differently here and on the remote, waiting for the organizer's choice. */
export interface FieldConflict {
  /** The case file, relative to the cases folder. */
  path: string;
  /** The case id (`K-2026-003`). */
  id: string;
  /** The field's path in the frontmatter (`complainant.name`, `response.summary`). */
  field: string;
  /** The field as this clone has it and as the remote has it (undefined: absent or removed). */
  mine: unknown;
  theirs: unknown;
  /** Free text (a string on both sides): "keep both" is offered. */
  freeText: boolean;
  /** For the dossier as a whole (field `(file)`): why, in Dutch (no personal data). */
  message?: string;
}

/** What the sharing knows at one moment; see {@link shareStatusOf}. */
export interface SharingFacts {
  /** `none`: not a Git work tree; `no-remote`: no upstream; `detached`: HEAD on no branch. */
  git: 'none' | 'no-remote' | 'detached' | 'ok';
  /** Cases (ids) whose files have commits not on the upstream (`git log @{u}..HEAD`); with no upstream, every case is unshared. */
  unshared: ReadonlySet<string>;
  /** Cases (ids) whose files are changed and not committed (a commit that was refused). */
  uncommitted: ReadonlySet<string>;
  /** A sharing round is running or queued. */
  running: boolean;
  /** Why the last round failed (Dutch), when it did. */
  failure?: string;
  /** Conflicts waiting for the organizer's choice: nothing is shared until she chose. */
  conflicts: readonly FieldConflict[];
}

/** The case id a file is named after (`2026/K-2026-003.md` -> `K-2026-003`). */
export const caseIdOfPath = (path: string): string => path.replace(/^.*[\\/]/, '').replace(/\.md$/, '');

/**
 * The share status of one case (its id) from the sharing's facts: a case with nothing unshared is gedeeld;
 * otherwise it is being shared, or not, and the reason names what to do.
 */
export function shareStatusOf(id: string, f: SharingFacts, fieldLabel: (field: string) => string = (x) => x): ShareStatus {
  if (f.git === 'none') return { state: 'niet-gedeeld', reason: 'de dossiermap wordt met niemand gedeeld; alles blijft op deze computer' };
  if (f.uncommitted.has(id))
    return { state: 'niet-gedeeld', reason: 'de laatste wijziging staat nog niet in de geschiedenis; zie de melding bij Synchroniseren' };
  if (f.git === 'no-remote') return { state: 'niet-gedeeld', reason: 'er is geen gedeelde opslag ingesteld' };
  if (!f.unshared.has(id)) return { state: 'gedeeld' };
  if (f.git === 'detached')
    return { state: 'niet-gedeeld', reason: 'de dossiermap staat in een stand waarin niets gedeeld wordt; zie de pagina Synchroniseren' };
  const mine = f.conflicts.filter((c) => c.id === id);
  if (mine.length)
    return {
      state: 'niet-gedeeld',
      reason: `een collega wijzigde ${fieldsSaid(mine.map((c) => fieldLabel(c.field)))} ook; kies welke versie blijft op de pagina Synchroniseren`,
    };
  if (f.conflicts.length)
    return {
      state: 'niet-gedeeld',
      reason: `wordt gedeeld zodra u het conflict in ${[...new Set(f.conflicts.map((c) => c.id))].join(', ')} hebt opgelost (pagina Synchroniseren)`,
    };
  if (f.running) return { state: 'wordt-gedeeld' };
  if (f.failure) return { state: 'niet-gedeeld', reason: f.failure };
  return { state: 'wordt-gedeeld' };
}

/** "veld X", "de velden X en Y". */
export function fieldsSaid(labels: readonly string[]): string {
  const unique = [...new Set(labels)];
  if (unique.length === 1) return `het veld ${unique[0]}`;
  return `de velden ${unique.slice(0, -1).join(', ')} en ${unique.at(-1)}`;
}

/** The share status in the organizer's words, for a list or a dossier's header. */
export function shareStatusText(s: ShareStatus): string {
  if (s.state === 'gedeeld') return 'gedeeld';
  if (s.state === 'wordt-gedeeld') return 'wordt gedeeld';
  return `niet gedeeld: ${s.reason}`;
}
