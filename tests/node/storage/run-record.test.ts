import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ForecastLabDb, markInterruptedRuns, readRecords } from '../../../src/adapters/db';
import { DEFAULT_CONFIG } from '../../../src/lib/notebook/config';
import type { JsonObject, RunRecord } from '../../../src/lib/storage/records';
import { finishRunRecord, newRunRecord, startRunRecord } from '../../../src/state/run-record';
import { run } from '../../lib/storage/fixtures';
import { deleteDb, uniqueDbName } from './helpers';

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

const quota = () => new Dexie.QuotaExceededError('quota', new DOMException('The quota has been exceeded.', 'QuotaExceededError'));

/**
 * The storage a full disk leaves: a put of more than `room` bytes of results fails as the browser's does (QuotaExceeded,
 * wrapped by Dexie); smaller puts, and deletes, go through to IndexedDB unless `failAll`/`failDelete` say otherwise.
 */
function fillStorage(db: ForecastLabDb, options: { failAll?: boolean; failDelete?: boolean } = {}) {
  const put = db.runs.put.bind(db.runs);
  const remove = db.runs.delete.bind(db.runs);
  vi.spyOn(db.runs, 'put').mockImplementation((row) =>
    options.failAll || row.metrics !== null || row.artifacts !== null ? Dexie.Promise.reject(quota()) : put(row),
  );
  vi.spyOn(db.runs, 'delete').mockImplementation((key: string) => (options.failDelete ? Dexie.Promise.reject(new Dexie.DatabaseClosedError()) : remove(key)));
}

/** A run that started (stored 'running') and the final record it ends with. */
async function started(db: ForecastLabDb): Promise<{ start: RunRecord; final: RunRecord }> {
  const start = newRunRecord({ id: 'run-1', config: DEFAULT_CONFIG, dataHash: run('x').dataHash, appVersion: '0.1.0', now: new Date('2024-05-01T10:00:00Z') });
  expect(await startRunRecord(db, start)).toBeNull();
  const { metrics, artifacts } = run('x');
  return { start, final: { ...start, status: 'done', metrics, artifacts, durationMs: 5000, updated: '2024-05-01T10:05:00.000Z' } };
}

describe('finishRunRecord(db, final, { started })', () => {
  it('writes status, results and duration in one put', async () => {
    const db = freshDb('finish');
    const { start, final } = await started(db);
    expect((await db.runs.get(start.id))?.status).toBe('running');
    expect(await finishRunRecord(db, final, { started: true })).toEqual({ saved: true });
    expect(await db.runs.toArray()).toEqual([final]);
    expect((await readRecords(db, 'runs')).damaged).toEqual([]);
  });

  it('storage full: keeps a small "failed" record saying why, never one left "running"', async () => {
    const db = freshDb('finish-quota');
    const { final } = await started(db);
    fillStorage(db);
    const result = await finishRunRecord(db, final, { started: true });
    expect(result).toMatchObject({ saved: false, record: 'failed', error: { kind: 'quota' } });
    vi.restoreAllMocks();
    expect(await db.runs.toArray()).toEqual([{ ...final, status: 'failed', metrics: null, artifacts: null, notSaved: 'quota' }]);
    // "Reload": nothing is left to call interrupted.
    expect(await markInterruptedRuns(db)).toBe(0);
  });

  it('not even the small record fits: the started record is deleted, nothing half-written is left', async () => {
    const db = freshDb('finish-full');
    const { final } = await started(db);
    fillStorage(db, { failAll: true });
    expect(await finishRunRecord(db, final, { started: true })).toMatchObject({ saved: false, record: 'deleted' });
    vi.restoreAllMocks();
    expect(await db.runs.count()).toBe(0);
  });

  it('nothing can be written or deleted (connection closed): says the record was left "running", which the next open marks interrupted', async () => {
    const db = freshDb('finish-closed');
    const { final } = await started(db);
    fillStorage(db, { failAll: true, failDelete: true });
    expect(await finishRunRecord(db, final, { started: true })).toMatchObject({ saved: false, record: 'left-running' });
    vi.restoreAllMocks();
    expect(await markInterruptedRuns(db)).toBe(1);
  });

  it('a run whose start was not stored is still written at its end when there is room, and leaves nothing when not', async () => {
    const db = freshDb('finish-unstarted');
    const { final } = await started(db);
    await db.runs.clear();
    expect(await finishRunRecord(db, final, { started: false })).toEqual({ saved: true });
    await db.runs.clear();
    fillStorage(db);
    expect(await finishRunRecord(db, final, { started: false })).toMatchObject({ saved: false, record: 'none', error: { kind: 'quota' } });
    vi.restoreAllMocks();
    expect(await db.runs.count()).toBe(0);
  });

  it('a failed or cancelled run that cannot be written is deleted rather than left "running"', async () => {
    const db = freshDb('finish-cancel');
    const { final } = await started(db);
    fillStorage(db, { failAll: true });
    const cancelled = { ...final, status: 'cancelled' as const, metrics: null, artifacts: null as JsonObject | null };
    expect(await finishRunRecord(db, cancelled, { started: true })).toMatchObject({ saved: false, record: 'deleted' });
  });
});
