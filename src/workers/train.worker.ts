/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { activeBackend, memoryInUse, probeBackends, useBackend } from '../adapters/tf-backend';
import { createPredictor, fitForEpochs, predictModel, trainModel, type Predictor } from '../adapters/tf-train';
import { trainMessages } from '../lib/messages/train';
import { checkMatrix, checkModelSpec, checkSequence, checkTargets, checkTrainInputs } from '../lib/models/check-train-inputs';
import type { BackendChoice, BackendName, EpochReport, ProbeResult } from '../lib/models/train-types';
import type { FitResult, TrainResult, TrainWorkerApi } from './train-protocol';

/**
 * The train worker: a thin dispatcher over src/adapters/tf-*. It remembers the probe (so 'auto' measures once per
 * worker) and whether a job is running (one at a time: jobs share the active backend).
 */

let probed: ProbeResult | null = null;
/** The model kept by a predict request's `keep` key (see PredictRequest.keep). */
let kept: { key: string; backend: BackendName; predictor: Predictor } | null = null;

function release(): void {
  kept?.predictor.dispose();
  kept = null;
}
let busy = false;
let cancelRequested = false;
/** The last prepare(): jobs wait for it, so a probe in progress never has a training switch backends under it. */
let preparing: Promise<void> = Promise.resolve();

const api: TrainWorkerApi = {
  probe: (options) =>
    exclusive(async () => {
      probed = await probeBackends(options);
      return probed;
    }),

  train: (request, onEpoch) =>
    exclusive(async () => {
      const sequence = request.sequence ?? null;
      const job = await startTraining(checkTrainInputs({ spec: request.spec, train: request.train, validation: request.validation, sequence }), request.backend, onEpoch);
      const trained = await trainModel({ ...request, ...job.hooks, sequence });
      const result: TrainResult = { ...trained, backend: job.backend, durationMs: performance.now() - job.started };
      return Comlink.transfer(result, trained.weights.map((weight) => weight.data.buffer as ArrayBuffer));
    }),

  fit: (request, onEpoch) =>
    exclusive(async () => {
      const sequence = request.sequence ?? null;
      const problem = checkModelSpec(request.spec) ?? checkMatrix(request.rows, 'training') ?? checkTargets(request.spec, request.rows, 'training') ?? checkSequence(request.spec, request.rows.width, sequence);
      const job = await startTraining(problem, request.backend, onEpoch);
      const weights = await fitForEpochs({ ...request, ...job.hooks, sequence });
      const result: FitResult = { weights, backend: job.backend, durationMs: performance.now() - job.started };
      return Comlink.transfer(result, weights.map((weight) => weight.data.buffer as ArrayBuffer));
    }),

  predict: (request) =>
    exclusive(async () => {
      const sequence = request.sequence ?? null;
      const problem = checkMatrix(request, 'prediction') ?? checkSequence(request.spec, request.width, sequence);
      if (problem) throw new Error(problem);
      const backend = await chooseBackend(request.backend ?? activeBackend() ?? 'auto');
      let predictions: Float32Array;
      if (request.keep === undefined) {
        predictions = await predictModel({ ...request, sequence });
      } else {
        if (kept?.key !== request.keep || kept.backend !== backend) {
          release();
          kept = { key: request.keep, backend, predictor: createPredictor({ spec: request.spec, weights: request.weights, width: request.width, sequence }) };
        }
        predictions = await kept.predictor.predict(request.x, request.rows);
      }
      return Comlink.transfer(predictions, [predictions.buffer as ArrayBuffer]);
    }),

  prepare(choice) {
    if (busy) return Promise.resolve(activeBackend());
    const chosen = preparing.then(() => chooseBackend(choice)).then(
      (backend) => backend,
      () => null,
    );
    preparing = chosen.then(() => undefined);
    return chosen;
  },

  cancel() {
    cancelRequested = true;
  },

  async memory() {
    return memoryInUse();
  },
};

/** What every training job does first: refuse bad input, drop the kept model, start the backend, wire the hooks. */
async function startTraining(problem: string | null, choice: BackendChoice, onEpoch: ((report: EpochReport) => void) | undefined) {
  if (problem) throw new Error(problem);
  release();
  cancelRequested = false;
  const backend = await chooseBackend(choice);
  const hooks = {
    // Progress is best effort: a failing listener on the page must not stop the training.
    ...(onEpoch ? { onEpoch: (report: EpochReport) => void Promise.resolve(onEpoch(report)).catch(() => undefined) } : {}),
    isCancelled: () => cancelRequested,
  };
  return { backend, started: performance.now(), hooks };
}

async function chooseBackend(choice: BackendChoice): Promise<BackendName> {
  if (choice !== 'auto') {
    await useBackend(choice);
    return choice;
  }
  probed ??= await probeBackends();
  if (!probed.pick) {
    throw new Error(trainMessages.noBackendAvailable(probed.backends.map((b) => `${b.backend}: ${b.reason ?? ''}`).join('; ')));
  }
  await useBackend(probed.pick);
  return probed.pick;
}

async function exclusive<T>(job: () => Promise<T>): Promise<T> {
  if (busy) throw new Error(trainMessages.trainingBusy);
  busy = true;
  try {
    await preparing;
    return await job();
  } finally {
    busy = false;
  }
}

Comlink.expose(api);
