/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { activeBackend, memoryInUse, probeBackends, useBackend } from '../adapters/tf-backend';
import { layersModelFiles } from '../adapters/tf-export';
import { createPredictor, fitForEpochs, predictModel, trainModel, type Predictor } from '../adapters/tf-train';
import { trainMessages } from '../lib/messages/train';
import { checkMatrix, checkModelSpec, checkSequence, checkTargets, checkTrainInputs } from '../lib/models/check-train-inputs';
import type { BackendChoice, BackendName, EpochReport, ProbeResult } from '../lib/models/train-types';
import { fitBatchSize } from '../lib/train/fit-batch-size';
import { concatRows } from '../lib/train/network-windows';
import type { MatrixService } from './data-protocol';
import type { FitRequest, FitResult, TrainerPeer, TrainRequest, TrainResult, TrainWindowResult, TrainWorkerApi } from './train-protocol';
import { linkTo, type Link } from './worker-link';

/**
 * The train worker: a thin dispatcher over src/adapters/tf-*. It remembers the probe (so 'auto' measures once per
 * worker), whether a job is running (one at a time: jobs share the active backend), and its channel to the data
 * worker, from which a window's matrices come and over which the data worker asks for predictions.
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
let data: Link<MatrixService> | null = null;

const api: TrainWorkerApi = {
  connectData(port) {
    data?.cut('The channel to the data worker was replaced.');
    data = linkTo<MatrixService>(port);
    // Over the same port the other way: the data worker's forecasts ask this lane for predictions.
    Comlink.expose({ predict: (request) => api.predict(request), layersModel: (request) => api.layersModel(request) } satisfies TrainerPeer, port);
  },

  disconnectData(message) {
    data?.cut(message);
  },

  probe: (options) =>
    exclusive(async () => {
      probed = await probeBackends(options);
      return probed;
    }),

  train: (request, onEpoch) => exclusive(() => train(request, onEpoch)),

  fit: (request, onEpoch) => exclusive(() => fit(request, onEpoch)),

  trainWindow: ({ window, steps, step, spec: configured, ...request }, onEpoch) =>
    exclusive(async () => {
      const m = await matrices().windowMatrices(window, steps);
      // A cancel heard while the matrices were on their way: training must not start.
      if (cancelRequested) throw new Error(trainMessages.trainingCancelled);
      const spec = fitBatchSize(configured, m.train.rows);
      const sequence = spec.kind === 'cnn' && m.sequence ? { sequence: m.sequence } : {};
      let result: Omit<TrainWindowResult, 'spec'>;
      if (step.kind === 'early-stopping') {
        const { weights, history, bestEpoch, stoppedEarly, backend, durationMs } = await train({ ...request, spec, train: m.train, validation: m.validation, ...sequence }, onEpoch);
        result = { weights, history, bestEpoch, stoppedEarly, backend, durationMs };
      } else {
        const fitted = await fit({ ...request, spec, rows: concatRows(m.train, m.validation), epochs: step.epochs, ...sequence }, onEpoch);
        result = { ...fitted, history: [], bestEpoch: step.epochs, stoppedEarly: false };
      }
      return Comlink.transfer({ ...result, spec }, result.weights.map((weight) => weight.data.buffer as ArrayBuffer));
    }),

  finalFit: ({ featureSpec, trainingWindow, spec: configured, ...request }, onProgress) =>
    exclusive(async () => {
      const final = await matrices().finalMatrix({ spec: featureSpec, trainingWindow, ...(configured.steps ? { steps: configured.steps } : {}) });
      if (cancelRequested) throw new Error(trainMessages.trainingCancelled);
      const spec = fitBatchSize(configured, final.rows.rows);
      const rows = final.rows.rows;
      const onEpoch = onProgress ? (report: EpochReport) => onProgress({ epoch: report.epoch, rows }) : undefined;
      const fitted = await fit({ ...request, spec, rows: final.rows, ...(spec.kind === 'cnn' && final.sequence ? { sequence: final.sequence } : {}) }, onEpoch);
      return Comlink.transfer({ ...fitted, rows, trainEnd: final.trainEnd, trainStart: final.trainStart }, fitted.weights.map((weight) => weight.data.buffer as ArrayBuffer));
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

  layersModel: ({ backend, ...request }) =>
    exclusive(async () => {
      await chooseBackend(backend ?? activeBackend() ?? 'auto');
      const files = await layersModelFiles(request);
      return Comlink.transfer(files, [files.weights.buffer as ArrayBuffer]);
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

function matrices(): Link<MatrixService>['api'] {
  if (!data) throw new Error('The train worker has no channel to the data worker (connectData).');
  return data.api;
}

/** Early-stopped training on the given rows (inside a job). Its weights are transferred by the caller. */
async function train(request: TrainRequest, onEpoch: ((report: EpochReport) => void) | undefined): Promise<TrainResult> {
  const sequence = request.sequence ?? null;
  const job = await startTraining(checkTrainInputs({ spec: request.spec, train: request.train, validation: request.validation, sequence }), request.backend, onEpoch);
  const trained = await trainModel({ ...request, ...job.hooks, sequence });
  const result: TrainResult = { ...trained, backend: job.backend, durationMs: performance.now() - job.started };
  return Comlink.transfer(result, trained.weights.map((weight) => weight.data.buffer as ArrayBuffer));
}

/** `epochs` epochs on every given row (inside a job). */
async function fit(request: FitRequest, onEpoch: ((report: EpochReport) => void) | undefined): Promise<FitResult> {
  const sequence = request.sequence ?? null;
  const problem = checkModelSpec(request.spec) ?? checkMatrix(request.rows, 'training') ?? checkTargets(request.spec, request.rows, 'training') ?? checkSequence(request.spec, request.rows.width, sequence);
  const job = await startTraining(problem, request.backend, onEpoch);
  const weights = await fitForEpochs({ ...request, ...job.hooks, sequence });
  const result: FitResult = { weights, backend: job.backend, durationMs: performance.now() - job.started };
  return Comlink.transfer(result, weights.map((weight) => weight.data.buffer as ArrayBuffer));
}

/** What every training job does first: refuse bad input, drop the kept model, start the backend, wire the hooks. */
async function startTraining(problem: string | null, choice: BackendChoice, onEpoch: ((report: EpochReport) => void) | undefined) {
  if (problem) throw new Error(problem);
  release();
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

/** One job at a time. A cancel counts from the moment the job is taken (not from when its training starts). */
async function exclusive<T>(job: () => Promise<T>): Promise<T> {
  if (busy) throw new Error(trainMessages.trainingBusy);
  busy = true;
  cancelRequested = false;
  try {
    await preparing;
    return await job();
  } finally {
    busy = false;
  }
}

Comlink.expose(api);
