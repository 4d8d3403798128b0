import type { MatchedForecasts } from '../serving/match-actuals';
import { gatherPairs } from '../serving/gather-pairs';
import type { StepChoice } from '../serving/select-steps';
import type { CostModel } from '../scope/cost-model';
import { performanceFigures, type PerformanceFigures } from './performance-figures';

export interface PerformanceWindowOptions {
  /** How many periods back from `through` to look (W). */
  window: number;
  /** Last target period with actuals; the last matched one by default. */
  through?: number;
  /** The Scope's cost model, for the cost figures; none: cost stays null. */
  cost?: CostModel | null;
  /** Forecast steps pooled; 'all' by default, like the training-time test. */
  steps?: StepChoice;
}

/** One version's record in the window: what it served and what it forecast in shadow, pooled. */
export interface VersionPerformance extends PerformanceFigures {
  version: string;
  servedRows: number;
  shadowRows: number;
}

export interface PerformanceWindow {
  /** Target periods covered, inclusive: through − W + 1 … through. */
  from: number;
  through: number;
  /** Periods in the window that have at least one matched row. */
  periods: number;
  /** What the customers got, whichever version served it. */
  served: PerformanceFigures;
  /** Each version with forecasts in the window, in the log's order. */
  byVersion: VersionPerformance[];
}

/**
 * Rolling performance: WAPE, MAE, bias and cost over the last W periods whose actuals have arrived, for the served
 * forecasts as a whole and per version (a shadow challenger's forecasts count for it as if served, which is what
 * shadowing is for).
 */
export function performanceWindow(matched: MatchedForecasts, options: PerformanceWindowOptions): PerformanceWindow {
  const { window, cost = null, steps = 'all' } = options;
  const through = options.through ?? lastPeriod(matched);
  const from = through - Math.max(1, Math.floor(window)) + 1;
  const periods = new Set<number>();
  for (const p of matched.period) if (p >= from && p <= through) periods.add(p);
  const range = { from, through, steps };
  const all = gatherPairs(matched, range);
  const byVersion: VersionPerformance[] = [];
  matched.versions.forEach((version, index) => {
    const served = gatherPairs(matched, { ...range, version: index, sources: ['served'] });
    const shadow = gatherPairs(matched, { ...range, version: index, sources: ['shadow'] });
    if (served.actual.length + shadow.actual.length === 0) return;
    const figures = performanceFigures(concat(served.actual, shadow.actual), concat(served.forecast, shadow.forecast), cost);
    byVersion.push({ version, servedRows: served.actual.length, shadowRows: shadow.actual.length, ...figures });
  });
  return { from, through, periods: periods.size, served: performanceFigures(all.actual, all.forecast, cost), byVersion };
}

function lastPeriod(matched: MatchedForecasts): number {
  let last = -Infinity;
  for (const p of matched.period) if (p > last) last = p;
  return Number.isFinite(last) ? last : 0;
}

function concat(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
