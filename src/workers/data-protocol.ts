import type { ColumnMapping, CleaningChoices, Frequency, RawPreview, SalesData, ValidationReport } from '../lib/data/types';
import type { MappingDetection } from '../lib/data/detect-mapping';
import type { GenerateSalesOptions } from '../lib/data/generate-sales';
import type { ExploreOptions, ExploreResult } from '../lib/eda/explore-sales';
import type { AggregateSalesOverTimeOptions, SalesOverTime } from '../lib/eda/aggregate-sales-over-time';
import type { FeatureSpec } from '../lib/features/types';
import type { BacktestPlan } from '../lib/train/plan-backtest';
import type { SplitConfig } from '../lib/notebook/stage-configs';
import type { BackendChoice, MatrixInput, SequenceColumns, SerializedWeight } from '../lib/models/train-types';
import type { ModelSpec } from '../lib/models/types';
import type { CostModel } from '../lib/scope/cost-model';
import type { ForecastEvaluation } from '../lib/evaluate/evaluate-forecast';
import type { CustomMetricValue } from '../lib/evaluate/custom-metrics';
import type { ClassicalParams, ForecastSample, ModelName } from '../lib/runs/types';
import type { ModelVersion } from '../lib/registry/types';
import type { previewFeatures } from '../lib/features/preview-features';
import type { featureCorrelations } from '../lib/features/feature-correlations';

/**
 * The data worker's protocol. The worker owns the big table (a million rows stay there); the page only ever
 * receives reports and aggregates. Typed once here; comlink (a 1 KB, well-kept RPC layer over postMessage, chosen
 * over a hand-written message switch) turns it into promises on the page. What other workers need of the table
 * (a train lane's matrices, the ops worker's copy) goes to them over a MessageChannel of their own, never through the page.
 */
export type LoadSource =
  | { kind: 'example'; name: string; options: Partial<GenerateSalesOptions> }
  | { kind: 'blob'; name: string; blob: Blob };

export interface LoadRequest {
  source: LoadSource;
  /** null: use the detected mapping. */
  mapping: ColumnMapping | null;
  horizon: number | null;
}

export interface LoadProgress {
  phase: 'reading' | 'generating' | 'checking';
  done: number;
  total: number;
}

export interface LoadResult {
  name: string;
  hash: string;
  sizeBytes: number;
  preview: RawPreview;
  detection: MappingDetection;
  /** The mapping in use (the request's, or the detected one). */
  mapping: ColumnMapping;
  report: ValidationReport;
}

export interface CleanRequest {
  cleaning: CleaningChoices;
  horizon: number | null;
}

export interface CleanResult {
  /** The report for this horizon (series-too-short depends on it). */
  report: ValidationReport;
  horizon: number;
  rowCount: number;
  seriesCount: number;
  frequency: Frequency;
  seriesKeys: string[];
  /** The key to group charts by when the user has not chosen: the first that takes more than one value. */
  defaultGroupKey: string | null;
  seriesLabels: string[];
  start: number | null;
  end: number | null;
}

export interface FeaturesRequest {
  /** null: the default spec for this data. */
  spec: FeatureSpec | null;
  horizon: number | null;
  split: SplitConfig;
}

export interface FeaturesResult {
  /** The spec in use (the default one resolved). */
  spec: FeatureSpec;
  /** The 0/1 column that says a series is closed (every forecast is 0 there); null when the data has none. */
  closedFlag: string | null;
  frequency: Frequency;
  /** The cleaned table's date, sales and key columns: what the feature SQL reads (feature-sql.ts). */
  columns: Pick<ColumnMapping, 'date' | 'sales' | 'keys'>;
  plan: BacktestPlan;
  horizon: number;
  /** Feature rows in the whole table, and training rows of the final test window. */
  rows: number;
  trainRows: number;
  names: string[];
  sequence: SequenceColumns | null;
  preview: ReturnType<typeof previewFeatures>;
  /** Correlation of each feature with the (transformed) target, on training rows only. */
  correlations: ReturnType<typeof featureCorrelations>;
}

export interface WindowMatrices {
  train: MatrixInput;
  validation: MatrixInput;
  names: string[];
  sequence: SequenceColumns | null;
}

/** The rows a version is fitted on before it is registered: `spec` and `trainingWindow` are the run's. */
export interface FinalMatrixRequest {
  spec: FeatureSpec;
  trainingWindow: number | null;
  /** A direct multi-horizon model's steps: each row's next `steps` periods are its targets. */
  steps?: number;
}

/** Every row up to the end of the data, featurised with a state fit on all of them (the fit before registering). */
export interface FinalMatrix {
  rows: MatrixInput;
  names: string[];
  sequence: SequenceColumns | null;
  /** The last day the rows (and the feature state) reach: the registered version's trainEnd. */
  trainEnd: number;
  /** First day of the rows under a training window; null for all history. */
  trainStart: number | null;
}

