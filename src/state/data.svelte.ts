import type { NotebookConfig, DatasetRef } from '../lib/notebook/config';
import type { ColumnMapping } from '../lib/data/types';
import { estimateEta, formatEta } from '../lib/progress/estimate-eta';
import { dataNotUsable, importedDatasetMissing, loadCancelled } from '../lib/messages/notebook';
import { toStorageError } from '../lib/storage/storage-error';
import { estimateSize } from '../lib/storage/estimate-size';
import type { DatasetRecord, DatasetSource } from '../lib/storage/records';
import type { DataClient } from '../workers/data-client';
import type { CleanResult, LoadProgress, LoadRequest, LoadResult, LoadSource } from '../workers/data-protocol';
import { BUILTIN_DATASETS } from './builtin-datasets';
import { readRecord } from '../adapters/db';
import type { StorageState } from './storage.svelte';

export interface ProgressView {
  phase: LoadProgress['phase'];
  fraction: number;
  eta: string;
}

/**
 * The Data stage: which dataset is loaded (through the data worker), its validation report, the cleaning applied,
 * and the progress of a load. Imported files are kept in IndexedDB (as the very bytes that were hashed) so the
 * notebook re-opens them after a reload; examples and built-in files are only listed there, as they regenerate.
 */
export class DataState {
  loaded = $state.raw<LoadResult | null>(null);
  /** The last file the user picked that could not be used, with its report; the data in use did not change. */
  rejected = $state.raw<LoadResult | null>(null);
  /** That file, so a corrected column mapping can be tried on it. */
  rejectedFile: File | null = null;
  cleaned = $state.raw<CleanResult | null>(null);
  progress = $state.raw<ProgressView | null>(null);
  /** A storage problem that did not stop the data from being used (it is just not kept). */
  storageNotice = $state<string | null>(null);
  /** "Loading was cancelled": a plain notice, not an error. */
  loadNotice = $state<string | null>(null);

  readonly #client: DataClient;
  readonly #storage: StorageState;
  /** Files picked in this session, by hash, until they are stored. */
   
  readonly #files = new Map<string, File>();
  /** What the worker holds now, so a config change that names the same data does not load it twice. */
  #holding: string | null = null;

  constructor(client: DataClient, storage: StorageState) {
    this.#client = client;
    this.#storage = storage;
  }

