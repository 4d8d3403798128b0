import type { MemoryReport } from '../adapters/tf-backend';
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

/**
 * The train worker's protocol (comlink, as for the data worker). The worker owns tfjs and its backends; the page
 * sends feature matrices and a ModelSpec, and gets back plain weights and a history. Big arrays cross as
 * transferables, both ways. One job at a time: a second train/predict/probe while one runs is refused.
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
}

export interface TrainResult {
  weights: SerializedWeight[];
  history: EpochReport[];
  /** Validation loss before the first epoch, to judge the history against. */
  initialValLoss: number;
  backend: BackendName;
  durationMs: number;
  stoppedEarly: boolean;
  /** 1-based epoch whose weights were kept. */
  bestEpoch: number;
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
}

export interface TrainWorkerApi {
  /** Measures each backend on a short fixed workload; the result also decides 'auto' from then on. */
  probe(options?: ProbeOptions): Promise<ProbeResult>;
  /** Rejects with trainMessages.trainingCancelled after cancel(), with nothing kept. */
  train(request: TrainRequest, onEpoch?: (report: EpochReport) => void): Promise<TrainResult>;
  /** Rows × outputs, row-major (outputs = quantiles for the quantile loss, else 1). */
  predict(request: PredictRequest): Promise<Float32Array>;
  /** Stops the training in progress within one epoch (usually within a few batches). */
  cancel(): void;
  /** tfjs's live tensor count and bytes, to check nothing leaks. */
  memory(): Promise<MemoryReport>;
}
