import type { CaseData } from '../../schemas/case.ts';
import type { Organization } from '../../schemas/organization.ts';
import { workdaysBetween, type WorkCalendar } from '../calendar/calendar.ts';
import { caseDeadline, type CaseDeadline } from '../deadlines/deadlines.ts';
import { BASE_LABEL, ISSUE_STATE_LABELS, isMarkerToken, type FlagKind, type FlagState } from './issue.ts';
import { formatDate, type IsoDate } from '../dates/iso-date.ts';
import { pastRetention, type RetentionDue } from '../cases/retention.ts';
import { missingSteps } from '../cases/steps.ts';
import { findOrganizer } from '../organization/organizers.ts';
import { inlineCode } from './markdown.ts';
import { vocabulary } from '../vocabulary/index.ts';
import { addWorkdays } from '../calendar/calendar.ts';
import { DECREED_DAYS_KNOWN_UNTIL, decreedDaysRunOut } from '../calendar/decreed-days.ts';

/**
 * What one flag issue should look like now: the sync's wish for a case (or for the retention list),
 * before it looks at GitHub. Only case ids, dates, states, the organizer and the file path: never
 * personal data (art. 4.4; see docs/architecture.md, "Privacy").
 */
export interface FlagSubject {
  kind: FlagKind;
  /** Case id, or `retention`. */
  key: string;
  /** The case's deadline facts (deadline and late-filing subjects); shown in the summary. */
  deadline: CaseDeadline | null;
  /** Case file path, as loaded. */
  file: string | null;
  /** The flag to show, or null when none is needed (an open issue is then closed). */
  flag: Flag | null;
  /** Why no flag is needed: the closing comment. */
  settled: string;
}

/** The content of a flag issue, without its marker (the planner adds it). */
export interface Flag {
  state: Exclude<FlagState, 'none'>;
  title: string;
  /** One sentence: the news, used in the body and in the comment when the state changes. */
  headline: string;
  body: string;
  /** Managed labels: the base label and the state's. */
  labels: string[];
  assignees: string[];
  /** Retention issue: the case ids it lists (sorted). */
  cases: string[];
}

/** A case as the sync needs it: its validated frontmatter and the path of its file. */
export interface SubjectCase {
  file: string;
  data: CaseData;
}

/** A short Dutch name of each state, for comments. */
export const STATE_NAMES: Readonly<Record<FlagState, string>> = {
  due_soon: vocabulary('nl').deadlineState.due_soon,
  due_today: vocabulary('nl').deadlineState.due_today,
  overdue: vocabulary('nl').deadlineState.overdue,
  late: 'te laat ingediend',
  past_retention: 'bewaartermijn verstreken',
  invalid: 'ongeldig dossier',
  decreed_days: 'nieuw gelijkstellingsbesluit opzoeken',
  none: 'geen signaal',
};

const workdays = (n: number) => `${n} ${n === 1 ? 'werkdag' : 'werkdagen'}`;
const code = inlineCode;
const slash = (path: string) => path.replace(/\\/g, '/');

const SETTLED: Record<CaseDeadline['state'], (d: CaseDeadline) => string> = {
  on_track: (d) =>
    `Klacht ${d.id} ligt weer op schema (termijn ${formatDate(d.due)}, nog ${workdays(d.workdays_left ?? 0)}); dit issue wordt gesloten.`,
  due_soon: (d) => `Klacht ${d.id} heeft geen signaal meer nodig; dit issue wordt gesloten.`,
  due_today: (d) => `Klacht ${d.id} heeft geen signaal meer nodig; dit issue wordt gesloten.`,
  overdue: (d) => `Klacht ${d.id} heeft geen signaal meer nodig; dit issue wordt gesloten.`,
  closed_on_time: (d) =>
    `Dossier ${d.id} is afgesloten (status ${code(d.status)} op ${formatDate(d.closed_on ?? d.due)}, binnen de termijn); dit issue wordt gesloten.`,
  closed_late: (d) =>
    `Dossier ${d.id} is afgesloten (status ${code(d.status)} op ${formatDate(d.closed_on ?? d.due)}, na de termijn van ${formatDate(d.due)}); dit issue wordt gesloten.`,
  withdrawn: (d) =>
    `De klager heeft klacht ${d.id} ingetrokken${d.closed_on ? ` op ${formatDate(d.closed_on)}` : ''}; dit issue wordt gesloten.`,
};

