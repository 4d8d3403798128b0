/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { mlflowStore, mlflowZip } from '../lib/export/mlflow-store';
import type { ExportWorkerApi } from './export-protocol';

/**
 * The export worker: a thin dispatcher over src/lib/export. Building the MLflow tree (thousands of small files) and
 * zipping it runs here, so the page stays responsive while it does; the zip comes back transferred.
 */
const api: ExportWorkerApi = {
  async mlflowZip(input) {
    const store = await mlflowStore(input);
    const zip = mlflowZip(store.files, { mtime: store.newest });
    const { experiments, runs, versions, skipped } = store;
    return Comlink.transfer({ zip, experiments, runs, versions, skipped }, [zip.buffer]);
  },
};

Comlink.expose(api);
