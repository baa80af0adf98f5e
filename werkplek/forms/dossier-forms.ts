import {
  causesChange,
  closeChange,
  escalationChange,
  improvementChange,
  improvementDoneChange,
  registrationChange,
  reopenChange,
  responseChange,
  sentChange,
  stepChange,
  withdrawalChange,
  type CaseChange,
} from '../../lib/cases/case-changes.ts';
import type { CaseRecord } from '../../lib/cases/case-file.ts';
import { DOCUMENT_KINDS } from '../../lib/documents/kinds.ts';
import type { FormValues } from '../form-controls.ts';
import { vocabulary } from '../../lib/vocabulary/index.ts';
import { CHECKLIST_STEPS } from '../labels.ts';
import { list, opt, str } from './form-values.ts';

/** A Dossier form's plan: the change, or messages beside the form's fields. */
export type FormPlan = CaseChange | { errors: Record<string, string[]> };

const refuse = (field: string, message: string): FormPlan => ({ errors: { [field]: [message] } });
/** A change whose problems belong to the form's fields named `prefix` + the change's own input names. */
const prefixed = (change: CaseChange, prefix: string, own: (p: string) => boolean): CaseChange => ({
  ...change,
  inputOf: (p) => {
    const q = change.inputOf?.(p) ?? p;
    return own(p) ? `${prefix}${q}` : q;
  },
});

/**
 * One Dossier form (its `actie`), from the submitted values (dates already read as ISO dates) and the case as
 * it is now, to the change it makes, or Dutch messages per field. Pure; undefined for an unknown form.
 */
export function planDossierForm(action: string, v: FormValues, current: CaseRecord): FormPlan | undefined {
  const c = current.data;
  if (action.startsWith('verstuurd-')) {
    // the letter went out: record its date (art. 4.5 ontvangstbevestiging, art. 4.1 mondelinge klacht), as npm run documents does
    const kind = DOCUMENT_KINDS.find((k) => k.key === action.slice('verstuurd-'.length));
    const field = kind?.records;
    if (!kind || !field) return undefined;
    const date = str(v, 'verstuurd.date');
    if (!date) return refuse('verstuurd.date', 'vul de verzenddatum in, bijv. 24-11-2026');
    if (c[field]) return refuse('verstuurd.date', `al vastgelegd: verstuurd op ${c[field]}`);
    const change = sentChange(field, date, `${kind.title.toLowerCase()} verstuurd (${kind.articles})`);
    return { ...change, inputOf: (p) => (p === field ? 'verstuurd.date' : p) };
  }
  switch (action) {
    case 'stap': {
      const kind = CHECKLIST_STEPS.find((k) => k.key === str(v, 'stap.kind'));
      if (!kind) return refuse('stap.kind', 'kies een stap uit de lijst');
      const date = str(v, 'stap.date');
      if (!date) return refuse('stap.date', 'vul de datum van de stap in, bijv. 24-11-2026');
      const note = opt(v, 'stap.note');
      if (kind.field === 'date' && note) return refuse('stap.note', 'bij deze stap wordt alleen de datum bewaard; laat de notitie leeg');
      const change = stepChange(c, {
        kind: kind.key,
        field: kind.field,
        date,
        note,
        message: `${vocabulary('nl').stepDone[kind.key]} (${kind.article})`,
      });
      return kind.field === 'date'
        ? { ...change, inputOf: (p) => (p === kind.key ? 'stap.date' : p) }
        : prefixed(change, 'stap.', (p) => p.startsWith(`steps.${c.steps.length}.`));
    }
    case 'antwoord':
      return responseChange({
        date: opt(v, 'response.date'),
        findings: opt(v, 'response.findings'),
        conclusions: opt(v, 'response.conclusions'),
        mediation: opt(v, 'response.mediation'),
      });
    case 'afsluiten': {
      const s = str(v, 'satisfied');
      return closeChange(c, {
        satisfied: s === 'ja' ? true : s === 'nee' ? false : undefined,
        no_escalation_reason: opt(v, 'no_escalation_reason'),
      });
    }
    case 'escaleren':
      return escalationChange({ date: opt(v, 'escalation.date'), reference: opt(v, 'escalation.reference') });
    case 'intrekken':
      // a withdrawal ends the handling: asked once more, as the other steps that close a dossier
      if (str(v, 'bevestig') !== 'ja')
        return refuse('bevestig', 'vink aan dat de klager de klacht heeft ingetrokken; er is nog niets opgeslagen');
      return withdrawalChange(opt(v, 'withdrawn_on'));
    case 'heropenen': {
      const reason = opt(v, 'reopen.note');
      if (!reason) return refuse('reopen.note', 'schrijf op waarom het dossier weer open gaat, bijv. "Klager belde opnieuw."');
      const date = str(v, 'reopen.date');
      if (!date) return refuse('reopen.date', 'vul de datum in, bijv. 24-11-2026');
      return prefixed(reopenChange(c, { date, reason: reason.trim() }), 'reopen.', (p) => p.startsWith(`steps.${c.steps.length}.`));
    }
    case 'oorzaken':
      return causesChange(list(v, 'causes'));
    case 'verbetering':
      return prefixed(
        improvementChange(c, {
          action: opt(v, 'improvement.action') ?? '',
          owner: str(v, 'improvement.owner'),
          due: opt(v, 'improvement.due'),
        }),
        'improvement.',
        (p) => p.startsWith(`improvements.${c.improvements.length}.`),
      );
    case 'verbetering-gedaan': {
      const i = Number(str(v, 'index'));
      if (!Number.isInteger(i) || !c.improvements[i])
        return refuse('', 'Deze verbeteractie bestaat niet (meer). Laad het dossier opnieuw.');
      return improvementDoneChange(i, str(v, 'done'));
    }
    case 'registratie':
      return registrationChange(c, current.body, registrationOf(v));
    default:
      return undefined;
  }
}

/** The registration form's values as a registration (art. 1.2, 1.5): a representative only when any of its fields is filled. */
export function registrationOf(v: FormValues) {
  const repKeys = ['name', 'relation', 'email', 'phone', 'address'] as const;
  const rep = repKeys.some((k) => opt(v, `complainant.representative.${k}`) !== undefined);
  return {
    organizer: opt(v, 'organizer'),
    received: opt(v, 'received'),
    channel: opt(v, 'channel'),
    assignment_completed: opt(v, 'assignment_completed'),
    client_informed: opt(v, 'client_informed'),
    written_confirmation: opt(v, 'written_confirmation'),
    categories: list(v, 'categories'),
    complainant: {
      name: str(v, 'complainant.name').trim(),
      email: opt(v, 'complainant.email'),
      phone: opt(v, 'complainant.phone'),
      address: opt(v, 'complainant.address'),
    },
    representative: rep
      ? {
          name: str(v, 'complainant.representative.name').trim(),
          relation: opt(v, 'complainant.representative.relation'),
          email: opt(v, 'complainant.representative.email'),
          phone: opt(v, 'complainant.representative.phone'),
          address: opt(v, 'complainant.representative.address'),
        }
      : undefined,
    complaint: str(v, 'klacht'),
    confirmed: str(v, 'klacht_bevestigd'),
  };
}