function facts(d: CaseDeadline, file: string, organizer: string, org: Organization, cal: WorkCalendar): string {
  const filing =
    d.filing_deadline === null
      ? 'onbekend (geen `assignment_completed` in het dossier)'
      : d.filed_late
        ? `${formatDate(d.filing_deadline)}: te laat ingediend, ${workdays(workdaysBetween(cal, d.filing_deadline, d.received))} erna`
        : `${formatDate(d.filing_deadline)}: op tijd ingediend`;
  const field = vocabulary('nl').field;
  return [
    '| Gegeven | Waarde |',
    '|---|---|',
    `| ${field.id} | ${d.id} |`,
    `| Bestand | ${code(slash(file))} |`,
    `| ${field.organizer} (art. 6.1) | ${organizer} |`,
    `| ${field.received} | ${formatDate(d.received)} |`,
    `| Afhandeltermijn (art. 5.4, 6.2) | ${formatDate(d.due)} (${workdays(org.deadlines.handling_workdays)} na ontvangst) |`,
    `| Indieningstermijn (art. 4.1) | ${filing} |`,
  ].join('\n');
}

function deadlineFlag(c: SubjectCase, d: CaseDeadline, org: Organization, cal: WorkCalendar): Flag | null {
  if (d.state !== 'due_soon' && d.state !== 'due_today' && d.state !== 'overdue') return null;
  const left = d.workdays_left ?? 0;
  const person = findOrganizer(org.organizers, d.organizer);
  const organizer = person ? `${person.name} (GitHub ${code(person.github)})` : d.organizer;
  const { title, headline, standing } = {
    due_soon: {
      title: `Klacht ${d.id}: termijn verloopt op ${formatDate(d.due)}`,
      headline: `De afhandeltermijn van klacht ${d.id} verloopt over ${workdays(left)}, op ${formatDate(d.due)}.`,
      standing: `nog ${workdays(left)}`,
    },
    due_today: {
      title: `Klacht ${d.id}: termijn verloopt vandaag (${formatDate(d.due)})`,
      headline: `De afhandeltermijn van klacht ${d.id} verloopt vandaag, ${formatDate(d.due)}.`,
      standing: 'verloopt vandaag',
    },
    overdue: {
      title: `Klacht ${d.id}: termijn ${workdays(-left)} overschreden`,
      headline: `De afhandeltermijn van klacht ${d.id} is ${workdays(-left)} overschreden (termijn: ${formatDate(d.due)}).`,
      standing: `${workdays(-left)} overschreden`,
    },
  }[d.state];
  const missing = missingSteps(c.data);
  const steps = missing.length
    ? [
        '**Nog niet vastgelegd in het dossier:**',
        '',
        ...missing.map((s) => `- ${vocabulary('nl', org).regulationStep[s.key]} (${s.article})`),
      ].join('\n')
    : 'Alle stappen van de regeling hebben een datum; zet de status op `resolved` of `escalated` om het dossier af te sluiten.';
  const body = [
    `**${headline}**`,
    '',
    facts(d, c.file, organizer, org, cal),
    `| Stand | ${standing} |`,
    '',
    steps,
    '',
    '---',
    'Dit issue wordt bijgehouden door `npm run deadlines -- --github` en sluit vanzelf zodra het dossier is afgesloten ' +
      '(status `resolved`, `escalated` of `withdrawn`). Sluit u het met de hand, dan blijft het dicht tot de termijn verder ' +
      'verstrijkt (binnenkort → vandaag → overschreden).',
  ].join('\n');
  return {
    state: d.state,
    title,
    headline,
    body,
    labels: [BASE_LABEL.name, ISSUE_STATE_LABELS[d.state].name],
    assignees: person ? [person.github] : [],
    cases: [],
  };
}

function lateFilingFlag(c: SubjectCase, d: CaseDeadline, org: Organization, cal: WorkCalendar): Flag | null {
  // art. 4.1: a complaint filed after the filing window is flagged, never refused; only while it is open
  if (!d.filed_late || d.filing_deadline === null || d.status !== 'open') return null;
  const person = findOrganizer(org.organizers, d.organizer);
  const organizer = person ? `${person.name} (GitHub ${code(person.github)})` : d.organizer;
  const late = workdaysBetween(cal, d.filing_deadline, d.received);
  const headline =
    `Klacht ${d.id} is ontvangen op ${formatDate(d.received)}, ${workdays(late)} na het einde van de indieningstermijn ` +
    `(${formatDate(d.filing_deadline)}, art. 4.1).`;
  const body = [
    `**${headline}**`,
    '',
    facts(d, c.file, organizer, org, cal),
    '',
    'De regeling weigert een late klacht niet vanzelf. Beslis of u de klacht toch in behandeling neemt en leg dat vast in het dossier.',
    '',
    '---',
    'Dit signaal komt één keer: sluit dit issue als u hebt besloten; het wordt niet opnieuw geopend. Het sluit vanzelf als het ' +
      'dossier wordt afgesloten. (`npm run deadlines -- --github`)',
  ].join('\n');
  return {
    state: 'late',
    title: `Klacht ${d.id}: te laat ingediend (art. 4.1)`,
    headline,
    body,
    labels: [BASE_LABEL.name, ISSUE_STATE_LABELS.late.name],
    assignees: person ? [person.github] : [],
    cases: [],
  };
}

