// The Dossier's forms as pure functions: form values and the case → the change they make, or Dutch messages per field.
import { describe, expect, it } from 'vitest';
import { caseSchemaFor, type CaseData } from '../../schemas/case.ts';
import { applyCaseChange, type CaseChange } from '../../lib/cases/case-changes.ts';
import type { CaseRecord } from '../../lib/cases/case-file.ts';
import { parseOrganization } from '../../lib/organization/organization.ts';
import { planDossierForm } from '../../werkplek/forms/dossier-forms.ts';
import { caseData, caseText, ORG_TEXT } from '../helpers/fixtures.ts';

const org = parseOrganization('organization.yml', ORG_TEXT);
const record = (overrides: Record<string, unknown> = {}): CaseRecord => ({
  file: 'cases/2026/K-2026-001.md',
  data: caseSchemaFor(org).parse(caseData(overrides)) as CaseData,
  body: '\n## Klacht\n\nTekst.\n',
});
const edits = (plan: ReturnType<typeof planDossierForm>) => (plan && 'edits' in plan ? plan.edits : plan);

describe('planDossierForm', () => {
  it.each([
    [
      'a step in steps',
      'stap',
      { 'stap.kind': 'complainant_heard', 'stap.date': '2026-11-10', 'stap.note': 'Gebeld' },
      [{ op: 'append', path: ['steps'], value: { kind: 'complainant_heard', date: '2026-11-10', note: 'Gebeld' } }],
    ],
    [
      'a step with a date field of its own',
      'stap',
      { 'stap.kind': 'client_informed', 'stap.date': '2026-11-10' },
      [{ op: 'set', path: ['client_informed'], value: '2026-11-10' }],
    ],
    [
      'the response, an empty field removed',
      'antwoord',
      { 'response.date': '2026-11-20', 'response.findings': 'B', 'response.conclusions': 'C', 'response.mediation': ' ' },
      [
        { op: 'set', path: ['response', 'date'], value: '2026-11-20' },
        { op: 'set', path: ['response', 'findings'], value: 'B' },
        { op: 'set', path: ['response', 'conclusions'], value: 'C' },
        { op: 'delete', path: ['response', 'mediation'] },
      ],
    ],
    [
      'a withdrawal',
      'intrekken',
      { withdrawn_on: '2026-11-12', bevestig: 'ja' },
      [
        { op: 'set', path: ['withdrawn_on'], value: '2026-11-12' },
        { op: 'set', path: ['status'], value: 'withdrawn' },
      ],
    ],
    [
      'an escalation',
      'escaleren',
      { 'escalation.date': '2026-11-30' },
      [
        { op: 'set', path: ['escalation'], value: { date: '2026-11-30', reference: undefined } },
        { op: 'set', path: ['status'], value: 'escalated' },
        { op: 'set', path: ['satisfied'], value: false },
      ],
    ],
    ['no causes', 'oorzaken', {}, [{ op: 'delete', path: ['causes'] }]],
  ])('%s', (_, action, values, expected) => {
    expect(edits(planDossierForm(action, values, record()))).toEqual(expected);
  });

  it.each([
    ['an unknown step', 'stap', { 'stap.kind': 'x', 'stap.date': '2026-11-10' }, { 'stap.kind': ['kies een stap uit de lijst'] }],
    [
      'a step without a date',
      'stap',
      { 'stap.kind': 'complainant_heard' },
      { 'stap.date': ['vul de datum van de stap in, bijv. 24-11-2026'] },
    ],
    [
      'a note on a date-only step',
      'stap',
      { 'stap.kind': 'client_informed', 'stap.date': '2026-11-10', 'stap.note': 'x' },
      {
        'stap.note': ['bij deze stap wordt alleen de datum bewaard; laat de notitie leeg'],
      },
    ],
    [
      'a letter sent without a date',
      'verstuurd-ontvangstbevestiging',
      {},
      { 'verstuurd.date': ['vul de verzenddatum in, bijv. 24-11-2026'] },
    ],
    [
      'an improvement that does not exist',
      'verbetering-gedaan',
      { index: '3', done: '2026-11-10' },
      {
        '': ['Deze verbeteractie bestaat niet (meer). Laad het dossier opnieuw.'],
      },
    ],
  ])('refuses %s with a Dutch message beside the field', (_, action, values, errors) => {
    expect(planDossierForm(action, values, record())).toEqual({ errors });
  });

  it('knows no other form', () => {
    expect(planDossierForm('wissen', {}, record())).toBeUndefined();
  });

  it('names a problem of a new step after the form field it came from', () => {
    const plan = planDossierForm('stap', { 'stap.kind': 'complainant_heard', 'stap.date': '2026-11-10' }, record()) as CaseChange;
    expect(plan.inputOf?.('steps.0.date')).toBe('stap.date');
    expect(plan.inputOf?.('received')).toBe('received');
  });

  it('asks before a withdrawal: without the box ticked nothing is planned', () => {
    expect(planDossierForm('intrekken', { withdrawn_on: '2026-11-12' }, record())).toEqual({
      errors: { bevestig: ['vink aan dat de klager de klacht heeft ingetrokken; er is nog niets opgeslagen'] },
    });
  });

  it('reopens a withdrawn case with a reason: status open, the withdrawal date gone, the reason a step', () => {
    const r = record({ status: 'withdrawn', withdrawn_on: '2026-11-05' });
    expect(planDossierForm('heropenen', { 'reopen.date': '2026-11-20' }, r)).toEqual({
      errors: { 'reopen.note': ['schrijf op waarom het dossier weer open gaat, bijv. "Klager belde opnieuw."'] },
    });
    const plan = planDossierForm('heropenen', { 'reopen.date': '2026-11-20', 'reopen.note': 'Klager belde opnieuw.' }, r) as CaseChange;
    const text = applyCaseChange(caseText(caseData({ status: 'withdrawn', withdrawn_on: '2026-11-05' })), plan);
    expect(text.ok && text.text).toMatch(/status: open/);
    expect(text.ok && text.text).not.toMatch(/withdrawn_on/);
    expect(text.ok && text.text).toMatch(/- kind: reopened\n\s+date: 2026-11-20\n\s+note: Klager belde opnieuw\./);
    expect(plan.inputOf?.('steps.0.note')).toBe('reopen.note');
  });

  it('changes only what differs in the registration, keeping the rest', () => {
    const plan = planDossierForm(
      'registratie',
      {
        organizer: 'anouk',
        received: '2026-11-03',
        channel: 'email',
        categories: ['communicatie'],
        'complainant.name': 'Test Klager',
        'complainant.email': 'nieuw@example.org',
        klacht: 'Tekst.',
      },
      record(),
    );
    expect(edits(plan)).toEqual([{ op: 'set', path: ['complainant', 'email'], value: 'nieuw@example.org' }]);
  });

  it('records art. 3 as a fact of the assignment and the confirmed complaint apart from the note (art. 3, 4.1)', () => {
    const values = {
      organizer: 'anouk',
      received: '2026-11-03',
      channel: 'email',
      categories: ['communicatie'],
      'complainant.name': 'Test Klager',
      'complainant.email': 'klager@example.org',
      klacht: 'Tekst.',
    };
    const plan = planDossierForm(
      'registratie',
      { ...values, client_informed: '2026-09-04', klacht_bevestigd: 'U vertelde mij over de planning.\nDie klopte niet.' },
      record(),
    ) as CaseChange;
    expect(plan.edits).toEqual([{ op: 'set', path: ['client_informed'], value: '2026-09-04' }]);
    expect(plan.body).toBe('\n## Klacht\n\nTekst.\n\n## Klacht zoals bevestigd\n\nU vertelde mij over de planning.\nDie klopte niet.\n');
    // the same text again changes nothing; an emptied field removes the section, the note stays
    const confirmed = { ...record(), body: plan.body! };
    const same = planDossierForm(
      'registratie',
      { ...values, klacht_bevestigd: 'U vertelde mij over de planning.\nDie klopte niet.' },
      confirmed,
    );
    expect(same && 'body' in same && same.body).toBeUndefined();
    const emptied = planDossierForm('registratie', { ...values, klacht_bevestigd: '' }, confirmed) as CaseChange;
    expect(emptied.body).toBe('\n## Klacht\n\nTekst.\n');
  });
});
