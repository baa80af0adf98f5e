import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { Choice, Resolution } from '../lib/sharing/choices.ts';
import type { Renumbered, RoundOutcome } from '../lib/sharing/round-words.ts';
import { gitProblemMessage, remoteFailureMessage, type GitProblem } from '../lib/sharing/messages.ts';
import type { RemovalReason } from '../lib/history/erasure-log.ts';
import { caseIdOfPath, type FieldConflict, type SharingFacts } from '../lib/sharing/share-status.ts';
import { t } from '../schemas/language.ts';
import { writeFileAtomicSync } from './atomic-write.ts';
import { readTextIfExists } from './case-write.ts';
import { caseFileNames } from './files.ts';
import { Git, type GitRun, type GitState } from './git.ts';
import type { HistoryErasure } from './erasure.ts';
import { clearPendingErasures, notePendingErasures, pendingErasures } from './erasure-note.ts';

export type { HistoryErasure };

/** An erasure carried through the history: what it did, why (the log's reason), and why it is not finished, if not. */
export type ErasureRun = HistoryErasure & { reason: RemovalReason; failure?: string };

/**
 * What became of a commit: no Git here; committed (with the upstream it is shared to in the background, if any;
 * `waiting`: not before the organizer chose on the conflict screen; `sharing: false`: this sharing never shares on
 * its own); or refused by Git, and why.
 */
export type CommitOutcome =
  { kind: 'no-repo' } | { kind: 'committed'; upstream?: string; waiting?: boolean } | { kind: 'failed'; problem: GitProblem };

/**
 * Sharing the cases folder's commits with the remote, off the request path. A save commits locally (awaited,
 * fast) and a sharing round then runs in the background: push; when the remote has commits this clone lacks,
 * fetch, renumber registrations whose number the remote took meanwhile, merge with the case merge driver (by
 * field), push again. A field changed differently on both sides stops the round before anything is shared: the
 * conflicts wait for the organizer's choice ({@link resolve}); meanwhile she can keep saving, and those commits
 * are shared after. Local writes (commit, renumbering, merge) take turns; the network steps run beside them.
 */
export class Sharing {
  readonly git: Git;
  private readonly cases: string;
  private readonly config: string;
  private readonly autoShare: boolean;
  /** Choices made for conflicts, by file (relative to the repository) and field, until the merge that uses them succeeds. */
  private choices: Record<string, Record<string, Choice>> = {};
  private localTurn: Promise<unknown> = Promise.resolve();
  private round: Promise<RoundOutcome> | undefined;
  private last: RoundOutcome | undefined;
  private again = false;
  private fetchFirst = false;
  private failure: string | undefined;
  private conflicts: FieldConflict[] = [];
  private renumbered: Renumbered[] = [];
  private facts: { at: number; value: SharingFacts } | undefined;
  private stateMemo: { at: number; value: GitState } | undefined;
  private factsReading: Promise<SharingFacts> | undefined;
  /** The last erasure carried through the history in this session (for the page that tells what we cannot reach). */
  private erasure: ErasureRun | undefined;
  private erasureReason: RemovalReason = 'request';
  private erasing = 0;
  /** Commits Git refused (a detached HEAD, a lock, no identity), by their paths: made again at the next round. */
  private readonly refused = new Map<string, { paths: string[]; message: string }>();

  /**
   * `config`: the organization.yml a merged case is checked against (by the case merge driver); `autoShare`
   * false: commits are not shared on their own (a command that only commits; Synchroniseren shares them).
   */
  constructor(o: { cases: string; config: string; git?: Git; autoShare?: boolean }) {
    this.cases = o.cases;
    this.config = o.config;
    this.autoShare = o.autoShare ?? true;
    this.git = o.git ?? new Git(o.cases);
  }