function retentionFlag(due: RetentionDue[], cases: readonly SubjectCase[], org: Organization): Flag | null {
  if (due.length === 0) return null;
  const ids = due.map((r) => r.id).sort();
  const organizerOf = new Map(cases.map((c) => [c.data.id, c.data.organizer]));
  const logins = [
    ...new Set(ids.map((id) => findOrganizer(org.organizers, organizerOf.get(id) ?? '')?.github).filter((x): x is string => !!x)),
  ].sort();
  const years = org.retention.years_after_closing;
  const n = ids.length;
  const headline = `${n} afgesloten ${n === 1 ? 'dossier bewaart' : 'dossiers bewaren'} persoonsgegevens langer dan de bewaartermijn van ${years} jaar na afsluiting.`;
  const body = [
    `**${headline}**`,
    '',
    '| Dossier | Afgesloten | Bewaren tot en met |',
    '|---|---|---|',
    ...[...due].sort((a, b) => a.id.localeCompare(b.id)).map((r) => `| ${r.id} | ${r.closed_on} | ${r.keep_until} |`),
    '',
    'De AVG staat niet toe persoonsgegevens langer te bewaren dan nodig (`retention.years_after_closing` in organization.yml). ' +
      'Open in de werkplek **Bewaartermijn**: die toont eerst wat er verandert. Verwijder daar de persoonsgegevens en klik daarna op **Synchroniseren**. ' +
      '(In de terminal: `npm run retention` toont het, `npm run retention -- --apply` verwijdert het.)',
    '',
    '---',
    'Dit issue wordt bijgehouden door `npm run deadlines -- --github` en sluit vanzelf als er geen dossiers meer over de bewaartermijn zijn.',
  ].join('\n');
  return {
    state: 'past_retention',
    title: `Bewaartermijn verstreken: persoonsgegevens van ${n} ${n === 1 ? 'dossier' : 'dossiers'} verwijderen`,
    headline,
    body,
    labels: [BASE_LABEL.name, ISSUE_STATE_LABELS.past_retention.name],
    assignees: logins,
    cases: ids,
  };
}

/** art. 3 lid 3 Atw: one issue when a term starting today may run past the decreed days we know. */
function decreedDaysFlag(org: Organization, cal: WorkCalendar, today: IsoDate): Flag | null {
  const longest = Math.max(org.deadlines.filing_workdays, org.deadlines.handling_workdays);
  const horizon = addWorkdays(cal, today, longest);
  if (!decreedDaysRunOut(horizon)) return null;
  const headline =
    `De lijst met gelijkgestelde dagen (art. 3 lid 3 Atw) loopt tot en met ${formatDate(DECREED_DAYS_KNOWN_UNTIL)}; ` +
    `een termijn die vandaag begint, loopt tot ${formatDate(horizon)}.`;
  const body = [
    `**${headline}**`,
    '',
    'De overheid stelt soms extra dagen gelijk aan een feestdag van de Algemene termijnenwet (een gelijkstellingsbesluit in de ' +
      'Staatscourant). Na de laatste bekende datum telt het project zulke dagen als werkdag, en kan een termijn een werkdag te vroeg uitkomen.',
    '',
    '- Zoek het nieuwe gelijkstellingsbesluit op (zoek op "gelijkstellingsbesluit Algemene termijnenwet" bij officielebekendmakingen.nl).',
    '- Voeg de dagen met hun Staatscourant-nummer toe aan `lib/calendar/decreed-days.ts` en zet `DECREED_DAYS_KNOWN_UNTIL` verder.',
    '',
    '---',
    'Dit issue wordt bijgehouden door `npm run deadlines -- --github` en sluit vanzelf zodra de lijst weer ver genoeg reikt.',
  ].join('\n');
  return {
    state: 'decreed_days',
    title: 'Nieuw gelijkstellingsbesluit opzoeken (art. 3 lid 3 Atw)',
    headline,
    body,
    labels: [BASE_LABEL.name, ISSUE_STATE_LABELS.decreed_days.name],
    assignees: [],
    cases: [],
  };
}

/**
 * The flag issues the cases call for on `today`: per case a deadline subject and a late-filing subject
 * (with `flag: null` when none is needed), plus the one retention subject.
 * @example flagSubjects(cases, org, cal, '2026-12-01').filter((s) => s.flag?.state === 'overdue')
 */