export interface WindowForecastRequest {
  window: number;
  model: ModelName;
  quantiles: number[] | null;
  /** null: the default cost model for the data's frequency. */
  cost: CostModel | null;
  /** The Scope's user-defined metrics, computed beside the built-in ones. */
  customMetrics: { name: string; expression: string }[];
  /** Leave closed periods (see closedFlag) out of every metric. */
  openOnly: boolean;
  /** An ensemble's members, whose forecasts of this window were made before (ensembles only). */
  members?: ModelName[];
  /** A direct multi-horizon model's steps (ModelSpec.steps); absent: recursive. */
  steps?: number;
  /** The trained network to forecast with (neural models only). */
  network?: NetworkRef;
}

/** A network's forward pass: rows × features in, rows × outputs back (from a train lane, over its channel). */
export type NetworkPredict = (x: Float32Array, rows: number) => Promise<Float32Array>;

/**
 * A trained network, held by a train lane's worker: the data worker asks that worker for each prediction over their
 * channel. The page names it (weights are small); the feature rows it predicts on never leave the two workers.
 */
export interface NetworkRef {
  lane: number;
  /** The spec as trained (TrainWindowResult.spec). */
  spec: ModelSpec;
  weights: SerializedWeight[];
  backend: BackendChoice;
  /** PredictRequest.keep: the lane builds the model once for every prediction of one window. */
  keep: string;
}

/** Who is at the other end of a channel to the data worker (see DataWorkerApi.connect). */
export type DataPeer = { kind: 'train'; lane: number } | { kind: 'ops' };

/** What a train lane's worker asks the data worker for, over their channel. Arrays are transferred. */
export interface MatrixService {
  /**
   * One backtest window's training and validation rows. `steps`: a direct multi-horizon model's, whose targets are
   * each row's next `steps` periods (train/direct-targets).
   */
  windowMatrices(window: number, steps?: number): Promise<WindowMatrices>;
  finalMatrix(request: FinalMatrixRequest): Promise<FinalMatrix>;
}

/** What the ops worker asks the data worker for, over their channel. */
export interface TableService {
  /** A copy of the cleaned table, transferred: the simulated world is built from it. */
  cleanedTable(): Promise<SalesData>;
}

export interface WindowForecastResult {
  evaluation: ForecastEvaluation;
  custom: CustomMetricValue[];
  sample: ForecastSample;
  /** The forms a classical model's automatic choice settled on, most frequent first; null for other models. */
  forms: string[] | null;
  /** A classical model's fitted parameters per series, on the test window only; null otherwise. */
  fitted: ClassicalParams | null;
}

/**
 * A registered version as a zip anyone can forecast with (the Registry's model download; src/lib/export/tfjs-bundle.ts),
 * from the cleaned table's newest actual. A network predicts, and is written as model.json, by lane `lane`'s train
 * worker over their channel.
 */
export interface ModelExportRequest {
  version: ModelVersion;
  /** The version's stored weights; null for a baseline. */
  weights: SerializedWeight[] | null;
  horizon: number;
  lane: number;
  backend: BackendChoice;
}

export interface ModelExportResult {
  /** The zip's bytes (transferred). */
  zip: Uint8Array;
  fileName: string;
}

export interface DataWorkerApi {
  load(request: LoadRequest, onProgress: (progress: LoadProgress) => void): Promise<LoadResult>;
  /** Stops a load in progress; its promise rejects with a cancellation message and nothing changes. */
  cancel(): void;
  clean(request: CleanRequest): Promise<CleanResult>;
  explore(options: ExploreOptions): Promise<ExploreResult>;
  salesOverTime(options: AggregateSalesOverTimeOptions): Promise<SalesOverTime>;
  /** Build the features of the cleaned table and plan the backtest (the Features stage). */
  prepareFeatures(request: FeaturesRequest): Promise<FeaturesResult>;
  /** Forecast one window with a baseline, a classical model, an ensemble or a trained network, and score it. */
  forecastWindow(request: WindowForecastRequest): Promise<WindowForecastResult>;
  /** Permutation importance of each feature on a window's held-out rows, the network predicting as in forecastWindow. */
  importance(request: { window: number; outputs: number; steps?: number; seed: number; network: NetworkRef }): Promise<{ feature: string; increase: number }[]>;
  exportModel(request: ModelExportRequest): Promise<ModelExportResult>;
  /**
   * One end of a MessageChannel to another worker: a train lane (served the MatrixService; its predict is what a
   * NetworkRef of that lane forecasts with) or the ops worker (served the TableService). A new port for a peer
   * replaces its old one.
   */
  connect(peer: DataPeer, port: MessagePort): void;
  /** That peer is gone: calls waiting on it reject with `message`, and its port closes. */
  disconnect(peer: DataPeer, message: string): void;
}
