import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair } from 'yaml';
import type { Organization } from '../../schemas/organization.ts';
import { calendarFor } from '../calendar/holidays.ts';
import { validateCases, type SourceFile } from '../cases/validate.ts';
import { InputError, type Problem } from '../problems/problems.ts';
import type { Escalation } from './escalation-bodies.ts';
import { parseOrganization } from './organization.ts';

/** A count as typed: a whole number is written as a number, anything else as text, which the schema refuses in Dutch. */
export type Count = number | string;

/** What Inrichten sets in organization.yml; every other field (time zone, calendar, reminders, …) stays as it is. */
export interface Settings {
  organization: { name: string; email: string; phone?: string; postal_address: string; website: string };
  site_url: string;
  organizers: { key: string; name: string; github: string }[];
  escalation: Escalation;
  deadlines: { filing_workdays: Count; handling_workdays: Count };
  categories: { key: string; label: string }[];
  causes: { key: string; label: string }[];
  retention: { years_after_closing: Count };
  letters: { opening?: string; closing?: string };
}

/** The settings as organization.yml holds them now: what Inrichten shows first. */
export function settingsOf(org: Organization): Settings {
  const { escalation: e } = org;
  return {
    organization: { ...org.organization },
    site_url: org.site_url,
    organizers: org.organizers.map((o) => ({ ...o })),
    escalation: { ...e, procedure: { ...e.procedure, ...(e.procedure.en ? { en: { ...e.procedure.en } } : {}) } },
    deadlines: { filing_workdays: org.deadlines.filing_workdays, handling_workdays: org.deadlines.handling_workdays },
    categories: org.categories.map((c) => ({ ...c })),
    causes: org.causes.map((c) => ({ ...c })),
    retention: { years_after_closing: org.retention.years_after_closing },
    letters: { ...org.letters },
  };
}

/** A count from a form or a flag: digits become a number, anything else stays text for the schema to refuse. */
export const countOf = (typed: string): Count => (/^\s*\d{1,6}\s*$/.test(typed) ? Number(typed) : typed.trim());

type Path = (string | number)[];
type Plain = string | number | undefined | readonly unknown[] | { readonly [k: string]: unknown };

/** One change to the source text: replace [start, end) by `text`. */
interface Splice {
  /** The top-level section it is in. */
  top: string;
  start: number;
  end: number;
  text: string;
}

/** Lines of text fit in this many columns where the text allows (a folded block, as the file's own long texts). */
const WIDTH = 110;

/**
 * A scalar as written in place, starting at `column`: plain when it reads back as the same value, a folded block
 * (`>-`, lines indented by `indent`) when it is too long for its line and can fold, else double-quoted (JSON's
 * escapes are YAML's).
 */
function scalarSource(value: string | number, indent: number, column: number): string {
  if (typeof value === 'number') return String(value);
  if (column + value.length > WIDTH && /^\S(?:[^\n]*\S)?$/.test(value) && !/ {2}|\t/.test(value)) {
    const lines: string[] = [];
    let line = '';
    for (const word of value.split(' ')) {
      if (line && indent + line.length + 1 + word.length > WIDTH) (lines.push(line), (line = word));
      else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
    return `>-\n${lines.map((l) => ' '.repeat(indent) + l).join('\n')}`;
  }
  let back: unknown;
  try {
    const plain = parseDocument(`v: ${value}`);
    back = plain.errors.length ? undefined : (plain.toJS() as { v?: unknown } | null)?.v;
  } catch {
    back = undefined; // an alias without its anchor (`*x`): quoted
  }
  return back === value && !/^\s|\s$/.test(value) && value !== '' ? value : JSON.stringify(value);
}

/**
 * Write `settings` into the text of organization.yml, changing only what differs: a changed value is replaced in place
 * (its comment, the comments and blank lines around it and every other byte stay), a changed list or a new block is
 * written anew in its own top-level section only; keys keep their order, new ones come last. An unchanged save returns
 * the text as it was, byte for byte. Returns the new text and the top-level sections that changed.
 */
export function writeSettings(text: string, settings: Settings): { text: string; changed: string[] } {
  const doc = parseDocument(text);
  const splices: Splice[] = [];
  const dirty = new Set<string>(); // top-level sections written anew
  const changed = new Set<string>();

  const set = (path: Path, value: Plain): void => {
    const top = String(path[0]);
    if (Array.isArray(value)) return setList(path, value);
    if (value !== undefined && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) set([...path, k], v as Plain);
      // keys the settings no longer have (another body's `en` block, a phone or a sentence cleared) go
      const node = doc.getIn(path, true);
      if (['escalation', 'letters', 'organization'].includes(top) && isMap(node))
        for (const pair of [...node.items]) {
          const k = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
          if (!(k in value)) {
            doc.deleteIn([...path, k]);
            dirty.add(top);
            changed.add(top);
          }
        }
      return;
    }
    const node = doc.getIn(path, true) as Node | undefined;
    if (value === undefined || value === '') {
      if (doc.hasIn(path)) {
        doc.deleteIn(path);
        dirty.add(top);
        changed.add(top);
      }
      return;
    }
    if (isScalar(node)) {
      if (node.value === value) return;
      changed.add(top);
      if (node.range) {
        const [start, end] = node.range;
        const tail = text.slice(start, end).endsWith('\n') ? '\n' : '';
        const lineStart = text.lastIndexOf('\n', start) + 1;
        const indent = /^ */.exec(text.slice(lineStart))![0].length + 2;
        splices.push({ top, start, end, text: scalarSource(value, indent, start - lineStart) + tail });
      }
      node.value = value;
      return;
    }
    doc.setIn(path, value);
    dirty.add(top);
    changed.add(top);
  };

  const setList = (path: Path, items: readonly unknown[]): void => {
    const top = String(path[0]);
    const seq = doc.getIn(path, true);
    if (!isSeq(seq) || seq.items.length !== items.length) {
      if (isSeq(seq) && JSON.stringify(seq.toJSON()) === JSON.stringify(items)) return;
      changed.add(top);
      dirty.add(top);
      if (!isSeq(seq)) return void doc.setIn(path, doc.createNode(items));
      // entries kept by position keep their comments; new ones are added, removed ones dropped from the end
      items.forEach((item, i) => {
        if (i < seq.items.length) set([...path, i], item as Plain);
        else seq.items.push(doc.createNode(item) as never);
      });
      seq.items.splice(items.length);
      return;
    }
    items.forEach((item, i) => set([...path, i], item as Plain));
  };

  for (const [k, v] of Object.entries(settings)) {
    // an empty `letters` block is not added to a file that has none
    if (k === 'letters' && !doc.has(k) && Object.values(v as object).every((x) => x === undefined || x === '')) continue;
    set([k], v as Plain);
  }
  if (!changed.size) return { text, changed: [] };

  // sections written anew: the new document's text of that top-level pair replaces the old one's (and its in-place edits)
  if (dirty.size) {
    splices.splice(0, splices.length, ...splices.filter((s) => !dirty.has(s.top)));
    const written = doc.toString({ lineWidth: 0 });
    const fresh = parseDocument(written);
    for (const top of dirty) {
      const now = topPair(fresh, top, written);
      const before = topPair(doc as Document, top, text);
      const piece = now ? written.slice(now.start, now.end) : '';
      if (before) splices.push({ top, start: before.start, end: before.end, text: piece });
      else splices.push({ top, start: text.length, end: text.length, text: `${text.endsWith('\n') ? '' : '\n'}${piece}` });
    }
  }
  let out = text;
  for (const s of splices.sort((a, b) => b.start - a.start)) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return { text: out, changed: [...changed] };
}

