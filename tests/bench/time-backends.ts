import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { BackendName, ProbeResult } from '../../src/lib/models/train-types';
import type { ModelSpec } from '../../src/lib/models/types';

export const BENCH_BACKENDS: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];

export interface EpochWorkload {
  rows: number;
  validationRows: number;
  features: number;
  hidden: number[];
  batchSize: number;
  epochs: number;
  seed: number;
}

/** dense 64-32-1 on 20k × 30, batch 256: the workload ../shared/TOOLING.md measured, so the figures compare. */
export const EPOCH_WORKLOAD: EpochWorkload = { rows: 20_000, validationRows: 2_000, features: 30, hidden: [64, 32], batchSize: 256, epochs: 5, seed: 7 };

export interface BackendEpochs {
  backend: BackendName;
  /** The worker's EpochReport.ms, epoch by epoch (validation pass included); empty when the backend failed. */
  epochMs: number[];
  /** Mean of epochs 2…N (the first one compiles shaders / warms the JIT); null when the backend failed. */
  meanMs: number | null;
  /** Page wall time of the whole train() call, transfer and model build included. */
  callMs: number;
  error: string | null;
}

export interface BackendTimes {
  workload: EpochWorkload;
  workerChunk: string;
  backends: BackendEpochs[];
  /** What the app's own 'auto' choice measures (train worker probe(), first use), from a fresh worker. */
  probe: ProbeResult | null;
  probeError: string | null;
}

/** The protocol's request shape, restated for the page (the page script cannot import). */
interface PageRequest {
  spec: ModelSpec;
  seed: number;
  backend: BackendName;
  workload: EpochWorkload;
}

/**
 * Milliseconds per epoch per backend in the built app's own train worker (dist/assets/train.worker-*.js), in
 * headless Chromium, one fresh worker per backend, the same seeded data for each. The worker is driven over its
 * comlink protocol by hand from a blank page of the same origin (the app itself stays closed, so nothing else
 * competes for the two cores): APPLY 'train' without an epoch callback, then the history it returns holds each
 * epoch's time as the worker measured it.
 */
export async function timeBackends(browser: Browser, options: { url: string; dist: string; workload?: EpochWorkload }): Promise<BackendTimes> {
  const workload = options.workload ?? EPOCH_WORKLOAD;
  const chunk = readdirSync(resolve(options.dist, 'assets')).find((file) => /^train\.worker-[\w-]+\.js$/.test(file));
  if (!chunk) throw new Error(`no train.worker-*.js in ${options.dist}/assets: build the app first`);
  const workerUrl = new URL(`assets/${chunk}`, options.url).href;
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const blank = new URL('bench-blank.html', options.url).href;
    await page.route(blank, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }));
    await page.goto(blank);
    const backends: BackendEpochs[] = [];
    for (const backend of BENCH_BACKENDS) {
      const spec: ModelSpec = {
        kind: 'mlp',
        loss: 'mse',
        quantiles: [0.1, 0.5, 0.9],
        hidden: workload.hidden,
        kernelSize: 3,
        dropout: 0,
        l2: 0,
        learningRate: 0.001,
        epochs: workload.epochs,
        batchSize: workload.batchSize,
        // Every epoch runs: no early stopping.
        patience: 1000,
      };
      const outcome = await trainInWorker(page, workerUrl, { spec, seed: workload.seed, backend, workload });
      const epochMs = outcome.epochMs;
      const later = epochMs.slice(1);
      backends.push({
        backend,
        epochMs,
        meanMs: later.length > 0 ? later.reduce((a, b) => a + b, 0) / later.length : null,
        callMs: outcome.callMs,
        error: outcome.error,
      });
    }
    const probed = await probeInWorker(page, workerUrl);
    return { workload, workerChunk: `assets/${chunk}`, backends, probe: probed.probe, probeError: probed.error };
  } finally {
    await context.close();
  }
}

/**
 * In the page: a module worker from `workerUrl`, one comlink APPLY call, the answer or the thrown error's message.
 * Self-contained (Playwright sends the function's source): the comlink wire format is written out by hand.
 */
function callWorker(page: Page, workerUrl: string, call: { method: 'train' | 'probe'; request: PageRequest | null }) {
  return page.evaluate(
    async ({ workerUrl, call }) => {
      const worker = new Worker(workerUrl, { type: 'module', name: 'forecast-lab-train (bench)' });
      const argumentList: { type: 'RAW'; value: unknown }[] = [];
      const transfer: Transferable[] = [];
      if (call.request) {
        // Seeded LCG data: y = a linear mix of the features plus noise, the same for every backend. (No helper
        // functions in here: tsx would wrap them in a __name() call that does not exist in the page.)
        const { rows, validationRows, features, seed } = call.request.workload;
        let state = seed >>> 0;
        const weights = new Float64Array(features);
        for (let j = 0; j < features; j++) {
          state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
          weights[j] = (state / 2 ** 32) * 2 - 1;
        }
        const parts: { x: Float32Array; y: Float32Array; rows: number; width: number }[] = [];
        for (const n of [rows, validationRows]) {
          const x = new Float32Array(n * features);
          const y = new Float32Array(n);
          for (let i = 0; i < n; i++) {
            let sum = 0;
            for (let j = 0; j < features; j++) {
              state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
              const v = (state / 2 ** 32) * 2 - 1;
              x[i * features + j] = v;
              sum += v * weights[j]!;
            }
            state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
            y[i] = sum + 0.1 * ((state / 2 ** 32) * 2 - 1);
          }
          transfer.push(x.buffer, y.buffer);
          parts.push({ x, y, rows: n, width: features });
        }
        const { spec, seed: modelSeed, backend } = call.request;
        argumentList.push({ type: 'RAW', value: { spec, seed: modelSeed, backend, train: parts[0], validation: parts[1] } });
      }
      const started = performance.now();
      try {
        const value = await new Promise<unknown>((done, fail) => {
          const id = `bench-${call.method}`;
          worker.addEventListener('error', (event) => fail(new Error(event.message || 'worker error')));
          worker.addEventListener('message', (event: MessageEvent<{ id?: string; type?: string; name?: string; value?: unknown }>) => {
            const data = event.data;
            if (data?.id !== id) return;
            if (data.type === 'HANDLER' && data.name === 'throw') {
              const thrown = data.value as { value?: { message?: string } | string };
              fail(new Error(typeof thrown.value === 'string' ? thrown.value : (thrown.value?.message ?? 'the worker threw')));
            } else done(data.value);
          });
          worker.postMessage({ id, type: 'APPLY', path: [call.method], argumentList }, transfer);
        });
        return { value, error: null, callMs: performance.now() - started };
      } catch (error) {
        return { value: null, error: error instanceof Error ? error.message : String(error), callMs: performance.now() - started };
      } finally {
        worker.terminate();
      }
    },
    { workerUrl, call },
  );
}

async function trainInWorker(page: Page, workerUrl: string, request: PageRequest): Promise<{ epochMs: number[]; callMs: number; error: string | null }> {
  const answer = await callWorker(page, workerUrl, { method: 'train', request });
  const history = (answer.value as { history?: { ms: number }[] } | null)?.history ?? [];
  return { epochMs: history.map((epoch) => epoch.ms), callMs: answer.callMs, error: answer.error };
}

async function probeInWorker(page: Page, workerUrl: string): Promise<{ probe: ProbeResult | null; error: string | null }> {
  const answer = await callWorker(page, workerUrl, { method: 'probe', request: null });
  return { probe: (answer.value as ProbeResult | null) ?? null, error: answer.error };
}
