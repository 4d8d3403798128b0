import { hashLabel } from './hash-label';

export interface RouteSeriesOptions {
  seriesLabels: readonly string[];
  /** Share of series routed to the challenger, 0–100. */
  canaryPercent: number;
  seed: number;
}

/**
 * Which series a canary sends to the challenger (1) rather than the champion (0), in `seriesLabels` order.
 *
 * Series are ranked by a hash of their label and the seed, and the lowest round(n · p / 100) go to the challenger
 * (at least one when p > 0: a canary that serves nobody tells nothing). Ranking rather than thresholding each hash
 * gives the share asked for even with ten series, and keeps the choice independent of the series' order; raising the
 * percentage only adds series, so a canary ramp-up never moves a series back to the champion.
 */
export function routeSeries({ seriesLabels, canaryPercent, seed }: RouteSeriesOptions): Uint8Array {
  const n = seriesLabels.length;
  const routed = new Uint8Array(n);
  const percent = Math.min(100, Math.max(0, Number.isFinite(canaryPercent) ? canaryPercent : 0));
  let count = Math.round((n * percent) / 100);
  if (percent > 0 && n > 0) count = Math.max(count, 1);
  if (count === 0) return routed;
  const hashes = seriesLabels.map((label) => hashLabel(label, seed));
  const order = Array.from({ length: n }, (_, i) => i);
  // Ties (equal hashes) break on the label, then the index, so the result never depends on the sort's stability.
  order.sort((a, b) => (hashes[a] as number) - (hashes[b] as number) || compareText(seriesLabels[a] as string, seriesLabels[b] as string) || a - b);
  for (let i = 0; i < count; i++) routed[order[i] as number] = 1;
  return routed;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
