/**
 * The Registry's model download: one registered version as a zip anyone can forecast with, outside Forecast Lab
 * (src/lib/export/tfjs-bundle.ts).
 *
 *   download(version) ──► its stored weights ──► data worker: feature state, the forecast from the newest actual,
 *     inputs.json, README, zip (a network predicts and is written as model.json by train lane 0, over their channel)
 *     ──► `forecaster-v1-tfjs.zip` ──► notice, or error
 */
import { downloadBlob } from '../adapters/download';
import { exportModelTexts as t } from '../lib/messages/export-model';
import { BACKEND_NAMES, type BackendChoice, type SerializedWeight } from '../lib/models/train-types';
import { isBaselineModel } from '../lib/ops/baseline-host';
import type { ModelVersion } from '../lib/registry/types';
import { formatBytes } from '../lib/storage/format-bytes';
import type { DataClient } from '../workers/data-client';
import type { TrainClient } from '../workers/train-client';

export interface ModelExportOptions {
  data: DataClient;
  /** Train lane 0 (started here when it has not been: its channel to the data worker comes with it). */
  lane: () => TrainClient;
  /** A registered version's stored weights. */
  weights: (versionId: string) => SerializedWeight[] | undefined;
  /** Saves a file for the user; by default through a temporary download link. */
  download?: (blob: Blob, fileName: string) => void;
}

const LANE = 0;

export class ModelExportState {
  /** The id of the version being written; null when idle. */
  busy = $state<string | null>(null);
  notice = $state<string | null>(null);
  error = $state<string | null>(null);

  readonly #options: ModelExportOptions;

  constructor(options: ModelExportOptions) {
    this.#options = options;
  }

  /** `horizon`: the notebook's, in periods of the data (a direct model's steps at most). */
  async download(version: ModelVersion, { horizon }: { horizon: number }): Promise<void> {
    if (this.busy !== null) return;
    this.busy = version.id;
    this.error = null;
    this.notice = null;
    try {
      let weights: SerializedWeight[] | null = null;
      if (!isBaselineModel(version.model)) {
        weights = this.#options.weights(version.id) ?? null;
        if (!weights) throw new Error(t.noWeights(version.id));
        this.#options.lane();
      }
      // Forecast on the backend the version was trained on, as serving replays it.
      const backend: BackendChoice = BACKEND_NAMES.find((name) => name === version.backend) ?? 'auto';
      const result = await this.#options.data.api.exportModel({ version, weights, horizon, lane: LANE, backend });
      (this.#options.download ?? downloadBlob)(new Blob([result.zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), result.fileName);
      this.notice = t.done(result.fileName, formatBytes(result.zip.byteLength));
    } catch (error) {
      this.error = t.failed(version.id, error instanceof Error ? error.message : String(error));
    } finally {
      this.busy = null;
    }
  }

  dismiss(): void {
    this.error = null;
    this.notice = null;
  }
}
