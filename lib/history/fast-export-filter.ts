/**
 * What a history rewrite changes in every commit (AVG art. 17, 5(1)(e)): each listed file (path from the
 * repository's top) gets one blob instead of every version it had, and every file under a listed folder goes.
 * Nothing else: other files keep their blob ids, commits keep message, author, committer and dates.
 */
export interface RewriteRules {
  /** Path → the blob id (40 hex) every version of that file becomes (the anonymized text, already in the object store). */
  replace: ReadonlyMap<string, string>;
  /** Folders (`cases/2026/K-2026-003/`, with the trailing slash) whose files are removed from every commit, or single files (no slash at the end). */
  drop: readonly string[];
}

/** What the filter saw: the commits (mark → original id), and the earlier versions it replaced. */
export interface FilterReport {
  /** Every commit of the stream: its mark (`:12`) and its id before the rewrite. */
  commits: Map<string, string>;
  /** Every commit's parents, by mark (`:11`) or, for a parent outside the stream, by id. */
  parents: Map<string, string[]>;
  /** Per replaced path, the distinct blob ids it had before (the versions that are gone). */
  replacedVersions: Map<string, Set<string>>;
  /** How many file entries under a dropped folder were left out. */
  dropped: number;
}

const LF = 0x0a;

/** A path as fast-export writes it: plain, or C-quoted (`"a \"b\""`) when it holds special characters. */
export function unquotePath(p: string): string {
  if (!p.startsWith('"')) return p;
  const bytes: number[] = [];
  const body = Buffer.from(p.slice(1, -1), 'utf8');
  const esc: Record<string, number> = { n: 10, t: 9, '"': 34, '\\': 92, a: 7, b: 8, f: 12, r: 13, v: 11 };
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== 0x5c) {
      bytes.push(body[i]!);
      continue;
    }
    const c = String.fromCharCode(body[++i]!);
    if (/[0-7]/.test(c)) {
      bytes.push(parseInt(body.subarray(i, i + 3).toString('latin1'), 8));
      i += 2;
    } else bytes.push(esc[c] ?? c.charCodeAt(0));
  }
  return Buffer.from(bytes).toString('utf8');
}

/**
 * A filter between `git fast-export --no-data --show-original-ids` and `git fast-import`, fed in chunks: it
 * points every `M` line of a replaced path at the new blob and leaves out the lines of dropped folders; every
 * other byte passes unchanged (commit messages are copied by their byte count, never parsed). Pure: no Git, no
 * disk. `write` returns what can be passed on now, `end` the rest.
 */
export class FastExportFilter {
  readonly report: FilterReport = { commits: new Map(), parents: new Map(), replacedVersions: new Map(), dropped: 0 };
  private readonly rules: RewriteRules;
  private pending: Buffer = Buffer.alloc(0);
  /** Bytes of a `data` block still to copy as they are. */
  private dataLeft = 0;
  private mark: string | undefined;
  private inCommit = false;

  constructor(rules: RewriteRules) {
    this.rules = rules;
  }

  /** Take the next chunk of the stream; returns the filtered bytes that are complete. */
  write(chunk: Buffer): Buffer {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    const out: Buffer[] = [];
    let at = 0;
    const buf = this.pending;
    while (at < buf.length) {
      if (this.dataLeft > 0) {
        const n = Math.min(this.dataLeft, buf.length - at);
        out.push(buf.subarray(at, at + n));
        at += n;
        this.dataLeft -= n;
        continue;
      }
      const nl = buf.indexOf(LF, at);
      if (nl < 0) break;
      const line = buf.subarray(at, nl + 1);
      at = nl + 1;
      const kept = this.line(line);
      if (kept) out.push(kept);
    }
    this.pending = buf.subarray(at);
    return Buffer.concat(out);
  }

  /** The end of the stream: what was left (a stream always ends with a newline, so normally nothing). */
  end(): Buffer {
    const rest = this.pending;
    this.pending = Buffer.alloc(0);
    return rest;
  }

  private dropped(path: string): boolean {
    return this.rules.drop.some((d) => (d.endsWith('/') ? path.startsWith(d) : path === d));
  }

  /** One command line: passed on, changed, or left out (undefined). */
  private line(line: Buffer): Buffer | undefined {
    const c0 = line[0];
    // a data block: copy its bytes as they are (a commit message, a tag message)
    if (c0 === 0x64 && line.subarray(0, 5).toString('latin1') === 'data ') {
      this.dataLeft = Number(line.subarray(5).toString('latin1').trim());
      return line;
    }
    const text = line.toString('utf8');
    if (text.startsWith('commit ')) {
      this.inCommit = true;
      this.mark = undefined;
      return line;
    }
    if (text.startsWith('tag ') || text.startsWith('reset ') || text.startsWith('blob')) {
      this.inCommit = false;
      return line;
    }
    if (!this.inCommit) return line;
    if (text.startsWith('mark ')) {
      this.mark = text.slice(5).trim();
      return line;
    }
    if (text.startsWith('original-oid ')) {
      if (this.mark) this.report.commits.set(this.mark, text.slice(13).trim());
      return line;
    }
    if (text.startsWith('from ') || text.startsWith('merge ')) {
      if (this.mark) this.report.parents.set(this.mark, [...(this.report.parents.get(this.mark) ?? []), text.split(' ')[1]!.trim()]);
      return line;
    }
    if (text.startsWith('M ')) {
      // M <mode> <dataref> <path>
      const m = /^M (\d+) (\S+) (.*)\n$/s.exec(text);
      if (!m) return line;
      const [, mode, ref, raw] = m;
      const path = unquotePath(raw!);
      if (this.dropped(path)) {
        this.report.dropped++;
        return undefined;
      }
      const blob = this.rules.replace.get(path);
      if (blob === undefined) return line;
      const seen = this.report.replacedVersions.get(path) ?? new Set<string>();
      if (ref !== blob) seen.add(ref!);
      this.report.replacedVersions.set(path, seen);
      return Buffer.from(`M ${mode} ${blob} ${raw}\n`, 'utf8');
    }
    if (text.startsWith('D ')) {
      const path = unquotePath(text.slice(2, -1));
      return this.dropped(path) ? undefined : line;
    }
    return line;
  }
}

/** One ref the rewrite moved: its name, and the commit it pointed to before and after. */
export interface HeadChange {
  ref: string;
  old: string;
  new: string;
}

/**
 * The commits a rewrite changed, old id → new id, and among them the first ones (no changed parent): the commits
 * GitHub Support asks for. `marks` is fast-import's `--export-marks` (mark → new id).
 */
export function changedCommits(
  report: FilterReport,
  marks: ReadonlyMap<string, string>,
): { changed: Map<string, string>; first: string[] } {
  const changed = new Map<string, string>();
  const changedMarks = new Set<string>();
  for (const [mark, old] of report.commits) {
    const now = marks.get(mark);
    if (now && now !== old) {
      changed.set(old, now);
      changedMarks.add(mark);
    }
  }
  const first = [...changedMarks]
    .filter((m) => !(report.parents.get(m) ?? []).some((p) => changedMarks.has(p)))
    .map((m) => report.commits.get(m)!);
  return { changed, first };
}

/** fast-import's marks file (`:12 <id>` per line) as a map. */
export function parseMarks(text: string): Map<string, string> {
  return new Map(
    text
      .split('\n')
      .filter((l) => l.startsWith(':'))
      .map((l) => l.split(' ') as [string, string]),
  );
}
