import type { Frequency } from '../data/types';
import type { BaselineKind } from '../models/types';
import type { ModelName, RunMetrics } from '../runs/types';
import { valueEstimate } from '../evaluate/value-estimate';

/** The method the shop uses today, and what every model's value is measured against. */
export const CURRENT_METHOD: BaselineKind = 'seasonal-naive';

export interface YearlySavingsOptions {
  /** The data's frequency: how many periods make a year. */
  frequency: Frequency;
}

export type YearlySavings =
  | {
      ok: true;
      best: ModelName;
      currentMethod: BaselineKind;
      /** Mean cost of forecast error per backtest window (of `horizon` periods). */
      bestCost: number;
      currentCost: number;
      horizon: number;
      periodsPerYear: number;
      /** currentCost − bestCost per period, and per year; negative when the model costs more. */
      perPeriod: number;
      perYear: number;
    }
  | { ok: false; reason: 'no-best-model' | 'no-current-method' | 'no-cost' };

/**
 * Expected yearly savings of the run's best model over the current method (seasonal naive), from the backtest's mean
 * cost of forecast error per window: (current − best) / horizon × periods per year. Each backtest window covers
 * `horizon` periods of every series, so the cost per window is a cost per `horizon` periods of the whole business.
 */
export function estimateYearlySavings(result: RunMetrics, { frequency }: YearlySavingsOptions): YearlySavings {
  if (result.best === null) return { ok: false, reason: 'no-best-model' };
  const best = result.models.find((model) => model.name === result.best);
  const current = result.models.find((model) => model.name === CURRENT_METHOD);
  if (!best) return { ok: false, reason: 'no-best-model' };
  if (!current) return { ok: false, reason: 'no-current-method' };
  const bestCost = best.backtest.cost;
  const currentCost = current.backtest.cost;
  if (bestCost === null || currentCost === null || !Number.isFinite(bestCost) || !Number.isFinite(currentCost) || result.horizon <= 0) {
    return { ok: false, reason: 'no-cost' };
  }
  const value = valueEstimate(currentCost - bestCost, { periods: result.horizon, frequency });
  return {
    ok: true,
    best: best.name,
    currentMethod: CURRENT_METHOD,
    bestCost,
    currentCost,
    horizon: result.horizon,
    periodsPerYear: value.periodsPerYear,
    perPeriod: value.perPeriod,
    perYear: value.perYear,
  };
}
