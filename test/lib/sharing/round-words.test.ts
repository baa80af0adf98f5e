import { describe, expect, it } from 'vitest';
import { roundWords } from '../../../lib/sharing/round-words.ts';
import type { FieldConflict } from '../../../lib/sharing/share-status.ts';

const words = { 'steps.note': 'Notitie', 'complainant.email': 'E-mailadres' };
const conflict = (id: string, field: string): FieldConflict => ({
  path: `2026/${id}.md`,
  id,
  field,
  mine: 'a',
  theirs: 'b',
  freeText: true,
});

describe('roundWords', () => {
  it.each([
    [{ shared: true, conflicts: [], renumbered: [] }, 'Gesynchroniseerd: de wijzigingen van anderen zijn binnengehaald en de uwe gedeeld.'],
    [
      { shared: true, conflicts: [], renumbered: [{ from: 'K-2026-003', to: 'K-2026-004', path: '2026/K-2026-004.md' }] },
      'Let op: nummer K-2026-003 was intussen op een andere computer gebruikt voor een andere klacht. Uw klacht heeft nu nummer K-2026-004.\nGesynchroniseerd: de wijzigingen van anderen zijn binnengehaald en de uwe gedeeld.',
    ],
    [
      { shared: false, failure: 'de gedeelde opslag is niet bereikbaar', conflicts: [], renumbered: [] },
      'Niet gedeeld: de gedeelde opslag is niet bereikbaar.',
    ],
    [
      {
        shared: false,
        conflicts: [
          conflict('K-2026-003', 'steps.0.note'),
          conflict('K-2026-003', 'complainant.email'),
          conflict('K-2026-007', 'steps.1.note'),
        ],
        renumbered: [],
      },
      'Niet gedeeld: In K-2026-003 wijzigden u en een collega de velden Notitie (stap 1) en E-mailadres allebei verschillend. In K-2026-007 wijzigden u en een collega het veld Notitie (stap 2) allebei verschillend. Kies hieronder welke versie blijft.',
    ],
  ])('%#', (r, said) => expect(roundWords(r, words)).toBe(said));
});