  /** Git's state (work tree, branch, upstream), read again at each round and otherwise at most every 2 s: a save needs no extra git processes. */
  private async state(fresh = false): Promise<GitState> {
    if (fresh || !this.stateMemo || Date.now() - this.stateMemo.at > 2000)
      this.stateMemo = { at: Date.now(), value: await this.git.state() };
    return this.stateMemo.value;
  }

  /** Run `work` when no other local Git write runs (commits, a renumbering, a merge). */
  private local<T>(work: () => Promise<T>): Promise<T> {
    const run = this.localTurn.then(work, work);
    this.localTurn = run.catch(() => undefined);
    return run;
  }

  /**
   * Commit these files (absolute paths) with `message` and, when there is an upstream, share in the background
   * (unless this sharing was made with `autoShare: false`). A commit Git refuses is made again at the next round.
   */
  async commit(paths: string[], message: string): Promise<CommitOutcome> {
    const state = await this.state();
    if (!state.repo) return { kind: 'no-repo' };
    const rel = paths.map((p) => relative(this.cases, p));
    const r = await this.local(() => this.git.commit(rel, message));
    this.facts = undefined;
    if (!r.ok) {
      this.refused.set(rel.join('\n'), { paths: rel, message });
      return { kind: 'failed', problem: r.problem };
    }
    if (!state.upstream) return { kind: 'committed' };
    if (this.autoShare) void this.share();
    return { kind: 'committed', upstream: state.upstream, ...(this.conflicts.length ? { waiting: true } : {}) };
  }

  /**
   * The case file names the remote had at the last fetch (no network: a registration numbers after them and the
   * local cases without waiting; a number taken since is renumbered when the push is refused).
   */
  async remoteCaseNames(): Promise<string[]> {
    const state = await this.state();
    return state.repo && state.upstream ? this.git.caseNamesOn(state.upstream) : [];
  }

  /** Start a sharing round in the background (or one more after the running one); `fetchFirst` also brings in others' changes. */
  share(o: { fetchFirst?: boolean } = {}): Promise<RoundOutcome> {
    if (o.fetchFirst) this.fetchFirst = true;
    if (this.round) {
      this.again = true;
      return this.round;
    }
    this.facts = undefined;
    const run = async (): Promise<RoundOutcome> => {
      let outcome: RoundOutcome;
      do {
        this.again = false;
        const fetchFirst = this.fetchFirst;
        this.fetchFirst = false;
        outcome = await this.shareRound(fetchFirst).catch(() => this.failed('er ging iets onverwachts mis; vraag hulp'));
      } while (this.again && !outcome.conflicts.length);
      this.last = outcome;
      this.round = undefined;
      this.facts = undefined;
      return outcome;
    };
    this.round = run();
    return this.round;
  }

  /**
   * Share these commits at once and wait for it: a command that saved (`documents`, `retention --apply`) ends only
   * when the remote has the change, so nothing stays on one machine (a deleted codespace loses nothing). Undefined
   * when nothing was committed for an upstream; else how the round ended (a remote out of reach: not shared, why).
   */
  async shareCommitted(outcomes: readonly CommitOutcome[]): Promise<RoundOutcome | undefined> {
    if (!outcomes.some((c) => c.kind === 'committed' && c.upstream)) return undefined;
    return this.share();
  }

  /** Synchroniseren: bring in the others' changes and share this clone's (the same round, fetching first). */
  sync(): Promise<RoundOutcome> {
    return this.share({ fetchFirst: true });
  }

  /** Resolves when no sharing round runs (for tests and for closing). */
  async idle(): Promise<void> {
    while (this.round) await this.round;
  }

  /** Whether a sharing round runs now. */
  get running(): boolean {
    return this.round !== undefined;
  }

  /** Conflicts waiting for the organizer's choice. */
  get pendingConflicts(): readonly FieldConflict[] {
    return this.conflicts;
  }

  /** Registrations renumbered since the organizer last read it (taken: each is said once). */
  takeRenumbered(): Renumbered[] {
    const r = this.renumbered;
    this.renumbered = [];
    return r;
  }

