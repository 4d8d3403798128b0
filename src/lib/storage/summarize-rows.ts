/**
 * Stored rows as the Storage panel lists them: name, a short description, size and date, newest first, the damaged
 * rows (record-schemas.ts) before them, named with what is wrong. Dataset content is never kept in an item, so a list
 * of large files stays small in memory.
 */
import { storageLabels } from '../messages/storage';
import { estimateSize } from './estimate-size';
import type { DamagedRow } from './record-schemas';
import type { ConfigRecord, DatasetRecord, RegistryRecord, RunRecord, TableName, TableRows } from './records';

export interface StorageItem {
  table: TableName;
  /** The row's primary key (a dataset's hash, a configuration's or run's id). */
  key: string;
  name: string;
  detail: string;
  sizeBytes: number;
  /** ISO 8601 timestamp ('' for a damaged row without one). */
  created: string;
  /** Set when the row is damaged: no stage reads it; it can only be deleted (by `storedKey`, which may not be text). */
  damage?: { reason: string; storedKey: IDBValidKey };
}

/**
 * The list as shown: damaged rows first, then the rest, each group newest first. `items` are summarizeRow's, made as
 * each row is read (the reader, adapters/db.ts readEach, gives each row a task of its own).
 */
export function listItems(items: readonly StorageItem[], damaged: readonly DamagedRow[] = []): StorageItem[] {
  const byDate = (a: StorageItem, b: StorageItem) => (a.created < b.created ? 1 : a.created > b.created ? -1 : a.key.localeCompare(b.key));
  return [...damaged.map(summarizeDamaged).sort(byDate), ...[...items].sort(byDate)];
}

/** A damaged row, named from what it still has (its key, a name), with the reason it cannot be read. */
export function summarizeDamaged(damaged: DamagedRow): StorageItem {
  const row = (typeof damaged.row === 'object' && damaged.row !== null ? damaged.row : {}) as Record<string, unknown>;
  const key = typeof damaged.key === 'string' ? damaged.key : JSON.stringify(damaged.key) ?? String(damaged.key);
  const name = typeof row.name === 'string' && row.name !== '' ? row.name : storageLabels.damagedName(damaged.table, key);
  return {
    table: damaged.table,
    key,
    name,
    detail: storageLabels.damagedDetail(damaged.reason),
    sizeBytes: estimateSize(damaged.row),
    created: typeof row.created === 'string' ? row.created : '',
    damage: { reason: damaged.reason, storedKey: damaged.key },
  };
}

export function summarizeRow<T extends TableName>(table: T, row: TableRows[T]): StorageItem {
  if (table === 'datasets') return summarizeDataset(row as DatasetRecord);
  if (table === 'configs') return summarizeConfig(row as ConfigRecord);
  if (table === 'registries') return summarizeRegistry(row as RegistryRecord);
  return summarizeRun(row as RunRecord);
}

function summarizeDataset(row: DatasetRecord): StorageItem {
  const source =
    row.source.kind === 'imported'
      ? storageLabels.sourceImported(row.source.fileName)
      : row.source.kind === 'builtin'
        ? storageLabels.sourceBuiltin
        : storageLabels.sourceExample;
  const shape = storageLabels.datasetDetail(row.schema.rowCount, row.schema.seriesCount);
  const sizeBytes = Number.isFinite(row.sizeBytes) ? row.sizeBytes : estimateSize(row);
  const detail = `${source} · ${shape}`;
  return { table: 'datasets', key: row.hash, name: row.name, detail, sizeBytes, created: row.created };
}

function summarizeConfig(row: ConfigRecord): StorageItem {
  const sizeBytes = estimateSize(row);
  return { table: 'configs', key: row.id, name: row.name, detail: '', sizeBytes, created: row.created };
}

function summarizeRun(row: RunRecord): StorageItem {
  const status = storageLabels.runStatus[row.status] ?? String(row.status);
  const detail = row.notSaved === undefined ? status : `${status} · ${storageLabels.runNotSaved}`;
  const name = storageLabels.runName(row.id);
  return { table: 'runs', key: row.id, name, detail, sizeBytes: estimateSize(row), created: row.created };
}

function summarizeRegistry(row: RegistryRecord): StorageItem {
  const registry = row.registry as { versions?: unknown[]; aliases?: { champion?: string } };
  const versions = Array.isArray(registry.versions) ? registry.versions.length : 0;
  const detail = storageLabels.registryDetail(versions, registry.aliases?.champion ?? null);
  return { table: 'registries', key: row.dataHash, name: row.name, detail, sizeBytes: estimateSize(row), created: row.created };
}
