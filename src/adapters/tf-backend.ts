/**
 * The one door to TensorFlow.js backends. Only the train worker imports this file, so tfjs never reaches the page's
 * first paint; inside the worker, each backend's code is fetched with a dynamic import the first time it is asked for.
 *
 * Which backend is fastest depends on the machine (software WebGL is ~9× slower than wasm on a GPU-less box, a real
 * GPU flips that), so `probeBackends` measures a fixed, short training workload on each one and picks the fastest.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { trainMessages } from '../lib/messages/train';
import { rerouteTransposedMatMul } from './wasm-matmul';
import { BACKEND_NAMES, type BackendName, type BackendProbe, type ProbeOptions, type ProbeResult } from '../lib/models/train-types';

const PROBE_DEFAULTS = { rows: 256, features: 30, steps: 5 };
// The first steps compile WebGL shaders and create Adam's slots; they are not what a long training run costs.
const WARM_UP_STEPS = 2;
const PROBE_SEED = 20240601;

const loaders: Record<BackendName, () => Promise<unknown>> = {
  cpu: () => import('@tensorflow/tfjs-backend-cpu'),
  webgl: () => import('@tensorflow/tfjs-backend-webgl'),
  wasm: async () => {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    rerouteTransposedMatMul();
    // Threaded wasm hangs in a minified cross-origin-isolated build and is no faster on 2 cores (TOOLING.md).
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    wasm.setWasmPaths({
      'tfjs-backend-wasm.wasm': wasmPlainUrl,
      'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
      'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
    });
  },
};

/** Makes `name` the active backend; throws a user-facing message saying why when it cannot start. */
export async function useBackend(name: BackendName): Promise<void> {
  const reason = await startBackend(name);
  if (reason !== null) throw new Error(trainMessages.backendUnavailable(name, reason));
}

/** The active backend, or null before any has started. */
export function activeBackend(): BackendName | null {
  const name = tf.getBackend() as string | undefined;
  return BACKEND_NAMES.find((known) => known === name) ?? null;
}

export interface MemoryReport {
  numTensors: number;
  numBytes: number;
  backend: BackendName | null;
}

export function memoryInUse(): MemoryReport {
  const { numTensors, numBytes } = tf.memory();
  return { numTensors, numBytes, backend: activeBackend() };
}

/**
 * Times the same small training step (dense 64-32-1, Adam, MSE, one batch of `rows` × `features`) on each candidate,
 * after warm-up steps, and picks the fastest. A backend that cannot start is reported with the reason and skipped.
 * Leaves the pick active.
 */
export async function probeBackends(options: ProbeOptions = {}): Promise<ProbeResult> {
  const rows = options.rows ?? PROBE_DEFAULTS.rows;
  const features = options.features ?? PROBE_DEFAULTS.features;
  const steps = Math.max(1, options.steps ?? PROBE_DEFAULTS.steps);
  const backends: BackendProbe[] = [];
  for (const backend of options.candidates ?? BACKEND_NAMES) {
    const reason = await startBackend(backend);
    if (reason !== null) {
      backends.push({ backend, available: false, msPerStep: null, reason });
      continue;
    }
    backends.push({ backend, available: true, msPerStep: await timeTrainingStep({ rows, features, steps }), reason: null });
  }
  let pick: BackendProbe | null = null;
  for (const probe of backends) {
    if (probe.msPerStep !== null && (pick?.msPerStep == null || probe.msPerStep < pick.msPerStep)) pick = probe;
  }
  if (pick) await useBackend(pick.backend);
  return { backends, pick: pick?.backend ?? null, rows, features, steps };
}

/** Null when `name` is now the active backend, else the reason it could not start. */
async function startBackend(name: BackendName): Promise<string | null> {
  if (tf.getBackend() === name) return null;
  const missing = missingSupport(name);
  if (missing !== null) return missing;
  try {
    await loaders[name]();
    if (!(await tf.setBackend(name))) return trainMessages.backendInitFailed;
    await tf.ready();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Cheap checks that give a clearer reason than tfjs's console warning when a backend cannot work at all. */
function missingSupport(name: BackendName): string | null {
  if (name === 'wasm' && typeof WebAssembly === 'undefined') return trainMessages.wasmUnsupported;
  if (name !== 'webgl' || tf.engine().registry[name] !== undefined) return null;
  if (typeof OffscreenCanvas === 'undefined' && typeof document === 'undefined') return trainMessages.webglNoCanvas;
  const canvas = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1) : document.createElement('canvas');
  const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
  if (!gl) return trainMessages.webglNoContext;
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return null;
}

async function timeTrainingStep({ rows, features, steps }: { rows: number; features: number; steps: number }): Promise<number> {
  const x = tf.randomNormal([rows, features], 0, 1, 'float32', PROBE_SEED);
  const y = tf.randomNormal([rows, 1], 0, 1, 'float32', PROBE_SEED + 1);
  const model = tfl.sequential({
    layers: [
      tfl.layers.dense({ inputShape: [features], units: 64, activation: 'relu', kernelInitializer: tfl.initializers.heNormal({ seed: 1 }) }),
      tfl.layers.dense({ units: 32, activation: 'relu', kernelInitializer: tfl.initializers.heNormal({ seed: 2 }) }),
      tfl.layers.dense({ units: 1, kernelInitializer: tfl.initializers.glorotUniform({ seed: 3 }) }),
    ],
  });
  const optimizer = tf.train.adam(1e-3);
  const variables = model.trainableWeights.map((weight) => weight.read() as tf.Variable);
  const step = async () => {
    const cost = optimizer.minimize(() => tf.losses.meanSquaredError(y, model.apply(x, { training: true }) as tf.Tensor), true, variables);
    // Reading the loss back waits for the backend to finish the step (WebGL queues work otherwise).
    await cost?.data();
    cost?.dispose();
  };
  try {
    for (let i = 0; i < WARM_UP_STEPS; i++) await step();
    const times: number[] = [];
    for (let i = 0; i < steps; i++) {
      const started = performance.now();
      await step();
      times.push(performance.now() - started);
    }
    // The median, so one step slowed by another process on a busy machine does not decide the pick.
    return times.sort((a, b) => a - b)[Math.floor(steps / 2)] as number;
  } finally {
    optimizer.dispose();
    model.dispose();
    tf.dispose([x, y]);
  }
}
