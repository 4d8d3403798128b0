import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportAll, importAll } from '../../../src/adapters/backup';
import { ForecastLabDb } from '../../../src/adapters/db';
import { storageErrorMessages } from '../../../src/lib/messages/storage';
import { sha256Hex } from '../../../src/lib/storage/sha256-hex';
import { toJsonSafe } from '../../../src/lib/storage/to-json-safe';
import {
  CSV,
  backupDataset,
  backupJson,
  config,
  exampleDataset,
  importedDataset,
  nanOf,
  run,
  weightsOf,
} from '../../lib/storage/fixtures';
import { deleteDb, snapshot, uniqueDbName } from './helpers';
import { setAlias } from '../../../src/lib/registry/registry-actions';
import type { JsonObject } from '../../../src/lib/storage/records';
import { minute, registryWith } from '../../lib/registry/fixtures';

const NOW = new Date('2024-06-01T12:00:00.000Z');
const dbs: ForecastLabDb[] = [];
function freshDb(label: string): ForecastLabDb {
  const db = new ForecastLabDb(uniqueDbName(label));
  dbs.push(db);
  return db;
}

afterEach(async () => {
  vi.restoreAllMocks();
  for (const db of dbs.splice(0)) {
    db.close();
    await deleteDb(db.name);
  }
});

const BINARY = new Uint8Array([0xff, 0xfe, 0x00, 0x41, 0x80]);

/** One of everything: string and Blob content (text, with a BOM, and binary), typed arrays and NaN in runs. */
async function seed(db: ForecastLabDb): Promise<void> {
  const bom = `\ufeff${CSV}`;
  await db.datasets.bulkAdd([
    importedDataset(),
    exampleDataset(),
    importedDataset({ hash: await sha256Hex(bom), name: 'bom.csv', content: new Blob([bom], { type: 'text/csv' }) }),
    importedDataset({ hash: await sha256Hex(BINARY), name: 'latin1.csv', content: new Blob([BINARY]) }),
  ]);
  await db.configs.bulkAdd([config('c1'), config('c2', { config: { nested: { list: [1, 'two', null] } } })]);
  await db.runs.bulkAdd([run('r1'), run('r2', { status: 'failed', metrics: null, artifacts: null, durationMs: null })]);
  await db.registries.add({
    dataHash: importedDataset().hash,
    name: 'Sales forecaster',
    created: NOW.toISOString(),
    updated: NOW.toISOString(),
    // A whole registry: backups check its shape (a damaged one would break the Registry stage after restoring).
    registry: setAlias(registryWith(1), { alias: 'champion', versionId: 'sales:v1', now: minute(2), why: 'first' }) as unknown as JsonObject,
    weights: { 'sales:v1': [{ name: 'dense/kernel', shape: [2, 1], dtype: 'float32', data: new Float32Array([0.5, NaN]) }] },
  });
}

describe('exportAll(db) → importAll(db, text)', () => {
  it('round-trips every row exactly: Blobs stay Blobs, binary and NaN survive', async () => {
    const source = freshDb('export');
    await seed(source);
    const { text, leftOut } = await exportAll(source, { now: NOW });
    expect(leftOut).toEqual([]);
    const backup = JSON.parse(text);
    expect(backup).toMatchObject({ format: 'forecast-lab-backup', version: 1, exportedAt: NOW.toISOString() });
    const encodings = backup.datasets.map((d: { content: { encoding: string } | null }) => d.content?.encoding ?? 'none');
    expect(encodings.sort()).toEqual(['base64', 'none', 'utf-8', 'utf-8']);

    const target = freshDb('import');
    const result = await importAll(target, text, { mode: 'replace' });
    expect(result).toEqual({ ok: true, counts: { datasets: 4, configs: 2, runs: 2, registries: 1 } });
    expect(await snapshot(target)).toEqual(await snapshot(source));
    expect((await exportAll(target, { now: NOW })).text).toBe(text);
    const [restored] = await target.runs.where('id').equals('r1').toArray();
    expect(weightsOf(restored)).toBeInstanceOf(Float32Array);
    expect(nanOf(restored)).toBeNaN();
  });

  it("'merge' keeps other rows and lets the backup win on equal keys; 'replace' empties first", async () => {
    const db = freshDb('merge');
    await db.configs.bulkAdd([config('c1', { name: 'mine' }), config('local')]);
    const text = JSON.stringify(toJsonSafe(backupJson()));

    expect((await importAll(db, text, { mode: 'merge' })).ok).toBe(true);
    expect((await db.configs.toArray()).map((c) => [c.id, c.name])).toEqual([['c1', 'Config c1'], ['local', 'Config local']]);

    expect((await importAll(db, text, { mode: 'replace' })).ok).toBe(true);
    expect(await db.configs.toArray()).toEqual([config('c1')]);
  });

  it("imports runs that were training when the backup was made as 'interrupted'", async () => {
    const db = freshDb('running');
    const text = JSON.stringify(toJsonSafe(backupJson({ runs: [run('r1', { status: 'running' })] })));
    await importAll(db, text, { mode: 'merge' });
    expect((await db.runs.get('r1'))?.status).toBe('interrupted');
  });
});

describe('importAll(db, badFile) changes nothing', () => {
  const bad: [string, string, string | RegExp][] = [
    ['invalid JSON', '{"format": "forecast-lab-backup", "version": 1,', /^the file is not valid JSON/],
    ['a wrong format tag', JSON.stringify(backupJson({ format: 'excel' })), /its "format" is "excel"/],
    ['a newer version', JSON.stringify(backupJson({ version: 9 })), /newer Forecast Lab \(backup version 9/],
    [
      'a bad row',
      JSON.stringify(toJsonSafe(backupJson({ runs: [run('r0'), run('r1'), run('r2'), run('r3', { status: 'ok' as never })] }))),
      'runs[3].status: expected one of "running", "done", "failed", "cancelled", "interrupted", got "ok"',
    ],
    [
      'a hash mismatch',
      JSON.stringify(backupJson({ datasets: [backupDataset({ content: { encoding: 'utf-8', data: 'x', blobType: null } })] })),
      'datasets[0].content: the content does not match its hash (the file was changed or damaged)',
    ],
  ];

  it.each(bad)('rejects %s with its reason, in either mode', async (_label, text, reason) => {
    const db = freshDb('bad');
    await seed(db);
    const before = await snapshot(db);
    for (const mode of ['merge', 'replace'] as const) {
      const result = await importAll(db, text, { mode });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(reason);
      expect(await snapshot(db)).toEqual(before);
    }
  });

  it('rolls back every table when a write fails half-way (quota), and says so', async () => {
    const db = freshDb('quota');
    await seed(db);
    const before = await snapshot(db);
    const quota = new Dexie.QuotaExceededError('quota', new DOMException('x', 'QuotaExceededError'));
    vi.spyOn(db.runs, 'bulkPut').mockImplementation(() => Dexie.Promise.reject(quota));
    const text = JSON.stringify(toJsonSafe(backupJson()));
    const failure = await importAll(db, text, { mode: 'replace' }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'StorageError', kind: 'quota', message: storageErrorMessages.quota });
    vi.restoreAllMocks();
    expect(await snapshot(db)).toEqual(before);
  });
});
