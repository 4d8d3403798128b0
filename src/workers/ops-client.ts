import * as Comlink from 'comlink';
import type { OpsWorkerApi } from './ops-protocol';

/** The page's handle on the ops worker (started on the first simulation: tfjs loads with it). */
export interface OpsClient {
  api: Comlink.Remote<OpsWorkerApi>;
  terminate(): void;
}

export function createOpsClient(onCrash: (message: string) => void): OpsClient {
  const worker = new Worker(new URL('./ops.worker.ts', import.meta.url), { type: 'module', name: 'forecast-lab-ops' });
  worker.addEventListener('error', (event) => onCrash(event.message || 'worker error'));
  return { api: Comlink.wrap<OpsWorkerApi>(worker), terminate: () => worker.terminate() };
}
