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