/**
 * Where a top-level pair is written in `source` (the text `doc` was parsed from; its keys keep their ranges after
 * edits): from its key to the end of its value's last line, without the comments and blank lines before the next key.
 */
function topPair(doc: Document, key: string, source: string): { start: number; end: number } | undefined {
  if (!isMap(doc.contents)) return undefined;
  const items = doc.contents.items as Pair[];
  const i = items.findIndex((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
  const pair = items[i];
  if (!pair || !isScalar(pair.key) || !pair.key.range) return undefined;
  const start = pair.key.range[0];
  const next = items[i + 1]?.key;
  const until = isScalar(next) && next.range ? next.range[0] : source.length;
  const lines = source.slice(start, until).split('\n');
  while (lines.length > 1 && /^\s*(#.*)?$/.test(lines.at(-1)!)) lines.pop();
  return { start, end: Math.min(start + lines.join('\n').length + 1, source.length) };
}

/** What saving the settings would do: the new text, the sections it changes, the organization it reads as, or why not. */
export interface SettingsPlan {
  text: string;
  changed: string[];
  /** The new organization, when the text passes the schema. */
  org?: Organization;
  /**
   * Why the save is refused: problems of the new organization.yml (`field` is its path, e.g. `organizers.0.github`),
   * and cases the change would make invalid (`field` the setting they need: `organizers`, `categories`, `causes`).
   */
  problems: Problem[];
}

/** The setting a case's field needs: a case's organizer is one of `organizers`, its categories and causes come from those lists. */
const SETTING_OF_CASE_FIELD: Record<string, string> = { organizer: 'organizers', categories: 'categories', causes: 'causes' };

/**
 * Plan a save of Inrichten: write `settings` into `text` (organization.yml, shown as `file`), check the result as every
 * command does (the schema, in Dutch), then check `cases` against it: a case that was valid and would not be (its
 * organizer, category or cause removed) refuses the save, naming the case. Pure.
 */
export function planSettings(file: string, text: string, settings: Settings, cases: readonly SourceFile[] = []): SettingsPlan {
  const written = writeSettings(text, settings);
  let org: Organization;
  try {
    org = parseOrganization(file, written.text);
  } catch (error) {
    if (error instanceof InputError) return { ...written, problems: error.problems };
    throw error;
  }
  if (!written.changed.length || !cases.length) return { ...written, org, problems: [] };
  const before = parseOrganization(file, text);
  const key = (p: Problem) => `${p.file}\n${p.field}\n${p.message}`;
  const known = new Set(
    validateCases(cases, before, calendarFor(before))
      .problems.filter((p) => p.severity === 'error')
      .map(key),
  );
  const problems = validateCases(cases, org, calendarFor(org))
    .problems.filter((p) => p.severity === 'error' && !known.has(key(p)))
    .map((p) => ({ ...p, field: SETTING_OF_CASE_FIELD[p.field.replace(/\.\d+$/, '')] ?? '(file)' }));
  return { ...written, org, problems };
}

/**
 * A key for a new organizer, category or cause, made from its name as people write it ("Sanne Visser" → `sanne`,
 * "Kosten en facturering" → `kosten-en-facturering`) and not in `taken` (a number is added when it is).
 */
export function newKey(name: string, taken: Iterable<string>, firstWordOnly = false): string {
  const words = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const base = (firstWordOnly ? words.slice(0, 1) : words).join('-').slice(0, 40).replace(/-+$/, '') || 'nieuw';
  const used = new Set(taken);
  let key = base;
  for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
  return key;
}
