import { monitorMessages } from '../messages/monitor';
import { equalWidthEdges } from './equal-width-edges';
import { histogramSorted } from './histogram';
import { shares } from './shares';

/** Shares (0..1) of one bin on both sides, for the "which bins moved" chart. */
export interface DriftBin {
  label: string;
  reference: number;
  current: number;
}

/** The most bins the "which bins moved" chart shows for a numeric column. */
export const MAX_DRIFT_BINS = 20;

/** One bin per value (a categorical column, or a numeric one with few distinct values): both sides' shares. */
export function valueDriftBins(labels: readonly string[], referenceCounts: readonly number[], currentCounts: readonly number[]): DriftBin[] {
  const reference = shares(referenceCounts);
  const current = shares(currentCounts);
  return labels.map((label, i) => ({ label, reference: reference[i] as number, current: current[i] as number }));
}

/**
 * Equal-width bins over the reference's range — Sturges' count for the reference size, at most 20 — with the outer
 * two open-ended, so current values beyond the reference's range land in them rather than off the chart (a unit
 * change ×100 shows as everything in the last bin). Inputs are sorted ascending and free of NaN.
 */
export function rangeDriftBins(reference: ArrayLike<number>, current: ArrayLike<number>): DriftBin[] {
  const n = reference.length;
  const count = Math.min(MAX_DRIFT_BINS, Math.max(2, Math.ceil(Math.log2(n) + 1)));
  const cuts = equalWidthEdges(reference[0] as number, reference[n - 1] as number, count).slice(1, -1);
  const edges = [-Infinity, ...cuts, Infinity];
  const labels = cuts.map((cut, i) => (i === 0 ? monitorMessages.binBelow(cut) : monitorMessages.binBetween(cuts[i - 1] as number, cut)));
  labels.push(monitorMessages.binFrom(cuts[cuts.length - 1] as number));
  return valueDriftBins(labels, histogramSorted(reference, edges), histogramSorted(current, edges));
}
