import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KNOWN_BODIES } from '../../lib/organization/escalation-bodies.ts';
import { parseOrganization } from '../../lib/organization/organization.ts';
import { settingsOf, writeSettings } from '../../lib/organization/settings.ts';
import { settingsFromForm } from '../../werkplek/forms/settings-form.ts';
import { formValuesOf } from '../../werkplek/pages/settings.ts';

const TEXT = readFileSync(join(import.meta.dirname, '../../organization.yml'), 'utf8');
const current = settingsOf(parseOrganization('organization.yml', TEXT));
const shown = formValuesOf(current);

describe('Inrichten: the form values as settings', () => {
  it('the form as shown, sent back unchanged, changes not one byte of organization.yml', () => {
    const s = settingsFromForm({ ...shown, 'organizers.2.name': '', 'organizers.2.github': '', 'categories.5.label': '' }, current);
    expect(writeSettings(TEXT, s)).toEqual({ text: TEXT, changed: [] });
  });

  it.each([
    [
      'a colleague in the empty row gets a key from her first name',
      { 'organizers.2.name': 'Eva de Vries', 'organizers.2.github': '@eva-dv' },
      (s: any) => expect(s.organizers[2]).toEqual({ key: 'eva', name: 'Eva de Vries', github: 'eva-dv' }),
    ],
    [
      'a row made empty removes that organizer',
      { 'organizers.0.name': '', 'organizers.0.github': '' },
      (s: any) => expect(s.organizers.map((o: any) => o.key)).toEqual(['bram']),
    ],
    [
      'a renamed category keeps its key',
      { 'categories.3.label': 'Kosten' },
      (s: any) => expect(s.categories[3]).toEqual({ key: 'kosten', label: 'Kosten' }),
    ],
    [
      'a new cause gets a key from its label',
      { 'causes.5.label': 'Spullen kwijt' },
      (s: any) => expect(s.causes.at(-1)).toEqual({ key: 'spullen-kwijt', label: 'Spullen kwijt' }),
    ],
    [
      'a term in words stays text, for the schema to refuse',
      { 'deadlines.filing_workdays': 'dertig' },
      (s: any) => expect(s.deadlines.filing_workdays).toBe('dertig'),
    ],
    [
      'a known body is taken as it is',
      { 'escalation.choice': 'klachtenportaal-zorg' },
      (s: any) => expect(s.escalation).toEqual(KNOWN_BODIES[2]!.escalation),
    ],
    [
      'another body from its fields, without the English texts of the one before',
      { 'escalation.choice': 'anders', 'escalation.name': 'Eigen Commissie', 'escalation.procedure.submitted_by': 'complainant' },
      (s: any) => {
        expect(s.escalation.name).toBe('Eigen Commissie');
        expect(s.escalation.procedure.submitted_by).toBe('complainant');
        expect(s.escalation.procedure.en).toBeUndefined();
      },
    ],
    ['an empty sentence is no sentence', { 'letters.closing': '   ' }, (s: any) => expect(s.letters).toEqual({})],
  ])('%s', (_, change, check) => {
    check(settingsFromForm({ ...shown, ...change }, current));
  });
});
