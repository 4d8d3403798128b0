import type { ColumnMapping, CleaningChoices, Frequency, RawPreview, ValidationReport } from '../lib/data/types';
import type { MappingDetection } from '../lib/data/detect-mapping';
import type { GenerateSalesOptions } from '../lib/data/generate-sales';
import type { ExploreOptions, ExploreResult } from '../lib/eda/explore-sales';
import type { AggregateSalesOverTimeOptions, SalesOverTime } from '../lib/eda/aggregate-sales-over-time';

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

export interface DataWorkerApi {
  load(request: LoadRequest, onProgress: (progress: LoadProgress) => void): Promise<LoadResult>;
  /** Stops a load in progress; its promise rejects with a cancellation message and nothing changes. */
  cancel(): void;
  clean(request: CleanRequest): Promise<CleanResult>;
  explore(options: ExploreOptions): Promise<ExploreResult>;
  salesOverTime(options: AggregateSalesOverTimeOptions): Promise<SalesOverTime>;
}
