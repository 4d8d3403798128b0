import type { MemoryReport } from '../adapters/tf-backend';
import type { LayersModelOptions } from '../adapters/tf-export';
import type { LayersModelFiles } from '../lib/export/tfjs-bundle';
import type {
  BackendChoice,
  BackendName,
  EpochReport,
  MatrixInput,
  ProbeOptions,
  ProbeResult,
  SequenceColumns,
  SerializedWeight,
} from '../lib/models/train-types';
import type { ModelSpec } from '../lib/models/types';
import type { FeatureSpec } from '../lib/features/types';
import type { NetworkStep } from '../lib/train/network-windows';

/**
 * The train worker's protocol (comlink, as for the data worker). The worker owns tfjs and its backends. In the app it
 * is one lane of a run: the page sends small requests (a window, a ModelSpec, a seed), the worker fetches the feature
 * matrices from the data worker over their own channel (connectData), and the page gets back plain weights and a
 * history; the data worker asks it for predictions over the same channel. train/fit/predict take matrices from the
 * caller instead (the tests and the bench drive the worker so). Big arrays cross as transferables, both ways. One job
 * at a time: a second job while one runs is refused.
 */
export interface TrainRequest {
  spec: ModelSpec;
  seed: number;
  /** 'auto': the fastest backend by probe() (probed on first use). */
  backend: BackendChoice;
  train: MatrixInput;
  validation: MatrixInput;
  /** The CNN's lag window within the feature columns; required for kind 'cnn'. */
  sequence?: SequenceColumns;
  /** Start from these weights (a previous window's) instead of the seed's initialisation: a warm start. */
  initial?: SerializedWeight[];
}

export interface TrainResult {
  /** The best epoch's weights (a warm start's own when no epoch beat them). */
  weights: SerializedWeight[];
  /** Every epoch trained (the learning curves). */
  history: EpochReport[];
  /** Validation loss before the first epoch, to judge the history against. */
  initialValLoss: number;
  backend: BackendName;
  durationMs: number;
  stoppedEarly: boolean;
  /** 1-based epoch with the lowest validation loss; 0 when none beat a warm start's own. */
  bestEpoch: number;
}

/**
 * A model trained for exactly `epochs` epochs on `rows`, nothing held out: from the seed, or from `initial` (a warm
 * start). How a window's network learns its newest periods, and the fit before registering.
 */
export interface FitRequest {
  spec: ModelSpec;
  seed: number;
  backend: BackendChoice;
  rows: MatrixInput;
  epochs: number;
  sequence?: SequenceColumns;
  initial?: SerializedWeight[];
}

export interface FitResult {
  weights: SerializedWeight[];
  backend: BackendName;
  durationMs: number;
}

export interface PredictRequest {
  spec: ModelSpec;
  weights: SerializedWeight[];
  x: Float32Array;
  rows: number;
  width: number;
  sequence?: SequenceColumns;
  /** Default: the backend in use ('auto' before any). */
  backend?: BackendChoice;
  /**
   * Keep the built model under this key for the next request with the same key (its weights are then not read
   * again): a recursive forecast asks once per step, permutation importance once per feature, and building the layers
   * each time cost more than the prediction. One model is kept; a new key or a training releases it.
   */
  keep?: string;
}

/** One backtest window of a network, as networkStep says: the matrices come from the data worker. */
export interface TrainWindowRequest {
  window: number;
  /** A direct multi-horizon model's steps (ModelSpec.steps); absent: recursive. */
  steps?: number;
  /** As configured: its batch size is fitted to the window's rows here (fitBatchSize). */
  spec: ModelSpec;
  seed: number;
  backend: BackendChoice;
  /** Early stopping on the window's validation rows, or a fit on its training and validation rows for `epochs`. */
  step: NetworkStep;
  initial?: SerializedWeight[];
}

export interface TrainWindowResult extends Omit<TrainResult, 'initialValLoss'> {
  /** The spec trained (batch size fitted to the rows): what predictions of this model are asked with. */
  spec: ModelSpec;
}

/** The fit before registering (FinalFit): every row up to the end of the data, from the data worker. */
export interface FinalFitRequest {
  spec: ModelSpec;
  featureSpec: FeatureSpec;
  trainingWindow: number | null;
  seed: number;
  backend: BackendChoice;
  epochs: number;
  initial?: SerializedWeight[];
}

export interface FinalFitResult extends FitResult {
  rows: number;
  /** The last day of the rows: the version's trainEnd. */
  trainEnd: number;
  trainStart: number | null;
}

/** A registered network to write in the TF.js layers format (src/adapters/tf-export.ts); `backend` as for PredictRequest. */
export interface LayersModelRequest extends LayersModelOptions {
  backend?: BackendChoice;
}

/** What the data worker asks a lane's train worker for, over their channel. */
export type TrainerPeer = Pick<TrainWorkerApi, 'predict' | 'layersModel'>;

export interface TrainWorkerApi {
  /**
   * This lane's end of a MessageChannel to the data worker: matrices are fetched over it, and the data worker's
   * predictions (TrainerPeer) are answered on it. A new port replaces the old one.
   */
  connectData(port: MessagePort): void;
  /** The data worker is gone: a fetch waiting on it rejects with `message`. */
  disconnectData(message: string): void;
  /** `onEpoch` hears every epoch, as for train() (a fit's with phase 'refit'); cancel() stops it the same way. */
  trainWindow(request: TrainWindowRequest, onEpoch?: (report: EpochReport) => void): Promise<TrainWindowResult>;
  /** `onProgress` hears each epoch with the number of rows fitted on; cancel() stops it. */
  finalFit(request: FinalFitRequest, onProgress?: (progress: { epoch: number; rows: number }) => void): Promise<FinalFitResult>;
  /** Measures each backend on a short fixed workload; the result also decides 'auto' from then on. */
  probe(options?: ProbeOptions): Promise<ProbeResult>;
  /**
   * Loads tfjs and starts the backend `choice` resolves to ('auto': measured by probe() once), so that the first
   * training does not wait for it. Jobs that arrive meanwhile wait for it instead of being refused; a prepare while a
   * job runs does nothing (that job has chosen already). Resolves with the backend started, or null when it could not
   * start (never rejects: the job that needs it reports why).
   */
  prepare(choice: BackendChoice): Promise<BackendName | null>;
  /** Rejects with trainMessages.trainingCancelled after cancel(), with nothing kept. `onEpoch` hears every epoch. */
  train(request: TrainRequest, onEpoch?: (report: EpochReport) => void): Promise<TrainResult>;
  /** `onEpoch` hears each epoch (NaN valLoss, phase 'refit'); cancel() stops it the same way. */
  fit(request: FitRequest, onEpoch?: (report: EpochReport) => void): Promise<FitResult>;
  /** Rows × outputs, row-major (outputs = quantiles for the quantile loss, else 1). */
  predict(request: PredictRequest): Promise<Float32Array>;
  /** The network as model.json + its weights shard (the Registry's model download; the weights transferred). */
  layersModel(request: LayersModelRequest): Promise<LayersModelFiles>;
  /** Stops the training or fit in progress within one epoch (usually within a few batches). */
  cancel(): void;
  /** tfjs's live tensor count and bytes, to check nothing leaks. */
  memory(): Promise<MemoryReport>;
}
