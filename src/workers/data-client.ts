import * as Comlink from 'comlink';
import type { DataPeer, DataWorkerApi } from './data-protocol';
import { startWorker, startedOnFirstMessage, type ChannelEnd } from './worker-link';

/** The page's handle on the data worker: one worker for the page's lifetime, its API as promises. */
export interface DataClient {
  api: Comlink.Remote<DataWorkerApi>;
  /** Wrap a callback so the worker can call it back (progress). */
  callback<T extends (...args: never[]) => unknown>(fn: T): T;
  /** The data worker's end of a channel to `peer` (for connectWorkers: a train lane's or the ops worker's client). */
  channelEnd(peer: DataPeer): ChannelEnd;
  terminate(): void;
}

export function createDataClient(onCrash: (message: string) => void): DataClient {
  const worker = startWorker<DataWorkerApi>(startedOnFirstMessage(() => new Worker(new URL('./data.worker.ts', import.meta.url), { type: 'module', name: 'forecast-lab-data' })), onCrash);
  const { api } = worker;
  return {
    api,
    callback: (fn) => Comlink.proxy(fn),
    channelEnd: (peer) => ({
      onLost: worker.onLost,
      give: (port) => api.connect(peer, port),
      drop: (message) => api.disconnect(peer, message),
    }),
    terminate: () => worker.terminate(),
  };
}
