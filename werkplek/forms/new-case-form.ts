import type { Organization } from '../../schemas/organization.ts';
import { editCaseText, type CaseEdit } from '../../lib/cases/edit.ts';
import { newCaseFileText, type NewCaseAnswers } from '../../lib/cases/new-case.ts';
import type { FormValues } from '../form-controls.ts';
import { list, opt, str } from './form-values.ts';

/** The answers of the registration form; `representative` with its contact details (art. 1.2). */
export function answersOf(v: FormValues): { answers: NewCaseAnswers; extra: CaseEdit[] } {
  const rep = opt(v, 'complainant.representative.name');
  const repContact = (['email', 'phone', 'address'] as const).flatMap((k) => {
    const value = opt(v, `complainant.representative.${k}`);
    return value !== undefined ? [{ op: 'set' as const, path: ['complainant', 'representative', k], value }] : [];
  });
  return {
    answers: {
      organizer: str(v, 'organizer'),
      received: str(v, 'received'),
      channel: str(v, 'channel') as NewCaseAnswers['channel'],
      name: str(v, 'complainant.name'),
      email: opt(v, 'complainant.email'),
      phone: opt(v, 'complainant.phone'),
      address: opt(v, 'complainant.address'),
      representative: rep ? { name: rep, relation: opt(v, 'complainant.representative.relation') } : undefined,
      assignment_completed: opt(v, 'assignment_completed'),
      client_informed: opt(v, 'client_informed'),
      categories: list(v, 'categories'),
      complaint: opt(v, 'klacht'),
    },
    extra: [
      ...(rep ? repContact : []),
      ...(opt(v, 'written_confirmation')
        ? [{ op: 'set' as const, path: ['written_confirmation'], value: str(v, 'written_confirmation') }]
        : []),
      // a representative's contact fields without a name: keep them so the check names the missing name
      ...(!rep && repContact.length
        ? [{ op: 'set' as const, path: ['complainant', 'representative', 'name'], value: '' }, ...repContact]
        : []),
    ],
  };
}

/** The registration form (dates read) as the new file's text for an id: what `registerCase` writes. */
export function newCaseDraft(v: FormValues, org: Organization): (id: string) => string {
  const { answers, extra } = answersOf(v);
  return (id) => {
    const base = newCaseFileText(id, answers, org);
    const edited = editCaseText(base, extra);
    return edited.ok ? edited.text : base;
  };
}

/** Where a problem of a new case shows on the form. */
export const newCaseFieldOf = (p: string): string =>
  p === 'complainant' ? 'complainant.name' : p === 'complainant.representative' ? 'complainant.representative.name' : p;
