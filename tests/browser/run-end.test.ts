// The end of a training run when the browser's storage is full: real Chromium IndexedDB through Dexie, the real data
// worker and state classes; only the final write fails, as the browser fails a write that does not fit its quota.
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { importAll } from '../../src/adapters/backup';
import { runSaveMessages, storageErrorMessages, storageLabels, storedRunMessages } from '../../src/lib/messages/storage';
import { DEFAULT_CONFIG, type NotebookConfig } from '../../src/lib/notebook/config';
import { encodeConfigHash } from '../../src/lib/notebook/url-hash';
import { DataState } from '../../src/state/data.svelte';
import { FeaturesState } from '../../src/state/features.svelte';
import { NotebookState } from '../../src/state/notebook.svelte';
import { RunsState } from '../../src/state/runs.svelte';
import { StorageState } from '../../src/state/storage.svelte';
import { TrainState } from '../../src/state/train.svelte';
import TrainPanel from '../../src/ui/TrainPanel.svelte';
import { createDataClient } from '../../src/workers/data-client';
import { uniqueDbName } from '../node/storage/helpers';

const cleanups: (() => void | Promise<unknown>)[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A small example trained on the baselines only: the run takes a second or two, its end is what is under test. */
const CONFIG: NotebookConfig = {
  ...structuredClone(DEFAULT_CONFIG),
  dataset: { kind: 'example', seed: 3, stores: 1, products: 2, days: 240 },
  models: { ...structuredClone(DEFAULT_CONFIG.models), candidates: [], classical: [] },
  stage: 'train',
};

/** The error Chromium gives a write that does not fit the site's quota, as Dexie passes it on. */
const quotaExceeded = () => new Dexie.QuotaExceededError('QuotaExceededError', new DOMException('The quota has been exceeded.', 'QuotaExceededError'));

async function openStorage(name: string, download?: (blob: Blob, fileName: string) => void): Promise<StorageState> {
  const storage = new StorageState({ name, storageManager: null, ...(download ? { download } : {}) });
  cleanups.push(() => storage.close());
  await storage.open();
  return storage;
}

/** The notebook up to the Train stage, as the app wires it (App.svelte). */
async function trainStage(storage: StorageState) {
  const client = createDataClient((detail) => {
    throw new Error(detail);
  });
  cleanups.push(() => client.terminate());
  const data = new DataState(client, storage);
  await data.load(CONFIG);
  await data.clean(CONFIG);
  const features = new FeaturesState(client);
  await features.build(CONFIG);
  const train = new TrainState({
    data: client,
    train: () => {
      throw new Error('this run trains no network');
    },
    lanes: 1,
    features,
    storage,
  });
  return { train, dataHash: data.loaded!.hash };
}

describe('TrainState.train(config, dataHash) when the storage is full at the end', () => {
  it('keeps the result, says so, offers it as a file; no record is left "running", and after a reload nothing is called interrupted', async () => {
    const name = uniqueDbName('run-end-quota');
    cleanups.push(() => Dexie.delete(name));
    const files: { blob: Blob; fileName: string }[] = [];
    const storage = await openStorage(name, (blob, fileName) => files.push({ blob, fileName }));
    const { train, dataHash } = await trainStage(storage);

    // Storage fills up while the run trains: the starting record fits, the one carrying the results does not.
    const put = storage.db.runs.put.bind(storage.db.runs);
    vi.spyOn(storage.db.runs, 'put').mockImplementation((row) => (row.metrics !== null ? Dexie.Promise.reject(quotaExceeded()) : put(row)));
    await train.train(CONFIG, dataHash);
    vi.restoreAllMocks();

    // 1. Nothing lost: the run is the result on the page, and in memory whole, results and all.
    expect(train.result?.models.map((m) => m.name)).toEqual(expect.arrayContaining(['naive', 'seasonal-naive', 'moving-average']));
    expect(train.unsaved?.status).toBe('done');
    expect(train.unsaved?.metrics).toBe(train.result);
    expect(train.resultRunId).toBeNull();
    // 2. Said in plain words, with what became of the stored record.
    expect(train.notice).toBe(`${runSaveMessages.notSaved("the browser's storage for this site is full")} ${runSaveMessages.keptAsFailed}`);
    // 3. Offered as a file, which the Train panel shows as a button.
    const notebook = new NotebookState(encodeConfigHash(CONFIG));
    const screen = await render(TrainPanel, { notebook, train, dataHash, frequency: 'daily', trainRows: null });
    await screen.getByTestId('download-unsaved-run').click();
    expect(files.map((file) => file.fileName)).toEqual([expect.stringMatching(/^forecast-lab-run-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}\.json$/)]);
    // 4. The stored record says what happened; none says 'running'.
    const stored = await storage.db.runs.toArray();
    expect(stored.map((run) => [run.status, run.metrics, run.artifacts, run.notSaved])).toEqual([['failed', null, null, 'quota']]);

    // 5. "Reload": a new state on the same database. Nothing interrupted; the run is listed as failed, not saved.
    storage.close();
    const reloaded = await openStorage(name);
    expect(reloaded.notice).toBeNull();
    expect(reloaded.runs.map((item) => item.detail)).toEqual([`${storageLabels.runStatus.failed} · ${storageLabels.runNotSaved}`]);
    const runs = new RunsState(reloaded);
    await runs.refresh();
    expect(runs.rows.map((row) => [row.status, row.note])).toEqual([['failed', storedRunMessages.notSavedNote]]);

    // 6. Once there is room, the downloaded file brings the run back whole: the Train cell restores it as its result.
    expect(await importAll(reloaded.db, await files[0]!.blob.text(), { mode: 'merge' })).toMatchObject({ ok: true });
    const back = await reloaded.db.runs.get(train.unsaved!.id);
    expect(back).toEqual(train.unsaved);
    const { train: later } = await trainStage(reloaded);
    expect(await later.restore(CONFIG, dataHash)).toBe(true);
    expect(later.result).toEqual(train.result);
  });

  it('says the run was not saved when even its start could not be written, and keeps nothing half-written', async () => {
    const name = uniqueDbName('run-end-full');
    cleanups.push(() => Dexie.delete(name));
    const storage = await openStorage(name);
    const { train, dataHash } = await trainStage(storage);
    vi.spyOn(storage.db.runs, 'put').mockImplementation(() => Dexie.Promise.reject(quotaExceeded()));
    await train.train(CONFIG, dataHash);
    vi.restoreAllMocks();
    expect(train.result).not.toBeNull();
    expect(train.unsaved).not.toBeNull();
    expect(train.notice).toBe(runSaveMessages.notSaved("the browser's storage for this site is full"));
    expect(train.notice).not.toContain(storageErrorMessages.quota);
    expect(await storage.db.runs.count()).toBe(0);
  });
});
