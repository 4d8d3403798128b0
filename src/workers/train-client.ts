import * as Comlink from 'comlink';
import { trainMessages } from '../lib/messages/train';
import type { EpochReport, ProbeOptions, ProbeResult } from '../lib/models/train-types';
import type { FitRequest, FitResult, PredictRequest, TrainRequest, TrainResult, TrainWorkerApi } from './train-protocol';

/**
 * The page's handle on the train worker: promises over the typed protocol, with transfers and callbacks wired in.
 * Arrays in a request are transferred (detached on the page) when they own their whole buffer; views into a larger
 * buffer are copied instead. Pass `x.slice()` to keep using an array after sending it.
 */
export interface TrainClient {
  api: Comlink.Remote<TrainWorkerApi>;
  probe(options?: ProbeOptions): Promise<ProbeResult>;
  train(request: TrainRequest, options?: TrainCallOptions): Promise<TrainResult>;
  fit(request: FitRequest, options?: TrainCallOptions): Promise<FitResult>;
  predict(request: PredictRequest): Promise<Float32Array>;
  cancel(): Promise<void>;
  terminate(): void;
}

export interface TrainCallOptions {
  /** Every epoch as it ends; with `refit`, the refit's epochs follow with `phase: 'refit'` (progress, not curve points). */
  onEpoch?: (report: EpochReport) => void;
  /** Aborting cancels the training (the promise rejects with the cancellation message). */
  signal?: AbortSignal;
}

export function createTrainClient(onCrash: (message: string) => void): TrainClient {
  const worker = new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module', name: 'forecast-lab-train' });
  worker.addEventListener('error', (event) => onCrash(event.message || 'worker error'));
  const api = Comlink.wrap<TrainWorkerApi>(worker);
  // A job that `signal` cancels in the worker. A cancel sent before the request would be forgotten when the worker
  // starts it, so an aborted signal is refused here instead.
  async function cancellable<T>(signal: AbortSignal | undefined, job: () => Promise<T>): Promise<T> {
    if (signal?.aborted) throw new Error(trainMessages.trainingCancelled);
    const cancel = () => void api.cancel();
    signal?.addEventListener('abort', cancel, { once: true });
    try {
      return await job();
    } finally {
      signal?.removeEventListener('abort', cancel);
    }
  }
  return {
    api,
    probe: (options) => api.probe(options),
    train: (request, { onEpoch, signal } = {}) =>
      cancellable(signal, () =>
        api.train(Comlink.transfer(request, ownedBuffers([request.train.x, request.train.y, request.validation.x, request.validation.y])), onEpoch ? Comlink.proxy(onEpoch) : undefined),
      ),
    fit: (request, { onEpoch, signal } = {}) =>
      cancellable(signal, () => api.fit(Comlink.transfer(request, ownedBuffers([request.rows.x, request.rows.y])), onEpoch ? Comlink.proxy(onEpoch) : undefined)),
    predict: (request) => api.predict(Comlink.transfer(request, ownedBuffers([request.x, ...request.weights.map((w) => w.data)]))),
    cancel: () => api.cancel(),
    terminate: () => worker.terminate(),
  };
}

/** The distinct ArrayBuffers that these arrays fill entirely (safe to hand over without taking other data along). */
function ownedBuffers(arrays: Float32Array[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const array of arrays) {
    const { buffer } = array;
    if (buffer instanceof ArrayBuffer && array.byteOffset === 0 && array.byteLength === buffer.byteLength) buffers.add(buffer);
  }
  return [...buffers];
}
