import { sortFinite } from '../eda/sort-finite';
import { histogramSorted } from './histogram';
import { PSI_EPSILON, stabilityIndex } from './population-stability';
import { shares } from './shares';
import { sturgesEdges } from './sturges-edges';

/**
 * PSI the way Evidently computes it for a numeric column (its `psi` stattest), for comparing numbers with an
 * Evidently report: bins by Sturges' rule on the pooled samples (./sturges-edges.ts) instead of the reference's
 * deciles, and each side's empty bins filled with its smallest non-zero share / 10⁶ when that share is ≤ 1e-4,
 * else with 1e-4. The same shift scores differently from ./population-stability.ts, whose decile bins are the
 * textbook PSI; that one is what the Monitor stage reports.
 */
export function psiEvidentlyStyle(reference: ArrayLike<number>, current: ArrayLike<number>): number {
  const ref = sortFinite(reference).sorted;
  const cur = sortFinite(current).sorted;
  if (ref.length === 0 || cur.length === 0) return NaN;
  const edges = sturgesEdges([ref, cur]);
  return stabilityIndex(_evidentlyFill(shares(histogramSorted(ref, edges))), _evidentlyFill(shares(histogramSorted(cur, edges))));
}

function _evidentlyFill(values: number[]): number[] {
  const smallest = Math.min(...values.filter((v) => v !== 0));
  const fill = smallest <= PSI_EPSILON ? smallest / 1e6 : PSI_EPSILON;
  return values.map((v) => (v === 0 ? fill : v));
}
