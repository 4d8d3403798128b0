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
 * Rows are checked with valibot (validation of untrusted files: small, tree-shakable), by the schemas that check rows
 * read from IndexedDB (record-schemas.ts): a backup brings in only what the app can read. Objects are loose: fields a
 * stage adds to its rows travel through backups untouched.
 */
import * as v from 'valibot';
import { ConfigRecordSchema, RegistryRecordSchema, RunRecordSchema, datasetFields, timestamp } from './record-schemas';
import type { ConfigRecord, DatasetRecord, RegistryRecord, RunRecord } from './records';

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

const content = v.nullable(
  v.looseObject({
    encoding: v.picklist(['utf-8', 'base64']),
    data: v.string(),
    blobType: v.nullable(v.string()),
  }),
);

/** The whole file once its format tag and version are known to be right (parse-backup.ts checks those first). */
export const BackupSchema = v.looseObject({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: timestamp,
  // Every row as the app stores it (record-schemas.ts), but a dataset's file, which travels as text or base64.
  datasets: v.array(v.looseObject({ ...datasetFields, content })),
  configs: v.array(ConfigRecordSchema),
  runs: v.array(RunRecordSchema),
  // Optional so that backups written before the registry existed still read (same format version: only added).
  registries: v.optional(v.array(RegistryRecordSchema), []),
});