  /** How the last round ended, if one ran. */
  get lastOutcome(): RoundOutcome | undefined {
    return this.last;
  }

  /**
   * The organizer's choices for the pending conflicts: merged with them and shared (fetching first, so a
   * change on the remote since then is seen). A field still without a choice, or a new conflict, comes back.
   */
  async resolve(choices: readonly Resolution[]): Promise<RoundOutcome> {
    await this.idle();
    const top = await this.git.topLevel();
    if (!top) return this.failed('deze dossiermap wordt met niemand gedeeld');
    for (const c of choices) (this.choices[relative(top, join(this.cases, c.path))] ??= {})[c.field] = c.choice;
    this.conflicts = [];
    return this.share({ fetchFirst: true });
  }

  private failed(failure: string, conflicts: FieldConflict[] = []): RoundOutcome {
    this.failure = conflicts.length ? undefined : failure;
    this.conflicts = conflicts;
    return { shared: false, failure, conflicts, renumbered: [] };
  }

  /** One round: push; when rejected (or asked to fetch first), fetch, renumber, merge, push again (a few times at most). */
  private async shareRound(fetchFirst: boolean): Promise<RoundOutcome> {
    const state = await this.state(true);
    if (!state.repo) return this.failed('deze dossiermap wordt met niemand gedeeld');
    if (!state.branch) return this.failed(gitProblemMessage({ kind: 'detached' }));
    const problem = await this.commitRefused();
    if (problem) return this.failed(gitProblemMessage(problem));
    const erasing = await this.erasePending(state);
    if (erasing) return erasing;
    if (!state.upstream) return this.failed('er is geen gedeelde opslag ingesteld');
    if (this.conflicts.length) return this.failed('er wacht een conflict op uw keuze', this.conflicts);
    const renumbered: Renumbered[] = [];
    for (let attempt = 0, pull = fetchFirst; attempt < 4; attempt++, pull = true) {
      if (pull) {
        const fetched = await this.git.fetch();
        if (!fetched.ok) return this.failed(this.remoteFailure(fetched));
        const merged = await this.local(() => this.bringIn(state.upstream!, renumbered));
        if (merged) return merged;
      }
      if ((await this.git.run(['rev-list', '--count', `${state.upstream}..HEAD`])).out === '0') return this.done(renumbered);
      const pushed = await this.git.push();
      if (pushed.ok) return this.done(renumbered);
      if (!pushed.rejected) return this.failed(this.remoteFailure(pushed));
    }
    return this.failed('de gedeelde opslag veranderde steeds opnieuw tijdens het delen; klik later op Synchroniseren');
  }

  /**
   * Erasure (AVG art. 17, 5(1)(e)): take these case files (absolute paths; their anonymized text is in the work
   * tree and committed) out of the history of every branch, here and on the shared remote, and prune the old
   * objects (io/erasure.ts). Noted first, so a crash or an unreachable remote leaves a note the next sharing round
   * finishes. Resolves when it ran, with what it did (undefined: no Git here).
   */
  async eraseHistory(paths: readonly string[], reason: RemovalReason): Promise<ErasureRun | undefined> {
    this.erasing++;
    try {
      if (!(await this.noteErasures(paths))) return undefined;
      this.erasure = undefined;
      this.erasureReason = reason;
      await this.share({ fetchFirst: true });
      await this.idle();
      return this.erasure;
    } finally {
      this.erasing--;
    }
  }

  /**
   * Note that these case files (absolute paths) are to be taken out of the history, before they are anonymized:
   * a run stopped anywhere after this is finished by the next sharing round. False without Git.
   */
  async noteErasures(paths: readonly string[]): Promise<boolean> {
    const dir = await this.git.gitDir();
    const top = await this.git.topLevel();
    if (!dir || !top) return false;
    notePendingErasures(
      dir,
      paths.map((p) => relative(top, p)),
    );
    return true;
  }

