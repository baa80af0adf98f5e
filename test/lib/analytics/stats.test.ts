import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maximum, median, percentile, share } from '../../../lib/analytics/stats.ts';
import { formatNumber, formatShare } from '../../../lib/analytics/format.ts';

describe('median', () => {
  it.each([
    [[], null],
    [[7], 7],
    [[3, 1, 2], 2],
    // even count: the mean of the two middle values
    [[20, 21, 2, 10], 15],
    [[4, 1, 3, 2], 2.5],
  ])('median(%j) = %j', (values, expected) => expect(median(values)).toBe(expected));

  it('does not mutate its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('percentile (nearest rank: the value at rank ⌈p/100 · n⌉)', () => {
  it.each([
    // the textbook example: 15, 20, 35, 40, 50
    [[15, 20, 35, 40, 50], 5, 15],
    [[15, 20, 35, 40, 50], 30, 20], // rank ⌈1.5⌉ = 2
    [[15, 20, 35, 40, 50], 40, 20], // rank ⌈2⌉ = 2
    [[15, 20, 35, 40, 50], 50, 35],
    [[15, 20, 35, 40, 50], 100, 50],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90, 10], // rank ⌈9.9⌉ = 10
    [[2, 10, 20, 21], 90, 21], // rank ⌈3.6⌉ = 4
    [[9], 90, 9],
  ])('percentile(%j, %d) = %d', (values, p, expected) => expect(percentile(values, p)).toBe(expected));

  it('is null for no values and rejects p outside (0, 100]', () => {
    expect(percentile([], 90)).toBeNull();
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });

  it('is a value of the list with at least p% of the values at or below it, and fewer below it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 100 }),
        (values, p) => {
          const x = percentile(values, p)!;
          expect(values).toContain(x);
          expect(values.filter((v) => v <= x).length).toBeGreaterThanOrEqual((p / 100) * values.length - 1e-9);
          expect(values.filter((v) => v < x).length).toBeLessThan((p / 100) * values.length + 1e-9);
        },
      ),
    );
  });
});

describe('maximum and share', () => {
  it('maximum', () => {
    expect(maximum([])).toBeNull();
    expect(maximum([3, 21, 2])).toBe(21);
  });
  it('share of nothing is null, never NaN', () => {
    expect(share(0, 0)).toBeNull();
    expect(share(1, 4)).toBe(0.25);
  });
});

describe('Dutch formatting', () => {
  it.each([
    [null, '–'],
    [0, '0%'],
    [2 / 3, '67%'],
    [1, '100%'],
  ])('formatShare(%j) = %s', (v, s) => expect(formatShare(v)).toBe(s));
  it.each([
    [null, '–'],
    [15, '15'],
    [10.5, '10,5'],
    [2.25, '2,3'],
  ])('formatNumber(%j) = %s', (v, s) => expect(formatNumber(v)).toBe(s));
});