export function flagSubjects(cases: readonly SubjectCase[], org: Organization, cal: WorkCalendar, today: IsoDate): FlagSubject[] {
  const subjects: FlagSubject[] = [];
  for (const c of cases) {
    const d = caseDeadline(c.data, cal, org.deadlines, today);
    const settled = SETTLED[d.state](d);
    subjects.push({ kind: 'deadline', key: d.id, deadline: d, file: c.file, flag: deadlineFlag(c, d, org, cal), settled });
    subjects.push({
      kind: 'late_filing',
      key: d.id,
      deadline: d,
      file: c.file,
      flag: lateFilingFlag(c, d, org, cal),
      settled:
        d.status === 'open' ? `Klacht ${d.id} geldt niet meer als te laat ingediend; dit issue wordt gesloten.` : SETTLED[d.state](d),
    });
  }
  const due = pastRetention(
    cases.map((c) => c.data),
    org.retention,
    today,
  );
  subjects.push({
    kind: 'retention',
    key: 'retention',
    deadline: null,
    file: null,
    flag: retentionFlag(due, cases, org),
    settled: 'Geen afgesloten dossiers meer met persoonsgegevens over de bewaartermijn; dit issue wordt gesloten.',
  });
  subjects.push({
    kind: 'calendar',
    key: 'decreed-days',
    deadline: null,
    file: null,
    flag: decreedDaysFlag(org, cal, today),
    settled: 'De lijst met gelijkgestelde dagen reikt weer verder dan de langste termijn; dit issue wordt gesloten.',
  });
  return subjects;
}

/** A case file that does not validate: where, and which fields. Never a value or a message from the file. */
export interface InvalidFile {
  /** The file's path, as loaded. */
  file: string;
  /** The line and field of each error (`path:line: field`). */
  problems: { line: number; field: string }[];
}

/** The invalid files among the errors of a check, each with the line and field of its errors (never a value). */
export function invalidFiles(errors: readonly { file: string; line: number; field: string }[]): InvalidFile[] {
  return [...new Set(errors.map((p) => p.file))].map((file) => ({
    file,
    problems: errors.filter((p) => p.file === file).map((p) => ({ line: p.line, field: p.field })),
  }));
}

// a field path as the schema names it (`response.findings`, `steps.2.date`); an unknown key a person typed
// could hold anything (a name), so it is not repeated
const FIELD = /^[a-z_]+(\.[a-z0-9_]+)*$/;
const fieldName = (field: string) => (FIELD.test(field) ? code(field) : '(een onbekend veld; naam niet getoond)');
const baseName = (path: string) => path.replace(/^.*[\\/]/, '');

/**
 * The one "Ongeldig dossier" subject: while case files do not validate, one issue names each such file and
 * its fields (never their values), so an invalid file cannot silence the alerts of the valid cases: those are
 * synced as usual. Closed when every file validates again.
 * @example invalidFilesSubject([{ file: 'cases/2026/K-2026-003.md', problems: [{ line: 4, field: 'received' }] }])
 */
export function invalidFilesSubject(invalid: readonly InvalidFile[]): FlagSubject {
  const files = [...invalid].sort((a, b) => a.file.localeCompare(b.file));
  const n = files.length;
  const names = [...new Set(files.map((f) => baseName(f.file)).filter(isMarkerToken))].sort();
  const headline = `${n} ${n === 1 ? 'dossierbestand voldoet' : 'dossierbestanden voldoen'} niet aan het schema; de termijnbewaking van ${n === 1 ? 'dat dossier' : 'die dossiers'} staat stil tot ${n === 1 ? 'het is' : 'ze zijn'} hersteld.`;
  const rows = files.flatMap((f) =>
    f.problems
      .slice(0, 20)
      .map((p) => `| ${code(slash(f.file))} | ${p.line} | ${fieldName(p.field)} |`)
      .concat(f.problems.length > 20 ? [`| ${code(slash(f.file))} | | … en ${f.problems.length - 20} meer |`] : []),
  );
  const body = [
    `**${headline}**`,
    '',
    '| Bestand | Regel | Veld |',
    '|---|---|---|',
    ...rows,
    '',
    'De andere dossiers worden gewoon bewaakt. Voer `npm run validate` uit: die noemt per veld wat er mis is en hoe het goed moet. ' +
      'Dit issue noemt alleen bestand, regel en veld, nooit de inhoud (art. 4.4).',
    '',
    '---',
    'Dit issue wordt bijgehouden door `npm run deadlines -- --github` en sluit vanzelf zodra alle dossierbestanden weer kloppen.',
  ].join('\n');
  return {
    kind: 'invalid',
    key: 'invalid',
    deadline: null,
    file: null,
    flag: n
      ? {
          state: 'invalid',
          title: `Ongeldig dossier: ${n} ${n === 1 ? 'bestand' : 'bestanden'} herstellen`,
          headline,
          body,
          labels: [BASE_LABEL.name, ISSUE_STATE_LABELS.invalid.name],
          assignees: [],
          cases: names,
        }
      : null,
    settled: 'Alle dossierbestanden voldoen weer aan het schema; dit issue wordt gesloten.',
  };
}
