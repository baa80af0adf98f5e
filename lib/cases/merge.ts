import { caseSchemaFor } from '../../schemas/case.ts';
import type { Organization } from '../../schemas/organization.ts';
import { t } from '../../schemas/language.ts';
import type { WorkCalendar } from '../calendar/calendar.ts';
import { readYaml, stripBom } from '../problems/yaml-source.ts';
import { editCaseText, type CaseEdit } from './edit.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { checkCaseFile } from './validate.ts';

/** How one conflict is resolved: keep my value, keep theirs, or (free text only) keep both, mine first. */
export type MergeChoice = 'mine' | 'theirs' | 'both';

/** Resolutions by conflict field (`'response.findings'`, `'body.Notities'`, `'(file)'`). */
export type MergeResolutions = Readonly<Record<string, MergeChoice>>;

/**
 * A field both sides changed differently. Personal data: the values are the case's own (a name, findings,
 * the complaint text); they belong on the organizer's screen, never in a log.
 */
export interface MergeConflict {
  /**
   * Where: a frontmatter path (`'response.findings'`, `'complainant.email'`, `'steps.2.note'`, `'steps.2'` for a
   * whole step, numbered as in the common ancestor), a body section (`'body'` for the text before the first
   * `##` heading, `'body.Klacht'`, `'body.Notities'`), or `'(file)'` for the dossier as a whole (a version that
   * cannot be read, or a merge that would not pass the check; `message` says which).
   */
  field: string;
  /** The value in the common ancestor, mine and theirs; `undefined` where the field is absent. */
  base: unknown;
  mine: unknown;
  theirs: unknown;
  /** Whether the value is free text, so 'both' may keep both texts. */
  freeText: boolean;
  /** For `'(file)'`: why the dossier as a whole is in conflict, in Dutch (no personal data). */
  message?: string;
}

/** The merged text, or the conflicts left to resolve (nothing is merged then). */
export type MergeResult = { ok: true; text: string } | { ok: false; conflicts: MergeConflict[] };

/** What the merge needs besides the three texts: the configuration the merged case is checked against. */
export interface MergeOptions {
  org: Organization;
  calendar: WorkCalendar;
  resolutions?: MergeResolutions;
  /** The file's path, for the check's messages. */
  path?: string;
}

/** The conflict field of the dossier as a whole. */
export const WHOLE_FILE = '(file)';

// free text written by the organizer: a conflict on one of these may keep both texts
const FREE_TEXT = new Set(['findings', 'conclusions', 'mediation', 'note', 'no_escalation_reason', 'action']);
// lists merged entry by entry (steps: art. 5.1-5.3; improvements: art. 2.4) or as sets of keys (art. 2.2)
const ENTRY_LISTS = new Set(['steps', 'improvements']);
const KEY_LISTS = new Set(['categories', 'causes']);

type Path = readonly (string | number)[];
type Data = Record<string, unknown>;

