/**
 * Training and prediction on the active tfjs backend (see tf-backend.ts), over plain arrays in and plain arrays out.
 *
 *   1. build the model from spec + seed (tf-models.ts), or continue from given weights (a warm start); Adam at
 *      spec.learningRate
 *   2. per epoch: shuffle the rows with the seeded rng, train batch by batch (data loss + L2 penalty),
 *      yielding to the event loop so a cancel message gets through, and stopping within the epoch when asked
 *   3. validation loss on every epoch; early stopping with `patience`, keeping the best epoch's weights (a warm
 *      start's own weights count as epoch 0: when no epoch beats them, they are what comes back)
 *   4. restore the best weights and read them out as Float32Arrays
 *
 * fitForEpochs is step 1–2 alone for a fixed number of epochs with nothing held out: how a window's model learns
 * from its newest periods once a fold has chosen how long to train (see src/lib/train/network-windows.ts).
 *
 * Shuffling is done here, not by model.fit, so the order comes from the run's seed: two sessions of one seed and
 * one starting point train alike. Every tensor is disposed before returning, on success, cancellation or error:
 * tf.memory().numTensors ends where it started.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { trainMessages } from '../lib/messages/train';
import { startEarlyStopping, stepEarlyStopping } from '../lib/models/early-stopping';
import { gatherRows } from '../lib/models/gather-rows';
import { modelOutputWidth } from '../lib/models/model-output-width';
import { seededPermutation } from '../lib/models/seeded-permutation';
import type { EpochReport, MatrixInput, SequenceColumns, SerializedWeight } from '../lib/models/train-types';
import type { ModelSpec } from '../lib/models/types';
import { createRng, type Rng } from '../lib/random/rng';
import { buildModel, lossFunction, modelInputs, readWeights, writeWeights, type LossFunction } from './tf-models';

// Rows per forward pass when evaluating or predicting (bounds memory, not results).
const EVAL_BATCH = 4096;
// Yield to the worker's event loop this often during an epoch, so cancel() is heard within a few batches.
const YIELD_EVERY_MS = 25;

export interface TrainModelOptions {
  spec: ModelSpec;
  seed: number;
  train: MatrixInput;
  validation: MatrixInput;
  sequence: SequenceColumns | null;
  /** Weights to start from instead of the seed's initialisation (a warm start); same model, same shapes. */
  initial?: SerializedWeight[];
  /** Every epoch as it ends. */
  onEpoch?: (report: EpochReport) => void;
  /** Checked between batches; when it turns true, training stops and rejects with trainMessages.trainingCancelled. */
  isCancelled?: () => boolean;
}

export interface TrainModelResult {
  /** The best epoch's weights (the starting weights when a warm start beat every epoch; the last epoch's when no validation loss was finite). */
  weights: SerializedWeight[];
  /** Every epoch trained (the learning curves). */
  history: EpochReport[];
  /** Validation loss of the starting model, before any training. */
  initialValLoss: number;
  stoppedEarly: boolean;
  /** 1-based; 0 when no epoch had a finite validation loss, or none beat a warm start's own. */
  bestEpoch: number;
}

/** Steps 1–4. */
export async function trainModel(options: TrainModelOptions): Promise<TrainModelResult> {
  const pause = eventLoopYielder(options.isCancelled ?? (() => false));
  const { spec, train, validation } = options;
  const session = startSession(options, train);
  const { net } = session;
  let best: tf.Tensor[] | null = null;

  try {
    const initialValLoss = await evaluateLoss(net, validation);
    const history: EpochReport[] = [];
    let stopping = startEarlyStopping(spec.patience);
    if (options.initial && Number.isFinite(initialValLoss)) {
      // A warm start is a candidate answer of its own: more epochs must beat it to replace it.
      stopping = { ...stopping, bestLoss: initialValLoss };
      best = net.model.getWeights().map((weight) => tf.keep(weight.clone()));
    }
    for (let epoch = 1; epoch <= spec.epochs && !stopping.stop; epoch++) {
      const started = performance.now();
      const trainLoss = await trainEpoch(session, train, pause);
      const valLoss = await evaluateLoss(net, validation);
      if (!Number.isFinite(trainLoss) || !Number.isFinite(valLoss)) throw new Error(trainMessages.trainingDiverged(epoch));
      const report = { epoch, loss: trainLoss, valLoss, ms: performance.now() - started };
      history.push(report);
      options.onEpoch?.(report);
      stopping = stepEarlyStopping(stopping, report);
      if (stopping.improved) {
        tf.dispose(best ?? []);
        // Clones share the variables' current data; Adam's next update gives the variables new data instead.
        best = net.model.getWeights().map((weight) => tf.keep(weight.clone()));
      }
    }
    if (best) net.model.setWeights(best);
    const stoppedEarly = stopping.stop && history.length < spec.epochs;
    return { weights: await readWeights(net.model), history, initialValLoss, stoppedEarly, bestEpoch: stopping.bestEpoch };
  } finally {
    tf.dispose(best ?? []);
    session.dispose();
  }
}

