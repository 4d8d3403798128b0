import { meanOfFinite } from '../core/finite';
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
  for (const key of keys) out[key] = meanOfFinite(list.map((m) => m[key]));
  return out;
}
