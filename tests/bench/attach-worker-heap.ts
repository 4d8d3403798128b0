import type { BrowserContext, Page } from 'playwright-core';

/** CDP Runtime.getHeapUsage, bytes. */
export interface HeapUsage {
  usedSize: number;
  totalSize: number;
  embedderHeapUsedSize: number;
  /** ArrayBuffer backing stores and external strings: where typed-array columns live. */
  backingStorageSize: number;
}

export interface WorkerHeap {
  url: string;
  /** V8 heap of the worker: used and reserved JS heap, and ArrayBuffer backing stores (the typed-array columns). */
  read(): Promise<HeapUsage>;
  /** A full GC in the worker, so the next read shows what is retained rather than what awaits collection. */
  collectGarbage(): Promise<void>;
  detach(): Promise<void>;
}

/**
 * The data worker's heap through the DevTools protocol. measureUserAgentSpecificMemory would need the page to be
 * cross-origin isolated, and performance.memory does not exist in workers; CDP reaches the worker's own isolate.
 * Playwright's CDP sessions speak to pages only, so the worker is reached the older way: auto-attach without
 * flattening, then Target.sendMessageToTarget, answers arriving as Target.receivedMessageFromTarget.
 */
export async function attachWorkerHeap(context: BrowserContext, page: Page, urlPart: string): Promise<WorkerHeap> {
  const cdp = await context.newCDPSession(page);
  const attached = new Promise<{ sessionId: string; url: string }>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`no worker whose URL contains "${urlPart}"`)), 10_000);
    cdp.on('Target.attachedToTarget', (event) => {
      if (event.targetInfo.type !== 'worker' || !event.targetInfo.url.includes(urlPart)) return;
      clearTimeout(timer);
      done({ sessionId: event.sessionId, url: event.targetInfo.url });
    });
  });
  const pending = new Map<number, { done: (result: unknown) => void; fail: (error: Error) => void }>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    const waiter = message.id === undefined ? undefined : pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id!);
    if (message.error) waiter.fail(new Error(message.error.message));
    else waiter.done(message.result);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const worker = await attached;
  let nextId = 0;
  const send = <T>(method: string): Promise<T> =>
    new Promise<T>((done, fail) => {
      const id = ++nextId;
      pending.set(id, { done: done as (result: unknown) => void, fail });
      cdp.send('Target.sendMessageToTarget', { sessionId: worker.sessionId, message: JSON.stringify({ id, method }) }).catch(fail);
    });
  return {
    url: worker.url,
    read: () => send<HeapUsage>('Runtime.getHeapUsage'),
    collectGarbage: async () => {
      await send('HeapProfiler.collectGarbage');
    },
    detach: () => cdp.detach(),
  };
}

/** The highest page heap seen while sampling (each figure's own maximum), and the first reading, to compare with. */
export interface PageHeapPeak {
  first: HeapUsage;
  usedSize: number;
  backingStorageSize: number;
  /** JS heap used + array buffers, at the sample where their sum was highest. */
  total: number;
  samples: number;
}

/**
 * Samples the page's own heap (its main-thread isolate: the workers are other targets, not counted) through the
 * DevTools protocol every `everyMs` until stop(). With `collectGarbage`, each reading follows a full GC, so it shows what
 * the page holds rather than what awaits collection; that GC is main-thread work, so timings taken meanwhile suffer.
 */
export async function samplePageHeap(context: BrowserContext, page: Page, options: { everyMs: number; collectGarbage?: boolean }) {
  const cdp = await context.newCDPSession(page);
  const read = async () => {
    if (options.collectGarbage) await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')) as HeapUsage;
  };
  const first = await read();
  const peak: PageHeapPeak = { first, usedSize: first.usedSize, backingStorageSize: first.backingStorageSize, total: first.usedSize + first.backingStorageSize, samples: 1 };
  let running = true;
  const loop = (async () => {
    while (running) {
      await new Promise((done) => setTimeout(done, options.everyMs));
      // The page may be closing when the caller stops: a failed last reading is no reading.
      const heap = await read().catch(() => null);
      if (!heap) continue;
      peak.samples++;
      peak.usedSize = Math.max(peak.usedSize, heap.usedSize);
      peak.backingStorageSize = Math.max(peak.backingStorageSize, heap.backingStorageSize);
      peak.total = Math.max(peak.total, heap.usedSize + heap.backingStorageSize);
    }
  })();
  return {
    async stop(): Promise<PageHeapPeak> {
      running = false;
      await loop;
      await cdp.detach().catch(() => undefined);
      return peak;
    },
  };
}
