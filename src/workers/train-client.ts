import * as Comlink from 'comlink';
import { trainMessages } from '../lib/messages/train';
import type { EpochReport, ProbeOptions, ProbeResult } from '../lib/models/train-types';
import type { DataClient } from './data-client';
import type {
  FinalFitRequest,
  FinalFitResult,
  FitRequest,
  FitResult,
  PredictRequest,
  TrainRequest,
  TrainResult,
  TrainWindowRequest,
  TrainWindowResult,
  TrainWorkerApi,
} from './train-protocol';
import { connectWorkers, startWorker } from './worker-link';

/**
 * The page's handle on a train worker: promises over the typed protocol, with transfers and callbacks wired in.
 * Arrays in a request to train/fit/predict are transferred (detached on the page) when they own their whole buffer;
 * views into a larger buffer are copied instead. Pass `x.slice()` to keep using an array after sending it.
 */
export interface TrainClient {
  api: Comlink.Remote<TrainWorkerApi>;
  probe(options?: ProbeOptions): Promise<ProbeResult>;
  /** A backtest window of a network, its matrices fetched by the worker from the data worker (see createTrainClient). */
  trainWindow(request: TrainWindowRequest, options?: TrainCallOptions): Promise<TrainWindowResult>;
  /** The fit before registering, its rows fetched from the data worker; `onProgress` hears each epoch. */
  finalFit(request: FinalFitRequest, options?: { onProgress?: (progress: { epoch: number; rows: number }) => void; signal?: AbortSignal }): Promise<FinalFitResult>;
  train(request: TrainRequest, options?: TrainCallOptions): Promise<TrainResult>;
  fit(request: FitRequest, options?: TrainCallOptions): Promise<FitResult>;
  predict(request: PredictRequest): Promise<Float32Array>;
  cancel(): Promise<void>;
  /** Stops the worker: its calls in flight reject, and so do the data worker's calls waiting on it. */
  terminate(): void;
}

export interface TrainCallOptions {
  /** Every epoch as it ends; with `refit`, the refit's epochs follow with `phase: 'refit'` (progress, not curve points). */
  onEpoch?: (report: EpochReport) => void;
  /** Aborting cancels the training (the promise rejects with the cancellation message). */
  signal?: AbortSignal;
}

/**
 * `data`: the data worker this train worker serves as lane `lane`. They get a MessageChannel of their own: the worker
 * fetches its matrices over it, and the data worker asks it for predictions (a NetworkRef of that lane), so feature
 * matrices never pass through the page.
 */
export function createTrainClient(onCrash: (message: string) => void, options: { data?: DataClient; lane?: number } = {}): TrainClient {
  const worker = startWorker<TrainWorkerApi>(new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module', name: 'forecast-lab-train' }), onCrash);
  const { api } = worker;
  if (options.data) {
    const peer = { kind: 'train' as const, lane: options.lane ?? 0 };
    connectWorkers(options.data.channelEnd(peer), {
      onLost: worker.onLost,
      give: (port) => api.connectData(port),
      drop: (message) => api.disconnectData(message),
    });
  }
  // A job that `signal` cancels in the worker. A cancel sent before the request would be forgotten when the worker
  // starts it, so an aborted signal is refused here instead.
  async function cancellable<T>(signal: AbortSignal | undefined, job: () => Promise<T>): Promise<T> {
    if (signal?.aborted) throw new Error(trainMessages.trainingCancelled);
    const cancel = () => void api.cancel().catch(() => undefined);
    signal?.addEventListener('abort', cancel, { once: true });
    try {
      return await job();
    } finally {
      signal?.removeEventListener('abort', cancel);
    }
  }
  const proxied = <T extends (...args: never[]) => unknown>(fn: T | undefined) => (fn ? Comlink.proxy(fn) : undefined);
  return {
    api,
    probe: (options) => api.probe(options),
    trainWindow: (request, { onEpoch, signal } = {}) => cancellable(signal, () => api.trainWindow(request, proxied(onEpoch))),
    finalFit: (request, { onProgress, signal } = {}) => cancellable(signal, () => api.finalFit(request, proxied(onProgress))),
    train: (request, { onEpoch, signal } = {}) =>
      cancellable(signal, () =>
        api.train(Comlink.transfer(request, ownedBuffers([request.train.x, request.train.y, request.validation.x, request.validation.y])), proxied(onEpoch)),
      ),
    fit: (request, { onEpoch, signal } = {}) => cancellable(signal, () => api.fit(Comlink.transfer(request, ownedBuffers([request.rows.x, request.rows.y])), proxied(onEpoch))),
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
