/**
 * Everything stored, to one backup file and back (the format: src/lib/storage/backup-format.ts).
 *
 *   exportAll:  1. read every table in one read transaction, damaged rows left out (the file must import)
 *               2. files (Blobs) to text or base64  3. binary and NaN values tagged (to-json-safe.ts)  4. JSON text
 *   importAll:  1. readBackup: syntax, format, version, rows, keys, hashes — a bad file stops here, nothing changed
 *               2. rows back to stored form  3. one read-write transaction over all tables: all rows or none
 */
import { backupContentBytes, toBackupContent } from '../lib/storage/backup-content';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type Backup,
  type BackupContent,
  type BackupDataset,
} from '../lib/storage/backup-format';
import { readBackup } from '../lib/storage/read-backup';
import type { DamagedRow } from '../lib/storage/record-schemas';
import type { DatasetRecord, RunRecord } from '../lib/storage/records';
import { toStorageError } from '../lib/storage/storage-error';
import { toJsonSafe } from '../lib/storage/to-json-safe';
import { readRecords, type ForecastLabDb } from './db';

/**
 * Every stored record as backup text. Damaged rows (record-schemas.ts) are left out and listed in `leftOut`: a file
 * holding one would be refused whole on import, the good rows with it.
 */
export async function exportAll(db: ForecastLabDb, options: { now?: Date } = {}): Promise<{ text: string; leftOut: DamagedRow[] }> {
  const [datasets, configs, runs, registries] = await db
    .transaction('r', db.datasets, db.configs, db.runs, db.registries, () =>
      Promise.all([readRecords(db, 'datasets'), readRecords(db, 'configs'), readRecords(db, 'runs'), readRecords(db, 'registries')]),
    )
    .catch((error: unknown) => {
      throw toStorageError(error);
    });
  // Reading Blobs awaits outside Dexie, so it happens after the transaction is over.
  const backupDatasets: BackupDataset[] = [];
  for (const dataset of datasets.records) backupDatasets.push({ ...dataset, content: await contentForBackup(dataset.content) });
  const text = writeBackup({
    exportedAt: (options.now ?? new Date()).toISOString(),
    datasets: backupDatasets,
    configs: configs.records,
    runs: runs.records,
    registries: registries.records,
  });
  return { text, leftOut: [datasets, configs, runs, registries].flatMap((read) => read.damaged) };
}

/** One run alone as a backup file (a run that could not be stored): importing it later adds just that run. */
export function runBackup(run: RunRecord, options: { now?: Date } = {}): string {
  return writeBackup({ exportedAt: (options.now ?? new Date()).toISOString(), datasets: [], configs: [], runs: [run], registries: [] });
}

function writeBackup(rows: Omit<Backup, 'format' | 'version'>): string {
  const backup: Backup = { format: BACKUP_FORMAT, version: BACKUP_VERSION, ...rows };
  return JSON.stringify(toJsonSafe(backup));
}

async function contentForBackup(content: DatasetRecord['content']): Promise<BackupContent | null> {
  if (content === null || content === undefined) return null;
  if (typeof content === 'string') return toBackupContent(content, null);
  return toBackupContent(new Uint8Array(await content.arrayBuffer()), content.type);
}

export type ImportMode = 'merge' | 'replace';

export interface ImportCounts {
  datasets: number;
  configs: number;
  runs: number;
  registries: number;
}

/** `ok: false` is a rejected file (nothing changed); a storage failure throws a StorageError (nothing changed). */
export type ImportResult = { ok: true; counts: ImportCounts } | { ok: false; reason: string };

/**
 * Validate a backup's text, then write all of it in one transaction. 'merge' keeps what is stored and lets the
 * backup's rows win on equal keys; 'replace' empties every table first. Runs that were training when the backup
 * was made come in as 'interrupted'.
 */
export async function importAll(db: ForecastLabDb, text: string, options: { mode: ImportMode }): Promise<ImportResult> {
  const read = await readBackup(text);
  if (!read.ok) return read;
  const { backup } = read;
  const datasets = backup.datasets.map(storedDataset);
  const runs = backup.runs.map(
    (run): RunRecord => (run.status === 'running' ? { ...run, status: 'interrupted' } : run),
  );
  try {
    await db.transaction('rw', [db.datasets, db.configs, db.runs, db.registries], async () => {
      if (options.mode === 'replace') await Promise.all([db.datasets.clear(), db.configs.clear(), db.runs.clear(), db.registries.clear()]);
      await db.datasets.bulkPut(datasets);
      await db.configs.bulkPut(backup.configs);
      await db.runs.bulkPut(runs);
      await db.registries.bulkPut(backup.registries);
    });
  } catch (error) {
    throw toStorageError(error);
  }
  return { ok: true, counts: { datasets: datasets.length, configs: backup.configs.length, runs: runs.length, registries: backup.registries.length } };
}

function storedDataset(dataset: BackupDataset): DatasetRecord {
  const { content, ...rest } = dataset;
  return { ...rest, content: content === null ? null : storedContent(content) };
}

function storedContent(content: BackupContent): Blob | string {
  if (content.blobType === null && content.encoding === 'utf-8') return content.data;
  return new Blob([backupContentBytes(content)], { type: content.blobType ?? '' });
}
