import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Organization } from '../schemas/organization.ts';
import { currentLanguage } from '../schemas/language.ts';
import type { CaseData } from '../schemas/case.ts';
import { checkCaseSet, type FileCheck, type Validation } from '../lib/cases/case-set.ts';
import { caseFacts } from '../lib/cases/facts.ts';
import type { Problem } from '../lib/problems/problems.ts';
import { calendarFor } from '../lib/calendar/holidays.ts';
import type { WorkCalendar } from '../lib/calendar/calendar.ts';
import { notUtf8, decodeUtf8, listCaseFiles, readConfigText, readUtf8, shown, skippedMessage } from './files.ts';

const { existsSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, closeSync, renameSync, rmSync, statSync, writeSync } =
  process.getBuiltinModule('node:fs'); // see io/files.ts

/** The validated configuration and cases, without personal data and without free text. */
export interface CaseFacts {
  org: Organization;
  cal: WorkCalendar;
  validation: Validation;
  /** Number of case files found. */
  fileCount: number;
  /** Case files whose check came from the cache. */
  cacheHits: number;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Where the check cache lives: one file per cases folder. KLACHTEN_CACHE_DIR moves it (npm test uses a temporary one). */
export const CACHE_DIR = process.env.KLACHTEN_CACHE_DIR || join(ROOT, 'node_modules/.cache/klachtenregeling');
/** A cache file of another cases folder that no check wrote for this long is removed. */
const UNUSED_MS = 30 * 24 * 60 * 60 * 1000;
/** Bump when the cache's layout changes. */
const CACHE_FORMAT = 5;
/** The packages whose versions change what a check finds: the YAML parsers and zod. */
const CHECK_PACKAGES = ['js-yaml', 'yaml', 'zod'];

/** A problem as cached: without its file, which is the entry's own path (the working directory may differ). */
type CachedProblem = Omit<Problem, 'file'>;
/** One file's check as cached: the file's Git blob id, the id's line, the case's facts (when valid), its problems. */
type CacheEntry = [blobId: string, idLine: number, facts: CaseData | null, problems?: CachedProblem[]];
interface CacheFile {
  /** First, so a cleanup can read it from the file's head: the folder this cache is about. */
  casesDir: string;
  fingerprint: string;
  org: Organization;
  /** The files' paths (relative to the cases folder) and their Git blob ids, */
  names: string[];
  blobs: string[];
  /** and the rest of their entries, `[idLine, facts, problems?]`. */
  entries: [idLine: number, facts: CaseData | null, problems?: CachedProblem[]][];
}
/** A cache as read: its configuration, and its entries as written, found by path. */
interface Cache {
  org: Organization;
  blobs: string[];
  entries: CacheFile['entries'];
  /** Where the entry of `name` is, -1 when there is none; `i` is tried first (a check lists the files in the same order). */
  find(name: string, i: number): number;
}

// node:crypto and node:child_process (some 30 modules of Node's own) load on first use: a check without its cache needs neither
const sha1 = () => process.getBuiltinModule('node:crypto').createHash('sha1');

/**
 * What a check depends on besides the file: the cache format, Node, the configuration, the versions of the
 * parsing and validation packages, and our own code (lib/, schemas/).
 */
function fingerprint(orgText: string): string {
  const hash = sha1().update(`${CACHE_FORMAT}\0${process.version}\0${currentLanguage()}\0`).update(orgText);
  for (const name of CHECK_PACKAGES) {
    try {
      hash.update(
        `${name}@${(JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version}`,
      );
    } catch {
      hash.update(`${name}@?`);
    }
  }
  for (const dir of ['lib', 'schemas'])
    for (const f of readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' }).sort())
      if (f.endsWith('.ts')) hash.update(f).update(readFileSync(join(ROOT, dir, f)));
  return hash.digest('hex');
}

/** Git's blob id of some bytes: what `git ls-files --stage` prints for a file with this content. */
export const blobId = (bytes: Uint8Array): string => sha1().update(`blob ${bytes.length}\0`).update(bytes).digest('hex');

/** Run git in `cwd`; its stdout, or undefined when git is missing or `cwd` is not in a work tree. */
function git(cwd: string, args: string[]): Promise<string | undefined> {
  return new Promise((done) => {
    const chunks: Buffer[] = [];
    const { spawn } = process.getBuiltinModule('node:child_process');
    const p = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'ignore'] });
    p.stdout.on('data', (c: Buffer) => chunks.push(c));
    p.on('error', () => done(undefined));
    p.on('close', (code) => done(code === 0 ? Buffer.concat(chunks).toString('utf8') : undefined));
  });
}

