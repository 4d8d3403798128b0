/**
 * A training run's stored record, from its first moment to its end. What it guards: a finished run is never lost, and
 * no record is left 'running' by a run that ended (a reload would call it "interrupted when the page closed").
 *
 *   start:  one put of { status 'running', config, no results }: a reload mid-training leaves it, and the next open
 *           marks it 'interrupted' (db.ts, markInterruptedRuns)
 *   finish: one put of the whole record: status, metrics and artifacts together (one row of one table, so IndexedDB
 *           writes all of it or none of it: never results under 'running', never 'done' without results)
 *           └─ the put fails (the browser's storage is full, say): the caller keeps the run in memory and offers it
 *              as a download; here the stored record must stop saying 'running':
 *                1. a small record instead: 'failed', no results, `notSaved` saying why — as small as the start's
 *                   record, which was written, so it usually fits
 *                2. that fails too: the record is deleted (deleting needs no room); the download holds the run
 *                3. that fails too (the connection is closed, say): nothing more can be done from here; the record is
 *                   left 'running', the next open marks it 'interrupted', and the message says so now
 */
import type { ForecastLabDb } from '../adapters/db';
import type { NotebookConfig } from '../lib/notebook/config';
import type { JsonObject, RunRecord } from '../lib/storage/records';
import { toStorageError, type StorageError } from '../lib/storage/storage-error';

/** The record of a run starting now: 'running', no results yet. */
export function newRunRecord(options: { id: string; config: NotebookConfig; dataHash: string; appVersion: string; now: Date }): RunRecord {
  const now = options.now.toISOString();
  return {
    id: options.id,
    created: now,
    updated: now,
    config: structuredClone(options.config) as unknown as JsonObject,
    dataHash: options.dataHash,
    status: 'running',
    metrics: null,
    artifacts: null,
    durationMs: null,
    appVersion: options.appVersion,
  };
}

/** Store the starting record; the error when it could not be (training goes on all the same). */
export async function startRunRecord(db: ForecastLabDb, record: RunRecord): Promise<StorageError | null> {
  try {
    await db.runs.put(record);
    return null;
  } catch (error) {
    return toStorageError(error);
  }
}

/**
 * What became of the stored record when the final write failed: a small 'failed' one, deleted, left 'running', or
 * none (the start was not stored either, so nothing says 'running').
 */
export type UnsavedRecord = 'failed' | 'deleted' | 'left-running' | 'none';

export type FinishResult = { saved: true } | { saved: false; error: StorageError; record: UnsavedRecord };

/**
 * Write the run's final record (`final`: status, results, duration, all set) over its starting one. `started`: whether
 * the starting record was stored; when it was not, the final one is still tried (there may be room now).
 */
export async function finishRunRecord(db: ForecastLabDb, final: RunRecord, options: { started: boolean }): Promise<FinishResult> {
  try {
    await db.runs.put(final);
    return { saved: true };
  } catch (cause) {
    const error = toStorageError(cause);
    if (!options.started) return { saved: false, error, record: 'none' };
    return { saved: false, error, record: await settle(db, final, error) };
  }
}

/** Steps 1–3 above: make the stored record stop saying 'running'. */
async function settle(db: ForecastLabDb, final: RunRecord, error: StorageError): Promise<UnsavedRecord> {
  // A record without results that failed is already as small as it gets: straight to deleting.
  if (final.metrics !== null || final.artifacts !== null) {
    const small: RunRecord = { ...final, status: 'failed', metrics: null, artifacts: null, notSaved: error.kind };
    try {
      await db.runs.put(small);
      return 'failed';
    } catch {
      // Not even that fits: delete below.
    }
  }
  try {
    await db.runs.delete(final.id);
    return 'deleted';
  } catch {
    return 'left-running';
  }
}
