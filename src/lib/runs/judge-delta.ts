/**
 * Whether a metric moved the right way against the reference run. Errors and cost: lower is better. Bias: closer
 * to 0 is better (either sign). P10–P90 coverage: closer to its nominal 80 % is better.
 */
import type { HeadlineKey } from './types';

export type Verdict = 'better' | 'worse' | 'same';

export interface MetricDelta {
  value: number | null;
  /** value − reference; null when either is missing. */
  delta: number | null;
  /** delta / |reference|; null when either is missing or the reference is 0. */
  relative: number | null;
  /** Null when either is missing. */
  verdict: Verdict | null;
}

/** Differences smaller than this share of the values' size count as the same (floating-point noise). */
const TOLERANCE = 1e-9;
const COVERAGE_TARGET = 0.8;

export function judgeDelta(metric: HeadlineKey, reference: number | null, value: number | null): MetricDelta {
  if (reference === null || value === null || !Number.isFinite(reference) || !Number.isFinite(value)) {
    return { value, delta: null, relative: null, verdict: null };
  }
  const delta = value - reference;
  const relative = reference === 0 ? null : delta / Math.abs(reference);
  const loss = (x: number) => (metric === 'bias' ? Math.abs(x) : metric === 'coverage80' ? Math.abs(x - COVERAGE_TARGET) : x);
  const change = loss(value) - loss(reference);
  const scale = Math.max(Math.abs(value), Math.abs(reference), 1e-12);
  const verdict: Verdict = Math.abs(change) <= TOLERANCE * scale ? 'same' : change < 0 ? 'better' : 'worse';
  return { value, delta, relative, verdict };
}
