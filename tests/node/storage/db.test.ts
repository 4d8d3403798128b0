import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_VERSION, ForecastLabDb, markInterruptedRuns, openForecastLabDb } from '../../../src/adapters/db';
import { storageErrorMessages } from '../../../src/lib/messages/storage';
import { estimateSize } from '../../../src/lib/storage/estimate-size';
import type { StorageError } from '../../../src/lib/storage/storage-error';
import { toStorageError } from '../../../src/lib/storage/storage-error';
import { CSV, CSV_HASH, EXAMPLE_HASH, config, exampleDataset, importedDataset, run } from '../../lib/storage/fixtures';
import { V1_STORES, deleteDb, uniqueDbName } from './helpers';

const opened: Dexie[] = [];
const names: string[] = [];
function track<T extends Dexie>(db: T): T {
  opened.push(db);
  names.push(db.name);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  for (const name of names.splice(0)) await deleteDb(name);
});

describe('ForecastLabDb migrations', () => {
  it('v1 → v2 keeps every row, fills missing sizeBytes, adds the runs table and the sizeBytes index', async () => {
    const name = uniqueDbName('migrate');
    const v1 = track(new Dexie(name));
    v1.version(1).stores(V1_STORES);
    const { sizeBytes: _unknown, ...sizeless } = importedDataset();
    await v1.table('datasets').bulkAdd([sizeless, exampleDataset({ sizeBytes: 300 })]);
    await v1.table('configs').add(config('c1'));
    v1.close();

    const db = track(new ForecastLabDb(name));
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    const migrated = await db.datasets.get(CSV_HASH);
    expect(migrated).toEqual({ ...sizeless, sizeBytes: estimateSize(sizeless) });
    expect(migrated?.sizeBytes).toBeGreaterThanOrEqual(CSV.length);
    expect((await db.datasets.get(EXAMPLE_HASH))?.sizeBytes).toBe(300);
    expect(await db.configs.toArray()).toEqual([config('c1')]);
    expect(await db.runs.count()).toBe(0);
    expect(await db.datasets.where('sizeBytes').above(299).primaryKeys()).toEqual([EXAMPLE_HASH, CSV_HASH]);
  });

  it('v2 → v3 keeps every row and adds the registries table', async () => {
    const name = uniqueDbName('migrate-v3');
    const v2 = track(new Dexie(name));
    v2.version(1).stores(V1_STORES);
    v2.version(2).stores({ datasets: 'hash, name, created, sizeBytes', runs: 'id, created, dataHash, status' });
    await v2.table('datasets').add(exampleDataset({ sizeBytes: 300 }));
    await v2.table('runs').add(run('r1'));
    v2.close();

    const db = track(new ForecastLabDb(name));
    await db.open();
    expect(db.verno).toBe(3);
    expect(await db.runs.toArray()).toEqual([run('r1')]);
    expect((await db.datasets.get(EXAMPLE_HASH))?.sizeBytes).toBe(300);
    const now = new Date(0).toISOString();
    await db.registries.put({ dataHash: CSV_HASH, name: 'Sales forecaster', created: now, updated: now, registry: { versions: [] }, weights: {} });
    expect(await db.registries.where('name').equals('Sales forecaster').count()).toBe(1);
  });

  it('opens a fresh database at the newest version with all four tables', async () => {
    const db = track(new ForecastLabDb(uniqueDbName('fresh')));
    await db.open();
    expect(db.tables.map((table) => table.name).sort()).toEqual(['configs', 'datasets', 'registries', 'runs']);
    await db.runs.add(run('r1'));
    expect(await db.runs.where('dataHash').equals(CSV_HASH).count()).toBe(1);
  });
});

