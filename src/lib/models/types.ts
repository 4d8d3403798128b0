/**
 * Model configuration: plain JSON, stored with each run. Same spec + data + seed + backend → same metrics.
 */
export type ModelKind = 'ridge' | 'mlp' | 'cnn';
export type LossKind = 'mae' | 'mse' | 'huber' | 'quantile';
export type BaselineKind = 'naive' | 'seasonal-naive' | 'moving-average';
/**
 * Models fitted on each series' own history, in the data worker (no tfjs): R forecast's ETS, Theta and ARIMA, and a
 * global calendar regression (one least-squares fit over every series, no lags: Prophet's idea, pooled).
 */
export type ClassicalKind = 'ets' | 'theta' | 'arima' | 'calendar';
/** Combinations of the candidates ranked best on the selection folds (k chosen there too). */
export type EnsembleKind = 'ensemble-mean' | 'ensemble-median';

export interface ModelSpec {
  kind: ModelKind;
  loss: LossKind;
  /** Quantiles predicted when loss = 'quantile' (P10/P50/P90); the middle one is the point forecast. */
  quantiles: number[];
  /** Hidden layer widths (mlp); filters and kernel size (cnn). */
  hidden: number[];
  kernelSize: number;
  dropout: number;
  /** L2 penalty on weights (ridge and others). */
  l2: number;
  learningRate: number;
  epochs: number;
  batchSize: number;
  /** Early stopping: epochs without validation improvement before stopping. */
  patience: number;
  /**
   * Rows drawn per epoch, a fresh seeded sample each epoch (Keras' steps_per_epoch); absent: every row. Big tables
   * repeat themselves (the same weekday of the same store, year after year), and every candidate trains on every
   * backtest window, so a sample per epoch buys most of the fit for a fraction of the time.
   */
  rowsPerEpoch?: number;
  /**
   * DIRECT multi-horizon: the model reads the features of a forecast's first step and predicts all `steps` steps at
   * once (one output per step and quantile, step-major), instead of one step fed back `steps` times. Absent:
   * recursive one-step-ahead (features/types.ts says why that is the default).
   */
  steps?: number;
}

/** A point forecast with optional interval, per (series, date). */
export interface Forecast {
  series: Int32Array;
  date: Int32Array;
  /** 1-based step ahead from the forecast origin. */
  step: Int32Array;
  p50: Float64Array;
  p10?: Float64Array;
  p90?: Float64Array;
}

/**
 * One series' forecast from a per-series (classical) model, fitted on that series' history alone: the point forecast
 * and an 80 % interval per step (length = horizon), and the form the automatic choice settled on.
 */
export interface SeriesForecast {
  p50: Float64Array;
  p10: Float64Array;
  p90: Float64Array;
  /** The chosen form as R's forecast package prints it, e.g. 'ETS(M,Ad,M)', 'ARIMA(0,1,1)(0,1,1)[12]', 'Theta'. */
  form: string;
  /**
   * What the fit estimated, as plain JSON named as R's forecast package names it (`alpha`, `initstate`, `ar1`, `sma1`,
   * `drift`, …), so a forecaster can check or reuse it; `{ fallback: 'naive', … }` where no model could be fitted.
   */
  params: FittedParams;
}

/** One series' fit, as a forecaster would write it down: the form chosen and what was estimated. */
export interface SeriesFit {
  series: number;
  form: string;
  params: FittedParams;
}

/** Fitted parameters: plain JSON (finite numbers; an undefined one is null), read by people and by other tools. */
export interface FittedParams {
  [name: string]: number | string | null | number[] | FittedParams;
}

export interface SeriesModelOptions {
  /** Periods per season (7 daily, 52 weekly, 12 monthly); 1 for no seasonality. */
  season: number;
  horizon: number;
}
