import type { ColumnMapping, CleaningChoices, Frequency, RawPreview, SalesData, ValidationReport } from '../lib/data/types';
import type { MappingDetection } from '../lib/data/detect-mapping';
import type { GenerateSalesOptions } from '../lib/data/generate-sales';
import type { ExploreOptions, ExploreResult } from '../lib/eda/explore-sales';
import type { AggregateSalesOverTimeOptions, SalesOverTime } from '../lib/eda/aggregate-sales-over-time';
import type { FeatureSpec } from '../lib/features/types';
import type { BacktestPlan } from '../lib/train/plan-backtest';
import type { SplitConfig } from '../lib/notebook/stage-configs';
import type { MatrixInput, SequenceColumns } from '../lib/models/train-types';
import type { CostModel } from '../lib/scope/cost-model';
import type { ForecastEvaluation } from '../lib/evaluate/evaluate-forecast';
import type { CustomMetricValue } from '../lib/evaluate/custom-metrics';
import type { ForecastSample, ModelName } from '../lib/runs/types';
import type { previewFeatures } from '../lib/features/preview-features';
import type { featureCorrelations } from '../lib/features/feature-correlations';

/**
 * The data worker's protocol. The worker owns the big table (a million rows stay there); the page only ever
 * receives reports and aggregates. Typed once here; comlink (a 1 KB, well-kept RPC layer over postMessage, chosen
 * over a hand-written message switch) turns it into promises on the page.
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
}

export type PredictProxy = (x: Float32Array, rows: number) => Promise<Float32Array>;

export interface WindowForecastResult {
  evaluation: ForecastEvaluation;
  custom: CustomMetricValue[];
  sample: ForecastSample;
  /** The forms a classical model's automatic choice settled on, most frequent first; null for other models. */
  forms: string[] | null;
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
  /** One backtest window's training and validation rows, transferred. */
  /** `steps`: a direct multi-horizon model's, whose targets are each row's next `steps` periods (train/direct-targets). */
  windowMatrices(window: number, steps?: number): Promise<WindowMatrices>;
  /** The rows a version is fitted on before it is registered: `spec` and `trainingWindow` are the run's. */
  finalMatrix(request: { spec: FeatureSpec; trainingWindow: number | null; steps?: number }): Promise<FinalMatrix>;
  /**
   * Forecast one window with a baseline or a trained model, and score it. `predict` is the trained model's forward
   * pass (a comlink proxy to the train worker; a separate argument because comlink proxies only top-level arguments).
   */
  forecastWindow(request: WindowForecastRequest, predict?: PredictProxy): Promise<WindowForecastResult>;
  /** Permutation importance of each feature on a window's validation rows, through the same proxy. */
  importance(request: { window: number; outputs: number; steps?: number; seed: number }, predict: PredictProxy): Promise<{ feature: string; increase: number }[]>;
  /** A copy of the cleaned table (for the ops worker's simulated world). */
  cleanedTable(): Promise<SalesData>;
}