const isMap = (v: unknown): v is Data => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A canonical text of a YAML value (keys sorted), so equal data compares equal whatever its key order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isMap(v))
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(',')}}`;
  return v === undefined ? '~' : JSON.stringify(v);
}
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** The merge's running state: the resolutions given and the conflicts found. */
interface Run {
  resolutions: MergeResolutions;
  conflicts: MergeConflict[];
}

/** Two free texts kept both, mine first, separated by a blank line (one side may lack it). */
function both(mine: unknown, theirs: unknown): unknown {
  if (typeof mine !== 'string') return theirs;
  if (typeof theirs !== 'string') return mine;
  return `${mine.replace(/\n+$/, '')}\n\n${theirs.replace(/^\n+/, '')}`;
}

/** A conflict at `field`: resolved when the resolutions say how (the value chosen), else recorded (mine stands in). */
function conflict(run: Run, field: string, base: unknown, mine: unknown, theirs: unknown, freeText: boolean): unknown {
  const choice = run.resolutions[field];
  if (choice === 'mine') return mine;
  if (choice === 'theirs') return theirs;
  if (choice === 'both' && freeText) return both(mine, theirs);
  run.conflicts.push({ field, base, mine, theirs, freeText });
  return mine;
}

const isText = (v: unknown) => v === undefined || typeof v === 'string';

/** Three-way merge of one frontmatter value: one side's change wins, maps merge by key, lists as lists. */
function mergeValue(run: Run, path: Path, b: unknown, m: unknown, th: unknown): unknown {
  if (same(m, th)) return m;
  if (same(b, m)) return th;
  if (same(b, th)) return m;
  if (isMap(m) && isMap(th) && (b === undefined || isMap(b))) return mergeMap(run, path, b ?? {}, m, th);
  const list = path.length === 1 ? String(path[0]) : '';
  // a list left out is an empty one (the schema's default): removing the last step leaves no `steps:` behind
  const [lb, lm, lt] = [b ?? [], m ?? [], th ?? []];
  if (Array.isArray(lb) && Array.isArray(lm) && Array.isArray(lt)) {
    if (ENTRY_LISTS.has(list)) return mergeEntries(run, path, lb, lm, lt);
    if (KEY_LISTS.has(list)) return mergeKeys(lb, lm, lt);
  }
  const free = FREE_TEXT.has(String(path[path.length - 1])) && isText(m) && isText(th);
  return conflict(run, path.join('.'), b, m, th, free);
}

/** Two maps merged key by key (a key both sides removed stays removed; an emptied list mine leaves out stays out). */
function mergeMap(run: Run, path: Path, b: Data, m: Data, th: Data): Data {
  const out: Data = {};
  for (const k of new Set([...Object.keys(m), ...Object.keys(th)])) {
    const v = mergeValue(run, [...path, k], b[k], m[k], th[k]);
    if (v !== undefined && !(Array.isArray(v) && v.length === 0 && m[k] === undefined)) out[k] = v;
  }
  return out;
}

/** Keys (categories, causes) as a set: a key either side added is kept, one either side removed is gone. */
function mergeKeys(b: unknown[], m: unknown[], th: unknown[]): unknown[] {
  const has = (list: unknown[], x: unknown) => list.some((y) => same(x, y));
  const kept = [...m.filter((x) => !has(b, x) || has(th, x)), ...th.filter((x) => !has(b, x) && !has(m, x))];
  return kept.filter((x, i) => kept.findIndex((y) => same(x, y)) === i);
}

/** What one side did to the ancestor's list: each entry kept, changed or deleted, and the entries it added. */
interface ListEdits {
  fate: ({ kind: 'kept' } | { kind: 'changed'; value: unknown } | { kind: 'deleted' })[];
  /** Added entries, each after the ancestor's entry `anchor` (-1: before the first). */
  added: { anchor: number; value: unknown }[];
}

/**
 * The edits that turn list `b` into `s`: entries equal in both are aligned by a longest common subsequence;
 * between two aligned entries, the ancestor's entries left over are paired in order with the side's (changed),
 * and what remains is deleted (ancestor) or added (side).
 */
function listEdits(b: readonly unknown[], s: readonly unknown[]): ListEdits {
  const kb = b.map(canonical);
  const ks = s.map(canonical);
  // lcs[i][j]: length of the longest common subsequence of b[i..] and s[j..]
  const lcs = Array.from({ length: b.length + 1 }, () => new Array<number>(s.length + 1).fill(0));
  for (let i = b.length - 1; i >= 0; i--)
    for (let j = s.length - 1; j >= 0; j--) lcs[i]![j] = kb[i] === ks[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < b.length && j < s.length; ) {
    if (kb[i] === ks[j]) pairs.push([i++, j++]);
    else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) i++;
    else j++;
  }
  pairs.push([b.length, s.length]);
  const edits: ListEdits = { fate: [], added: [] };
  let [i, j] = [0, 0];
  for (const [pi, pj] of pairs) {
    let anchor = i - 1;
    for (; i < pi && j < pj; i++, j++) (edits.fate[i] = { kind: 'changed', value: s[j] }), (anchor = i);
    for (; i < pi; i++) edits.fate[i] = { kind: 'deleted' };
    for (; j < pj; j++) edits.added.push({ anchor, value: s[j] });
    if (pi < b.length) edits.fate[pi] = { kind: 'kept' };
    [i, j] = [pi + 1, pj + 1];
  }
  return edits;
}

type Fate = ListEdits['fate'][number];

/** One entry of the ancestor's list after both sides' edits (undefined: deleted). */
function mergeEntry(run: Run, path: Path, entry: unknown, fm: Fate, ft: Fate): unknown {
  const value = (f: Fate) => (f.kind === 'changed' ? f.value : undefined);
  if (fm.kind === 'kept') return ft.kind === 'kept' ? entry : value(ft);
  if (ft.kind === 'kept' || (fm.kind === 'deleted' && ft.kind === 'deleted')) return value(fm);
  if (fm.kind === 'changed' && ft.kind === 'changed') return mergeValue(run, path, entry, fm.value, ft.value);
  // deleted on one side, changed on the other
  return conflict(run, path.join('.'), entry, value(fm), value(ft), false);
}

/** Sorts `list` by date, keeping the order of entries of one date (steps: art. 5.1-5.3 are a history). */
function byDate(list: unknown[]): unknown[] {
  const date = (v: unknown) => (isMap(v) && typeof v.date === 'string' ? v.date : '');
  return list
    .map((v, i) => [v, i] as const)
    .sort(([x, i], [y, j]) => (date(x) < date(y) ? -1 : date(x) > date(y) ? 1 : i - j))
    .map(([v]) => v);
}

/**
 * Steps and improvements entry by entry: an entry one side changed takes the change, both changed merges it
 * field by field, entries either side added are all kept (once), steps in date order when both sides added.
 * Conflicts name an entry by its number in the common ancestor (`steps.2.note`).
 */
function mergeEntries(run: Run, path: Path, b: unknown[], m: unknown[], th: unknown[]): unknown[] {
  const [em, et] = [listEdits(b, m), listEdits(b, th)];
  const out: unknown[] = [];
  const seen = new Set<string>();
  const addAt = (anchor: number) => {
    const fromMine = em.added.filter((a) => a.anchor === anchor).map((a) => a.value);
    const fromTheirs = et.added.filter((a) => a.anchor === anchor).map((a) => a.value);
    // entries both sides added at one place: in an order that does not depend on which side is mine
    const values = [...fromMine, ...fromTheirs];
    if (fromMine.length && fromTheirs.length) values.sort((x, y) => (canonical(x) < canonical(y) ? -1 : 1));
    for (const value of values) if (!seen.has(canonical(value))) seen.add(canonical(value)), out.push(value);
  };
  addAt(-1);
  b.forEach((entry, i) => {
    const value = mergeEntry(run, [...path, i], entry, em.fate[i]!, et.fate[i]!);
    if (value !== undefined) out.push(value);
    addAt(i);
  });
  return String(path[0]) === 'steps' && em.added.length && et.added.length ? byDate(out) : out;
}

/** A body's text before its first `##` heading and its `##` sections, by heading (a repeated heading numbered). */
function sectionsOf(body: string): Map<string, { heading: string; text: string }> {
  const out = new Map<string, { heading: string; text: string }>();
  const parts = body.split(/^(?=##[ \t])/m);
  if (!/^##[ \t]/.test(parts[0] ?? '')) out.set('', { heading: '', text: parts.shift() ?? '' });
  for (const part of parts) {
    const eol = part.indexOf('\n');
    const heading = eol < 0 ? part : part.slice(0, eol + 1);
    let key = heading.replace(/^##/, '').trim();
    for (let n = 2; out.has(key); n++) key = `${heading.replace(/^##/, '').trim()} (${n})`;
    out.set(key, { heading, text: eol < 0 ? '' : part.slice(eol + 1) });
  }
  return out;
}

/** The Markdown body merged section by section (the complaint under `## Klacht`, the notes, …). */
function mergeBody(run: Run, b: string, m: string, th: string): string {
  if (m === th || b === th) return m;
  if (b === m) return th;
  const [sb, sm, st] = [sectionsOf(b), sectionsOf(m), sectionsOf(th)];
  const chunks: string[] = [];
  for (const key of new Set([...sm.keys(), ...st.keys()])) {
    const [tb, tm, tt] = [sb.get(key)?.text, sm.get(key)?.text, st.get(key)?.text];
    const chosen = same(tm, tt) || same(tb, tt) ? tm : same(tb, tm) ? tt : conflict(run, key === '' ? 'body' : `body.${key}`, tb, tm, tt, true);
    if (typeof chosen !== 'string') continue;
    const heading = sm.get(key)?.heading ?? st.get(key)!.heading;
    if (chunks.length && !chunks[chunks.length - 1]!.endsWith('\n')) chunks[chunks.length - 1] += '\n';
    chunks.push(heading + chosen);
  }
  return chunks.join('');
}

/** A case file's parts, or undefined when it has no readable frontmatter. Line ends as LF, no BOM. */
function partsOf(text: string): { data: Data; body: string } | undefined {
  const split = splitFrontmatter(stripBom(text).replace(/\r\n/g, '\n'));
  if (!split.ok) return undefined;
  const read = readYaml(split.yamlText);
  return read.ok && isMap(read.data) ? { data: read.data, body: split.body } : undefined;
}

/** The edits that turn frontmatter `from` into `to`, field by field (a list that only grew gets appends). */
function editsBetween(path: Path, from: Data, to: Data, out: CaseEdit[]): CaseEdit[] {
  for (const [k, v] of Object.entries(to)) {
    const old = from[k];
    if (same(old, v)) continue;
    if (isMap(old) && isMap(v)) editsBetween([...path, k], old, v, out);
    else if (Array.isArray(old) && Array.isArray(v) && old.length < v.length && same(old, v.slice(0, old.length)))
      for (const item of v.slice(old.length)) out.push({ op: 'append', path: [...path, k], value: item });
    else out.push({ op: 'set', path: [...path, k], value: v });
  }
  for (const k of Object.keys(from)) if (!(k in to)) out.push({ op: 'delete', path: [...path, k] });
  return out;
}

const wholeFile = (base: string, mine: string, theirs: string, message: string): MergeResult => ({
  ok: false,
  conflicts: [{ field: WHOLE_FILE, base, mine, theirs, freeText: false, message }],
});

/**
 * Three-way merge of a case file: `base` is the common ancestor, `mine` and `theirs` the two versions.
 *
 * The frontmatter merges by field, not by line: a field changed on one side takes that change; maps
 * (`complainant`, `response`, …) merge key by key; `steps` and `improvements` merge entry by entry (entries
 * both sides added are all kept, once; steps in date order); `categories` and `causes` as sets. The body
 * merges by `##` section. The text is "mine" with the edits from "theirs" applied through the `yaml` Document
 * API (`editCaseText`), so its comments, key order and quoting stay where it can.
 *
 * A field both sides changed differently is a {@link MergeConflict}, unless `resolutions` says how to resolve
 * it. When mine and theirs pass the project's check (`checkCaseFile`) and the merge would not, that is a
 * conflict on {@link WHOLE_FILE} too, as is a version without readable frontmatter (also an ancestor that is
 * missing, as when both sides added a file of the same name): a file is never merged into an invalid one.
 * `resolutions[WHOLE_FILE]` ('mine' or 'theirs') keeps that version as a whole. Pure; never throws.
 *
 * @example mergeCaseTexts(base, mine, theirs, { org, calendar }) // { ok: true, text } or { ok: false, conflicts }
 */
export function mergeCaseTexts(base: string, mine: string, theirs: string, options: MergeOptions): MergeResult {
  const resolutions = options.resolutions ?? {};
  const whole = resolutions[WHOLE_FILE];
  if (whole === 'mine' || whole === 'theirs') return { ok: true, text: whole === 'mine' ? mine : theirs };
  if (mine === theirs || base === theirs) return { ok: true, text: mine };
  if (base === mine) return { ok: true, text: theirs };
  const [b, m, th] = [partsOf(base), partsOf(mine), partsOf(theirs)];
  if (!b || !m || !th)
    return wholeFile(
      base,
      mine,
      theirs,
      t(
        `${!b ? 'de gemeenschappelijke versie' : !m ? 'uw versie' : 'de andere versie'} van het dossier heeft geen leesbaar kopblok (--- … ---), of beide kanten maakten een nieuw dossier met dit nummer; kies één versie`,
        `the ${!b ? 'common ancestor' : !m ? 'own version' : 'other version'} of the case has no readable frontmatter, or both sides added a case of this name; choose one version`,
      ),
    );
  const run: Run = { resolutions, conflicts: [] };
  const data = mergeMap(run, [], b.data, m.data, th.data);
  const body = mergeBody(run, b.body, m.body, th.body);
  if (run.conflicts.length) return { ok: false, conflicts: run.conflicts };

  const edited = editCaseText(mine, editsBetween([], m.data, data, []), body === m.body ? undefined : body);
  const merged = edited.ok ? partsOf(edited.text) : undefined;
  if (!edited.ok || !merged || !same(merged.data, data) || merged.body !== body)
    return wholeFile(base, mine, theirs, t('de twee versies zijn niet samen te voegen; kies één versie', 'the two versions cannot be merged; choose one version'));

  const schema = caseSchemaFor(options.org);
  const errors = (text: string) =>
    checkCaseFile({ path: options.path ?? 'dossier.md', text }, schema, options.org, options.calendar).problems.filter((p) => p.severity === 'error');
  if (errors(mine).length === 0 && errors(theirs).length === 0) {
    const problems = errors(edited.text);
    if (problems.length)
      return wholeFile(
        base,
        mine,
        theirs,
        t(
          `samengevoegd zou het dossier niet kloppen (${problems.map((p) => p.field).join(', ')}); kies één versie`,
          `merged, the case would not pass the check (${problems.map((p) => p.field).join(', ')}); choose one version`,
        ),
      );
  }
  return { ok: true, text: edited.text };
}
