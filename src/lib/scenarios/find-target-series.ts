import type { SalesData } from '../data/types';
import { scenarioMessages as m } from '../messages/scenarios';

/** The series a scenario hits. */
export interface TargetSeries {
  /** Per series: 1 when the scenario hits it. */
  hit: Uint8Array;
  /** For the notes: "store S1", "every series" (or "the series" when there is one). */
  where: string;
  /** The key column (index into `seriesKeys`) and value that picked the series; null when every series is hit. */
  key: { column: number; value: string } | null;
}

/**
 * The series whose key values include `target` (a store, a product, …), looked up exactly first and then forgiving
 * case and spaces, so "s1" finds store "S1" in a hand-edited link. A null target takes the scenario's default:
 * every series, or the first value of the first key column (every series when the data has no key column).
 * Null when `target` is no key value of the data.
 */
export function findTargetSeries(data: SalesData, target: string | null, fallback: 'every' | 'first-key'): TargetSeries | null {
  const count = data.seriesLabels.length;
  if (target === null && (fallback === 'every' || data.seriesKeys.length === 0)) {
    return { hit: new Uint8Array(count).fill(1), where: count === 1 ? m.theSeries : m.everySeries, key: null };
  }
  const key = target === null ? { column: 0, value: data.seriesKeyValues[0]?.[0] ?? '' } : findKeyValue(data, target);
  if (key === null) return null;
  const hit = Uint8Array.from(data.seriesKeyValues, (values) => (values[key.column] === key.value ? 1 : 0));
  return { hit, where: m.keyValue(data.seriesKeys[key.column] ?? '', key.value), key };
}

function findKeyValue(data: SalesData, target: string): { column: number; value: string } | null {
  const loose = target.trim().toLowerCase();
  for (const exact of [true, false]) {
    for (let column = 0; column < data.seriesKeys.length; column++) {
      const found = data.seriesKeyValues.find((values) => {
        const value = values[column] ?? '';
        return exact ? value === target : value.trim().toLowerCase() === loose;
      });
      if (found) return { column, value: found[column] ?? '' };
    }
  }
  return null;
}
