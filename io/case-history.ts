import { spawn } from 'node:child_process';
import { basename } from 'node:path';
import { todayIn } from '../lib/dates/iso-date.ts';
import type { HistoryCommit } from '../lib/cases/history.ts';
import type { Git } from './git.ts';

/** A commit of a case file as the index keeps it: the words are read later, for the cases that are looked at. */
interface Indexed {
  hash: string;
  parent?: string;
  /** The file's path from the repository's top. */
  path: string;
  authorName: string;
  authorEmail: string;
  /** Author date with its offset, as Git keeps it. */
  when: string;
  subject: string;
}

/** What is known of one case's history now. */
export interface KnownHistory {
  /** The commits of its file with their texts, newest first; undefined before the first look into Git. */
  commits?: HistoryCommit[];
  /** A look into Git for it runs (or is about to): newer commits may follow. */
  loading: boolean;
  /** The cases folder is not in a Git repository (or Git is missing): there is no history to show. */
  none?: boolean;
}

const CASE_FILE = /^K-\d{4}-\d{3,}\.md$/;
const RS = '\x1e';
const US = '\x1f';

/**
 * The history of every case file, from Git, kept in memory and brought up to date in the background: Git never
 * runs for a page. A page asks {@link known} (no git) and gets what is known; that call starts a look into Git
 * when the last one is older than a second: `git rev-parse HEAD`, and when HEAD moved `git log` of the commits
 * since (all of them the first time, or after a rebase), then the file's texts before and after each commit of
 * the case asked for (`git cat-file --batch`). A commit's texts never change, so they are read once.
 * The texts hold personal data: they stay in this process's memory, like the page that shows them.
 */
export class CaseHistory {
  private readonly git: Git;
  private readonly timeZone: () => string;
  private head: string | undefined;
  private byId = new Map<string, Indexed[]>();
  private texts = new Map<string, string | undefined>();
  private running: Promise<void> | undefined;
  private checkedAt = -Infinity;
  private none = false;
  private readonly wanted = new Set<string>();

  constructor(git: Git, timeZone: () => string) {
    this.git = git;
    this.timeZone = timeZone;
  }

  /** What is known of case `id` now, without running Git; brings it up to date in the background. */
  known(id: string): KnownHistory {
    this.wanted.add(id);
    const list = this.head === undefined ? undefined : (this.byId.get(id) ?? []);
    const complete = list?.every((c) => this.texts.has(`${c.hash}:${c.path}`));
    if (!this.running && (performance.now() - this.checkedAt > 1000 || complete === false))
      this.running = this.update().finally(() => (this.running = undefined));
    if (this.none) return { loading: false, none: true };
    const commits = complete ? list!.map((c) => this.commitOf(c)) : undefined;
    return { commits, loading: this.running !== undefined || complete === false };
  }

  /** The history of case `id` once the running look into Git is done (at most `ms` later: then what is known). */
  async settled(id: string, ms: number): Promise<KnownHistory> {
    const first = this.known(id);
    if (!first.loading) return first;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.running, new Promise((r) => (timer = setTimeout(r, ms)))]);
    clearTimeout(timer);
    const after = this.known(id);
    return { ...after, loading: this.running !== undefined };
  }

  /** Something was committed here (a save, a merge): the next page looks into Git at once. */
  changed(): void {
    this.checkedAt = -Infinity;
  }

  private commitOf(c: Indexed): HistoryCommit {
    return {
      date: todayIn(new Date(c.when), this.timeZone()),
      authorName: c.authorName,
      authorEmail: c.authorEmail,
      subject: c.subject,
      before: c.parent ? this.texts.get(`${c.parent}:${c.path}`) : undefined,
      after: this.texts.get(`${c.hash}:${c.path}`),
    };
  }

  private async update(): Promise<void> {
    this.checkedAt = performance.now();
    const head = await this.git.run(['rev-parse', '--verify', '--quiet', 'HEAD']);
    if (!head.ok) {
      // no repository, no Git, or no commit yet
      const inside = await this.git.run(['rev-parse', '--is-inside-work-tree']);
      this.none = !inside.ok;
      if (inside.ok) [this.head, this.byId] = ['', new Map()];
      return;
    }
    this.none = false;
    const now = head.out.trim();
    if (now !== this.head) {
      const since = this.head && (await this.git.run(['merge-base', '--is-ancestor', this.head, now])).ok ? this.head : undefined;
      const log = await this.git.run([
        '-c',
        'core.quotePath=false',
        'log',
        '--no-merges',
        '--no-renames',
        `--format=${RS}%H${US}%P${US}%an${US}%ae${US}%aI${US}%s`,
        '--name-only',
        since ? `${since}..${now}` : now,
        '--',
        '.',
      ]);
      if (!log.ok) return;
      const byId = since ? this.byId : new Map<string, Indexed[]>();
      // history rewritten (a rebase, an erasure that reached every commit): texts of commits gone are dropped too
      if (!since) this.texts.clear();
      const fresh = new Map<string, Indexed[]>();
      for (const record of log.out.split(RS).slice(1)) {
        const [line, ...names] = record.split('\n');
        const [hash, parents, authorName, authorEmail, when, subject] = line!.split(US);
        for (const path of names) {
          const name = basename(path);
          if (!CASE_FILE.test(name)) continue;
          const id = name.slice(0, -3);
          const entry = {
            hash: hash!,
            parent: parents!.split(' ')[0] || undefined,
            path,
            authorName: authorName!,
            authorEmail: authorEmail!,
            when: when!,
            subject: subject!,
          };
          (fresh.get(id) ?? fresh.set(id, []).get(id)!).push(entry);
        }
      }
      for (const [id, list] of fresh) byId.set(id, [...list, ...(byId.get(id) ?? [])]);
      [this.head, this.byId] = [now, byId];
    }
    // the texts of the commits of the cases pages asked for
    const ids = [...this.wanted];
    this.wanted.clear();
    const keys: string[] = [];
    for (const id of ids)
      for (const c of this.byId.get(id) ?? [])
        for (const k of [`${c.hash}:${c.path}`, ...(c.parent ? [`${c.parent}:${c.path}`] : [])]) if (!this.texts.has(k)) keys.push(k);
    if (keys.length) for (const [k, text] of await this.catFiles([...new Set(keys)])) this.texts.set(k, text);
  }

  /** The texts of `rev:path` objects, one `git cat-file --batch` for all; undefined where the file did not exist. */
  private catFiles(keys: readonly string[]): Promise<Map<string, string | undefined>> {
    return new Promise((resolve) => {
      const out = new Map<string, string | undefined>();
      const child = spawn('git', ['cat-file', '--batch'], { cwd: this.git.dir, stdio: ['pipe', 'pipe', 'ignore'] });
      const chunks: Buffer[] = [];
      child.stdout.on('data', (c: Buffer) => chunks.push(c));
      child.on('error', () => resolve(out));
      child.on('close', () => {
        const all = Buffer.concat(chunks);
        let at = 0;
        for (const k of keys) {
          const nl = all.indexOf(10, at);
          if (nl < 0) break;
          const head = all.subarray(at, nl).toString('utf8');
          at = nl + 1;
          const m = / blob (\d+)$/.exec(head);
          if (!m) {
            out.set(k, undefined); // "missing": the file did not exist in that commit
            continue;
          }
          const size = Number(m[1]);
          out.set(k, all.subarray(at, at + size).toString('utf8'));
          at += size + 1;
        }
        resolve(out);
      });
      child.stdin.end(keys.map((k) => `${k}\n`).join(''));
    });
  }
}
