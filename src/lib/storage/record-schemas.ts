/**
 * What a stored row must look like before anything reads it, one valibot schema per table. Rows come from IndexedDB
 * written by this or another version of the app, by a run cut off half-way, or from a backup file: none is taken on
 * faith. The same fields check backups (backup-format.ts), so what a backup may bring in is what the app can read.
 *
 *   row read from IndexedDB ──► checkRecord(table, row) ──► the record, as it was stored
 *                                                      └──► a reason ("metrics.models[0].name: expected string, got 42"):
 *                                                           the row is quarantined — no stage reads it, the Storage
 *                                                           list names it with the reason, the user may delete it
 *
 * Objects are loose: fields a stage adds to its rows travel untouched. Checking never changes a row: the record
 * handed on is the stored object itself (a parsed copy would reorder keys, and backups must round-trip exactly).
 */
import * as v from 'valibot';
import { backupMessages } from '../messages/storage';
import { parseRegistry } from '../registry/registry-schema';
import { RunArtifactsSchema, RunMetricsSchema, SerializedWeightSchema } from '../runs/run-schema';
import { formatIssue } from './format-issue';
import { PRIMARY_KEYS, RUN_STATUSES, type JsonObject, type TableName, type TableRows } from './records';
import { SHA256_HEX } from './sha256-hex';

const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const jsonObject = v.custom<JsonObject>(isJsonObject, backupMessages.jsonObject);
export const timestamp = v.pipe(v.string(), v.isoTimestamp(backupMessages.timestamp));
const hash = v.pipe(v.string(), v.regex(SHA256_HEX, backupMessages.hashFormat));
const count = v.pipe(
  v.number(),
  v.integer(backupMessages.nonNegativeInteger),
  v.minValue(0, backupMessages.nonNegativeInteger),
);

const source = v.variant('kind', [
  v.looseObject({ kind: v.literal('example'), options: jsonObject }),
  v.looseObject({ kind: v.literal('builtin'), file: v.string() }),
  v.looseObject({ kind: v.literal('imported'), fileName: v.string(), lastModified: v.number() }),
]);

const datasetSchema = v.looseObject({
  header: v.array(v.string()),
  mapping: v.looseObject({
    date: v.string(),
    sales: v.string(),
    keys: v.array(v.string()),
    covariates: v.array(v.string()),
  }),
  frequency: v.nullable(v.picklist(['daily', 'weekly', 'monthly'])),
  rowCount: count,
  seriesCount: count,
});

/** A dataset row's fields but its content, which IndexedDB and a backup keep differently (backup-format.ts). */
export const datasetFields = {
  hash,
  name: v.string(),
  source,
  schema: datasetSchema,
  sizeBytes: count,
  created: timestamp,
};

const isBlob = (value: unknown): boolean => typeof Blob !== 'undefined' && value instanceof Blob;

const DatasetRecordSchema = v.looseObject({
  ...datasetFields,
  content: v.custom((value) => value === null || typeof value === 'string' || isBlob(value), backupMessages.storedContent),
});

export const ConfigRecordSchema = v.looseObject({
  id: v.string(),
  name: v.string(),
  created: timestamp,
  updated: timestamp,
  config: jsonObject,
});

export const RunRecordSchema = v.looseObject({
  id: v.string(),
  created: timestamp,
  updated: timestamp,
  config: jsonObject,
  dataHash: hash,
  status: v.picklist(RUN_STATUSES),
  metrics: v.nullable(RunMetricsSchema),
  artifacts: v.nullable(RunArtifactsSchema),
  durationMs: v.nullable(v.pipe(v.number(), v.minValue(0, backupMessages.nonNegativeNumber))),
  appVersion: v.string(),
  notSaved: v.optional(v.string()),
});

export const RegistryRecordSchema = v.looseObject({
  dataHash: hash,
  name: v.string(),
  created: timestamp,
  updated: timestamp,
  registry: v.pipe(
    jsonObject,
    v.rawCheck(({ dataset, addIssue }) => {
      const parsed = dataset.typed ? parseRegistry(dataset.value) : null;
      if (parsed && !parsed.ok) addIssue({ message: parsed.reason });
    }),
  ),
  /** Per version id, the weights serving loads. */
  weights: v.record(v.string(), v.array(SerializedWeightSchema)),
});

const RECORD_SCHEMAS = {
  datasets: DatasetRecordSchema,
  configs: ConfigRecordSchema,
  runs: RunRecordSchema,
  registries: RegistryRecordSchema,
} as const;

export type RecordCheck<T extends TableName> = { ok: true; record: TableRows[T] } | { ok: false; reason: string };

/** The stored row as its table's record, or the first reason it is not one. */
export function checkRecord<T extends TableName>(table: T, row: unknown): RecordCheck<T> {
  const result = v.safeParse(RECORD_SCHEMAS[table], row, { abortEarly: true });
  if (result.success) return { ok: true, record: row as TableRows[T] };
  return { ok: false, reason: formatIssue(result.issues[0]) };
}

/** A row that failed its check: kept in storage as it is, named in the Storage list with the reason. */
export interface DamagedRow {
  table: TableName;
  /** The row's primary key as IndexedDB holds it (what deleting it needs). */
  key: IDBValidKey;
  row: unknown;
  reason: string;
}

/** The rows of `table`, as read from IndexedDB, split into records and damaged rows, each list in the order given. */
export function sortRecords<T extends TableName>(table: T, rows: readonly unknown[]): { records: TableRows[T][]; damaged: DamagedRow[] } {
  const records: TableRows[T][] = [];
  const damaged: DamagedRow[] = [];
  for (const row of rows) {
    const checked = checkRecord(table, row);
    if (checked.ok) records.push(checked.record);
    // Keys are inline (the key path is a field), so a row read from IndexedDB always holds its own key.
    else damaged.push({ table, key: (row as Record<string, IDBValidKey>)[PRIMARY_KEYS[table]]!, row, reason: checked.reason });
  }
  return { records, damaged };
}
