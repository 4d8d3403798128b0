/**
 * A vega view's work cut into slices of the page's thread: vega runs a dataflow as one loop, which on a large chart is
 * one task of hundreds of milliseconds. One drawing runs at a time (adapters/vega.ts turns), so there is one slice.
 */
import type { View } from 'vega';

/** Main-thread time a drawing may take before it lets the page run (input, paint, other work) again. */
const SLICE_MS = 30;

/** When the running slice's time is spent (one drawing at a time runs, so one slice). */
const slice = { end: 0 };

export function startSlice(): void {
  slice.end = performance.now() + SLICE_MS;
}

/**
 * vega runs a view's dataflow as one loop over its operators, awaiting any operator that returns a promise (an async
 * transform). Every operator the view queues is wrapped so that, once the slice's time is spent, it hands its result
 * back as a promise settled in a later task: the page gets the thread between two operators, then the loop goes on.
 * The render after the loop waits for a fresh slice the same way. Operators are wrapped as they are queued, so those
 * of sub-flows created while running (facets, groups) are sliced too.
 */
export function sliceDataflow(view: View): void {
  const dataflow = view as unknown as { _enqueue(op: SlicedOperator, force?: boolean): unknown; _renderer: Renderer | null };
  const enqueue = dataflow._enqueue;
  dataflow._enqueue = function (op, force) {
    sliceOperator(op);
    return enqueue.call(this, op, force);
  };
  const renderer = dataflow._renderer;
  if (renderer === null) return;
  const renderAsync = renderer.renderAsync;
  renderer.renderAsync = function (...args) {
    if (performance.now() < slice.end) return renderAsync.apply(this, args);
    return nextTask().then(() => {
      startSlice();
      return renderAsync.apply(this, args);
    });
  };
}

interface SlicedOperator {
  run(pulse: unknown): unknown;
  [SLICED]?: true;
}

interface Renderer {
  renderAsync(...args: unknown[]): Promise<unknown>;
}

const SLICED = Symbol('sliced');

function sliceOperator(op: SlicedOperator): void {
  if (op[SLICED]) return;
  op[SLICED] = true;
  const run = op.run;
  op.run = function (pulse) {
    const out = run.call(this, pulse) as { then?: unknown; async?: unknown } | null;
    // Results vega treats specially (a promise, a request for async work) go back as they are.
    if (performance.now() < slice.end || out === null || typeof out !== 'object' || out.then !== undefined || out.async !== undefined) return out;
    return nextTask().then(() => {
      startSlice();
      return out;
    });
  };
}

/** A promise settled in a later task: scheduler.yield() where the browser has it (it resumes ahead of other work). */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
