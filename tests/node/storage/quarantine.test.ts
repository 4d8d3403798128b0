import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { exportAll, importAll } from '../../../src/adapters/backup';
import { ForecastLabDb, markInterruptedRuns, readRecord, readRecords } from '../../../src/adapters/db';
import type { JsonObject } from '../../../src/lib/storage/records';
import type { StorageState } from '../../../src/state/storage.svelte';
import { openSavedNotebook, storedDatasetRef } from '../../../src/state/notebook-library';
import { CSV_HASH, EXAMPLE_HASH, config, exampleDataset, importedDataset, run } from '../../lib/storage/fixtures';
import { deleteDb, uniqueDbName } from './helpers';

const dbs: ForecastLabDb[] = [];
function freshDb(label: string): ForecastLabDb {
  const db = new ForecastLabDb(uniqueDbName(label));
  dbs.push(db);
  return db;
}

afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await deleteDb(db.name);
  }
});

/** Good rows and one damaged row in every table, written straight into IndexedDB as a damaged backup or older app would. */
async function seedWithDamage(db: ForecastLabDb): Promise<void> {
  await db.datasets.bulkPut([importedDataset(), exampleDataset({ schema: { rows: 'many' } as never })]);
  await db.configs.bulkPut([config('c1'), config('c2', { config: 'stage=train' as never })]);
  await db.runs.bulkPut([run('r1'), run('r2', { metrics: { mae: 1.25 } as JsonObject, status: 'running' })]);
  await db.registries.put({ dataHash: CSV_HASH, name: 'forecaster', created: 'x', updated: 'x', registry: {}, weights: {} });
}

/** Just enough of StorageState for notebook-library: the open database. */
const storageOf = (db: ForecastLabDb) => ({ open: async () => db }) as unknown as StorageState;

describe('readRecords(db, table) / readRecord(db, table, key)', () => {
  it('hands out the good rows and sets the damaged ones apart, naming what is wrong', async () => {
    const db = freshDb('quarantine');
    await seedWithDamage(db);
    const datasets = await readRecords(db, 'datasets');
    expect(datasets.records).toEqual([importedDataset()]);
    expect(datasets.damaged).toMatchObject([{ table: 'datasets', key: EXAMPLE_HASH, reason: 'schema.header: missing' }]);
    const configs = await readRecords(db, 'configs');
    expect(configs.records.map((c) => c.id)).toEqual(['c1']);
    expect(configs.damaged).toMatchObject([{ key: 'c2', reason: 'config: expected a JSON object' }]);
    const runs = await readRecords(db, 'runs', { index: 'dataHash', equals: CSV_HASH });
    expect(runs.records.map((r) => r.id)).toEqual(['r1']);
    expect(runs.damaged).toMatchObject([{ key: 'r2', reason: 'metrics.backend: missing' }]);
    expect((await readRecords(db, 'registries')).damaged).toMatchObject([{ key: CSV_HASH, reason: 'created: expected an ISO 8601 timestamp like 2024-05-01T12:00:00.000Z' }]);

    expect(await readRecord(db, 'runs', 'r1')).toEqual(run('r1'));
    expect(await readRecord(db, 'runs', 'r2')).toBeUndefined();
    expect(await readRecord(db, 'runs', 'nope')).toBeUndefined();
    // Set apart, not deleted: the user decides.
    expect(await db.runs.count()).toBe(2);
  });

  it('a damaged notebook or dataset opens as none (the Storage list says why), a good one as itself', async () => {
    const db = freshDb('library');
    await seedWithDamage(db);
    expect(await openSavedNotebook(storageOf(db), 'c2')).toBeNull();
    expect((await openSavedNotebook(storageOf(db), 'c1'))?.config.horizon).toBe(14);
    expect(await storedDatasetRef(storageOf(db), EXAMPLE_HASH)).toBeNull();
    expect(await storedDatasetRef(storageOf(db), CSV_HASH)).toEqual({ kind: 'imported', hash: CSV_HASH, name: 'shop.csv' });
  });

  it('a damaged run still stops saying "running" on open, and stays set apart', async () => {
    const db = freshDb('interrupt-damaged');
    await seedWithDamage(db);
    expect(await markInterruptedRuns(db)).toBe(1);
    expect((await db.runs.get('r2'))?.status).toBe('interrupted');
    expect((await readRecords(db, 'runs')).damaged.map((d) => d.key)).toEqual(['r2']);
  });
});

describe('exportAll(db) with damaged rows', () => {
  it('leaves them out and lists them, so the file imports; what it holds reads back clean', async () => {
    const db = freshDb('export-damaged');
    await seedWithDamage(db);
    const { text, leftOut } = await exportAll(db);
    expect(leftOut.map((row) => `${row.table}/${String(row.key)}`).sort()).toEqual([`datasets/${EXAMPLE_HASH}`, 'configs/c2', `registries/${CSV_HASH}`, 'runs/r2'].sort());

    const target = freshDb('export-damaged-target');
    expect(await importAll(target, text, { mode: 'replace' })).toEqual({ ok: true, counts: { datasets: 1, configs: 1, runs: 1, registries: 0 } });
    for (const table of ['datasets', 'configs', 'runs', 'registries'] as const) expect((await readRecords(target, table)).damaged).toEqual([]);
  });
});
