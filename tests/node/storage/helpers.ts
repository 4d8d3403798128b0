// Shared by the storage tests that need a database (Node with fake-indexeddb, and Chromium).
import Dexie from 'dexie';
import type { ForecastLabDb } from '../../../src/adapters/db';

let counter = 0;
/** A database name no other test uses. */
export function uniqueDbName(label: string): string {
  counter += 1;
  return `forecast-lab-test-${label}-${Date.now()}-${counter}`;
}

/** Version 1 as it shipped, written out here on purpose: the migration test must not follow later edits. */
export const V1_STORES = { datasets: 'hash, name, created', configs: 'id, name, created, updated' };

/** Every row of every table, Blobs read as `{ blob: type, bytes }`, for exact before/after comparisons. */
export async function snapshot(db: ForecastLabDb): Promise<Record<string, unknown[]>> {
  const [datasets, configs, runs, registries] = await Promise.all([db.datasets.toArray(), db.configs.toArray(), db.runs.toArray(), db.registries.toArray()]);
  const readable = await Promise.all(
    datasets.map(async (row) =>
      row.content instanceof Blob
        ? { ...row, content: { blob: row.content.type, bytes: [...new Uint8Array(await row.content.arrayBuffer())] } }
        : row,
    ),
  );
  return { datasets: readable, configs, runs, registries };
}

export async function deleteDb(name: string): Promise<void> {
  await Dexie.delete(name);
}
