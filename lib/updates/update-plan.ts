// How a practice's repository takes a new release of the klachtenregeling: file by file, three ways — the release the
// practice has now (base), the new release (theirs) and the practice's own tree (ours). What the practice owns is
// never touched; what only the release changed is taken; what both changed is merged line by line, or left as the
// practice has it and named.

/** One file in a tree: its mode and blob id (as `git ls-tree -r` lists them). */
export interface TreeEntry {
  mode: string;
  oid: string;
}
/** A tree: path → entry. */
export type Tree = ReadonlyMap<string, TreeEntry>;

/**
 * What a practice owns: its configuration, its cases (with their attachments), its regulation. An update never
 * adds, changes or removes anything here, whatever the release holds (the release's own examples stay upstream).
 */
export const PRACTICE_FILES: readonly string[] = ['organization.yml', 'cases/', 'regulation/'];

/** True when `path` belongs to the practice: equal to an entry of the list, or under one ending in '/'. */
export const isPracticeFile = (path: string, own: readonly string[] = PRACTICE_FILES): boolean =>
  own.some((p) => (p.endsWith('/') ? path.startsWith(p) : path === p));

/** One step of an update. */
export type UpdateStep =
  /** Write the release's version of the file (new, or changed only in the release). */
  | { kind: 'take'; path: string; entry: TreeEntry; why: 'new' | 'changed' }
  /** Remove a file the release removed and the practice never changed. */
  | { kind: 'remove'; path: string }
  /** Both changed it: merge base, ours and theirs line by line (the shell tries; a conflict becomes `keep`). */
  | { kind: 'merge'; path: string; base: TreeEntry; ours: TreeEntry; theirs: TreeEntry }
  /** Left as the practice has it, and why: the practice's own file, or a change of its own the release also changed. */
  | { kind: 'keep'; path: string; why: 'practice-file' | 'changed-here' | 'removed-in-release' | 'added-both' };

/** Why a file stays as the practice has it. */
export type KeepReason = Extract<UpdateStep, { kind: 'keep' }>['why'];

/** What the release left alone, or the practice's own files: nothing to do and nothing to say. */
const same = (a: TreeEntry | undefined, b: TreeEntry | undefined) => a?.oid === b?.oid && a?.mode === b?.mode;

/**
 * The steps that bring `ours` from release `base` to release `theirs`, sorted by path. `skip` lists paths (or
 * folders ending in '/') the shell cannot write (the workflow files, for a token without the workflows right):
 * those are kept and named as `changed-here`-like `keep` steps would be, so nothing is silently left behind.
 */
export function planUpdate(
  base: Tree,
  theirs: Tree,
  ours: Tree,
  o: { own?: readonly string[]; skip?: readonly string[] } = {},
): { steps: UpdateStep[]; skipped: string[] } {
  const steps: UpdateStep[] = [];
  const skipped: string[] = [];
  const paths = [...new Set([...base.keys(), ...theirs.keys(), ...ours.keys()])].sort();
  for (const path of paths) {
    const b = base.get(path);
    const t = theirs.get(path);
    const u = ours.get(path);
    if (same(b, t)) continue; // the release did not change it
    if (isPracticeFile(path, o.own)) {
      if (u) steps.push({ kind: 'keep', path, why: 'practice-file' });
      continue;
    }
    if (same(u, t)) continue; // the practice has the release's version already
    if (o.skip && isPracticeFile(path, o.skip)) {
      skipped.push(path);
      continue;
    }
    if (!t) {
      // the release removed it
      if (same(u, b)) steps.push({ kind: 'remove', path });
      else if (u) steps.push({ kind: 'keep', path, why: 'removed-in-release' });
      continue;
    }
    if (same(u, b)) steps.push({ kind: 'take', path, entry: t, why: b ? 'changed' : 'new' });
    else if (!u) {
      // the practice removed a file the release changed: its choice stands
      if (b) steps.push({ kind: 'keep', path, why: 'changed-here' });
      else steps.push({ kind: 'take', path, entry: t, why: 'new' });
    } else if (!b) steps.push({ kind: 'keep', path, why: 'added-both' });
    else steps.push({ kind: 'merge', path, base: b, ours: u, theirs: t });
  }
  return { steps, skipped };
}

/** `vX.Y.Z` → [X, Y, Z], or undefined for other tags. */
export function releaseNumber(tag: string): [number, number, number] | undefined {
  const m = /^v(\d+)\.(\d+)\.(\d+)$/.exec(tag);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

/** The newest release tag after `current` (a version without the v), or undefined when `current` is the newest. */
export function nextRelease(tags: readonly string[], current: string): string | undefined {
  const now = releaseNumber(`v${current}`);
  if (!now) return undefined;
  const later = tags
    .map((t) => ({ t, n: releaseNumber(t) }))
    .filter((x): x is { t: string; n: [number, number, number] } => x.n !== undefined)
    .filter((x) => compare(x.n, now) > 0)
    .sort((a, b) => compare(b.n, a.n));
  return later[0]?.t;
}

const compare = (a: readonly number[], b: readonly number[]): number => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;

/** The pull request's (and the commit's) text, in Dutch: what came in, what stayed as the practice has it. */
export function updateSummary(o: {
  from: string;
  to: string;
  taken: readonly string[];
  removed: readonly string[];
  merged: readonly string[];
  kept: readonly { path: string; why: KeepReason | 'conflict' }[];
  skipped: readonly string[];
}): string {
  const list = (paths: readonly string[]) => paths.map((p) => `- \`${p}\``).join('\n');
  const why: Record<string, string> = {
    'practice-file': 'uw eigen bestand; de nieuwe versie verandert het voorbeeld, niet het uwe',
    'changed-here': 'u veranderde het zelf en de nieuwe versie ook: kijk of u de wijziging van de nieuwe versie wilt overnemen',
    conflict: 'u en de nieuwe versie veranderden dezelfde regels: uw versie blijft staan; neem de nieuwe versie met de hand over',
    'removed-in-release': 'de nieuwe versie heeft het niet meer, maar u veranderde het: het blijft staan',
    'added-both': 'u en de nieuwe versie maakten allebei een bestand met deze naam: het uwe blijft staan',
  };
  const attention = o.kept.filter((k) => k.why !== 'practice-file');
  return [
    `De klachtenregeling van ${o.from} naar ${o.to}.`,
    '',
    `Overgenomen: ${o.taken.length} bestand(en), samengevoegd: ${o.merged.length}, verwijderd: ${o.removed.length}.`,
    ...(o.removed.length ? ['', 'Verwijderd (de nieuwe versie heeft ze niet meer, u had ze niet veranderd):', list(o.removed)] : []),
    ...(o.merged.length ? ['', 'Samengevoegd (uw wijziging en die van de nieuwe versie):', list(o.merged)] : []),
    ...(attention.length ? ['', 'Let op:', ...attention.map((k) => `- \`${k.path}\`: ${why[k.why]}`)] : []),
    ...(o.skipped.length
      ? [
          '',
          'Niet meegenomen (een workflow mag geen workflows veranderen); neem ze over met `npm run update -- --apply` op uw eigen computer:',
          list(o.skipped),
        ]
      : []),
    '',
    'Uw eigen bestanden (organization.yml, de dossiers, het reglement) zijn niet aangeraakt.',
  ].join('\n');
}
