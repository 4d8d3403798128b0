import type { BaselineKind } from '../models/types';
import type { ModelName, RunMetrics } from '../runs/types';

/** The method the shop uses today, and what every model's value is measured against. */
export const CURRENT_METHOD: BaselineKind = 'seasonal-naive';

export type YearlySavings =
  | {
      ok: true;
      best: ModelName;
      currentMethod: BaselineKind;
      /** Cost of forecast error over the test window, of the best model and of the current method (same rows). */
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
 * The run's value for the Scope: the yearly savings of its pick over the current method (seasonal naive), read from
 * the pick's test-window business view — the one figure the Evaluate stage shows too (evaluateForecast computes it
 * once, from the cost of forecast error of both forecasts on the same rows, annualised by valueEstimate). The test
 * window, not the folds: it is the held-out estimate, and the pick never saw it.
 */
export function estimateYearlySavings(result: RunMetrics): YearlySavings {
  if (result.best === null) return { ok: false, reason: 'no-best-model' };
  const best = result.models.find((model) => model.name === result.best);
  if (!best) return { ok: false, reason: 'no-best-model' };
  if (!result.models.some((model) => model.name === CURRENT_METHOD)) return { ok: false, reason: 'no-current-method' };
  const test = best.windows.find((w) => w.window === 'test');
  const business = test?.evaluation.business;
  if (!test || !business?.value || business.baselineErrorCost === null || !Number.isFinite(business.value.perYear)) return { ok: false, reason: 'no-cost' };
  return {
    ok: true,
    best: best.name,
    currentMethod: CURRENT_METHOD,
    bestCost: business.errorCost,
    currentCost: business.baselineErrorCost,
    horizon: test.evaluation.horizon,
    periodsPerYear: business.value.periodsPerYear,
    perPeriod: business.value.perPeriod,
    perYear: business.value.perYear,
  };
}
