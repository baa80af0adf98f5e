import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextCaseId } from '../../../lib/cases/case-number.ts';
import { CASE_ID } from '../../../schemas/case.ts';

describe('nextCaseId', () => {
  it.each([
    ['the first case ever', [], 2026, 'K-2026-001'],
    ['the first case of a new year', ['K-2025-001', 'K-2025-014'], 2026, 'K-2026-001'],
    ['the next after the highest', ['K-2026-001', 'K-2026-002'], 2026, 'K-2026-003'],
    ['gaps are not reused', ['K-2026-001', 'K-2026-003'], 2026, 'K-2026-004'],
    ['a deleted first number is not reused', ['K-2026-002'], 2026, 'K-2026-003'],
    ['concurrent years: 2025 counts its own', ['K-2025-007', 'K-2026-002', 'K-2026-010'], 2025, 'K-2025-008'],
    ['concurrent years: 2026 counts its own', ['K-2025-007', 'K-2026-002', 'K-2026-010'], 2026, 'K-2026-011'],
    ['file paths and names', ['cases/2026/K-2026-009.md', 'cases\\2026\\K-2026-004.md'], 2026, 'K-2026-010'],
    ['past 999', ['K-2026-999'], 2026, 'K-2026-1000'],
    ['other files are ignored', ['README.md', 'K-2026-abc.md', 'K-2026-12.md', 'X-2026-050'], 2026, 'K-2026-001'],
  ])('%s', (_, existing, year, expected) => {
    expect(nextCaseId(existing, year)).toBe(expected);
  });

  it('is a valid id, new, and higher than every id of its year (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.record({ year: fc.integer({ min: 2024, max: 2027 }), n: fc.integer({ min: 1, max: 1500 }) })), fc.integer({ min: 2024, max: 2027 }), (list, year) => {
        const ids = list.map(({ year: y, n }) => `K-${y}-${String(n).padStart(3, '0')}`);
        const next = nextCaseId(ids, year);
        expect(next).toMatch(CASE_ID);
        expect(ids).not.toContain(next);
        const sameYear = list.filter((x) => x.year === year).map((x) => x.n);
        expect(Number(next.slice(7))).toBe(Math.max(0, ...sameYear) + 1);
      }),
    );
  });
});
