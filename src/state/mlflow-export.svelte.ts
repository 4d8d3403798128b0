/**
 * The MLflow export, offered on the Runs table and on the Registry stage: everything stored in this browser as one zip
 * holding an MLflow file store (src/lib/export/mlflow-store.ts).
 *
 *   exportZip() ──► stored runs, registries, datasets (IndexedDB) ──► export worker: build the tree, zip it
 *               ──► download `forecast-lab-mlflow-<date>.zip` ──► notice (what it holds), or error
 */
import { downloadBlob } from '../adapters/download';
import { mlflowZipName } from '../lib/export/mlflow-store';
import { mlflowExportTexts as t } from '../lib/messages/export';
import { formatBytes } from '../lib/storage/format-bytes';
import { toStorageError } from '../lib/storage/storage-error';
import type { ExportClient } from '../workers/export-client';
import type { StorageState } from './storage.svelte';

export interface MlflowExportOptions {
  /** The export worker, started on the first export. */
  client: () => ExportClient;
  /** Saves a file for the user; by default through a temporary download link. */
  download?: (blob: Blob, fileName: string) => void;
  now?: () => Date;
}

export class MlflowExportState {
  busy = $state(false);
  /** What the last export saved, for the status line. */
  notice = $state<string | null>(null);
  error = $state<string | null>(null);

  readonly #storage: StorageState;
  readonly #options: MlflowExportOptions;

  constructor(storage: StorageState, options: MlflowExportOptions) {
    this.#storage = storage;
    this.#options = options;
  }

  async exportZip(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = null;
    this.notice = null;
    try {
      let stored;
      try {
        const db = await this.#storage.open();
        stored = await db.transaction('r', [db.runs, db.registries, db.datasets], () => Promise.all([db.runs.toArray(), db.registries.toArray(), db.datasets.toArray()]));
      } catch (error) {
        throw new Error(toStorageError(error).message, { cause: error });
      }
      const [runs, registries, datasets] = stored;
      if (runs.length === 0 && registries.length === 0) {
        this.notice = t.nothingStored;
        return;
      }
      // A dataset's own bytes stay here: the export names datasets, it does not copy them.
      const result = await this.#options.client().api.mlflowZip({ runs, registries, datasets: datasets.map(({ hash, name, schema }) => ({ hash, name, schema })) });
      const fileName = mlflowZipName(this.#options.now?.() ?? new Date());
      (this.#options.download ?? downloadBlob)(new Blob([result.zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), fileName);
      this.notice = t.done(fileName, formatBytes(result.zip.byteLength), result) + (result.skipped.length > 0 ? t.skipped(result.skipped.length) : '');
    } catch (error) {
      this.error = t.failed(error instanceof Error ? error.message : String(error));
    } finally {
      this.busy = false;
    }
  }

  dismiss(): void {
    this.error = null;
    this.notice = null;
  }
}