  /** Whether an erasure is being carried through the history now. */
  get erasureRunning(): boolean {
    return this.erasing > 0;
  }

  /** The last erasure carried through the history in this session, if any. */
  get lastErasure(): ErasureRun | undefined {
    return this.erasure;
  }

  /** Carry noted erasures through the history (before anything is pushed); the round's end when it must stop. */
  private async erasePending(state: Extract<GitState, { repo: true }>): Promise<RoundOutcome | undefined> {
    const dir = await this.git.gitDir();
    const top = await this.git.topLevel();
    if (!dir || !top) return undefined;
    // loaded when an erasure runs, not at the werkplek's start: the erasure log brings the YAML parser, the merge zod
    // a file is ready once its anonymized text is written (or it is gone); one noted by a run that is still
    // writing, or that stopped before it wrote, waits (never a rewrite with the text that is to go)
    const noted = pendingErasures(dir);
    const files = noted.filter((f) => {
      const text = readTextIfExists(join(top, f));
      return text === undefined || /^anonymized:/m.test(text);
    });
    if (files.length === 0) return undefined;
    const [{ eraseHere }, { ERASURE_LOG_FOLDER }, { WHOLE_FILE }] = await Promise.all([
      import('./erasure.ts'),
      import('../lib/history/erasure-log.ts'),
      import('../lib/cases/merge.ts'),
    ]);
    // a run stopped between writing and committing: its log entries and case files are committed first, so the
    // rewritten history carries the entries by which the other clones recognise it
    const loose = (await this.git.uncommitted()).filter((f) => f.startsWith(`${ERASURE_LOG_FOLDER}/`));
    if (loose.length) {
      const cases = files.map((f) => relative(this.cases, join(top, f))).filter((f) => existsSync(join(this.cases, f)));
      await this.local(() => this.git.commit([...loose, ...cases], 'persoonsgegevens verwijderd (afgemaakt na een onderbreking)'));
    }
    const upstream = state.upstream;
    const slash = upstream?.indexOf('/') ?? -1;
    const up =
      upstream && slash > 0
        ? { remote: upstream.slice(0, slash), branch: upstream.slice(slash + 1), ref: `refs/remotes/${upstream}` }
        : undefined;
    let waiting: RoundOutcome | undefined;
    const done = await this.local(() =>
      eraseHere(this.git, top, files, {
        upstream: up,
        bringIn: async () => {
          // the erased case stays erased: where another clone changed it too, the anonymized version wins as a whole
          for (const f of files) this.choices[f] = { ...this.choices[f], [WHOLE_FILE]: 'mine' };
          return (waiting = await this.bringIn(upstream!, [])) === undefined;
        },
      }),
    );
    this.facts = undefined;
    if (done.shared || !up) {
      // the note goes only when the old objects are gone too (a prune stopped halfway is done again next round)
      if (done.pruned) {
        const waiting = noted.filter((f) => !files.includes(f));
        clearPendingErasures(dir);
        if (waiting.length) notePendingErasures(dir, waiting);
      }
      this.erasure = { ...done, reason: this.erasureReason };
      return undefined;
    }
    const failure = waiting
      ? 'de persoonsgegevens zijn uit de geschiedenis op deze computer verwijderd; de gedeelde opslag volgt zodra de wijzigingen van anderen zijn samengevoegd'
      : `de persoonsgegevens zijn uit de geschiedenis op deze computer verwijderd, maar nog niet op de gedeelde opslag: ${
          done.remoteFailure ? this.remoteFailure(done.remoteFailure) : 'onbekende reden'
        }; dat gebeurt bij de volgende synchronisatie`;
    this.erasure = { ...done, reason: this.erasureReason, failure };
    return waiting ?? this.failed(failure);
  }

  /** Make the commits Git refused before, now that it may work again; the problem when it still does not. */
  private async commitRefused(): Promise<GitProblem | undefined> {
    for (const [key, c] of this.refused) {
      const r = await this.local(() => this.git.commit(c.paths, c.message));
      if (!r.ok) return r.problem;
      this.refused.delete(key);
    }
    return undefined;
  }

