import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import { DB_VERSION, ForecastLabDb, openForecastLabDb } from '../../src/adapters/db';
import { storageErrorMessages, storageLabels, storageNotices, storedRunMessages } from '../../src/lib/messages/storage';
import type { JsonObject } from '../../src/lib/storage/records';
import { registryMessages } from '../../src/lib/messages/registry';
import { RegistryState } from '../../src/state/registry.svelte';
import { RunsState } from '../../src/state/runs.svelte';
import { promotedRegistry } from '../lib/registry/fixtures';
import RunsPanel from '../../src/ui/RunsPanel.svelte';
import type { StorageError } from '../../src/lib/storage/storage-error';
import { formatBytes } from '../../src/lib/storage/format-bytes';
import { StorageState } from '../../src/state/storage.svelte';
import StoragePanel from '../../src/ui/StoragePanel.svelte';
import { CSV, CSV_HASH, T0, WEIGHTS, config, exampleDataset, importedDataset, run, weightsOf } from '../lib/storage/fixtures';
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
    expect(weightsOf(await reopened.runs.get('r1'))).toEqual(WEIGHTS);
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

describe('damaged stored rows (quarantine)', () => {
  /** The seed plus a damaged row in three tables, as an older app or a hand-edited database could leave them. */
  async function seedDamaged(name: string): Promise<void> {
    await seed(name);
    const db = new ForecastLabDb(name);
    await db.configs.put(config('c3', { config: 'stage=train' as never }));
    await db.runs.put(run('r4', { metrics: { mae: 1.25 } as JsonObject }));
    await db.registries.put({ dataHash: CSV_HASH, name: 'forecaster', created: 'x', updated: 'x', registry: {}, weights: {} });
    db.close();
  }

  it('lists them first, marked with what is wrong, without Open; they can be deleted; export leaves them out and says so', async () => {
    const name = dbName('damaged-panel');
    await seedDamaged(name);
    const saved: Blob[] = [];
    const storage = await openState(name, { download: (blob) => saved.push(blob) });
    const screen = await render(StoragePanel, { storage, onopen: () => undefined });

    await expect.element(screen.getByRole('alert')).toHaveTextContent(storageNotices.damaged(3));
    const configs = screen.getByTestId('storage-row-configs');
    await expect.element(configs.first()).toHaveTextContent('Config c3');
    await expect.element(configs.first().getByTestId('storage-detail')).toHaveTextContent(storageLabels.damagedDetail('config: expected a JSON object'));
    expect(configs.first().getByTestId('storage-open').elements()).toHaveLength(0);
    expect(configs.nth(1).getByTestId('storage-open').elements()).toHaveLength(1);
    await expect.element(screen.getByTestId('storage-row-runs').first()).toHaveTextContent(storageLabels.damagedDetail('metrics.backend: missing'));
    await expect.element(screen.getByTestId('storage-row-registries').first()).toHaveTextContent(
      storageLabels.damagedDetail('created: expected an ISO 8601 timestamp like 2024-05-01T12:00:00.000Z'),
    );

    await screen.getByRole('button', { name: storageLabels.exportAll }).click();
    await expect.poll(() => saved.length).toBe(1);
    await expect.element(screen.getByRole('alert')).toHaveTextContent(storageNotices.exportLeftOut(3).trim());
    expect(JSON.parse(await saved[0]!.text()).runs.map((r: { id: string }) => r.id)).not.toContain('r4');

    await configs.first().getByTestId('storage-delete').click();
    await configs.first().getByTestId('storage-confirm-delete').click();
    await expect.poll(() => screen.getByTestId('storage-row-configs').elements().length).toBe(2);
    expect(await storage.db.configs.get('c3')).toBeUndefined();
    expect(storage.damaged).toBe(2);
  });

  it('the runs table shows a damaged run as one that cannot be read, with what is wrong, and the rest as usual', async () => {
    const name = dbName('damaged-runs');
    await seedDamaged(name);
    const storage = await openState(name);
    const runs = new RunsState(storage);
    const screen = await render(RunsPanel, { runs, onopen: () => undefined });
    await expect.poll(() => screen.getByTestId('run-row').elements().length).toBe(4);
    const row = screen.container.querySelector<HTMLElement>('[data-testid="run-row"][data-id="r4"]');
    expect(row?.dataset.status).toBe('unreadable');
    expect(row?.querySelector('[data-testid="run-problem"]')?.textContent).toBe(storedRunMessages.damaged('metrics.backend: missing'));
    expect(runs.canSelect('r4')).toBe(false);
    expect(runs.open('r4')).toBeNull();
    expect(runs.rows.filter((r) => r.problem === null).map((r) => r.id).sort()).toEqual(['r1', 'r2', 'r3']);
  });

  it('the Registry stage refuses a damaged stored registry, naming what is wrong, and leaves the row as it is', async () => {
    const name = dbName('damaged-registry');
    const registry = promotedRegistry();
    const weight = { name: 'dense/kernel', shape: [1], dtype: 'float32', data: new Float32Array([1]) };
    const good = { dataHash: CSV_HASH, name: registry.name, created: T0, updated: T0, registry: registry as unknown as JsonObject, weights: { 'sales:v1': [weight], 'sales:v2': [weight] } };
    const rows = [
      [{ ...good, registry: { ...registry, versions: [{ ...registry.versions[0], trainEnd: 'soon' }, registry.versions[1]] } }, 'versions.0.trainEnd: expected number, got "soon"'],
      [{ ...good, weights: { 'sales:v1': { weights: [weight] } } }, 'weights.sales:v1: expected Array, got Object'],
    ] as const;
    const storage = await openState(name);
    const state = new RegistryState(storage, async () => {
      throw new Error('no final fit here');
    });
    for (const [row, reason] of rows) {
      await storage.db.registries.put(row as never);
      await expect(state.load(CSV_HASH)).rejects.toThrow(registryMessages.damagedRegistry(reason));
      expect(state.registry).toBeNull();
      expect(await storage.db.registries.get(CSV_HASH)).toEqual(row);
    }
    await storage.db.registries.put(good);
    await state.load(CSV_HASH);
    expect(state.registry?.versions.map((v) => v.id)).toEqual(['sales:v1', 'sales:v2']);
  });
});
