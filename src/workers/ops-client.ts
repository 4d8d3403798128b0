import type * as Comlink from 'comlink';
import type { DataClient } from './data-client';
import type { OpsWorkerApi } from './ops-protocol';
import { connectWorkers, startWorker } from './worker-link';

/** The page's handle on the ops worker (started on the first simulation: tfjs loads with it). */
export interface OpsClient {
  api: Comlink.Remote<OpsWorkerApi>;
  terminate(): void;
}

/** `data`: the data worker the simulation's history comes from, over a MessageChannel of their own (not the page). */
export function createOpsClient(onCrash: (message: string) => void, options: { data: DataClient }): OpsClient {
  const worker = startWorker<OpsWorkerApi>(new Worker(new URL('./ops.worker.ts', import.meta.url), { type: 'module', name: 'forecast-lab-ops' }), onCrash);
  const { api } = worker;
  connectWorkers(options.data.channelEnd({ kind: 'ops' }), {
    onLost: worker.onLost,
    give: (port) => api.connectData(port),
    drop: (message) => api.disconnectData(message),
  });
  return { api, terminate: () => worker.terminate() };
}
