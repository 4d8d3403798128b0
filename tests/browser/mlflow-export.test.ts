import Dexie from 'dexie';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { ForecastLabDb } from '../../src/adapters/db';
import { mlflowExportTexts } from '../../src/lib/messages/export';
import type { JsonObject } from '../../src/lib/storage/records';
import { MlflowExportState } from '../../src/state/mlflow-export.svelte';
import { StorageState } from '../../src/state/storage.svelte';
import { createExportClient, type ExportClient } from '../../src/workers/export-client';
import { checkMlruns } from '../lib/export/mlflow-rules';
import { promotedRegistry } from '../lib/registry/fixtures';
import { CSV_HASH, exampleDataset, importedDataset, run } from '../lib/storage/fixtures';
import { uniqueDbName } from '../node/storage/helpers';

// The export as the buttons run it, in Chromium: stored rows read from real IndexedDB, the tree built and zipped in
// the export worker, the zip handed to the download.

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function exporterOver(seed: (db: ForecastLabDb) => Promise<unknown>, client?: ExportClient) {
  const name = uniqueDbName('mlflow-export');
  const db = new ForecastLabDb(name);
  await seed(db);
  db.close();
  const storage = new StorageState({ name, storageManager: null });
  const worker = client ?? createExportClient((message) => {
    throw new Error(message);
  });
  cleanups.push(() => Dexie.delete(name), () => storage.close(), () => worker.terminate());
  const downloads: { blob: Blob; fileName: string }[] = [];
  const exporter = new MlflowExportState(storage, { client: () => worker, download: (blob, fileName) => downloads.push({ blob, fileName }), now: () => new Date(2024, 4, 6, 12) });
  return { exporter, downloads };
}

describe('MlflowExportState.exportZip()', () => {
  it('zips every stored run and registry in the export worker, into an mlruns/ that keeps every rule', async () => {
    const { exporter, downloads } = await exporterOver(async (db) => {
      await db.datasets.bulkAdd([importedDataset({ content: new Blob(['date,sales\n']) }), exampleDataset()]);
      await db.runs.bulkAdd([run('r1'), run('r2', { status: 'failed', metrics: null, artifacts: null })]);
      await db.registries.add({ dataHash: CSV_HASH, name: 'sales', created: '2024-07-01T09:00:00.000Z', updated: '2024-07-01T09:06:00.000Z', registry: promotedRegistry() as unknown as JsonObject, weights: {} });
    });
    await exporter.exportZip();
    expect(exporter.error).toBeNull();
    expect(downloads.map((d) => [d.fileName, d.blob.type])).toEqual([['forecast-lab-mlflow-2024-05-06.zip', 'application/zip']]);
    expect(exporter.notice).toMatch(/^Saved forecast-lab-mlflow-2024-05-06\.zip \([\d.]+ kB\): 1 experiment, 2 runs, 2 model versions\. /);
    const report = checkMlruns(unzipSync(new Uint8Array(await downloads[0]!.blob.arrayBuffer())));
    expect(report.rules.filter((r) => r.violations.length > 0)).toEqual([]);
    expect(report.experiments.flatMap((e) => e.runs).map((r) => r.meta.status).sort()).toEqual([3, 4]);
    // The stored run's NaN validation loss is kept, as Python writes it.
    const done = report.experiments.flatMap((e) => e.runs).find((r) => r.meta.status === 3)!;
    expect(done.metrics.get('ridge/fold_1/val_loss')!.history[0]!.value).toBeNaN();
    expect(report.models.map((m) => Object.fromEntries(m.aliases))).toEqual([{ champion: '2' }]);
  });

  it('says there is nothing to export when nothing is stored, and saves no file', async () => {
    const { exporter, downloads } = await exporterOver(async () => {});
    await exporter.exportZip();
    expect([exporter.notice, downloads.length]).toEqual([mlflowExportTexts.nothingStored, 0]);
  });

  it('says why when the export fails, and the button works again', async () => {
    const failing = { api: { mlflowZip: () => Promise.reject(new Error('out of memory')) }, terminate: () => {} } as unknown as ExportClient;
    const { exporter, downloads } = await exporterOver((db) => db.runs.add(run('r1')), failing);
    await exporter.exportZip();
    expect([exporter.error, exporter.busy, downloads.length]).toEqual([mlflowExportTexts.failed('out of memory'), false, 0]);
  });
});
