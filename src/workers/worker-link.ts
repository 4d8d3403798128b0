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

/** What the page uses of a Worker: messages, an 'error' event, terminate(). */
export type WorkerEndpoint = Pick<Worker, 'postMessage' | 'addEventListener' | 'removeEventListener' | 'terminate'>;

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
export function startWorker<T>(worker: WorkerEndpoint, onCrash: (message: string) => void): WorkerHandle<T> {
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

/**
 * A worker that starts at its first message rather than when the page builds its handle: the page builds every
 * handle while it mounts, and a worker's start (fetching and compiling its code) would take a core from the page's
 * first layout on a two-core machine. Listeners added before the start are attached at the start.
 */
export function startedOnFirstMessage(create: () => Worker): WorkerEndpoint {
  let worker: Worker | null = null;
  let terminated = false;
  const listeners: [string, EventListenerOrEventListenerObject][] = [];
  const started = () => {
    if (!worker) {
      worker = create();
      for (const [type, listener] of listeners) worker.addEventListener(type, listener);
    }
    return worker;
  };
  const lazy: WorkerEndpoint & { start(): void } = {
    // comlink starts an endpoint that has start() (a MessagePort) right before each request's message.
    start() {
      if (!terminated) (started() as Worker & { start?: () => void }).start?.();
    },
    postMessage(message: unknown, transfer?: Transferable[] | StructuredSerializeOptions) {
      if (!terminated) started().postMessage(message, transfer as Transferable[]);
    },
    addEventListener(type: string, listener: EventListenerOrEventListenerObject) {
      listeners.push([type, listener]);
      worker?.addEventListener(type, listener);
    },
    removeEventListener(type: string, listener: EventListenerOrEventListenerObject) {
      const at = listeners.findIndex(([t, l]) => t === type && l === listener);
      if (at >= 0) listeners.splice(at, 1);
      worker?.removeEventListener(type, listener);
    },
    terminate() {
      terminated = true;
      worker?.terminate();
    },
  };
  return lazy;
}

