import { describe, expect, it } from 'vitest';
import { readChoices, readOrganizerChoice } from '../../../lib/sharing/choices.ts';
import type { FieldConflict } from '../../../lib/sharing/share-status.ts';

const text: FieldConflict = { path: '2026/K-2026-003.md', id: 'K-2026-003', field: 'steps.0.note', mine: 'a', theirs: 'b', freeText: true };
const date: FieldConflict = { ...text, field: 'acknowledged', mine: '2026-11-03', theirs: '2026-11-04', freeText: false };

describe('readChoices', () => {
  it.each<[string, Record<string, string>, ReturnType<typeof readChoices>]>([
    [
      'one choice each',
      { 'keuze-0': 'both', 'keuze-1': 'theirs' },
      {
        ok: true,
        resolutions: [
          { path: text.path, field: 'steps.0.note', choice: 'both' },
          { path: text.path, field: 'acknowledged', choice: 'theirs' },
        ],
      },
    ],
    ['a choice missing', { 'keuze-0': 'mine' }, { ok: false, errors: { 'keuze-1': 'kies: mijn versie of de andere versie' } }],
    [
      '"both" for a date',
      { 'keuze-0': 'mine', 'keuze-1': 'both' },
      { ok: false, errors: { 'keuze-1': 'kies: mijn versie of de andere versie' } },
    ],
    [
      'an unknown value',
      { 'keuze-0': 'alles', 'keuze-1': 'mine' },
      { ok: false, errors: { 'keuze-0': 'kies: mijn versie, de andere versie, of beide' } },
    ],
  ])('%s', (_, values, expected) => expect(readChoices(values, [text, date])).toEqual(expected));
});

describe('readOrganizerChoice', () => {
  const organizers = [
    { key: 'anouk', name: 'Anouk Jansen', github: 'anouk-o4a' },
    { key: 'bram', name: 'Bram de Wit', github: 'bram-o4a' },
  ];
  it('takes a key from organization.yml', () =>
    expect(readOrganizerChoice({ wie: 'bram' }, organizers)).toEqual({ ok: true, organizer: organizers[1] }));
  it.each([{}, { wie: '' }, { wie: 'eve' }])('refuses %j', (values) =>
    expect(readOrganizerChoice(values, organizers)).toEqual({ ok: false, error: 'kies uw naam uit de lijst' }),
  );
});
