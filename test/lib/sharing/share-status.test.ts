import { describe, expect, it } from 'vitest';
import { fieldsSaid, shareStatusOf, shareStatusText, type FieldConflict, type SharingFacts } from '../../../lib/sharing/share-status.ts';

const conflict: FieldConflict = {
  path: 'K-2026-003',
  id: 'K-2026-003',
  field: 'response.summary',
  mine: 'a',
  theirs: 'b',
  freeText: true,
};
const facts = (f: Partial<SharingFacts>): SharingFacts => ({
  git: 'ok',
  unshared: new Set(['K-2026-003', 'K-2026-004']),
  uncommitted: new Set(),
  running: false,
  conflicts: [],
  ...f,
});
const label = (f: string) => ({ 'response.summary': 'samenvatting van het antwoord' })[f] ?? f;

describe('shareStatusOf', () => {
  it.each<[string, string, Partial<SharingFacts>, string]>([
    ['nothing unshared', 'K-2026-001', {}, 'gedeeld'],
    ['a round runs', 'K-2026-004', { running: true }, 'wordt gedeeld'],
    ['queued, no failure yet', 'K-2026-004', {}, 'wordt gedeeld'],
    ['no Git', 'K-2026-001', { git: 'none' }, 'niet gedeeld: de dossiermap wordt met niemand gedeeld; alles blijft op deze computer'],
    ['no remote', 'K-2026-004', { git: 'no-remote' }, 'niet gedeeld: er is geen gedeelde opslag ingesteld'],
    [
      'detached',
      'K-2026-004',
      { git: 'detached' },
      'niet gedeeld: de dossiermap staat in een stand waarin niets gedeeld wordt; zie de pagina Synchroniseren',
    ],
    [
      'unreachable',
      'K-2026-004',
      { failure: 'de gedeelde opslag is niet bereikbaar' },
      'niet gedeeld: de gedeelde opslag is niet bereikbaar',
    ],
    [
      'its own conflict',
      'K-2026-003',
      { conflicts: [conflict] },
      'niet gedeeld: een collega wijzigde het veld samenvatting van het antwoord ook; kies welke versie blijft op de pagina Synchroniseren',
    ],
    [
      'another dossier in conflict',
      'K-2026-004',
      { conflicts: [conflict], running: true },
      'niet gedeeld: wordt gedeeld zodra u het conflict in K-2026-003 hebt opgelost (pagina Synchroniseren)',
    ],
    [
      'a refused commit',
      'K-2026-001',
      { uncommitted: new Set(['K-2026-001']) },
      'niet gedeeld: de laatste wijziging staat nog niet in de geschiedenis; zie de melding bij Synchroniseren',
    ],
  ])('%s', (_, file, f, said) => {
    expect(shareStatusText(shareStatusOf(file, facts(f), label))).toBe(said);
  });
});

describe('fieldsSaid', () => {
  it.each([
    [['a'], 'het veld a'],
    [['a', 'b', 'a'], 'de velden a en b'],
    [['a', 'b', 'c'], 'de velden a, b en c'],
  ])('%j', (labels, said) => expect(fieldsSaid(labels)).toBe(said));
});
