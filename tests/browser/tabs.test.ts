import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ForecastLabDb } from '../../src/adapters/db';
import type { TableName } from '../../src/lib/storage/records';
import { RegistryState } from '../../src/state/registry.svelte';
import { RunsState } from '../../src/state/runs.svelte';
import { StorageState } from '../../src/state/storage.svelte';
import { DATA_HASH, makeRun } from '../lib/runs/make-run';
import { uniqueDbName } from '../node/storage/helpers';

const cleanups: (() => void | Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** One tab's slices over its own Dexie connection to the database `name`. */
async function openTab(name: string) {
  const storage = new StorageState({ name, storageManager: null });
  cleanups.push(() => storage.close());
  await storage.open();
  const runs = new RunsState(storage);
  const registry = new RegistryState(storage, () => Promise.reject(new Error('no fit in this test')));
  return { storage, runs, registry };
}

describe('two tabs on one database (real IndexedDB)', () => {
  it('a run one tab stores shows in the other tab’s Runs, Storage and Registry lists without a refresh', async () => {
    const name = uniqueDbName('tabs');
    cleanups.push(() => Dexie.delete(name));
    const writer = await openTab(name);
    const reader = await openTab(name);
    await reader.runs.refresh();
    await reader.registry.load(DATA_HASH);
    expect(reader.runs.records).toHaveLength(0);

    const first = makeRun('run-tabs-0001', { created: '2024-05-01T10:00:00.000Z' });
    const second = makeRun('run-tabs-0002', { created: '2024-05-02T10:00:00.000Z' });
    await writer.storage.db.runs.put(first);
    await writer.storage.db.runs.put(second);

    await expect.poll(() => reader.runs.rows.map((row) => row.id)).toEqual([second.id, first.id]);
    await expect.poll(() => reader.storage.runs.length).toBe(2);
    await expect.poll(() => reader.registry.runs.map((run) => run.id)).toEqual([second.id, first.id]);
  });

  it('a tab that has not shown its Runs list yet does not read it on another tab’s write', async () => {
    const name = uniqueDbName('tabs-unread');
    cleanups.push(() => Dexie.delete(name));
    const writer = await openTab(name);
    const reader = await openTab(name);

    await writer.storage.db.runs.put(makeRun('run-tabs-0003'));

    await expect.poll(() => reader.storage.runs.length).toBe(1);
    expect(reader.runs.loaded).toBe(false);
    expect(reader.runs.records).toHaveLength(0);
  });

  it('ForecastLabDb.onCommit(listener) names the tables a commit changed, in this database only', async () => {
    const name = uniqueDbName('tabs-commit');
    const other = uniqueDbName('tabs-commit-other');
    cleanups.push(() => Dexie.delete(name), () => Dexie.delete(other));
    const [listening, writer, elsewhere] = [new ForecastLabDb(name), new ForecastLabDb(name), new ForecastLabDb(other)];
    cleanups.push(() => [listening, writer, elsewhere].forEach((db) => db.close()));
    // Created before listening: Dexie reports a database's creation as a change to every table.
    await Promise.all([listening, writer, elsewhere].map((db) => db.open()));
    const commits: TableName[][] = [];
    cleanups.push(listening.onCommit((tables) => commits.push([...tables])));

    await elsewhere.runs.put(makeRun('run-tabs-0004'));
    await writer.runs.put(makeRun('run-tabs-0005'));

    await expect.poll(() => commits).toEqual([['runs']]);
  });
});