export interface FitForEpochsOptions extends Pick<TrainModelOptions, 'spec' | 'seed' | 'sequence' | 'initial' | 'isCancelled'> {
  rows: MatrixInput;
  epochs: number;
  /** Each epoch, with `phase: 'refit'` and a NaN validation loss (nothing is held out). */
  onEpoch?: (report: EpochReport) => void;
}

/**
 * Steps 1–2 for exactly `epochs` epochs on every row given, nothing held out, so nothing to stop on: the epoch count
 * was chosen elsewhere, on rows this fit is not judged on.
 */
export async function fitForEpochs(options: FitForEpochsOptions): Promise<SerializedWeight[]> {
  const pause = eventLoopYielder(options.isCancelled ?? (() => false));
  const session = startSession(options, options.rows);
  try {
    for (let epoch = 1; epoch <= options.epochs; epoch++) {
      const started = performance.now();
      const loss = await trainEpoch(session, options.rows, pause);
      if (!Number.isFinite(loss)) throw new Error(trainMessages.trainingDiverged(epoch));
      options.onEpoch?.({ epoch, loss, valLoss: NaN, ms: performance.now() - started, phase: 'refit' });
    }
    return await readWeights(session.net.model);
  } finally {
    session.dispose();
  }
}

type Pause = () => Promise<void>;

/** A model with its optimiser and shuffle stream, built from the seed (and a warm start's weights): two sessions of one seed start alike. */
interface Session {
  net: Net;
  optimizer: tf.Optimizer;
  variables: tf.Variable[];
  shuffleRng: Rng;
  batchSize: number;
  dispose(): void;
}

function startSession({ spec, seed, sequence, initial }: Pick<TrainModelOptions, 'spec' | 'seed' | 'sequence' | 'initial'>, { rows, width }: MatrixInput): Session {
  const rng = createRng(seed);
  const model = buildModel({ spec, width, sequence, rng: rng.fork() });
  if (initial) {
    try {
      writeWeights(model, initial);
    } catch (error) {
      model.dispose();
      throw error;
    }
  }
  const shuffleRng = rng.fork();
  const optimizer = tf.train.adam(spec.learningRate);
  return {
    net: { model, spec, sequence, loss: lossFunction(spec) },
    optimizer,
    variables: model.trainableWeights.map((weight) => weight.read() as tf.Variable),
    shuffleRng,
    batchSize: Math.min(spec.batchSize, rows),
    dispose() {
      optimizer.dispose();
      model.dispose();
    },
  };
}

/** One pass over `data` (or its first rowsPerEpoch rows) in a seeded order; returns the mean training data loss. */
async function trainEpoch({ net, optimizer, variables, shuffleRng, batchSize }: Session, data: MatrixInput, pause: Pause): Promise<number> {
  const order = seededPermutation(data.rows, shuffleRng);
  // A sample of rowsPerEpoch rows: the permutation's head, a fresh one each epoch.
  const rows = Math.min(data.rows, net.spec.rowsPerEpoch ?? Infinity);
  const batchLosses: tf.Scalar[] = [];
  const batchRows: number[] = [];
  try {
    for (let from = 0; from < rows; from += batchSize) {
      await pause();
      const to = Math.min(rows, from + batchSize);
      batchLosses.push(trainBatch(net, { optimizer, variables, train: data, order, from, to }));
      batchRows.push(to - from);
    }
    return await weightedMean(batchLosses, batchRows);
  } finally {
    tf.dispose(batchLosses);
  }
}

export interface PredictModelOptions {
  spec: ModelSpec;
  weights: SerializedWeight[];
  x: Float32Array;
  rows: number;
  width: number;
  sequence: SequenceColumns | null;
}

/** Rows × outputs predictions, row-major (outputs = number of quantiles for the quantile loss, else 1). */
export async function predictModel({ x, rows, ...options }: PredictModelOptions): Promise<Float32Array> {
  const predictor = createPredictor(options);
  try {
    return await predictor.predict(x, rows);
  } finally {
    predictor.dispose();
  }
}

export interface Predictor {
  predict(x: Float32Array, rows: number): Promise<Float32Array>;
  dispose(): void;
}

/**
 * A model built once from stored weights and kept for many forward passes: serving asks for a few rows per step,
 * many steps per simulated period, and rebuilding the layers each time would cost more than the prediction.
 */
export function createPredictor({ spec, weights, width, sequence }: Omit<PredictModelOptions, 'x' | 'rows'>): Predictor {
  // The initialisers' draws are overwritten by the stored weights, so any seed will do.
  const model = buildModel({ spec, width, sequence, rng: createRng(0) });
  try {
    writeWeights(model, weights);
  } catch (error) {
    model.dispose();
    throw error;
  }
  const outputs = modelOutputWidth(spec);
  return {
    async predict(x, rows) {
      const result = new Float32Array(rows * outputs);
      for (let from = 0; from < rows; from += EVAL_BATCH) {
        const to = Math.min(rows, from + EVAL_BATCH);
        const prediction = tf.tidy(() => forward({ model, spec, sequence }, tf.tensor2d(x.subarray(from * width, to * width), [to - from, width])));
        try {
          result.set(await prediction.data(), from * outputs);
        } finally {
          prediction.dispose();
        }
      }
      return result;
    },
    dispose: () => model.dispose(),
  };
}