  /** Runner of the 'data.load' cell. */
  async load(config: NotebookConfig): Promise<void> {
    const key = holdingKey(config);
    if (this.#holding === key && this.loaded) return;
    const source = await this.#source(config.dataset);
    const result = await this.#run({ source, mapping: config.mapping, horizon: config.horizon });
    this.loaded = result;
    this.cleaned = null;
    this.#holding = null;
    if (!result.report.usable) throw new Error(dataNotUsable());
    this.rejected = null;
    this.#holding = key;
    await this.#remember(config.dataset, source, result);
  }

  /** Runner of the 'data.clean' cell. */
  async clean(config: NotebookConfig): Promise<void> {
    this.cleaned = await this.#client.api.clean({ cleaning: config.cleaning, horizon: config.horizon });
  }

  /**
   * A file the user picked or dropped: load it now (so its hash is known), keep it, and return the dataset
   * reference for the notebook's configuration. Nothing stored changes until the file has loaded; a file that
   * cannot be used returns null and is shown in `rejected`, while the data in use stays as it was.
   */
  async importFile(file: File, mapping: ColumnMapping | null = null): Promise<DatasetRef | null> {
    // Marks for `npm run bench`: the import runs before the cells do (they find the table already held).
    performance.mark('fl:import:start');
    const source: LoadSource = { kind: 'blob', name: file.name, blob: file };
    this.loadNotice = null;
    let result: LoadResult;
    try {
      result = await this.#run({ source, mapping, horizon: null });
    } catch (error) {
      if (!(error instanceof Error && error.message === loadCancelled())) throw error;
      this.loadNotice = loadCancelled();
      return null;
    }
    performance.mark('fl:import:loaded');
    if (!result.report.usable) {
      this.rejected = result;
      this.rejectedFile = file;
      return null;
    }
    this.rejected = null;
    this.rejectedFile = null;
    this.#files.set(result.hash, file);
    const ref: DatasetRef = { kind: 'imported', hash: result.hash, name: file.name };
    this.loaded = result;
    this.cleaned = null;
    this.#holding = holdingKey({ dataset: ref, mapping });
    await this.#remember(ref, source, result);
    performance.mark('fl:import:end');
    return ref;
  }

  cancel(): void {
    void this.#client.api.cancel();
  }

  async #run(request: LoadRequest): Promise<LoadResult> {
    const startedAt = performance.now();
    this.progress = { phase: 'reading', fraction: 0, eta: '' };
    let finished = false;
    // Progress messages can arrive after the result (both are messages); a late one must not revive the bar.
    const onProgress = this.#client.callback((p: LoadProgress) => {
      if (finished) return;
      const estimate = estimateEta({ startedAt, now: performance.now(), done: p.done, total: p.total });
      this.progress = { phase: p.phase, fraction: estimate.fraction, eta: formatEta(estimate.etaMs) };
    });
    try {
      return await this.#client.api.load(request, onProgress);
    } finally {
      finished = true;
      this.progress = null;
    }
  }

  async #source(ref: DatasetRef): Promise<LoadSource> {
    switch (ref.kind) {
      case 'example': {
        const { seed, stores, products, days } = ref;
        return { kind: 'example', name: exampleName(ref), options: { seed, stores, products, days } };
      }
      case 'builtin': {
        const response = await fetch(BUILTIN_DATASETS[ref.file].url);
        if (!response.ok) throw new Error(`Could not read the built-in file ${ref.file} (HTTP ${response.status}).`);
        return { kind: 'blob', name: ref.file, blob: await response.blob() };
      }
      case 'imported': {
        const picked = this.#files.get(ref.hash);
        if (picked) return { kind: 'blob', name: ref.name, blob: picked };
        // A damaged record reads as none (readRecord): the file must be imported again, which stores it afresh.
        const stored = await this.#storage.open().then((db) => readRecord(db, 'datasets', ref.hash)).catch(() => undefined);
        if (!stored?.content) throw new Error(importedDatasetMissing(ref.name));
        const blob = typeof stored.content === 'string' ? new Blob([stored.content], { type: 'text/csv' }) : stored.content;
        return { kind: 'blob', name: ref.name, blob };
      }
    }
  }

  /** List the dataset in storage; imported files keep their bytes. A storage failure is reported, not fatal. */
  async #remember(ref: DatasetRef, source: LoadSource, result: LoadResult): Promise<void> {
    this.storageNotice = null;
    try {
      const db = await this.#storage.open();
      const content = ref.kind === 'imported' && source.kind === 'blob' ? source.blob : null;
      // A record with these bytes is kept as it is, unless it lacks the file this import brings (the same bytes
      // listed as a built-in file): then the file must be stored, or a reload could not re-open the import.
      const existing = await readRecord(db, 'datasets', result.hash);
      if (existing && (existing.content != null || content === null)) return;
      const record: DatasetRecord = {
        hash: result.hash,
        name: result.name,
        source: datasetSource(ref, source),
        schema: {
          header: result.preview.header,
          mapping: result.mapping,
          frequency: result.report.frequency,
          rowCount: result.report.rowCount,
          seriesCount: result.report.seriesCount,
        },
        sizeBytes: 0,
         
        created: new Date().toISOString(),
        content,
      };
      record.sizeBytes = (content instanceof Blob ? content.size : 0) + estimateSize({ ...record, content: null });
      await db.datasets.put(record);
      await this.#storage.refresh();
    } catch (error) {
      this.storageNotice = toStorageError(error).message;
    }
  }
}

function holdingKey(config: Pick<NotebookConfig, 'dataset' | 'mapping'>): string {
  return JSON.stringify([config.dataset, config.mapping]);
}

export function exampleName(ref: Extract<DatasetRef, { kind: 'example' }>): string {
  return `Product-sales example (seed ${ref.seed}, ${ref.stores} stores × ${ref.products} products, ${ref.days} days)`;
}

function datasetSource(ref: DatasetRef, source: LoadSource): DatasetSource {
  if (ref.kind === 'example') return { kind: 'example', options: { seed: ref.seed, stores: ref.stores, products: ref.products, days: ref.days } };
  if (ref.kind === 'builtin') return { kind: 'builtin', file: ref.file };
  const lastModified = source.kind === 'blob' && source.blob instanceof File ? source.blob.lastModified : 0;
  return { kind: 'imported', fileName: ref.name, lastModified };
}