/**
 * The blob ids Git vouches for: files in the index whose work-tree copy is unchanged, by path relative to
 * `dir`. These survive a fresh checkout (unlike file times), so a cache kept between CI runs hits. Changed
 * and new files are not in the map: their content is hashed instead.
 */
async function trackedBlobIds(dir: string): Promise<Map<string, string>> {
  const [staged, modified] = await Promise.all([
    git(dir, ['ls-files', '-z', '--stage', '--', '.']),
    git(dir, ['ls-files', '-z', '--modified', '--', '.']),
  ]);
  const ids = new Map<string, string>();
  if (staged === undefined || modified === undefined) return ids;
  const changed = new Set(modified.split('\0'));
  for (const line of staged.split('\0')) {
    // <mode> <object> <stage>\t<path>
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const path = line.slice(tab + 1);
    const [mode, object, stage] = line.slice(0, tab).split(' ');
    if (mode === '100644' || mode === '100755')
      if (stage === '0' && !changed.has(path)) ids.set(sep === '/' ? path : path.split('/').join(sep), object!);
  }
  return ids;
}

const cacheFileOf = (casesDir: string) => join(CACHE_DIR, `checks-${sha1().update(resolve(casesDir)).digest('hex').slice(0, 16)}.json`);

function readCache(file: string, expected: string): Cache | undefined {
  try {
    const cache = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    if (cache.fingerprint !== expected) return undefined;
    const rest = cache.entries;
    if (cache.names.length !== rest.length || cache.blobs.length !== rest.length) return undefined;
    const { names } = cache;
    let byName: Map<string, number> | undefined; // made only when a file was added or removed since
    const find = (name: string, i: number) => (names[i] === name ? i : ((byName ??= new Map(names.map((n, j) => [n, j]))).get(name) ?? -1));
    // a large cache leaves its text behind as garbage: collected before the records are made
    if (rest.length >= COLLECT_EVERY) collectGarbage();
    return { org: cache.org, blobs: cache.blobs, entries: rest, find };
  } catch {
    return undefined; // no cache yet, or unreadable: start afresh
  }
}

