import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * ../shared/reference/metrics.json (next to the repo root), computed with scipy/sklearn/numpy — see `versions` in the
 * file (scipy 1.10.1, sklearn 1.2.1, numpy 1.24.2 when written). `definitions` there say what each number means.
 */
export const METRICS_REFERENCE_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/reference/metrics.json');

export interface MetricsCase {
  name: string;
  season: number;
  y_train: number[];
  y_true: number[];
  y_pred: number[];
  expected: {
    mae: number;
    rmse: number;
    mape_pct_zeros_excluded: number;
    smape_pct: number;
    wape: number;
    mase: number;
    mase_scale_insample_seasonal_naive_mae: number;
    bias_mean_error: number;
    bias_pct_of_actual_sum: number;
    /** sklearn's mean_absolute_percentage_error (a fraction, every point); null where y_true has zeros. */
    sklearn_mape_fraction_all_points: number | null;
  };
}

export interface MetricsReference {
  versions: Record<string, string>;
  definitions: Record<string, string>;
  cases: MetricsCase[];
  quantiles: {
    case: string;
    by_quantile: Record<string, { pred: number[]; pinball_mean: number }>;
    coverage_80: number;
  };
}

export const metricsReference = JSON.parse(readFileSync(METRICS_REFERENCE_PATH, 'utf8')) as MetricsReference;
