import * as Comlink from 'comlink';
import type { ExportWorkerApi } from './export-protocol';

/** The page's handle on the export worker (started on the first export). */
export interface ExportClient {
  api: Comlink.Remote<ExportWorkerApi>;
  terminate(): void;
}

export function createExportClient(onCrash: (message: string) => void): ExportClient {
  const worker = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module', name: 'forecast-lab-export' });
  worker.addEventListener('error', (event) => onCrash(event.message || 'worker error'));
  return { api: Comlink.wrap<ExportWorkerApi>(worker), terminate: () => worker.terminate() };
}
