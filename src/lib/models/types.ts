/**
 * Model configuration: plain JSON, stored with each run. Same spec + data + seed + backend → same metrics.
 */
export type ModelKind = 'ridge' | 'mlp' | 'cnn';
export type LossKind = 'mae' | 'mse' | 'huber' | 'quantile';
export type BaselineKind = 'naive' | 'seasonal-naive' | 'moving-average';

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
