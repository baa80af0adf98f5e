import { statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { bodyOfCaseText, matches, searchDocument, subjectOf, type SearchDocument, type SearchQuery } from '../lib/cases/search.ts';
import type { CaseFactsMemo } from './case-facts-memo.ts';
import { decodeUtf8, listCaseFiles, readRegularFile } from './files.ts';

/**
 * The werkplek's text of every case, for the search and the Overzicht's subjects: personal data (names, e-mail
 * addresses, phone numbers, the complaint text), so it is held in this process's memory only, never written to a
 * cache, a log or a file. Beside io/case-facts-memo.ts, which holds the facts without personal data.
 */
export interface CaseTextIndex {
  /** The short subject of each case asked for (lib/cases/search.ts `subjectOf`), read again where its file changed. */
  subjects(ids: readonly string[]): Map<string, string>;
  /** The ids of the cases that answer a search, every case file looked at as it is now. */
  search(query: SearchQuery): Promise<Set<string>>;
  /** Read what a search needs now (the first search reads every file), so the search itself is quick. */
  prepare(): Promise<void>;
}

interface Entry {
  /** The file as it was read: inode, size and time of its last change; a save (a new file renamed over it) changes it. */
  stamp: string;
  subject?: string;
  doc?: SearchDocument;
}

const stampOf = (path: string): string | undefined => {
  try {
    const s = statSync(path);
    return s.isFile() ? `${s.ino}:${s.size}:${s.mtimeMs}` : undefined;
  } catch {
    return undefined;
  }
};

const readText = (path: string): string | undefined => {
  try {
    const bytes = readRegularFile(path); // never a pipe or a link named like a case
    return bytes && decodeUtf8(bytes);
  } catch {
    return undefined;
  }
};

type Parsers = { splitFrontmatter: typeof import('../lib/cases/frontmatter.ts').splitFrontmatter } & Pick<
  typeof import('../lib/problems/yaml-source.ts'),
  'readYaml'
>;
let parsers: Promise<Parsers> | undefined;

const text = (v: unknown): string[] => (typeof v === 'string' && v ? [v] : []);

/** A case file's fields for a search; a file that is not valid YAML is found by its id and body only. */
function documentOf(id: string, fileText: string, p: Parsers): SearchDocument {
  const split = p.splitFrontmatter(fileText);
  const read = split.ok ? p.readYaml(split.yamlText) : undefined;
  const data = (read?.ok && read.data && typeof read.data === 'object' ? read.data : {}) as Record<string, unknown>;
  const person = (data.complainant ?? {}) as Record<string, unknown>;
  const rep = (person.representative ?? {}) as Record<string, unknown>;
  return searchDocument({
    id,
    names: [...text(person.name), ...text(rep.name)],
    emails: [...text(person.email), ...text(rep.email)],
    phones: [...text(person.phone), ...text(rep.phone)],
    text: split.ok ? split.body : bodyOfCaseText(fileText),
  });
}

/**
 * The text index of a cases folder. Each file is read when it is first asked for and again only when it changed
 * (inode, size or time): the subjects of the Overzicht's page read at most that page's files and load no parser;
 * the first search reads every file with the YAML parser (js-yaml), later ones only what changed. With `changes`
 * (the Overzicht's watcher, io/case-facts-memo.ts) a search looks only at the files it named since the last one;
 * without it, or while the folder is not watched, every file's time and size.
 */
export function caseTextIndex(cases: string, changes?: Pick<CaseFactsMemo, 'listen' | 'watching'>): CaseTextIndex {
  const entries = new Map<string, Entry>();
  /** Files the watcher named since the last search; `everything`: anything may have changed. */
  const dirty = new Set<string>();
  let everything = false;
  let swept = false;
  changes?.listen((name) => {
    if (name === undefined || dirty.size >= 1000) everything = true;
    else dirty.add(name);
  });
  /** Where each case's file was last found, by id (a file outside its year folder, found by a search). */
  const where = new Map<string, string>();

  let refreshing: Promise<void> | undefined;

  /** Bring every entry up to date and read what changed; yields now and then, so pages are answered meanwhile. */
  async function refresh(): Promise<void> {
    const p = await (parsers ??= Promise.all([import('../lib/cases/frontmatter.ts'), import('../lib/problems/yaml-source.ts')]).then(
      ([f, y]) => ({ splitFrontmatter: f.splitFrontmatter, readYaml: y.readYaml }),
    ));
    if (!swept || everything || !changes?.watching()) {
      // every file looked at (stat); set before listing, so a change meanwhile is looked at next time
      [swept, everything] = [true, false];
      dirty.clear();
      const seen = new Set<string>();
      for (const name of listCaseFiles(cases).names) {
        const path = join(cases, name);
        seen.add(path);
        fresh(path);
      }
      for (const path of entries.keys()) if (!seen.has(path)) entries.delete(path); // gone (removed, renumbered)
    } else {
      // the watcher named what changed: only those files are looked at again
      for (const name of dirty) fresh(join(cases, name));
      dirty.clear();
    }
    let read = 0;
    for (const [path, entry] of entries) {
      const id = basename(path, '.md');
      where.set(id, path);
      if (entry.doc) continue;
      const t = readText(path);
      if (t === undefined) continue;
      entry.doc = documentOf(id, t, p);
      entry.subject ??= subjectOf(bodyOfCaseText(t));
      if (++read % 250 === 0) await new Promise((r) => setImmediate(r));
    }
  }

  const fresh = (path: string): Entry | undefined => {
    const stamp = stampOf(path);
    if (!stamp) {
      entries.delete(path);
      return undefined;
    }
    const known = entries.get(path);
    if (known?.stamp === stamp) return known;
    const entry: Entry = { stamp };
    entries.set(path, entry);
    return entry;
  };

  return {
    subjects(ids) {
      const out = new Map<string, string>();
      for (const id of ids) {
        const usual = join(cases, id.slice(2, 6), `${id}.md`);
        const other = where.get(id);
        let path = usual;
        let entry = fresh(usual);
        if (!entry && other) entry = fresh((path = other));
        if (!entry) continue;
        if (entry.subject === undefined) {
          const t = readText(path);
          entry.subject = t === undefined ? '' : subjectOf(bodyOfCaseText(t));
        }
        out.set(id, entry.subject);
      }
      return out;
    },
    prepare() {
      return (refreshing ??= refresh().finally(() => (refreshing = undefined)));
    },
    async search(query) {
      await (refreshing ??= refresh().finally(() => (refreshing = undefined)));
      const found = new Set<string>();
      for (const [path, entry] of entries) if (entry.doc && matches(entry.doc, query)) found.add(basename(path, '.md'));
      return found;
    },
  };
}
