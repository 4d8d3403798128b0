import type { ForecastEvaluation } from '../evaluate/evaluate-forecast';
import type { HeadlineMetrics } from '../runs/types';

/** The few numbers a run table and a leaderboard show, from a full evaluation. */
export function headlineMetrics(evaluation: ForecastEvaluation): HeadlineMetrics {
  return {
    wape: evaluation.expert.wape,
    mae: evaluation.dataScientist.mae,
    rmse: evaluation.dataScientist.rmse,
    smape: evaluation.dataScientist.smape,
    mase: evaluation.dataScientist.mase,
    bias: evaluation.expert.bias,
    coverage80: evaluation.dataScientist.coverage80,
    cost: evaluation.business.errorCost,
  };
}

/** The backtest score: each metric averaged over the windows that have it (null when none has). */
export function meanHeadline(list: readonly HeadlineMetrics[]): HeadlineMetrics {
  const keys = ['wape', 'mae', 'rmse', 'smape', 'mase', 'bias', 'coverage80', 'cost'] as const;
  const out = {} as HeadlineMetrics;
  for (const key of keys) {
    const values = list.map((m) => m[key]).filter((x): x is number => x !== null && Number.isFinite(x));
    out[key] = values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
  }
  return out;
}
