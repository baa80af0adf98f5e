import { share } from './stats.ts';

/** One bar of a Pareto view. */
export interface ParetoItem {
  key: string;
  label: string;
  count: number;
  /** count / all mentions. */
  share: number;
  /** Share of this item and every item before it. */
  cumulative_share: number;
  /** One of the few items that together make up the first `threshold` of all mentions (the "vital few"). */
  vital_few: boolean;
}

/** A Pareto view: counts per key, largest first, with cumulative shares. */
export interface Pareto {
  /** All mentions counted (a case with two causes counts twice). */
  mentions: number;
  /** Cases that name none. */
  cases_without: number;
  /**
   * Whether a few items stand out: at least {@link PARETO_MIN_MENTIONS} mentions, and the vital few are at most
   * half of the items that occur. Otherwise no item is marked vital (six complaints cannot single out four of
   * five causes as "the most important").
   */
  vital_few_found: boolean;
  items: ParetoItem[];
}

/** Fewer mentions than this are too few to call some causes the most important. */
export const PARETO_MIN_MENTIONS = 10;

/**
 * Art. 2.2: which few causes (or categories) make up most complaints. Every configured key is listed,
 * also with count 0 (after the others); ties keep the configuration's order. The vital few are the items,
 * largest first, up to and including the one where the cumulative share reaches `threshold` (default 80%),
 * and only when they stand out (see {@link Pareto.vital_few_found}).
 */
export function pareto(
  keyLists: readonly (readonly string[])[],
  labels: readonly { key: string; label: string }[],
  threshold = 0.8,
): Pareto {
  const counts = new Map(labels.map((l) => [l.key, 0]));
  let mentions = 0;
  let cases_without = 0;
  for (const keys of keyLists) {
    if (keys.length === 0) cases_without++;
    for (const k of new Set(keys)) {
      counts.set(k, (counts.get(k) ?? 0) + 1);
      mentions++;
    }
  }
  const labelOf = new Map(labels.map((l) => [l.key, l.label]));
  const order = new Map([...counts.keys()].map((k, i) => [k, i]));
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || order.get(a[0])! - order.get(b[0])!);
  let running = 0;
  let reached = false;
  const items = sorted.map(([key, count]) => {
    running += count;
    const vital_few = count > 0 && !reached;
    const cumulative_share = share(running, mentions) ?? 0;
    if (cumulative_share >= threshold - 1e-9) reached = true;
    return { key, label: labelOf.get(key) ?? key, count, share: share(count, mentions) ?? 0, cumulative_share, vital_few };
  });
  const occurring = items.filter((i) => i.count > 0).length;
  const vital = items.filter((i) => i.vital_few).length;
  const vital_few_found = mentions >= PARETO_MIN_MENTIONS && vital <= occurring / 2;
  return { mentions, cases_without, vital_few_found, items: vital_few_found ? items : items.map((i) => ({ ...i, vital_few: false })) };
}