/** The cases folder a cache file is about, read from its head; undefined for an older format without it. */
function casesDirOf(file: string): string | undefined {
  const head = Buffer.alloc(4096);
  const fd = openSync(file, 'r');
  try {
    const text = head.subarray(0, readSync(fd, head, 0, head.length, 0)).toString('utf8');
    const m = /^\{"casesDir":("(?:[^"\\]|\\.)*")/.exec(text);
    return m ? (JSON.parse(m[1]!) as string) : undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * Remove the cache files this loader wrote for folders that no longer exist (temporary folders of tests and
 * benchmarks), that no check wrote for 30 days, or of an older format. Only `checks-*.json` in
 * {@link CACHE_DIR}: files we wrote.
 */
function removeStaleCaches(keep: string): void {
  for (const name of readdirSync(CACHE_DIR)) {
    const file = join(CACHE_DIR, name);
    if (file === keep || !/^checks-[0-9a-f]{16}\.json$/.test(name)) continue;
    try {
      const dir = casesDirOf(file);
      if (dir === undefined || !existsSync(dir) || Date.now() - statSync(file).mtimeMs > UNUSED_MS) rmSync(file, { force: true });
    } catch {
      // another process removed or is replacing it: leave it
    }
  }
}

/**
 * Write the cache file of `casesDir`: its entries by path, in pieces (100,000 entries never become one string),
 * into a temporary file that then replaces the old one.
 */
function writeCache(file: string, casesDir: string, fingerprint: string, org: Organization, names: string[], entries: CacheEntry[]): void {
  try {
    mkdirSync(CACHE_DIR, { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.tmp`;
    // mode 600: only the user who ran the check reads it, even though it holds no personal data
    const fd = openSync(tmp, 'w', 0o600);
    try {
      const write = (text: string) => void writeSync(fd, text);
      const head: Omit<CacheFile, 'names' | 'blobs' | 'entries'> = { casesDir: resolve(casesDir), fingerprint, org };
      write(JSON.stringify(head).slice(0, -1));
      const list = (key: string, items: string[]) => {
        for (let i = 0; i < items.length; i += 10_000)
          write((i ? ',' : `,"${key}":[`) + JSON.stringify(items.slice(i, i + 10_000)).slice(1, -1));
        write(items.length ? ']' : `,"${key}":[]`);
      };
      list('names', names);
      list(
        'blobs',
        entries.map((e) => e[0]),
      );
      // plain JSON, 1,000 entries a piece: a compact form (each string and object shape once) read 100,000 entries
      // with 15 % less CPU but a 15 MiB higher peak, and gained nothing at 1,000 or 10,000 (issue 22)
      write(',"entries":[');
      for (let i = 0; i < entries.length; i += 1000)
        write(
          (i ? ',' : '') +
            entries
              .slice(i, i + 1000)
              .map((e) => JSON.stringify(e.slice(1)))
              .join(','),
        );
      write(']}');
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file); // atomic: a concurrent reader sees the old or the new cache, never half
    removeStaleCaches(file);
  } catch {
    // a read-only checkout still works, only slower
  }
}

/**
 * The same value with every short string in it (dates, keys, states: up to 10 characters) replaced by the first
 * equal one in `seen`, where new ones are added: they repeat from case to case and are then kept once (100,000
 * cases: about 25 MB less at the peak). Longer strings, such as ids, rarely repeat and are left alone.
 */
export function intern<T>(value: T, seen: Map<string, string>): T {
  if (typeof value === 'string') {
    if (value.length > 10) return value;
    const known = seen.get(value);
    if (known !== undefined) return known as T;
    seen.set(value, value);
    return value;
  }
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    for (const k in o) {
      const v = o[k];
      if (typeof v === 'string' ? v.length <= 10 : v !== null && typeof v === 'object') o[k] = intern(v, seen);
    }
  }
  return value;
}

/** While checking this many files afresh, then and at the end, garbage is collected (see {@link collectGarbage}). */
const COLLECT_EVERY = 20_000;
/**
 * A full garbage collection, when the process allows it (`node --expose-gc`, as `npm run check` runs): checking
 * 100,000 files leaves garbage faster than V8 collects it when the machine is busy, and the peak memory then
 * depends on the machine's load (350–590 MiB measured). Collected every 20,000 files (about 50 ms each), the
 * peak stays near what is live.
 */
const collectGarbage = (): void => (globalThis as { gc?: () => void }).gc?.();

/** Checks one case file's text (lib/cases/validate.ts with the schema of this configuration). */
interface Check {
  (f: { path: string; text: string }): FileCheck;
  /** The strings of the facts checked so far, when they are kept once (see {@link intern}). */
  seen?: Map<string, string>;
}

/** The check of a case file; zod and the YAML parsers load only here, when some file is checked afresh. */
async function loadCheck(org: Organization, cal: WorkCalendar): Promise<Check> {
  const [{ checkCaseFile }, { caseSchemaFor }] = await Promise.all([import('../lib/cases/validate.ts'), import('../schemas/case.ts')]);
  const schema = caseSchemaFor(org);
  const check: Check = (f) => checkCaseFile(f, schema, org, cal);
  return check;
}

/**
 * Check one case file: read it, and unless its Git blob id (`gitKey` when Git vouches for it) is `oldKey`
 * (the cached check still holds: then 0), check it afresh into a cache entry. The file's text is dropped once it is checked.
 * `text` is the file read ahead as text, when {@link readsAsText}. Without a `check` (not loaded yet), a file whose
 * cached check does not hold gives undefined: load the check and ask again.
 */
function checkFile(
  check: Check | undefined,
  file: string,
  path: string,
  useCache: boolean,
  oldKey: string | undefined,
  gitKey: string | undefined,
  textReadAhead?: string,
): CacheEntry | 0 | undefined {
  // a file Git does not vouch for (changed, new, no Git) is read as bytes: its blob id is computed from them
  const bytes = readsAsText(useCache, gitKey) ? undefined : readFileSync(file);
  const key = useCache ? (gitKey ?? blobId(bytes!)) : '';
  if (useCache && oldKey === key) return 0;
  if (!check) return undefined;
  const text = bytes ? decodeUtf8(bytes) : (textReadAhead ?? readUtf8(file));
  if (text === undefined) return [key, 1, null, [{ line: 1, field: '(file)', message: notUtf8(), severity: 'error' }]];
  const c = check({ path, text });
  const facts = c.record ? caseFacts(c.record.data) : null;
  const entry: CacheEntry = [key, c.idLine, facts && check.seen ? intern(facts, check.seen) : facts];
  if (c.problems.length) entry.push(c.problems.map(({ file: _, ...p }) => p));
  return entry;
}

/** Whether {@link checkFile} reads the file as text (its key needs no bytes: no cache, or Git's blob id). */
const readsAsText = (useCache: boolean, gitKey: string | undefined): boolean => !useCache || gitKey !== undefined;

/**
 * Files read in a row, ahead of their checks: 10,000 files read in runs of 256 took 77–84 ms of a cold check's
 * profile, read one by one between the parses 94–128 ms. 256 texts are about 150 KB.
 */
const READ_AHEAD = 256;

/**
 * Load organization.yml and every case file (`K-*.md` under `casesDir`), validated, for commands that need
 * no personal data (check, validate, deadlines, the GitHub sync, the report, the werkplek's overview): the
 * records carry no complainant, no body and no free text (see `caseFacts`). A file's check is cached under
 * node_modules/.cache by path and Git blob id (which survives a fresh checkout), keyed by the configuration,
 * the code and the parsers' versions, so an unchanged repository is checked without reading its files.
 * A file that is not UTF-8 is an error; an entry named `K-*.md` that is not a regular file, a warning.
 */
export async function loadCaseFacts(casesDir: string, configPath: string, useCache = true): Promise<CaseFacts> {
  const orgText = readConfigText(configPath);
  // Git lists the blob ids while this thread reads the cache (started first: the reading does not wait)
  const tracked = useCache ? trackedBlobIds(casesDir) : undefined;
  const print = useCache ? fingerprint(orgText) : ''; // the cache's key: not needed without a cache
  const cacheFile = useCache ? cacheFileOf(casesDir) : '';
  const cache = useCache ? readCache(cacheFile, print) : undefined;
  const blobIds = (await tracked) ?? new Map<string, string>();
  // parse and check only on a cache miss: zod and the YAML parsers load lazily
  const org = cache?.org ?? (await import('../lib/organization/organization.ts')).parseOrganization(shown(configPath), orgText);
  const cal = calendarFor(org);

  const { names, skipped } = listCaseFiles(casesDir);
  const prefix = shown(casesDir) + sep; // relative() once, not per file
  const dirPrefix = join(casesDir, sep); // join() once, not per file
  const results: (CacheEntry | 0 | undefined)[] = new Array(names.length);
  // the files whose check Git's blob id already confirms are not read at all; the others are read and checked
  const todo: number[] = [];
  const cached = names.map((name, i) => cache?.find(name, i) ?? -1); // where each file's cached check is
  const cachedBlob = (i: number) => (cached[i]! >= 0 ? cache!.blobs[cached[i]!] : undefined);
  names.forEach((name, i) => {
    const key = blobIds.get(name);
    if (useCache && key !== undefined && cachedBlob(i) === key) results[i] = 0;
    else todo.push(i);
  });
  if (todo.length) {
    // loaded at the first file whose cached check does not hold: files Git does not vouch for (no Git, changed in
    // the work tree) are hashed first, and mostly hit
    let check: Check | undefined;
    const texts: (string | undefined)[] = [];
    for (const [n, i] of todo.entries()) {
      if (n > 0 && n % COLLECT_EVERY === 0) collectGarbage();
      if (n % READ_AHEAD === 0)
        for (let j = 0; j < READ_AHEAD; j++) {
          const k = todo[n + j];
          texts[j] = k !== undefined && readsAsText(useCache, blobIds.get(names[k]!)) ? readUtf8(dirPrefix + names[k]) : undefined;
        }
      const checked = () =>
        checkFile(check, dirPrefix + names[i], prefix + names[i], useCache, cachedBlob(i), blobIds.get(names[i]!), texts[n % READ_AHEAD]);
      let result = checked();
      if (result === undefined) {
        check = await loadCheck(org, cal);
        // many files: their facts' strings are kept once, at the price of a look-up per string (about 5 µs a file)
        if (todo.length >= COLLECT_EVERY) check.seen = new Map();
        result = checked()!;
      }
      results[i] = result;
    }
    if (todo.length >= COLLECT_EVERY) collectGarbage();
  }

  let hits = 0;
  const checks: FileCheck[] = names.map((name, i): FileCheck => {
    const path = prefix + name;
    const entry = results[i]!;
    if (entry === 0) hits++;
    const [idLine, facts, problems] = entry === 0 ? cache!.entries[cached[i]!]! : [entry[1], entry[2], entry[3]];
    return {
      file: path,
      idLine,
      record: facts ? { file: path, data: facts, body: '' } : undefined,
      problems: problems ? problems.map((p) => ({ file: path, ...p })) : [],
    };
  });
  for (const s of skipped)
    checks.push({
      file: prefix + s.name,
      idLine: 1,
      problems: [{ file: prefix + s.name, line: 1, field: '(file)', message: skippedMessage(s), severity: 'warning' }],
    });
  if (useCache && (hits !== names.length || !cache || cache.entries.length !== names.length)) {
    const entries = results.map((e, i): CacheEntry => (e === 0 ? [cachedBlob(i)!, ...cache!.entries[cached[i]!]!] : e!));
    writeCache(cacheFile, casesDir, print, org, names, entries);
  }
  if (todo.length >= COLLECT_EVERY) collectGarbage();
  return { org, cal, validation: checkCaseSet(checks), fileCount: names.length, cacheHits: hits };
}