  /** Stop: running git commands are killed (a push to a hung remote), then the round ends. */
  async close(): Promise<void> {
    this.git.stop();
    await this.idle();
  }

  private done(renumbered: Renumbered[]): RoundOutcome {
    this.failure = undefined;
    this.conflicts = [];
    return { shared: true, conflicts: [], renumbered };
  }

  private remoteFailure(r: GitRun): string {
    return remoteFailureMessage({ timedOut: r.timedOut, err: r.err, seconds: Math.round(this.git.limits.timeoutMs / 1000) });
  }

  /**
   * After a fetch: renumber registrations whose number the remote took meanwhile, then merge the upstream with
   * the case merge driver. Returns the round's end when it cannot go on (a conflict), else undefined.
   */
  private async bringIn(upstream: string, renumbered: Renumbered[]): Promise<RoundOutcome | undefined> {
    // another clone erased a case (its erasure log has entries this branch lacks): rewrite this history the same way first
    const top0 = await this.git.topLevel();
    if (top0) await (await import('./erasure.ts')).followErasures(this.git, top0, relative(top0, this.cases), upstream);
    const moved = await this.renumberCollisions(upstream);
    if (moved === undefined) return this.failed('een dossier dat hier is geregistreerd, kon niet worden hernummerd; vraag hulp');
    renumbered.push(...moved);
    this.renumbered.push(...moved);
    const dir = await this.git.gitDir();
    const top = await this.git.topLevel();
    if (!dir || !top) return this.failed('de geschiedenis van de dossiermap is niet te vinden; vraag hulp');
    // the driver's report and the choices hold case values: inside the Git folder (never committed), removed after
    mkdirSync(join(dir, 'werkplek'), { recursive: true, mode: 0o700 });
    const report = join(dir, 'werkplek', 'merge-conflicts.jsonl');
    const resolutions = join(dir, 'werkplek', 'merge-resolutions.json');
    rmSync(report, { force: true });
    // loaded when a round merges, not at the werkplek's start: the merge driver's module brings zod and the YAML parsers
    const { caseMergeGitArgs, MERGE_REPORT_ENV, MERGE_RESOLUTIONS_ENV, readMergeReport, writeMergeResolutions } =
      await import('./case-merge.ts');
    writeMergeResolutions(resolutions, this.choices);
    const merged = await this.git.merge(upstream, {
      config: caseMergeGitArgs(this.config),
      env: { [MERGE_REPORT_ENV]: report, [MERGE_RESOLUTIONS_ENV]: resolutions },
    });
    const lines = existsSync(report) ? readMergeReport(report) : [];
    rmSync(report, { force: true });
    rmSync(resolutions, { force: true });
    if (merged.ok) {
      this.choices = {};
      return undefined;
    }
    const conflicts = lines.flatMap((l) =>
      l.conflicts.map((c) => ({
        path: relative(this.cases, join(top, l.path)),
        id: basename(l.path, '.md'),
        field: c.field,
        mine: c.mine,
        theirs: c.theirs,
        freeText: c.freeText,
        ...(c.message ? { message: c.message } : {}),
      })),
    );
    if (conflicts.length) return this.failed('er wacht een conflict op uw keuze', conflicts);
    return this.failed(
      'de wijzigingen van anderen konden niet automatisch worden samengevoegd met de uwe; er is niets veranderd. Vraag hulp',
    );
  }

