import type { MetricName } from '../notebook/stage-configs';
import type { ModelName, ModelResult } from '../runs/types';

/** The neural model with the lowest backtest value of the primary metric (|bias| is not a choice here). */
export function pickBest(models: readonly ModelResult[], primary: MetricName): ModelName | null {
  let best: ModelResult | null = null;
  for (const model of models) {
    if (model.family !== 'neural') continue;
    const value = model.backtest[primary];
    if (value === null || !Number.isFinite(value)) continue;
    if (best === null || value < (best.backtest[primary] as number)) best = model;
  }
  return best?.name ?? null;
}
