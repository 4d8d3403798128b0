/**
 * The plain data around training (issue: Train): what goes into the train worker and what comes back. Everything
 * here is serialisable; weights are Float32Arrays so they cross to the page as transferables and into storage as is.
 *
 *   FeatureMatrix (train / validation rows) + ModelSpec + seed ──► (train worker) ──► weights + history
 */

export type BackendName = 'webgl' | 'wasm' | 'cpu';
/** 'auto' measures the backends once (probeBackends) and uses the fastest. */
export type BackendChoice = 'auto' | BackendName;
export const BACKEND_NAMES: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];

/**
 * Rows × width features, row-major, with the transformed target of a FeatureMatrix: one per row, or `targets` per row
 * (row-major) for a direct multi-horizon model, NaN where a step's target is not known (see train/direct-targets).
 */
export interface MatrixInput {
  x: Float32Array;
  y: Float32Array;
  rows: number;
  width: number;
  /** Targets per row; absent: 1. */
  targets?: number;
}

/**
 * The feature columns the CNN convolves over: a contiguous run of equally spaced lag columns (e.g. lag 1…14), in
 * either order. The other columns (calendar, price, promotion, …) go through a dense branch.
 */
export interface SequenceColumns {
  start: number;
  length: number;
}

/** One epoch of training. Both losses are the data loss (the L2 penalty is not included), on the scaled target. */
export interface EpochReport {
  /** 1-based, counted within its phase (a refit counts from 1 again). */
  epoch: number;
  loss: number;
  /** NaN in a refit epoch: the validation rows are trained on there, so there is nothing held out to score. */
  valLoss: number;
  /** Wall time of the epoch, validation included. */
  ms: number;
  /**
   * Absent or 'fit': an epoch of the early-stopped run, a point of the learning curves (and of TrainResult.history).
   * 'refit': an epoch of the retraining on train ∪ validation after it (TrainRequest.refit), reported as progress
   * only; plotting it would draw a second curve from epoch 1 over the first, with no validation loss.
   */
  phase?: 'fit' | 'refit';
}

/** One weight tensor, in the model's weight order; `name` is stable across rebuilds of the same spec. */
export interface SerializedWeight {
  name: string;
  shape: number[];
  dtype: 'float32';
  data: Float32Array;
}

export interface ProbeOptions {
  /** Backends to try, in order; default all three. */
  candidates?: BackendName[];
  /** Rows in the timed batch (one batch per step); default 256. */
  rows?: number;
  /** Input width of the timed model; default 30. */
  features?: number;
  /** Timed steps after the warm-up; default 5. */
  steps?: number;
}

export interface BackendProbe {
  backend: BackendName;
  available: boolean;
  /** Median wall time of one training step (forward, backward, Adam update, loss read back); null when unavailable. */
  msPerStep: number | null;
  /** Why the backend is unavailable; null when it is. */
  reason: string | null;
}

export interface ProbeResult {
  backends: BackendProbe[];
  /** The fastest available backend; null when none could start. */
  pick: BackendName | null;
  rows: number;
  features: number;
  steps: number;
}
