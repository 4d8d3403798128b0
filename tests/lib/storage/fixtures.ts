// Rows and backups shared by the storage tests (pure: usable in Node and in the browser).
import type { BackupDataset } from '../../../src/lib/storage/backup-format';
import type { RunArtifacts, RunMetrics } from '../../../src/lib/runs/types';
import type { ConfigRecord, DatasetRecord, JsonObject, RunRecord } from '../../../src/lib/storage/records';
import { makeMetrics } from '../runs/make-run';

export const CSV = 'date,sales\n2024-01-01,3\n2024-01-02,5\n';
/** sha256sum of CSV's bytes, computed with coreutils `sha256sum`. */
export const CSV_HASH = '76a12540ad1484c08b4a23a5b5ab3b30c9541b736eeb874752e200db75db6bfb';
export const EXAMPLE_HASH = 'e'.repeat(64);

export const T0 = '2024-05-01T10:00:00.000Z';
export const T1 = '2024-05-02T10:00:00.000Z';

export const schema: DatasetRecord['schema'] = {
  header: ['date', 'sales'],
  mapping: { date: 'date', sales: 'sales', keys: [], covariates: [] },
  frequency: 'daily',
  rowCount: 2,
  seriesCount: 1,
};

export function importedDataset(overrides: Partial<DatasetRecord> = {}): DatasetRecord {
  return {
    hash: CSV_HASH,
    name: 'shop.csv',
    source: { kind: 'imported', fileName: 'shop.csv', lastModified: 1714557600000 },
    schema,
    sizeBytes: CSV.length,
    created: T0,
    content: CSV,
    ...overrides,
  };
}

export function exampleDataset(overrides: Partial<DatasetRecord> = {}): DatasetRecord {
  return {
    hash: EXAMPLE_HASH,
    name: 'Example: 3 stores',
    source: { kind: 'example', options: { seed: 7, stores: 3 } },
    schema: { ...schema, rowCount: 1095, seriesCount: 3 },
    sizeBytes: 300,
    created: T1,
    content: null,
    ...overrides,
  };
}

export function config(id: string, overrides: Partial<ConfigRecord> = {}): ConfigRecord {
  return { id, name: `Config ${id}`, created: T0, updated: T1, config: { stage: 'train', horizon: 14 }, ...overrides };
}

/** The weights of run()'s one network layer: binary, so backups must carry them as base64. */
export const WEIGHTS = new Float32Array([0.5, -1.5, 2]);

/**
 * A finished run shaped as training stores it (RunMetrics, RunArtifacts): a NaN validation loss (a refit epoch has
 * none) and typed-array weights, the two values JSON cannot carry.
 */
export function run(id: string, overrides: Partial<RunRecord> = {}): RunRecord {
  const metrics = makeMetrics();
  metrics.models[0]!.windows[0]!.history[0]!.valLoss = Number.NaN;
  return {
    id,
    created: T0,
    updated: T1,
    config: { model: 'dense' },
    dataHash: CSV_HASH,
    status: 'done',
    metrics: metrics as unknown as JsonObject,
    artifacts: { weights: [{ model: 'mlp', weights: [{ name: 'dense/kernel', shape: [3, 1], dtype: 'float32', data: WEIGHTS.slice() }] }] },
    durationMs: 1234,
    appVersion: '0.1.0',
    ...overrides,
  };
}

/** The NaN run() stores, where it sits. */
export const nanOf = (record: RunRecord | undefined): unknown =>
  (record?.metrics as unknown as RunMetrics | undefined)?.models[0]?.windows[0]?.history[0]?.valLoss;

/** The weights run() stores, where they sit. */
export const weightsOf = (record: RunRecord | undefined): unknown =>
  (record?.artifacts as unknown as RunArtifacts | undefined)?.weights[0]?.weights[0]?.data;

/** A backup's dataset row with its CSV as UTF-8 text. */
export function backupDataset(overrides: Partial<BackupDataset> = {}): BackupDataset {
  const { content: _content, ...rest } = importedDataset();
  return { ...rest, content: { encoding: 'utf-8', data: CSV, blobType: null }, ...overrides };
}

/** A valid backup as plain JSON, to break one field at a time. */
export function backupJson(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 'forecast-lab-backup',
    version: 1,
    exportedAt: T1,
    datasets: [backupDataset()],
    configs: [config('c1')],
    // Plain JSON: no NaN, no binary (backups tag those, see to-json-safe.ts).
    runs: [run('r1', { metrics: makeMetrics() as unknown as JsonObject, artifacts: null }), run('r2', { metrics: null, artifacts: null })],
    ...overrides,
  };
}