describe('markInterruptedRuns(db)', () => {
  it('marks running runs interrupted, leaves the others and runs another tab still trains', async () => {
    const db = track(new ForecastLabDb(uniqueDbName('interrupt')));
    await db.runs.bulkAdd([
      run('a', { status: 'running' }),
      run('b', { status: 'running' }),
      run('c', { status: 'done' }),
      run('d', { status: 'failed' }),
    ]);
    const now = new Date('2024-06-01T00:00:00.000Z');
    expect(await markInterruptedRuns(db, { now, isActive: (id) => id === 'b' })).toBe(1);
    const byId = Object.fromEntries((await db.runs.toArray()).map((r) => [r.id, r]));
    expect(byId.a).toMatchObject({ status: 'interrupted', updated: now.toISOString() });
    expect(byId.b?.status).toBe('running');
    expect(byId.c?.status).toBe('done');
    expect(byId.d?.status).toBe('failed');
  });

  it('runs on open: openForecastLabDb reports how many runs it marked', async () => {
    const name = uniqueDbName('open-interrupt');
    const seed = new ForecastLabDb(name);
    await seed.runs.bulkAdd([run('a', { status: 'running' }), run('b', { status: 'done' })]);
    seed.close();
    const result = await openForecastLabDb({ name });
    track(result.db);
    expect(result).toMatchObject({ persistent: true, warning: null, interruptedRuns: 1 });
    expect((await result.db.runs.get('a'))?.status).toBe('interrupted');
  });
});

describe('openForecastLabDb(options) when IndexedDB fails', () => {
  it('keeps working in memory with an "unavailable" warning', async () => {
    const broken = {
      open() {
        throw new DOMException('IndexedDB is disabled in private browsing', 'InvalidStateError');
      },
    } as unknown as IDBFactory;
    const result = await openForecastLabDb({ name: uniqueDbName('private'), indexedDB: broken });
    track(result.db);
    expect(result.persistent).toBe(false);
    expect(result.warning?.kind).toBe('unavailable');
    expect(result.warning?.message).toBe(storageErrorMessages.unavailable);
    await result.db.configs.put(config('c1'));
    expect(await result.db.configs.get('c1')).toEqual(config('c1'));
  });
});

describe('version changes between tabs', () => {
  it('reports "blocked" while an older connection stays open, and clears it once it closes', async () => {
    const name = uniqueDbName('blocked');
    const old = track(new Dexie(name));
    old.version(1).stores(V1_STORES);
    await old.open();
    old.on('versionchange', () => false); // an old tab that ignores the request to close

    const issues: (StorageError | null)[] = [];
    const opening = openForecastLabDb({ name, onIssue: (issue) => issues.push(issue) });
    await expect.poll(() => issues.length).toBeGreaterThan(0);
    expect(issues[0]?.kind).toBe('blocked');
    expect(issues[0]?.message).toBe(storageErrorMessages.blocked);

    old.close();
    const result = await opening;
    track(result.db);
    expect(result.db.verno).toBe(DB_VERSION);
    expect(issues.at(-1)).toBeNull();
    expect(result.db.issue).toBeNull();
  });

  it('closes on "versionchange" and asks for a reload; later writes fail as "closed"', async () => {
    const name = uniqueDbName('versionchange');
    const db = track(new ForecastLabDb(name));
    await db.open();
    const issues: (StorageError | null)[] = [];
    db.onIssue((issue) => issues.push(issue));

    const newer = track(new Dexie(name));
    newer.version(3).stores({ datasets: 'hash', configs: 'id', runs: 'id', notes: 'id' });
    await newer.open();

    expect(issues.map((issue) => issue?.kind)).toEqual(['version-change']);
    expect(issues[0]?.message).toBe(storageErrorMessages['version-change']);
    expect(db.isOpen()).toBe(false);
    const failure = await db.configs.put(config('c1')).catch((error: unknown) => error);
    expect(toStorageError(failure).kind).toBe('closed');
  });
});

describe('toStorageError with Dexie errors', () => {
  it('maps QuotaExceededError, raw and as Dexie wraps it', () => {
    const raw = new DOMException('x', 'QuotaExceededError');
    expect(toStorageError(raw).kind).toBe('quota');
    expect(toStorageError(new Dexie.QuotaExceededError('quota', raw)).kind).toBe('quota');
    expect(toStorageError(new Dexie.AbortError('transaction aborted', raw)).kind).toBe('quota');
    expect(toStorageError(new Dexie.DatabaseClosedError(new Dexie.MissingAPIError())).kind).toBe('unavailable');
    expect(toStorageError(new Dexie.QuotaExceededError('quota')).message).toBe(storageErrorMessages.quota);
  });
});
