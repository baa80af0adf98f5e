import { CASE_ID } from '../../schemas/case.ts';

/**
 * The id of the next case of `year`: one more than the highest number that year, padded to three digits.
 * Gaps are never filled: a number that was once used (and perhaps deleted) stays in Git history, and reusing it
 * would make two different complaints share an id. Ids of other years do not count.
 * `existing` holds case ids or file names (`K-2026-003` or `K-2026-003.md`); anything else is ignored.
 * @example nextCaseId(['K-2026-001', 'K-2026-004', 'K-2025-009'], 2026) === 'K-2026-005'
 */
export function nextCaseId(existing: Iterable<string>, year: number): string {
  let highest = 0;
  for (const name of existing) {
    const m = CASE_ID.exec(name.replace(/^.*[\\/]/, '').replace(/\.md$/, ''));
    if (m && Number(m[1]) === year) highest = Math.max(highest, Number(m[2]));
  }
  return `K-${String(year).padStart(4, '0')}-${String(highest + 1).padStart(3, '0')}`;
}