/** A built model with what it takes to feed it and score it. */
interface Net {
  model: tfl.LayersModel;
  spec: ModelSpec;
  sequence: SequenceColumns | null;
  loss: LossFunction;
}

interface TrainBatchOptions {
  optimizer: tf.Optimizer;
  variables: tf.Variable[];
  train: MatrixInput;
  order: Uint32Array;
  from: number;
  to: number;
}

/** One Adam step on rows order[from…to); returns the batch's data loss (a kept scalar, not yet read back). */
function trainBatch({ model, spec, sequence, loss }: Net, { optimizer, variables, train, order, from, to }: TrainBatchOptions): tf.Scalar {
  const rows = to - from;
  const x = tf.tensor2d(gatherRows({ source: train.x, width: train.width, order, from, to }), [rows, train.width]);
  const targets = train.targets ?? 1;
  const y = tf.tensor2d(gatherRows({ source: train.y, width: targets, order, from, to }), [rows, targets]);
  const inputs = tf.tidy(() => modelInputs(x, spec, sequence));
  const kept: { dataLoss?: tf.Scalar } = {};
  try {
    const total = optimizer.minimize(
      () => {
        const prediction = model.apply(inputs, { training: true }) as tf.Tensor;
        const dataLoss = tf.keep(loss(y, prediction));
        kept.dataLoss = dataLoss;
        const penalties = model.calculateLosses();
        return penalties.length > 0 ? (tf.addN([dataLoss, ...penalties]) as tf.Scalar) : dataLoss;
      },
      true,
      variables,
    );
    // `total` is the data loss itself when there is no penalty; only a separate sum is disposed here.
    if (total && total !== kept.dataLoss) total.dispose();
    if (!kept.dataLoss) throw new Error('tf-train: the loss function was not called');
    return kept.dataLoss;
  } catch (error) {
    tf.dispose(kept.dataLoss ?? []);
    throw error;
  } finally {
    // For ridge and mlp `inputs` is `x` itself; disposing a tensor twice is a no-op.
    tf.dispose([x, y, ...[inputs].flat()]);
  }
}

/** Mean data loss over all rows (no dropout, no penalty), evaluated in chunks and read back once. */
async function evaluateLoss(net: Net, data: MatrixInput): Promise<number> {
  const losses: tf.Scalar[] = [];
  const rows: number[] = [];
  try {
    for (let from = 0; from < data.rows; from += EVAL_BATCH) {
      const to = Math.min(data.rows, from + EVAL_BATCH);
      losses.push(
        tf.tidy(() => {
          const x = tf.tensor2d(data.x.subarray(from * data.width, to * data.width), [to - from, data.width]);
          const targets = data.targets ?? 1;
          const y = tf.tensor2d(data.y.subarray(from * targets, to * targets), [to - from, targets]);
          return net.loss(y, forward(net, x));
        }),
      );
      rows.push(to - from);
    }
    return await weightedMean(losses, rows);
  } finally {
    tf.dispose(losses);
  }
}

/** Inference-mode forward pass. Call inside tf.tidy. */
function forward({ model, spec, sequence }: Omit<Net, 'loss'>, x: tf.Tensor2D): tf.Tensor {
  return model.apply(modelInputs(x, spec, sequence), { training: false }) as tf.Tensor;
}

/** Σ lossᵢ·rowsᵢ / Σ rowsᵢ, with one read-back for all the scalars (one GPU sync per epoch, not per batch). */
async function weightedMean(losses: tf.Scalar[], rows: number[]): Promise<number> {
  if (losses.length === 0) return NaN;
  const stacked = tf.stack(losses);
  try {
    const values = await stacked.data();
    let sum = 0;
    let count = 0;
    rows.forEach((n, i) => {
      sum += (values[i] as number) * n;
      count += n;
    });
    return sum / count;
  } finally {
    stacked.dispose();
  }
}

/**
 * Returns an async checkpoint for the batch loop: every YIELD_EVERY_MS it lets the worker's event loop run (a posted
 * message, not setTimeout, which is clamped to 4 ms when nested), so a cancel() call can arrive; then throws the
 * cancellation message if it did.
 */
function eventLoopYielder(isCancelled: () => boolean): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last >= YIELD_EVERY_MS) {
      await new Promise<void>((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          channel.port1.close();
          resolve();
        };
        channel.port2.postMessage(null);
      });
      last = performance.now();
    }
    if (isCancelled()) throw new Error(trainMessages.trainingCancelled);
  };
}
