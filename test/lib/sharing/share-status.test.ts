import { describe, expect, it } from 'vitest';
import { fieldsSaid, shareStatusOf, shareStatusText, type FieldConflict, type SharingFacts } from '../../../lib/sharing/share-status.ts';

const conflict: FieldConflict = {
  path: '2026/K-2026-003.md',
  id: 'K-2026-003',
  field: 'response.summary',
  mine: 'a',
  theirs: 'b',
  freeText: true,
};
const facts = (f: Partial<SharingFacts>): SharingFacts => ({
  git: 'ok',
  unshared: new Set(['2026/K-2026-003.md', '2026/K-2026-004.md']),
  uncommitted: new Set(),
  running: false,
  conflicts: [],
  ...f,
});
const label = (f: string) => ({ 'response.summary': 'samenvatting van het antwoord' })[f] ?? f;

describe('shareStatusOf', () => {
  it.each<[string, string, Partial<SharingFacts>, string]>([
    ['nothing unshared', '2026/K-2026-001.md', {}, 'gedeeld'],
    ['a round runs', '2026/K-2026-004.md', { running: true }, 'wordt gedeeld'],
    ['queued, no failure yet', '2026/K-2026-004.md', {}, 'wordt gedeeld'],
    ['no Git', '2026/K-2026-001.md', { git: 'none' }, 'niet gedeeld: de dossiermap staat niet in Git; alles blijft op deze computer'],
    ['no remote', '2026/K-2026-004.md', { git: 'no-remote' }, 'niet gedeeld: er is geen gedeelde opslag (remote) ingesteld'],
    [
      'detached',
      '2026/K-2026-004.md',
      { git: 'detached' },
      'niet gedeeld: Git staat niet op een tak (detached HEAD); zie de pagina Synchroniseren',
    ],
    [
      'unreachable',
      '2026/K-2026-004.md',
      { failure: 'de gedeelde opslag is niet bereikbaar' },
      'niet gedeeld: de gedeelde opslag is niet bereikbaar',
    ],
    [
      'its own conflict',
      '2026/K-2026-003.md',
      { conflicts: [conflict] },
      'niet gedeeld: een collega wijzigde het veld samenvatting van het antwoord ook; kies welke versie blijft op de pagina Synchroniseren',
    ],
    [
      'another dossier in conflict',
      '2026/K-2026-004.md',
      { conflicts: [conflict], running: true },
      'niet gedeeld: wordt gedeeld zodra u het conflict in K-2026-003 hebt opgelost (pagina Synchroniseren)',
    ],
    [
      'a refused commit',
      '2026/K-2026-001.md',
      { uncommitted: new Set(['2026/K-2026-001.md']) },
      'niet gedeeld: de laatste wijziging is niet vastgelegd in Git; zie de melding bij Synchroniseren',
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
