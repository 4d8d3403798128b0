import type { MatchedForecasts } from './match-actuals';
import { NO_VERSION } from './served-log';
import { selectSteps, type StepChoice } from './select-steps';

export interface PairFilter {
  /** Target periods, inclusive; all by default. */
  from?: number;
  through?: number;
  steps?: StepChoice;
  /** Only forecasts by this version (an index into `versions`); null: any version. */
  version?: number | null;
  /** Served forecasts, shadow ones, or both (for one version's whole record). */
  sources?: readonly ('served' | 'shadow')[];
}

export type PairVisitor = (row: number, actual: number, forecast: number) => void;

/**
 * The loop every monitoring figure shares: visit each (actual, forecast) pair of matched rows that passes the
 * filter, skipping forecasts that were never made (NaN).
 */
export function forEachPair(matched: MatchedForecasts, filter: PairFilter, visit: PairVisitor): void {
  const { from = -Infinity, through = Infinity, steps = 'all', version = null, sources = ['served'] } = filter;
  const H = matched.horizon;
  const { first, last } = selectSteps(H, steps);
  const lists = sources.map((source) => (source === 'served' ? { forecasts: matched.served, by: matched.servedBy } : { forecasts: matched.shadow, by: matched.shadowBy }));
  for (let r = 0; r < matched.actual.length; r++) {
    const p = matched.period[r] as number;
    if (p < from || p > through) continue;
    const y = matched.actual[r] as number;
    for (const { forecasts, by } of lists) {
      for (let k = first; k <= last; k++) {
        const cell = r * H + k;
        const v = by[cell] as number;
        if (v === NO_VERSION || (version !== null && v !== version)) continue;
        const f = forecasts[cell] as number;
        if (Number.isNaN(f)) continue;
        visit(r, y, f);
      }
    }
  }
}