  /**
   * Renumber every case added here since the last share whose file name the remote already holds (another
   * case): the next free number over the local and the remote cases, the `id` field and the file name, one
   * commit. Returns what moved, or undefined when a file could not be renumbered (nothing further is done).
   */
  private async renumberCollisions(upstream: string): Promise<Renumbered[] | undefined> {
    const done: Renumbered[] = [];
    // loaded only to renumber: both bring the schema (zod) or the YAML editor, which the first page does without
    const [{ nextCaseId }, { renumberCaseText }] = await Promise.all([
      import('../lib/cases/case-number.ts'),
      import('../lib/cases/edit.ts'),
    ]);
    for (const rel of await this.git.addedSince(upstream)) {
      const m = /^(?:(.*)[\\/])?(K-(\d{4})-\d+)\.md$/.exec(rel);
      if (!m || !(await this.git.hasOn(upstream, rel))) continue;
      const [, folder, old, year] = m;
      const path = join(this.cases, rel);
      const text = readTextIfExists(path);
      if (text === undefined) continue;
      const id = nextCaseId([...caseFileNames(this.cases), ...(await this.git.caseNamesOn(upstream))], Number(year));
      const renamed = join(this.cases, folder ?? '', `${id}.md`);
      const r = renumberCaseText(text, id);
      if (!r.ok || readTextIfExists(renamed) !== undefined) return undefined;
      writeFileAtomicSync(path, r.text);
      renameSync(path, renamed);
      // its attachments (lib/cases/attachments.ts) move with it: K-2026-007/ beside K-2026-007.md becomes K-2026-008/
      const folders = [path, renamed].map((p) => relative(this.cases, p.replace(/\.md$/, '')));
      const withFolder = existsSync(join(this.cases, folders[0]!));
      if (withFolder) renameSync(join(this.cases, folders[0]!), join(this.cases, folders[1]!));
      const committed = await this.git.commit(
        [rel, relative(this.cases, renamed), ...(withFolder ? folders : [])],
        `${id}: hernummerd, was ${old!} (nummer al in gebruik)`,
      );
      if (!committed.ok) return undefined;
      done.push({ from: old!, to: id, path: relative(this.cases, renamed) });
    }
    return done;
  }

  /** What the share status of each dossier is derived from; read again at most every `maxAgeMs`. */
  async sharingFacts(maxAgeMs = 2000): Promise<SharingFacts> {
    const now = () => ({ running: this.running, failure: this.failure, conflicts: this.conflicts });
    if (this.facts && Date.now() - this.facts.at < maxAgeMs) return { ...this.facts.value, ...now() };
    // requests arriving together share one reading
    this.factsReading ??= this.readFacts().finally(() => (this.factsReading = undefined));
    return { ...(await this.factsReading), ...now() };
  }

  private async readFacts(): Promise<SharingFacts> {
    const state = await this.state();
    const base = { running: this.running, failure: this.failure, conflicts: this.conflicts };
    let value: SharingFacts;
    if (!state.repo) value = { ...base, git: 'none', unshared: new Set(), uncommitted: new Set() };
    else {
      const [unshared, uncommitted] = await Promise.all([
        state.upstream ? this.git.changedSince(state.upstream) : [],
        this.git.uncommitted(),
      ]);
      value = {
        ...base,
        git: !state.branch ? 'detached' : state.upstream ? 'ok' : 'no-remote',
        unshared: new Set((unshared ?? []).map(caseIdOfPath)),
        uncommitted: new Set(uncommitted.map(caseIdOfPath)),
      };
    }
    this.facts = { at: Date.now(), value };
    return value;
  }
}

/** A command's one line on how sharing its saves at once ended (`Sharing.shareCommitted`), in the message language. */
export function sharedLine(round: RoundOutcome): string {
  if (round.shared) return t('Gedeeld met de andere begeleiders.', 'Shared (pushed to the remote).');
  const why = round.conflicts.length
    ? t('er wacht een keuze op Synchroniseren in de werkplek', 'a conflict waits on Synchroniseren in the werkplek')
    : (round.failure ?? '');
  return t(
    `Nog niet gedeeld: ${why}. Het wordt gedeeld bij de volgende keer opslaan, of met Synchroniseren in de werkplek.`,
    `Not shared yet: ${why}. It is shared with the next save, or with Synchroniseren in the werkplek.`,
  );
}
