import type { MlflowExportInput } from '../lib/export/mlflow-store';

/** What the export worker does: everything stored, as the zip of an MLflow file store. */
export interface ExportWorkerApi {
  mlflowZip(input: MlflowExportInput): Promise<MlflowZip>;
}

export interface MlflowZip {
  /** The zip's bytes (transferred). */
  zip: Uint8Array;
  experiments: number;
  runs: number;
  versions: number;
  /** Stored rows left out, and why. */
  skipped: string[];
}
