import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Organization } from '../schemas/organization.ts';
import { currentLanguage } from '../schemas/language.ts';
import type { CaseRecord } from '../lib/cases/case-file.ts';
import { checkCaseSet, type FileCheck, type Validation } from '../lib/cases/case-set.ts';
import { calendarFor } from '../lib/calendar/holidays.ts';
import type { WorkCalendar } from '../lib/calendar/calendar.ts';
import { caseFileNames, readConfigText, shown } from './files.ts';

/** The validated configuration and cases, without personal data. */
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
const CACHE_DIR = join(ROOT, 'node_modules/.cache/klachtenregeling');

interface CacheEntry {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  check: FileCheck;
}
interface CacheFile {
  fingerprint: string;
  org: Organization;
  entries: Record<string, CacheEntry>;
}

/** What a check depends on besides the file: the configuration, our code (lib/, schemas/), Node and the message language. */
function fingerprint(orgText: string): string {
  const hash = createHash('sha1').update(process.version).update(currentLanguage()).update(orgText);
  for (const dir of ['lib', 'schemas'])
    for (const f of readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' }).sort())
      if (f.endsWith('.ts')) hash.update(f).update(readFileSync(join(ROOT, dir, f)));
  return hash.digest('hex');
}

function readCache(file: string, expected: string): CacheFile | undefined {
  try {
    const cache = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    return cache.fingerprint === expected ? cache : undefined;
  } catch {
    return undefined; // no cache yet, or unreadable: start afresh
  }
}

function writeCache(file: string, cache: CacheFile): void {
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(cache));
    renameSync(tmp, file); // atomic: a concurrent reader sees the old or the new cache, never half
  } catch {
    // a read-only checkout still works, only slower
  }
}

/** Drop the complainant and the complaint's text: commands that only need dates and keys never hold them. */
function withoutPersonalData(r: CaseRecord): CaseRecord {
  const { complainant: _, ...data } = r.data;
  return { file: r.file, data, body: '' };
}

/**
 * Load organization.yml and every case file (`K-*.md` under `casesDir`), validated, for commands that need
 * no personal data (validate, deadlines, the GitHub sync, the report): the records carry no complainant and
 * no body. A file's check is cached by path, size and times under node_modules/.cache, keyed by the
 * configuration and the code, so an unchanged repository is checked without parsing.
 */
export async function loadCaseFacts(casesDir: string, configPath: string, useCache = true): Promise<CaseFacts> {
  const orgText = readConfigText(configPath);
  const print = fingerprint(orgText);
  // one cache file per cases folder
  const cacheFile = join(CACHE_DIR, `checks-${createHash('sha1').update(resolve(casesDir)).digest('hex').slice(0, 16)}.json`);
  const cache = useCache ? readCache(cacheFile, print) : undefined;
  // parse and check only on a cache miss: zod and the YAML parsers load lazily
  const org = cache?.org ?? (await import('../lib/organization/organization.ts')).parseOrganization(shown(configPath), orgText);
  const cal = calendarFor(org);

  const names = caseFileNames(casesDir);
  const prefix = shown(casesDir) + sep; // relative() once, not per file
  const entries: Record<string, CacheEntry> = {};
  let checker: typeof import('../lib/cases/validate.ts') | undefined;
  let schema: ReturnType<typeof import('../schemas/case.ts').caseSchemaFor> | undefined;
  let hits = 0;
  const checks: FileCheck[] = [];
  for (const name of names) {
    const full = join(casesDir, name);
    const path = prefix + name;
    const st = statSync(full);
    const old = cache?.entries[name];
    let check: FileCheck;
    if (old && old.size === st.size && old.mtimeMs === st.mtimeMs && old.ctimeMs === st.ctimeMs) {
      check = old.check;
      hits++;
    } else {
      checker ??= await import('../lib/cases/validate.ts');
      schema ??= (await import('../schemas/case.ts')).caseSchemaFor(org);
      const full_check = checker.checkCaseFile({ path, text: readFileSync(full, 'utf8') }, schema, org, cal);
      check = { ...full_check, record: full_check.record && withoutPersonalData(full_check.record) };
    }
    entries[name] = { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, check };
    checks.push(check);
  }
  if (useCache && (hits !== names.length || !cache || Object.keys(cache.entries).length !== names.length))
    writeCache(cacheFile, { fingerprint: print, org, entries });
  return { org, cal, validation: checkCaseSet(checks), fileCount: names.length, cacheHits: hits };
}
