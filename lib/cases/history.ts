import type { Organization } from '../../schemas/organization.ts';
import { formatDate, type IsoDate } from '../dates/iso-date.ts';
import { readYaml } from '../problems/yaml-source.ts';
import { vocabulary, type CaseField } from '../vocabulary/index.ts';
import { splitFrontmatter } from './frontmatter.ts';

/**
 * A Dossier's history in the organizer's words, from the commits Git keeps of its file (the audit trail made
 * visible): "3 december, Bram de Wit: stap 'Klager gehoord' vastgelegd". The words come from what changed in the
 * file (its frontmatter field by field, its text), never from a commit message, which could be anyone's words;
 * no value of a field is ever shown, only which field changed.
 */

const nl = vocabulary('nl');

/** One commit that changed a case file: when, by whom, its message, and the file's text before and after. */
export interface HistoryCommit {
  /** The day it was made, in the organization's time zone. */
  date: IsoDate;
  authorName: string;
  authorEmail: string;
  /** The commit message's first line: only read for a renumbering (`K-…: hernummerd, was K-…`). */
  subject: string;
  /** The file's text before the commit (its first parent), undefined when the file did not exist there. */
  before?: string;
  /** The file's text after the commit, undefined when the commit removed it. */
  after?: string;
}

/** One line of the history: the day, who, and what happened. */
export interface HistoryLine {
  date: IsoDate;
  who: string;
  what: string;
}

type Data = Record<string, unknown>;
interface Version {
  data: Data;
  body: string;
}

/** A case file's frontmatter as data and its body; a file that cannot be read as YAML counts as empty data. */
function versionOf(text: string | undefined): Version | undefined {
  if (text === undefined) return undefined;
  const split = splitFrontmatter(text);
  if (!split.ok) return { data: {}, body: text };
  const read = readYaml(split.yamlText);
  return { data: read.ok && read.data && typeof read.data === 'object' ? (read.data as Data) : {}, body: split.body };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const list = (v: unknown): Data[] => (Array.isArray(v) ? v.filter((x): x is Data => !!x && typeof x === 'object') : []);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const stepWord = (kind: unknown): string =>
  capital((nl.stepDone as Record<string, string>)[String(kind)] ?? (nl.field as Record<string, string>)['steps.kind']!);

/** The fields of the registration (art. 1.5, 4.5), as "Registratie wijzigen" names them. */
const REGISTRATION: readonly CaseField[] = ['organizer', 'received', 'channel', 'assignment_completed', 'categories', 'complainant'];
/** The dates the checklist records as steps of their own. */
const DATED_STEPS = ['acknowledged', 'written_confirmation', 'client_informed'] as const;

/** What one commit did to a case, in words (several changes joined by "; "). */
export function changeWords(c: Pick<HistoryCommit, 'subject' | 'before' | 'after' | 'date'>): string {
  const renumbered = /hernummerd, was (K-\d{4}-\d{3,})/.exec(c.subject);
  if (renumbered) return `nummer gewijzigd: ${renumbered[1]} was al in gebruik`;
  const b = versionOf(c.before);
  const a = versionOf(c.after);
  if (!a) return 'dossier verwijderd';
  if (!b) return 'klacht geregistreerd';
  const was = b.data;
  const now = a.data;
  if (now.anonymized && !was.anonymized) return /op verzoek/.test(c.subject) ? 'persoonsgegevens verwijderd op verzoek' : 'persoonsgegevens verwijderd (bewaartermijn)';
  const out: string[] = [];
  const when = (date: unknown) => (typeof date === 'string' && date !== c.date ? ` (gedaan op ${formatDate(date)})` : '');

  const changedRegistration = REGISTRATION.filter((f) => !same(was[f], now[f])).map((f) => nl.field[f]);
  if (changedRegistration.length) out.push(`registratie gewijzigd: ${changedRegistration.join(', ').toLowerCase()}`);

  for (const k of DATED_STEPS) {
    if (same(was[k], now[k])) continue;
    if (!was[k]) out.push(`stap '${stepWord(k)}' vastgelegd${when(now[k])}`);
    else out.push(`${nl.field[k].replace(/ op$/, '').replace('{escalation}', 'de klachtencommissie')}: datum ${now[k] ? 'gewijzigd' : 'verwijderd'}`);
  }

  const key = (s: Data) => JSON.stringify([s.kind, s.date, s.note ?? null]);
  const before = new Map<string, number>();
  for (const s of list(was.steps)) before.set(key(s), (before.get(key(s)) ?? 0) + 1);
  for (const s of list(now.steps)) {
    const n = before.get(key(s)) ?? 0;
    if (n > 0) before.set(key(s), n - 1);
    else out.push(`stap '${stepWord(s.kind)}' vastgelegd${when(s.date)}`);
  }
  const gone = [...before].flatMap(([k, n]) => Array.from({ length: n }, () => JSON.parse(k)[0] as string));
  for (const kind of gone) out.push(`stap '${stepWord(kind)}' verwijderd`);

  if (!same(was.response, now.response))
    out.push(`${nl.field.response.toLowerCase()} ${was.response ? (now.response ? 'gewijzigd' : 'verwijderd') : 'vastgelegd'}`);
  if (was.status !== now.status) {
    const status = (nl.status as Record<string, string>)[String(now.status)] ?? String(now.status);
    out.push(now.status === 'open' ? `heropend (${nl.field.status.toLowerCase()}: ${status})` : `${nl.field.status.toLowerCase()}: ${status}`);
  } else if (!same(was.escalation, now.escalation)) out.push(`${nl.field.escalation.toLowerCase()}: gegevens gewijzigd`);
  if (!same(was.satisfied, now.satisfied) || !same(was.no_escalation_reason, now.no_escalation_reason))
    if (was.status === now.status || now.status === 'resolved') out.push('uitkomst vastgelegd');
  if (!same(was.causes, now.causes)) out.push(`${nl.field.causes.toLowerCase()} vastgelegd`);

  const acts = list(now.improvements);
  const old = list(was.improvements);
  if (acts.length > old.length) out.push(`verbeteractie toegevoegd`);
  if (acts.some((x, i) => x.done && !old[i]?.done)) out.push('verbeteractie afgerond');

  if (a.body.trim() !== b.body.trim()) out.push('klachttekst of notities gewijzigd');
  return out.length ? [...new Set(out)].join('; ') : 'dossier bijgewerkt';
}

/** The name of who made a commit: the organizer whose werkplek identity it carries (organization.yml), else Git's author name. */
export function authorOf(c: Pick<HistoryCommit, 'authorName' | 'authorEmail'>, org: Pick<Organization, 'organizers'>): string {
  const email = c.authorEmail.toLowerCase();
  return org.organizers.find((o) => `${o.github}@users.noreply.github.com`.toLowerCase() === email)?.name ?? (c.authorName || 'onbekend');
}

/** A case's history, newest first, in words. */
export function historyLines(commits: readonly HistoryCommit[], org: Pick<Organization, 'organizers'>): HistoryLine[] {
  return commits.map((c) => ({ date: c.date, who: authorOf(c, org), what: changeWords(c) }));
}

/** A day as the history says it: "3 december", with the year when it is not this year's. */
export function historyDay(date: IsoDate, today: IsoDate): string {
  const words = formatDate(date);
  return date.slice(0, 4) === today.slice(0, 4) ? words.replace(/ \d+$/, '') : words;
}

/** One line as the organizer reads it: "3 december, Bram de Wit: stap 'Klager gehoord' vastgelegd". */
export const historySentence = (l: HistoryLine, today: IsoDate): string => `${historyDay(l.date, today)}, ${l.who}: ${l.what}`;
