import type { CaseData } from '../../schemas/case.ts';
import type { IsoDate } from '../dates/iso-date.ts';
import { editCaseText, replaceBodySection, replaceComplaintSection, type CaseEdit, type EditResult, type FieldPath } from './edit.ts';
import { recordCaseDate, type RecordedDateField } from './record-date.ts';
import { complaintSection, confirmedComplaintSection, CONFIRMED_HEADING } from './body.ts';
import { vocabulary } from '../vocabulary/index.ts';

/** The words of the commit messages (lib/vocabulary). */
const nl = vocabulary('nl');

/**
 * One change to one case, planned from the case as it is now: the edits of its frontmatter (or a text change
 * the edits cannot say), the new body, the words of the commit message (`K-2026-005: <message>`), and where a
 * problem of the changed case belongs (a frontmatter path → the input that set it).
 */
export interface CaseChange {
  edits: readonly CaseEdit[];
  /** A change the edits cannot say (a date placed where `npm run documents` puts it); replaces the edits. */
  apply?: (text: string) => EditResult;
  /** The new Markdown body, when the change replaces it. */
  body?: string;
  /** What happened, for the commit and the organizer: `klager gehoord (art. 5.2)`. Never personal data. */
  message: string;
  /** The input a problem of the changed case belongs to (default: the path itself). */
  inputOf?: (path: string) => string;
}

/** The text of a case after a change, or why it cannot be made (a file the `yaml` library cannot edit). */
export function applyCaseChange(text: string, change: CaseChange): EditResult {
  return change.apply ? change.apply(text) : editCaseText(text, change.edits, change.body);
}

/** Whether a change changes nothing before it is applied (an empty form). */
export const isEmptyChange = (change: CaseChange): boolean => !change.apply && change.edits.length === 0 && change.body === undefined;

const set = (path: FieldPath, value: unknown): CaseEdit => (value === undefined ? { op: 'delete', path } : { op: 'set', path, value });

/** A handling step: a date field of its own (art. 3, 4.1, 4.5) or an entry in `steps` (art. 5.1–5.3, 4.3). */
export function stepChange(
  c: CaseData,
  s: { kind: string; field: 'date' | 'step'; date: IsoDate; note?: string; message: string },
): CaseChange {
  if (s.field === 'date') return { edits: [set([s.kind], s.date)], message: s.message };
  const i = c.steps.length;
  return {
    edits: [{ op: 'append', path: ['steps'], value: { kind: s.kind, date: s.date, ...(s.note ? { note: s.note } : {}) } }],
    message: s.message,
    inputOf: (p) => (p.startsWith(`steps.${i}.`) ? p.slice(`steps.${i}.`.length) : p),
  };
}

/** The written response (art. 4.6, 5.5); an empty value removes the field. */
export function responseChange(r: { date?: IsoDate; findings?: string; conclusions?: string; mediation?: string }): CaseChange {
  return {
    edits: [
      set(['response', 'date'], r.date),
      set(['response', 'findings'], r.findings),
      set(['response', 'conclusions'], r.conclusions),
      set(['response', 'mediation'], r.mediation),
    ],
    message: 'schriftelijke afhandeling vastgelegd (art. 4.6, 5.5)',
    inputOf: (p) => (p === 'response' ? 'response.date' : p),
  };
}

/** Closing a handled case, or changing its outcome (art. 2.3, 4.7, 5.5). */
export function closeChange(c: CaseData, o: { satisfied?: boolean; no_escalation_reason?: string }): CaseChange {
  return {
    edits: [
      set(['status'], 'resolved'),
      set(['satisfied'], o.satisfied),
      // art. 4.7: not satisfied, yet not to the committee: why (validate warns without it)
      set(['no_escalation_reason'], o.no_escalation_reason),
    ],
    message: c.status === 'open' ? `${nl.status.resolved} (art. 5.5)` : 'uitkomst gewijzigd (art. 2.3, 4.7)',
    inputOf: (p) => (p.startsWith('response') ? '' : p),
  };
}

/** Art. 4.7: the complaint goes to the escalation body's committee. */
export function escalationChange(e: { date?: IsoDate; reference?: string }): CaseChange {
  return {
    edits: [set(['escalation'], { date: e.date, reference: e.reference }), set(['status'], 'escalated'), set(['satisfied'], false)],
    message: `${nl.status.escalated} (art. 4.7)`,
    inputOf: (p) => (p === 'escalation' ? 'escalation.date' : p.startsWith('response') ? '' : p),
  };
}

/** The complainant withdrew the complaint. */
export function withdrawalChange(date: IsoDate | undefined): CaseChange {
  return { edits: [set(['withdrawn_on'], date), set(['status'], 'withdrawn')], message: `${nl.status.withdrawn} door de klager` };
}

