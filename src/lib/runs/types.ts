import type { BaselineKind, ModelKind, ModelSpec } from '../models/types';
import type { BackendName, EpochReport, SerializedWeight } from '../models/train-types';
import type { ForecastEvaluation } from '../evaluate/evaluate-forecast';
import type { CustomMetricValue } from '../evaluate/custom-metrics';
import type { FeatureSpec, FeatureState } from '../features/types';

/**
 * What one click on "Train" produces and stores (a RunRecord's `metrics` and `artifacts`, src/lib/storage/records.ts):
 * every candidate model and every baseline, evaluated on the same backtest — K rolling-origin folds, then the final
 * test of the last H periods. Everything needed to replay it is here or in the run's config: data hash, feature
 * spec, model specs, seed, backend.
 */
export type ModelName = ModelKind | BaselineKind;

/** One model over one backtest window (a fold, or the final test). */
export interface WindowResult {
  /** 'fold 1', …, 'test'. */
  window: string;
  cutoff: number;
  /** Last day of the window's training rows (absent in runs stored before it was kept). */
  trainEnd?: number;
  /** First day of the training rows; null: all history (absent in older runs). */
  trainStart?: number | null;
  evaluation: ForecastEvaluation;
  /** The Scope's user-defined metrics on this window (absent in runs made before they were computed). */
  custom?: CustomMetricValue[];
  /** Per-epoch losses (neural models only). */
  history: EpochReport[];
  bestEpoch: number | null;
  stoppedEarly: boolean;
  durationMs: number;
}

export interface ModelResult {
  name: ModelName;
  family: 'baseline' | 'neural';
  spec: ModelSpec | null;
  windows: WindowResult[];
  /** Mean of each headline metric over the windows (the backtest score). */
  backtest: HeadlineMetrics;
  /** Permutation importance on the test window: increase of MAE when a feature is shuffled (neural models). */
  importance: { feature: string; increase: number }[] | null;
}

export interface HeadlineMetrics {
  wape: number | null;
  mae: number | null;
  rmse: number | null;
  smape: number | null;
  mase: number | null;
  bias: number | null;
  coverage80: number | null;
  /** Cost of forecast error under the Scope's cost model. */
  cost: number | null;
}

/** Stored as RunRecord.metrics. */
export interface RunMetrics {
  backend: BackendName | null;
  featureSpec: FeatureSpec;
  horizon: number;
  folds: number;
  models: ModelResult[];
  /** The best neural model by the Scope's primary metric on the backtest, and the baseline it is compared with. */
  best: ModelName | null;
  baseline: BaselineKind;
}

/** Stored as RunRecord.artifacts: the final (test-window) weights of each neural model and the fitted feature state. */
export interface RunArtifacts {
  /** The feature state lives in the data worker; the spec in RunMetrics and the data hash rebuild it. */
  featureState?: FeatureState;
  weights: { model: ModelKind; weights: SerializedWeight[] }[];
}

/** A sample of forecast against actual for charts: one series, or the total, over the test window. */
export interface ForecastSample {
  model: ModelName;
  rows: { date: string; series: string; actual: number | null; p10: number | null; p50: number; p90: number | null }[];
}
