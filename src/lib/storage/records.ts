/**
 * The rows Forecast Lab keeps in the browser (IndexedDB, through src/adapters/db.ts) and writes into backups.
 *
 *   user action ──► DatasetRecord / ConfigRecord / RunRecord ──► Dexie tables ──► backup file (parse-backup.ts)
 *
 * Plain data only: every field survives structured clone (IndexedDB) and, through to-json-safe.ts, JSON.
 * Stages may add fields of their own to a row; storage keeps and backs them up without knowing them.
 */
import type { ColumnMapping, Frequency } from '../data/types';

/** Any JSON object; the storage layer treats it as opaque. */
export type JsonObject = { [key: string]: unknown };

export type TableName = 'datasets' | 'configs' | 'runs' | 'registries';
export const TABLE_NAMES: readonly TableName[] = ['datasets', 'configs', 'runs', 'registries'];
/** Each table's primary key: a field of its rows (inline keys), so a row always carries its own key. */
export const PRIMARY_KEYS = { datasets: 'hash', configs: 'id', runs: 'id', registries: 'dataHash' } as const satisfies Record<TableName, string>;

/** Where a dataset came from. Examples regenerate from their options; built-in files ship with the app. */
export type DatasetSource =
  | { kind: 'example'; options: JsonObject }
  | { kind: 'builtin'; file: string }
  | { kind: 'imported'; fileName: string; lastModified: number };

/** What the notebook learned about a dataset's shape, kept so a list can describe it without re-reading it. */
export interface DatasetSchema {
  header: string[];
  mapping: ColumnMapping;
  /** Null until the frequency is known (it mirrors ValidationReport.frequency). */
  frequency: Frequency | null;
  rowCount: number;
  seriesCount: number;
}

export interface DatasetRecord {
  /** Primary key: lower-case hex SHA-256 of the content's bytes (sha256-hex.ts); backups check it when content is kept. */
  hash: string;
  name: string;
  source: DatasetSource;
  schema: DatasetSchema;
  /** Approximate bytes the row takes in storage, content included (estimate-size.ts). */
  sizeBytes: number;
  /** ISO 8601 timestamp. */
  created: string;
  /**
   * The file itself, so an imported dataset can be re-opened after a reload: the very bytes `hash` was computed
   * from (backups check it). Best the picked File/Blob as is (IndexedDB keeps Blobs out of line, and a string from
   * `file.text()` loses a byte-order mark, so its bytes no longer match). Null for examples and built-in files.
   */
  content: Blob | string | null;
}

export interface ConfigRecord {
  id: string;
  name: string;
  created: string;
  updated: string;
  /** The notebook's URL state. */
  config: JsonObject;
}

export type RunStatus = 'running' | 'done' | 'failed' | 'cancelled' | 'interrupted';
export const RUN_STATUSES: readonly RunStatus[] = ['running', 'done', 'failed', 'cancelled', 'interrupted'];

export interface RunRecord {
  id: string;
  created: string;
  updated: string;
  config: JsonObject;
  /** The `hash` of the dataset the run trained on. */
  dataHash: string;
  status: RunStatus;
  /** RunMetrics (src/lib/runs/types.ts); null while a run has none. */
  metrics: JsonObject | null;
  /** RunArtifacts: trained weights (typed arrays) and other outputs; null while a run has none. */
  artifacts: JsonObject | null;
  /** Null while running. */
  durationMs: number | null;
  appVersion: string;
  /**
   * Why a run that finished holds no results here: they could not be written when it ended (storage full, say), so
   * the page kept them in memory and offered them as a download. Absent when nothing went wrong.
   */
  notSaved?: string;
}

/**
 * One registered model per dataset (MLflow's "registered model"): its versions, aliases and audit trail as plain
 * JSON (src/lib/registry/types.ts `Registry`), and each version's weights apart, so listing the registry never
 * copies the weights.
 */
export interface RegistryRecord {
  /** Primary key: the `hash` of the dataset the versions were trained on. */
  dataHash: string;
  name: string;
  created: string;
  updated: string;
  /** The registry itself (versions, aliases, audit). */
  registry: JsonObject;
  /** Per version id, what serving needs beyond the registry entry: its layers' weights, `SerializedWeight[]` (typed arrays). */
  weights: JsonObject;
}

/** The row type of each table. */
export interface TableRows {
  datasets: DatasetRecord;
  configs: ConfigRecord;
  runs: RunRecord;
  registries: RegistryRecord;
}