/**
 * A resolved or withdrawn case taken up again: a withdrawal or a closing recorded by mistake, or a complainant who
 * comes back. The status returns to open, the withdrawal date and the satisfaction go; the reopening is a step of
 * its own (`reopened`, the reason in its note), so the dossier keeps when and why. The response, the other steps
 * and an escalation stay as recorded.
 */
export function reopenChange(c: CaseData, r: { date: IsoDate; reason: string }): CaseChange {
  if (c.status === 'open') return { edits: [], message: nl.stepDone.reopened };
  const i = c.steps.length;
  return {
    edits: [
      set(['status'], 'open'),
      set(['withdrawn_on'], undefined),
      set(['satisfied'], undefined),
      { op: 'append', path: ['steps'], value: { kind: 'reopened', date: r.date, note: r.reason } },
    ],
    message: nl.stepDone.reopened,
    inputOf: (p) => (p.startsWith(`steps.${i}.`) ? p.slice(`steps.${i}.`.length) : p),
  };
}

/** The causes of the complaint (art. 2.2). */
export function causesChange(causes: readonly string[]): CaseChange {
  return { edits: [set(['causes'], causes.length ? [...causes] : undefined)], message: 'oorzaken vastgelegd (art. 2.2)' };
}

/** A new improvement action (art. 2.4). */
export function improvementChange(c: CaseData, a: { action: string; owner: string; due?: IsoDate }): CaseChange {
  const i = c.improvements.length;
  return {
    edits: [{ op: 'append', path: ['improvements'], value: { action: a.action, owner: a.owner, due: a.due } }],
    message: 'verbeteractie toegevoegd (art. 2.4)',
    inputOf: (p) => (p.startsWith(`improvements.${i}.`) ? p.slice(`improvements.${i}.`.length) : p),
  };
}

/** Improvement action `index` done on `date` (art. 2.4). */
export function improvementDoneChange(index: number, date: IsoDate): CaseChange {
  return { edits: [set(['improvements', index, 'done'], date)], message: 'verbeteractie afgerond (art. 2.4)' };
}

/** A letter went out: its date, placed where `npm run documents` places it (art. 4.5 acknowledgement, art. 4.1 oral). */
export function sentChange(field: RecordedDateField, date: IsoDate, message: string): CaseChange {
  return {
    edits: [],
    apply: (text) => {
      const r = recordCaseDate(text, field, date);
      return r.changed ? { ok: true, text: r.text } : { ok: false, message: `al vastgelegd: verstuurd op ${r.current}` };
    },
    message,
  };
}

/** The registered facts (art. 1.5, 4.5), corrected: only what differs from the case is written, so comments stay. */
export interface Registration {
  organizer?: string;
  received?: IsoDate;
  channel?: string;
  assignment_completed?: IsoDate;
  /** Art. 3: when the client was told of this regulation at the start of the assignment. */
  client_informed?: IsoDate;
  written_confirmation?: IsoDate;
  categories: readonly string[];
  complainant: { name: string; email?: string; phone?: string; address?: string };
  representative?: { name: string; relation?: string; email?: string; phone?: string; address?: string };
  /** The complaint as received, under `## Klacht` of the body. */
  complaint: string;
  /** Art. 4.1: the complaint as written for the complainant, under `## Klacht zoals bevestigd` ('' removes it). */
  confirmed: string;
}

/** Art. 1.5, 4.5: the registration corrected. */
export function registrationChange(c: CaseData, body: string, r: Registration): CaseChange {
  const edits: CaseEdit[] = [];
  const change = (path: string[], value: unknown) => {
    const now = path.reduce<unknown>((x, k) => (x as Record<string, unknown> | undefined)?.[k], c);
    if (JSON.stringify(now) !== JSON.stringify(value)) edits.push(set(path, value));
  };
  for (const k of ['organizer', 'received', 'channel', 'assignment_completed', 'client_informed', 'written_confirmation'] as const)
    change([k], r[k]);
  change(['categories'], [...r.categories]);
  for (const k of ['name', 'email', 'phone', 'address'] as const) change(['complainant', k], r.complainant[k]);
  if (!r.representative) change(['complainant', 'representative'], undefined);
  else for (const k of ['name', 'relation', 'email', 'phone', 'address'] as const) change(['complainant', 'representative', k], r.representative[k]);
  const withComplaint = r.complaint.trim() !== complaintSection(body) ? replaceComplaintSection(body, r.complaint) : body;
  // art. 4.1: the text the oral complaint's confirmation prints, apart from the organizer's own note
  const withConfirmed =
    r.confirmed.trim() !== confirmedComplaintSection(withComplaint)
      ? replaceBodySection(withComplaint, CONFIRMED_HEADING, r.confirmed)
      : withComplaint;
  return {
    edits,
    body: withConfirmed !== body ? withConfirmed : undefined,
    message: 'registratie gewijzigd (art. 1.5, 4.5)',
    inputOf: (p) => (p === 'complainant' ? 'complainant.name' : p === 'complainant.representative' ? 'complainant.representative.name' : p),
  };
}
