import { sortFinite } from '../core/finite';
import { quantile } from '../core/statistics';

export interface LatencyCounts {
  /** Wall time the requests took, start of the first to end of the last, in ms. */
  elapsedMs: number;
  requests: number;
  /** Requests that failed (they have no latency sample). */
  errors: number;
}

/** Null where a figure is undefined: no samples, no requests, no elapsed time. */
export interface LatencySummary {
  p50: number | null;
  p95: number | null;
  p99: number | null;
  mean: number | null;
  throughputPerSecond: number | null;
  errorRate: number | null;
  /** Latency samples counted (finite ones). */
  count: number;
}

/**
 * What a dashboard shows of an endpoint's latency: percentiles by numpy's default 'linear' interpolation (see
 * ../core/statistics), mean, requests per second over the elapsed wall time, and the share of requests that failed.
 * Counts arrive as an options object: three bare numbers in a row are too easy to swap.
 */
export function summarizeLatency(samplesMs: ArrayLike<number>, { elapsedMs, requests, errors }: LatencyCounts): LatencySummary {
  const { sorted } = sortFinite(samplesMs);
  const count = sorted.length;
  let sum = 0;
  for (const x of sorted) sum += x;
  const at = (p: number): number | null => (count === 0 ? null : quantile(sorted, p));
  return {
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    mean: count === 0 ? null : sum / count,
    throughputPerSecond: elapsedMs > 0 ? requests / (elapsedMs / 1000) : null,
    errorRate: requests > 0 ? errors / requests : null,
    count,
  };
}
