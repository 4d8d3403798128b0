import type { BaselineKind, ClassicalKind, EnsembleKind, FittedParams, ModelKind, ModelSpec } from '../models/types';
import type { Frequency } from '../data/types';
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
export type ModelName = ModelKind | BaselineKind | ClassicalKind | EnsembleKind;
export type ModelFamily = 'baseline' | 'classical' | 'neural' | 'ensemble';

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
  /** Per-epoch losses (neural models only; none on the test window, which trains for a count the folds chose). */
  history: EpochReport[];
  /** Folds: the epoch early stopping kept (0: none beat a warm start's own weights). Test window: the epochs it trained. */
  bestEpoch: number | null;
  /** The network continued from the previous window's weights (absent in runs made before warm starts: from the seed). */
  warmStart?: boolean;
  stoppedEarly: boolean;
  durationMs: number;
}

export interface ModelResult {
  name: ModelName;
  family: ModelFamily;
  spec: ModelSpec | null;
  windows: WindowResult[];
  /**
   * Mean of each headline metric over the selection folds only (the test window left out): the score the pick was
   * made on. Runs stored before honest selection averaged the test window in too.
   */
  backtest: HeadlineMetrics;
  /** The headline metrics of the final test window, reported after the pick (absent in older runs). */
  test?: HeadlineMetrics | null;
  /** An ensemble's members, best first (ensembles only). */
  members?: ModelName[];
  /** The form an automatic choice settled on per series, most frequent first (classical models), e.g. 'ETS(M,Ad,M) ×7'. */
  forms?: string[];
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

export type HeadlineKey = keyof HeadlineMetrics;

/** Stored as RunRecord.metrics. */
export interface RunMetrics {
  backend: BackendName | null;
  featureSpec: FeatureSpec;
  horizon: number;
  folds: number;
  models: ModelResult[];
  /**
   * The auto pick: the candidate (any family, baselines and ensembles included) with the lowest selection score of
   * the primary metric, and the baseline it is compared with.
   */
  best: ModelName | null;
  baseline: BaselineKind;
  /** How the pick was made (absent in runs stored before honest selection, which picked among neural models). */
  selection?: SelectionRecord;
  /** The 0/1 column saying when a series is closed (forecasts are 0 there) and whether only open periods were scored. */
  closed?: { flag: string; openOnly: boolean } | null;
}

/** The pick, written down so the Evaluate stage can say why the winner won. */
export interface SelectionRecord {
  metric: string;
  /** The windows the pick was made on ('fold 1', …); never the test window. */
  windows: string[];
  /** Every scored candidate by its selection score, best first (ensembles included). */
  ranking: { name: ModelName; score: number }[];
  /** The winner (RunMetrics.best), null when no candidate had a finite score. */
  picked: ModelName | null;
}

/** Stored as RunRecord.artifacts: the final (test-window) weights of each neural model and the fitted feature state. */
export interface RunArtifacts {
  /** The feature state lives in the data worker; the spec in RunMetrics and the data hash rebuild it. */
  featureState?: FeatureState;
  weights: { model: ModelKind; weights: SerializedWeight[] }[];
  /** The test window's forecast-vs-actual samples the Evaluate charts draw (absent in runs stored before they were kept). */
  samples?: ForecastSample[];
  /** The feature table as one SQL query per dialect (features/feature-sql.ts); absent in older runs. */
  featureSql?: { duckdb: string; spark: string };
  /** Each classical model's fitted parameters on the test window (absent in runs stored before they were kept). */
  classical?: ClassicalParams[];
}

/**
 * A classical model on the test window, as a forecaster would take it elsewhere: per series the form chosen, what was
 * estimated (named as R's forecast package and lm() name it) and the forecast Forecast Lab scored.
 */
export interface ClassicalParams {
  model: ClassicalKind;
  frequency: Frequency;
  /** Periods per season the models were given (7, 52, 12). */
  season: number;
  /** The test window's cutoff, 'YYYY-MM-DD': each series is fitted on its history up to it. */
  cutoff: string;
  /** What every series shares (the calendar regression's coefficients); absent for the per-series models. */
  shared?: FittedParams;
  series: ClassicalSeriesParams[];
}

export interface ClassicalSeriesParams {
  label: string;
  form: string;
  params: FittedParams;
  /** The forecast as scored, step by step: clipped at zero, 0 on closed periods, null where there was none. */
  dates: string[];
  p50: (number | null)[];
  p10: (number | null)[];
  p90: (number | null)[];
}

/** A sample of forecast against actual for charts: one series, or the total, over the test window. */
export interface ForecastSample {
  model: ModelName;
  rows: { date: string; series: string; actual: number | null; p10: number | null; p50: number; p90: number | null }[];
}
