import * as Comlink from 'comlink';
import { workerFailed } from '../lib/messages/notebook';

/**
 * Comlink remotes that never leave a caller waiting on a worker that is gone. comlink's own promises wait forever when
 * the far end is terminated, crashes or drops its port; a link's calls reject instead, the ones in flight and every
 * later one. The page links to each worker (startWorker); workers link to each other over the MessageChannel ports the
 * page hands them, and the page tells a worker when its peer is lost, so a call waiting across a channel rejects too.
 */
export interface Link<T> {
  api: Comlink.Remote<T>;
  /** Rejects every call in flight and every later one with `reason`, and closes the port (a MessagePort's). */
  cut(reason: string): void;
}

/** `api` forwards each method call to comlink's remote; only flat APIs of methods (as every protocol here is). */
export function linkTo<T>(endpoint: Comlink.Endpoint): Link<T> {
  const remote = Comlink.wrap<T>(endpoint) as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  let lost: Error | null = null;
  const waiting = new Set<(error: Error) => void>();
  const call = (method: string, args: unknown[]): Promise<unknown> => {
    if (lost) return Promise.reject(lost);
    return new Promise((resolve, reject) => {
      waiting.add(reject);
      remote[method]!(...args)
        .then(resolve, reject)
        .finally(() => waiting.delete(reject));
    });
  };
  // Not thenable: an async function returning the api must not mistake it for a promise.
  const api = new Proxy({}, { get: (_, method) => (typeof method === 'string' && method !== 'then' ? (...args: unknown[]) => call(method, args) : undefined) });
  return {
    api: api as Comlink.Remote<T>,
    cut(reason) {
      if (lost) return;
      lost = new Error(reason);
      for (const reject of waiting) reject(lost);
      waiting.clear();
      if (endpoint instanceof MessagePort) endpoint.close();
    },
  };
}

/** The page's hold on one worker. */
export interface WorkerHandle<T> {
  api: Comlink.Remote<T>;
  /** `listener` hears, once, that the worker was lost (it crashed or was terminated), with why. */
  onLost(listener: (reason: string) => void): void;
  /** Stops the worker: calls in flight and later ones reject, and onLost listeners hear of it. */
  terminate(): void;
}

/**
 * Links to `worker`. An uncaught error in it (a module that failed to load, an exception outside any request) is
 * reported through `onCrash` and ends it: its state is unknown from then on, and a call that would never be answered
 * must reject rather than hang.
 */
export function startWorker<T>(worker: Worker, onCrash: (message: string) => void): WorkerHandle<T> {
  const link = linkTo<T>(worker);
  const listeners: ((reason: string) => void)[] = [];
  let lost = false;
  const lose = (reason: string) => {
    if (lost) return;
    lost = true;
    worker.terminate();
    link.cut(workerFailed(reason));
    for (const listener of listeners.splice(0)) listener(reason);
  };
  worker.addEventListener('error', (event) => {
    const message = event.message || 'worker error';
    onCrash(message);
    lose(message);
  });
  return {
    api: link.api,
    onLost(listener) {
      if (!lost) listeners.push(listener);
    },
    terminate: () => lose('terminated by the page'),
  };
}

/** One end of a channel between two workers, as the page sees it. */
export interface ChannelEnd {
  onLost: WorkerHandle<unknown>['onLost'];
  /** Sends the worker its port (in a request of its own protocol). */
  give(port: MessagePort): Promise<void>;
  /** Tells the worker its peer is gone: its calls across the channel reject with `message`. */
  drop(message: string): Promise<void>;
}

/** Hands the two ends of a new MessageChannel to two workers, and tells each when the other is lost. */
export function connectWorkers(a: ChannelEnd, b: ChannelEnd): void {
  const { port1, port2 } = new MessageChannel();
  // Failures here surface as the calls that then reject (a lost worker rejects everything), so none is awaited.
  const quietly = (promise: Promise<void>) => void promise.catch(() => undefined);
  quietly(a.give(Comlink.transfer(port1, [port1])));
  quietly(b.give(Comlink.transfer(port2, [port2])));
  a.onLost((reason) => quietly(b.drop(workerFailed(reason))));
  b.onLost((reason) => quietly(a.drop(workerFailed(reason))));
}
