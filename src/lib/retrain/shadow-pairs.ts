import type { MatchedForecasts } from '../serving/match-actuals';
import { NO_VERSION } from '../serving/served-log';
import { selectSteps, type StepChoice } from '../serving/select-steps';

export interface ShadowPairsOptions {
  /** Version labels. */
  champion: string;
  challenger: string;
  /** Target periods, inclusive (the shadow period); all by default. */
  from?: number;
  through?: number;
  steps?: StepChoice;
}

/** Aligned columns: one entry per (series, period, step) where both versions forecast and the actual is known. */
export interface ShadowPairs {
  actual: Float64Array;
  champion: Float64Array;
  challenger: Float64Array;
  period: Int32Array;
}

/**
 * The head-to-head rows for judging a challenger: the same requests answered by both versions, whichever served
 * and whichever ran in shadow (under a canary the challenger serves and the champion shadows).
 */
export function shadowPairs(matched: MatchedForecasts, options: ShadowPairsOptions): ShadowPairs {
  const { from = -Infinity, through = Infinity, steps = 'all' } = options;
  const a = matched.versions.indexOf(options.champion);
  const b = matched.versions.indexOf(options.challenger);
  const out = { actual: [] as number[], champion: [] as number[], challenger: [] as number[], period: [] as number[] };
  const H = matched.horizon;
  const { first, last } = selectSteps(H, steps);
  const forecastBy = (cell: number, version: number): number => {
    if (version === NO_VERSION) return NaN;
    if (matched.servedBy[cell] === version) return matched.served[cell] as number;
    return matched.shadowBy[cell] === version ? (matched.shadow[cell] as number) : NaN;
  };
  for (let r = 0; r < matched.actual.length; r++) {
    const p = matched.period[r] as number;
    if (p < from || p > through) continue;
    for (let k = first; k <= last; k++) {
      const fa = forecastBy(r * H + k, a);
      const fb = forecastBy(r * H + k, b);
      if (Number.isNaN(fa) || Number.isNaN(fb)) continue;
      out.actual.push(matched.actual[r] as number);
      out.champion.push(fa);
      out.challenger.push(fb);
      out.period.push(p);
    }
  }
  return {
    actual: Float64Array.from(out.actual),
    champion: Float64Array.from(out.champion),
    challenger: Float64Array.from(out.challenger),
    period: Int32Array.from(out.period),
  };
}
