import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { workerFailed } from '../../../src/lib/messages/notebook';
import { connectWorkers, linkTo, startedOnFirstMessage, startWorker, type ChannelEnd } from '../../../src/workers/worker-link';

// Node's MessageChannel stands in for the browser's (comlink speaks to either); a worker is a port with an API exposed
// on its far end that answers `echo` at once and never answers `stall`, as a worker that died mid-request would not.

interface Api {
  echo(value: number): number;
  stall(): Promise<never>;
}

const api: Api = { echo: (value) => value, stall: () => new Promise<never>(() => undefined) };
const open: MessagePort[] = [];

function channel(): { near: MessagePort; far: MessagePort } {
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  Comlink.expose(api, port2);
  return { near: port1, far: port2 };
}

/** A Worker as the page sees one: messages over a port, an 'error' event it can fire, terminate() noted. */
function fakeWorker() {
  const { near, far } = channel();
  const errors = new EventTarget();
  const worker = {
    terminated: false,
    postMessage: (message: unknown, transfer: Transferable[] = []) => near.postMessage(message, transfer as never),
    addEventListener: (type: string, listener: EventListener) => (type === 'message' ? near.addEventListener(type, listener) : errors.addEventListener(type, listener)),
    removeEventListener: (type: string, listener: EventListener) => (type === 'message' ? near.removeEventListener(type, listener) : errors.removeEventListener(type, listener)),
    start: () => near.start(),
    terminate() {
      worker.terminated = true;
      far.close();
    },
    crash: (message: string) => errors.dispatchEvent(Object.assign(new Event('error'), { message })),
  };
  return worker;
}

afterEach(() => {
  for (const port of open.splice(0)) port.close();
});

describe('linkTo(port)', () => {
  it('answers as comlink does; cut(reason) rejects the call in flight and every later one with the reason, and closes the port', async () => {
    const { near } = channel();
    const link = linkTo<Api>(near);
    expect(await link.api.echo(7)).toBe(7);
    const waiting = link.api.stall();
    link.cut('the peer is gone');
    await expect(waiting).rejects.toThrow('the peer is gone');
    await expect(link.api.echo(1)).rejects.toThrow('the peer is gone');
    // A second cut changes nothing: the first reason stands.
    link.cut('again');
    await expect(link.api.echo(1)).rejects.toThrow('the peer is gone');
  });

  it('is not thenable: an async function may return it', async () => {
    const { near } = channel();
    const link = linkTo<Api>(near);
    const api = await (async () => link.api)();
    expect(await api.echo(3)).toBe(3);
  });
});

describe('startWorker(worker, onCrash)', () => {
  it('a crash is reported, ends the worker, rejects the call in flight and later ones, and is heard once by onLost listeners', async () => {
    const worker = fakeWorker();
    const crashes: string[] = [];
    const handle = startWorker<Api>(worker as unknown as Worker, (message) => crashes.push(message));
    const lost: string[] = [];
    handle.onLost((reason) => lost.push(reason));
    expect(await handle.api.echo(2)).toBe(2);
    const waiting = handle.api.stall();
    worker.crash('Failed to fetch a module');
    await expect(waiting).rejects.toThrow(workerFailed('Failed to fetch a module'));
    await expect(handle.api.echo(2)).rejects.toThrow(workerFailed('Failed to fetch a module'));
    expect(crashes).toEqual(['Failed to fetch a module']);
    expect(worker.terminated).toBe(true);
    handle.terminate();
    worker.crash('later');
    expect(lost).toEqual(['Failed to fetch a module']);
    // A listener added after the loss hears nothing (there is nothing more to hear).
    handle.onLost((reason) => lost.push(reason));
    expect(lost).toHaveLength(1);
  });

  it('terminate() rejects the call in flight instead of leaving it waiting', async () => {
    const worker = fakeWorker();
    const handle = startWorker<Api>(worker as unknown as Worker, () => undefined);
    const waiting = handle.api.stall();
    handle.terminate();
    await expect(waiting).rejects.toThrow(workerFailed('terminated by the page'));
    expect(worker.terminated).toBe(true);
  });
});

describe('connectWorkers(a, b)', () => {
  it('gives each end one port of a channel between them, and tells each when the other is lost', async () => {
    const ends = ['a', 'b'].map(() => {
      const worker = fakeWorker();
      const handle = startWorker<Api>(worker as unknown as Worker, () => undefined);
      const end = { ports: [] as MessagePort[], dropped: [] as string[] };
      const channelEnd: ChannelEnd = {
        onLost: handle.onLost,
        give: async (port) => void end.ports.push(port),
        drop: async (message) => void end.dropped.push(message),
      };
      return { worker, handle, end, channelEnd };
    });
    const [a, b] = ends as [(typeof ends)[number], (typeof ends)[number]];
    connectWorkers(a.channelEnd, b.channelEnd);
    expect(a.end.ports).toHaveLength(1);
    expect(b.end.ports).toHaveLength(1);
    open.push(...a.end.ports, ...b.end.ports);
    // The two ports are the two ends of one channel: what b exposes on its port, a reaches through its own.
    Comlink.expose(api, b.end.ports[0]!);
    expect(await linkTo<Api>(a.end.ports[0]!).api.echo(5)).toBe(5);

    a.worker.crash('out of memory');
    await Promise.resolve();
    expect(b.end.dropped).toEqual([workerFailed('out of memory')]);
    expect(a.end.dropped).toEqual([]);
  });

  it('startedOnFirstMessage() starts the worker at the first call, once, with the listeners added before; terminated first, never', async () => {
    const made: ReturnType<typeof fakeWorker>[] = [];
    const crashes: string[] = [];
    const handle = startWorker<Api>(startedOnFirstMessage(() => made[made.push(fakeWorker()) - 1] as unknown as Worker), (message) => crashes.push(message));
    expect(made).toHaveLength(0);
    expect(await handle.api.echo(7)).toBe(7);
    expect(await handle.api.echo(8)).toBe(8);
    expect(made).toHaveLength(1);
    // The crash listener startWorker added before the start hears the started worker.
    made[0]!.crash('out of memory');
    expect(crashes).toEqual(['out of memory']);
    await expect(handle.api.echo(9)).rejects.toThrow(workerFailed('out of memory'));

    let created = 0;
    const never = startWorker<Api>(startedOnFirstMessage(() => (created++, fakeWorker() as unknown as Worker)), () => undefined);
    never.terminate();
    await expect(never.api.echo(1)).rejects.toThrow(workerFailed('terminated by the page'));
    expect(created).toBe(0);
  });
});

