import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import { DB_VERSION, ForecastLabDb, openForecastLabDb } from '../../src/adapters/db';
import { storageErrorMessages, storageLabels } from '../../src/lib/messages/storage';
import type { StorageError } from '../../src/lib/storage/storage-error';
import { formatBytes } from '../../src/lib/storage/format-bytes';
import { StorageState } from '../../src/state/storage.svelte';
import StoragePanel from '../../src/ui/StoragePanel.svelte';
import { CSV, CSV_HASH, config, exampleDataset, importedDataset, run } from '../lib/storage/fixtures';
import { V1_STORES, snapshot, uniqueDbName } from '../node/storage/helpers';

const cleanups: (() => void | Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A database name for this test only, deleted (after closing `closeFirst`) when the test ends. */
function dbName(label: string, closeFirst: { close(): void }[] = []): string {
  const name = uniqueDbName(label);
  cleanups.push(() => {
    for (const db of closeFirst) db.close();
    return Dexie.delete(name);
  });
  return name;
}

async function seed(name: string): Promise<void> {
  const db = new ForecastLabDb(name);
  await db.datasets.bulkAdd([
    importedDataset({ content: new Blob([CSV], { type: 'text/csv' }) }),
    exampleDataset({ sizeBytes: 2_500_000 }),
  ]);
  await db.configs.bulkAdd([config('c1'), config('c2')]);
  await db.runs.bulkAdd([run('r1'), run('r2', { status: 'running' }), run('r3', { status: 'failed' })]);
  db.close();
}

async function openState(name: string, options: ConstructorParameters<typeof StorageState>[0] = {}) {
  const storage = new StorageState({ name, storageManager: null, ...options });
  cleanups.push(() => storage.close());
  await storage.open();
  return storage;
}

describe('ForecastLabDb in Chromium (real IndexedDB)', () => {
  it('keeps rows, Blob content included, across close and reopen (≈ a reload)', async () => {
    const name = dbName('reload');
    await seed(name);
    const reopened = new ForecastLabDb(name);
    cleanups.unshift(() => reopened.close());
    const dataset = await reopened.datasets.get(CSV_HASH);
    expect(dataset?.content).toBeInstanceOf(Blob);
    expect(await (dataset?.content as Blob).text()).toBe(CSV);
    expect(await reopened.configs.count()).toBe(2);
    expect((await reopened.runs.get('r1'))?.artifacts?.weights).toEqual(new Float32Array([0.5, -1.5, 2]));
  });

  it('reports a blocked upgrade while an older tab ignores "versionchange", then opens', async () => {
    const name = dbName('blocked');
    const older = new Dexie(name);
    cleanups.unshift(() => older.close());
    older.version(1).stores(V1_STORES);
    await older.open();
    older.on('versionchange', () => false); // the other tab does not close

    const issues: (StorageError | null)[] = [];
    const opening = openForecastLabDb({ name, onIssue: (issue) => issues.push(issue) });
    await expect.poll(() => issues[0]?.kind).toBe('blocked');
    expect(issues[0]?.message).toBe(storageErrorMessages.blocked);

    older.close();
    const { db } = await opening;
    cleanups.unshift(() => db.close());
    expect(db.verno).toBe(DB_VERSION);
    expect(issues.at(-1)).toBeNull();
  });

  it('shows the blocked message in the Storage panel until the other tab closes', async () => {
    const name = dbName('blocked-panel');
    const older = new Dexie(name);
    cleanups.unshift(() => older.close());
    older.version(1).stores(V1_STORES);
    await older.open();
    older.on('versionchange', () => false);

    const storage = new StorageState({ name, storageManager: null });
    cleanups.unshift(() => storage.close());
    const screen = await render(StoragePanel, { storage });
    const opening = storage.open();
    await expect.element(screen.getByTestId('storage-warning')).toHaveTextContent(storageErrorMessages.blocked);
    await expect.element(screen.getByTestId('storage-export')).toBeDisabled();

    older.close();
    await opening;
    await expect.element(screen.getByTestId('storage-warning')).not.toBeInTheDocument();
    await expect.element(screen.getByTestId('storage-export')).toBeEnabled();
  });

  it('keeps working in memory, with a visible warning, when IndexedDB cannot be opened', async () => {
    const broken = {
      open() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const storage = await openState(dbName('memory'), { dependencies: { indexedDB: broken } });
    const screen = await render(StoragePanel, { storage });
    await expect.element(screen.getByRole('alert')).toHaveTextContent(storageErrorMessages.unavailable);
    await expect.element(screen.getByText(storageLabels.memoryOnly)).toBeVisible();
    await storage.db.configs.put(config('c9'));
    await storage.refresh();
    await expect.element(screen.getByTestId('storage-row-configs')).toHaveTextContent('Config c9');
  });
});

describe('StoragePanel', () => {
  it('lists datasets, configurations and runs with sizes and dates; an interrupted run is marked on open', async () => {
    const name = dbName('panel');
    await seed(name);
    const storage = await openState(name);
    const screen = await render(StoragePanel, { storage });

    await expect.poll(() => screen.getByTestId('storage-row-datasets').elements().length).toBe(2);
    expect(screen.getByTestId('storage-row-configs').elements()).toHaveLength(2);
    expect(screen.getByTestId('storage-row-runs').elements()).toHaveLength(3);
    const example = screen.getByTestId('storage-row-datasets').filter({ hasText: 'Example: 3 stores' });
    await expect.element(example.getByTestId('storage-size')).toHaveTextContent(formatBytes(2_500_000));
    await expect.element(example).toHaveTextContent('2.5 MB');
    await expect.element(screen.getByTestId('storage-row-runs').filter({ hasText: 'Run r2' })).toHaveTextContent('interrupted');
    await expect.element(screen.getByRole('alert')).toHaveTextContent('1 training run was interrupted');
  });

  it('deletes a row after confirmation, and Cancel keeps it', async () => {
    const name = dbName('delete');
    await seed(name);
    const storage = await openState(name);
    const screen = await render(StoragePanel, { storage });
    const row = screen.getByTestId('storage-row-configs').filter({ hasText: 'Config c1' });

    await row.getByTestId('storage-delete').click();
    await row.getByTestId('storage-cancel-delete').click();
    expect(screen.getByTestId('storage-row-configs').elements()).toHaveLength(2);

    await screen.getByRole('button', { name: 'Delete “Config c1”' }).click();
    await row.getByTestId('storage-confirm-delete').click();
    await expect.poll(() => screen.getByTestId('storage-row-configs').elements().length).toBe(1);
    expect(await storage.db.configs.get('c1')).toBeUndefined();
    await expect.element(screen.getByRole('alert')).toHaveTextContent('Deleted “Config c1”.');
  });

  it('rejects a corrupt backup with its reason and keeps every row', async () => {
    const name = dbName('corrupt');
    await seed(name);
    const storage = await openState(name);
    const before = await snapshot(storage.db);
    const screen = await render(StoragePanel, { storage });

    const corrupt = new File(['{"format": "forecast-lab-backup", "version": 1, "datasets": ['], 'backup.json', {
      type: 'application/json',
    });
    await userEvent.upload(screen.getByTestId('storage-import'), corrupt);
    await expect.element(screen.getByTestId('storage-error')).toHaveTextContent(/^“backup\.json” was not imported: the file is not valid JSON/);
    await expect.element(screen.getByTestId('storage-error')).toHaveTextContent('Nothing was changed.');
    expect(await snapshot(storage.db)).toEqual(before);
    expect(screen.getByTestId('storage-row-runs').elements()).toHaveLength(3);
  });

  it('exports everything to a dated file that imports back in "replace" mode', async () => {
    const name = dbName('export');
    await seed(name);
    const saved: { blob: Blob; fileName: string }[] = [];
    const now = () => new Date(2024, 5, 1, 12, 0);
    const storage = await openState(name, { now, download: (blob, fileName) => saved.push({ blob, fileName }) });
    const before = await snapshot(storage.db);
    const screen = await render(StoragePanel, { storage });

    await screen.getByRole('button', { name: storageLabels.exportAll }).click();
    await expect.poll(() => saved.length).toBe(1);
    expect(saved[0]?.fileName).toBe('forecast-lab-backup-2024-06-01.json');
    await expect.element(screen.getByRole('alert')).toHaveTextContent('Saved everything to forecast-lab-backup-2024-06-01.json');

    await storage.db.configs.clear();
    await screen.getByTestId('storage-import-replace').click();
    const file = new File([saved[0]?.blob ?? ''], 'forecast-lab-backup-2024-06-01.json', { type: 'application/json' });
    await userEvent.upload(screen.getByTestId('storage-import'), file);
    await expect.element(screen.getByRole('alert')).toHaveTextContent('Replaced everything with 2 datasets, 2 configurations and 3 runs.');
    expect(await snapshot(storage.db)).toEqual(before);
  });
});
