import { sortFinite } from '../core/finite';
import { quantile } from '../core/statistics';
import { histogramSorted } from './histogram';
import { shares } from './shares';

/** PSI with the bins it was computed on (for showing which bins moved). */
export interface PopulationStability {
  value: number;
  /** The reference's distinct deciles q10 … q90: the cuts between bins. */
  innerEdges: number[];
  /** Share of each sample in each bin, before zero shares are floored. */
  referenceShares: number[];
  currentShares: number[];
}

/** The share that stands in for an empty bin. */
export const PSI_EPSILON = 1e-4;
const DECILES = 10;

/**
 * Population stability index (PSI) of a numeric column, the credit-scoring classic:
 *   PSI = Σ (p_cur − p_ref) · ln(p_cur / p_ref)
 * over 10 bins cut at the reference's deciles (numpy's linear quantiles q10 … q90, repeated edges merged, so a column
 * with many ties gets fewer bins). The outer bins are open, (−∞, q10) and [q90, +∞), so current values outside the
 * reference's range still count; bins are left-closed. A share of 0 becomes 1e-4 (no renormalisation), which bounds
 * PSI where a bin empties. Under 0.1 is usually read as stable, above 0.25 as a major shift.
 * NaN and ±Infinity values are dropped; an empty side gives NaN.
 */
export function populationStability(reference: ArrayLike<number>, current: ArrayLike<number>): PopulationStability {
  return populationStabilitySorted(sortFinite(reference).sorted, sortFinite(current).sorted);
}

/** populationStability on samples already free of NaN and sorted ascending. */
export function populationStabilitySorted(reference: ArrayLike<number>, current: ArrayLike<number>): PopulationStability {
  if (reference.length === 0 || current.length === 0) return { value: NaN, innerEdges: [], referenceShares: [], currentShares: [] };
  const innerEdges: number[] = [];
  for (let i = 1; i < DECILES; i++) {
    // i · 0.1, not i / 10: the probabilities np.linspace(0, 1, 11) gives, so the edges match numpy's to the bit.
    const edge = quantile(reference, i * (1 / DECILES));
    if (edge !== innerEdges[innerEdges.length - 1]) innerEdges.push(edge);
  }
  const edges = [-Infinity, ...innerEdges, Infinity];
  const referenceShares = shares(histogramSorted(reference, edges));
  const currentShares = shares(histogramSorted(current, edges));
  return { value: stabilityIndex(floorZeros(referenceShares), floorZeros(currentShares)), innerEdges, referenceShares, currentShares };
}

/** PSI of a categorical column from counts per category (same order in both): the same formula on shares. */
export function categoricalPopulationStability(referenceCounts: readonly number[], currentCounts: readonly number[]): number {
  return stabilityIndex(floorZeros(shares(referenceCounts)), floorZeros(shares(currentCounts)));
}

/** Σ (c − r)·ln(c/r) over shares that are all positive already (see floorZeros). */
export function stabilityIndex(referenceShares: readonly number[], currentShares: readonly number[]): number {
  let sum = 0;
  referenceShares.forEach((r, i) => {
    const c = currentShares[i] as number;
    sum += (c - r) * Math.log(c / r);
  });
  return sum;
}

function floorZeros(values: readonly number[]): number[] {
  return values.map((v) => (v === 0 ? PSI_EPSILON : v));
}
