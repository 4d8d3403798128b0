import * as Comlink from 'comlink';
import type { DataWorkerApi } from './data-protocol';

/** The page's handle on the data worker: one worker for the page's lifetime, its API as promises. */
export interface DataClient {
  api: Comlink.Remote<DataWorkerApi>;
  /** Wrap a callback so the worker can call it back (progress). */
  callback<T extends (...args: never[]) => unknown>(fn: T): T;
  terminate(): void;
}

export function createDataClient(onCrash: (message: string) => void): DataClient {
  const worker = new Worker(new URL('./data.worker.ts', import.meta.url), { type: 'module', name: 'forecast-lab-data' });
  worker.addEventListener('error', (event) => onCrash(event.message || 'worker error'));
  return {
    api: Comlink.wrap<DataWorkerApi>(worker),
    callback: (fn) => Comlink.proxy(fn),
    terminate: () => worker.terminate(),
  };
}
