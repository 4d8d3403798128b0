/**
 * The backup file: one JSON document with every stored row, written by exportAll and read by parseBackup.
 *
 *   {
 *     "format": "forecast-lab-backup", "version": 1, "exportedAt": "2024-05-01T12:00:00.000Z",
 *     "datasets": [{ …DatasetRecord, "content": { "encoding": "utf-8", "data": "date,sales\n…", "blobType": "text/csv" } }],
 *     "configs":  [ConfigRecord…],
 *     "runs":     [RunRecord…]            (binary and NaN values tagged, see to-json-safe.ts)
 *     "registries": [RegistryRecord…]     (absent in files written before the registry existed: read as [])
 *   }
 *
 * Rows are checked with valibot (validation of untrusted files: small, tree-shakable, and the schema gives the
 * TypeScript type). Objects are loose: fields a stage adds to its rows travel through backups untouched.
 */
import * as v from 'valibot';
import { parseRegistry } from '../registry/registry-schema';
import { backupMessages } from '../messages/storage';
import { RUN_STATUSES, type ConfigRecord, type DatasetRecord, type JsonObject, type RegistryRecord, type RunRecord } from './records';
import { SHA256_HEX } from './sha256-hex';

export const BACKUP_FORMAT = 'forecast-lab-backup';
/** Bump when the file changes shape; parseBackup then needs a step that reads the old shape. */
export const BACKUP_VERSION = 1;

/** A dataset's file inside a backup: UTF-8 text as is, anything else as base64. */
export interface BackupContent {
  encoding: 'utf-8' | 'base64';
  data: string;
  /** The Blob's MIME type when the content was stored as a Blob; null when it was stored as a string. */
  blobType: string | null;
}

export type BackupDataset = Omit<DatasetRecord, 'content'> & { content: BackupContent | null };

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  datasets: BackupDataset[];
  configs: ConfigRecord[];
  runs: RunRecord[];
  registries: RegistryRecord[];
}

const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const jsonObject = v.custom<JsonObject>(isJsonObject, backupMessages.jsonObject);
const timestamp = v.pipe(v.string(), v.isoTimestamp(backupMessages.timestamp));
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

const schema = v.looseObject({
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

const content = v.nullable(
  v.looseObject({
    encoding: v.picklist(['utf-8', 'base64']),
    data: v.string(),
    blobType: v.nullable(v.string()),
  }),
);

const datasetRow = v.looseObject({
  hash,
  name: v.string(),
  source,
  schema,
  sizeBytes: count,
  created: timestamp,
  content,
});

const configRow = v.looseObject({
  id: v.string(),
  name: v.string(),
  created: timestamp,
  updated: timestamp,
  config: jsonObject,
});

const runRow = v.looseObject({
  id: v.string(),
  created: timestamp,
  updated: timestamp,
  config: jsonObject,
  dataHash: hash,
  status: v.picklist(RUN_STATUSES),
  metrics: v.nullable(jsonObject),
  artifacts: v.nullable(jsonObject),
  durationMs: v.nullable(v.pipe(v.number(), v.minValue(0, backupMessages.nonNegativeNumber))),
  appVersion: v.string(),
});

const registryRow = v.looseObject({
  dataHash: hash,
  name: v.string(),
  created: timestamp,
  updated: timestamp,
  // Checked, but kept as it was written (a parsed copy would reorder its keys, and a backup must round-trip exactly).
  registry: v.pipe(
    jsonObject,
    v.rawCheck(({ dataset, addIssue }) => {
      const parsed = dataset.typed ? parseRegistry(dataset.value) : null;
      if (parsed && !parsed.ok) addIssue({ message: parsed.reason });
    }),
  ),
  weights: jsonObject,
});

/** The whole file once its format tag and version are known to be right (parse-backup.ts checks those first). */
export const BackupSchema = v.looseObject({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: timestamp,
  datasets: v.array(datasetRow),
  configs: v.array(configRow),
  runs: v.array(runRow),
  // Optional so that backups written before the registry existed still read (same format version: only added).
  registries: v.optional(v.array(registryRow), []),
});

