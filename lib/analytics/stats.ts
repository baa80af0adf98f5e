/**
 * Median of `values`: the middle value, or the mean of the two middle values for an even count.
 * Null for no values (the report shows "–", never NaN).
 * @example median([4, 1, 3, 2]) === 2.5
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * The `p`th percentile by the nearest-rank method: the smallest value such that at least p% of the
 * values are at or below it, i.e. the value at rank ⌈p/100 · n⌉ (1-based) of the sorted values.
 * It is always one of the values (a number of working days, never a fraction). Null for no values.
 * @example percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90) === 10 // rank ⌈9.9⌉ = 10
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile: p must be in (0, 100], got ${p}`);
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.ceil((p / 100) * s.length) - 1]!;
}

/** The largest value, or null for no values. */
export function maximum(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => (b > a ? b : a));
}

/** `part / whole`, or null when the whole is 0 (no cases: no share, never NaN). */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
