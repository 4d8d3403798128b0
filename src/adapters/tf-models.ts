/**
 * The three forecasting networks, their losses, and their weights as plain data (src/lib/models/types.ts ModelSpec):
 *
 *   ridge  features ──► dense(outputs), L2 on the kernel                          (a linear model, fit by Adam)
 *   mlp    features ──► [dense(h, relu) ──► dropout]* ──► dense(outputs), L2 on every kernel
 *   cnn    lag window ──► conv1d(hidden[0] filters, kernelSize, relu, valid) ──► flatten ─┐
 *          other columns ──► dense(hidden[1] ?? 16, relu) ──────────────────────────────┴─► concat ──► dropout ──► dense(outputs)
 *
 * A Conv1D rather than a GRU: one small kernel over a ≤ 30-step window trains several times faster than a recurrent
 * layer, and sees the same thing (local patterns across neighbouring lags). The convolution is written as its
 * arithmetic: modelInputs unfolds the window into [positions, kernelSize] patches, and one dense kernel, shared by every
 * position, maps each patch to the filters. That is exactly a valid, stride-1 Conv1D, but it also trains on the wasm
 * backend, which (tfjs-backend-wasm 4.22) has no Conv2DBackpropFilter kernel, so a tfl conv1d layer cannot learn there.
 *
 * Outputs: 1 (point forecast), or one per quantile for the quantile (pinball) loss; a direct multi-horizon model has
 * that many per step. Every initialiser and every dropout
 * mask is seeded, so the same spec + seed + data + backend replays to the same weights.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { trainMessages } from '../lib/messages/train';
import { modelOutputWidth } from '../lib/models/model-output-width';
import type { SequenceColumns, SerializedWeight } from '../lib/models/train-types';
import type { ModelSpec } from '../lib/models/types';
import type { Rng } from '../lib/random/rng';

export interface BuildModelOptions {
  spec: ModelSpec;
  /** Feature columns per row. */
  width: number;
  /** The CNN's lag window; ignored by ridge and mlp. */
  sequence: SequenceColumns | null;
  /** Draws the initialiser and dropout seeds. */
  rng: Rng;
}

const CNN_DEFAULT_FILTERS = 16;
const CNN_DEFAULT_DENSE = 16;

export function buildModel({ spec, width, sequence, rng }: BuildModelOptions): tfl.LayersModel {
  const seed = () => rng.int(1, 2 ** 31 - 1);
  const regularizer = spec.l2 > 0 ? () => tfl.regularizers.l2({ l2: spec.l2 }) : () => undefined;
  const dense = (name: string, units: number, activation: 'relu' | 'linear') =>
    tfl.layers.dense({
      name,
      units,
      activation,
      kernelInitializer: activation === 'relu' ? tfl.initializers.heNormal({ seed: seed() }) : tfl.initializers.glorotUniform({ seed: seed() }),
      kernelRegularizer: regularizer(),
    });
  const dropout = (name: string, input: tfl.SymbolicTensor) =>
    spec.dropout > 0 ? (new SeededDropout({ name, rate: spec.dropout, seed: seed() }).apply(input) as tfl.SymbolicTensor) : input;
  const outputs = modelOutputWidth(spec);

  if (spec.kind === 'cnn') {
    if (!sequence) throw new Error(trainMessages.cnnNeedsSequence);
    const kernelSize = cnnKernelSize(spec, sequence);
    const lags = tfl.input({ shape: [sequence.length - kernelSize + 1, kernelSize], name: 'lag_patches' });
    const conv = dense('conv', spec.hidden[0] ?? CNN_DEFAULT_FILTERS, 'relu');
    const windowFeatures = tfl.layers.flatten({ name: 'flatten' }).apply(conv.apply(lags)) as tfl.SymbolicTensor;
    const restWidth = width - sequence.length;
    const inputs = restWidth > 0 ? [lags, tfl.input({ shape: [restWidth], name: 'other' })] : [lags];
    const branches = inputs[1] ? [windowFeatures, dense('other_dense', spec.hidden[1] ?? CNN_DEFAULT_DENSE, 'relu').apply(inputs[1]) as tfl.SymbolicTensor] : [windowFeatures];
    const merged = branches.length > 1 ? (tfl.layers.concatenate({ name: 'merge' }).apply(branches) as tfl.SymbolicTensor) : windowFeatures;
    const output = dense('output', outputs, 'linear').apply(dropout('dropout', merged)) as tfl.SymbolicTensor;
    return tfl.model({ inputs, outputs: output, name: 'cnn' });
  }

  const input = tfl.input({ shape: [width], name: 'features' });
  let hidden = input;
  if (spec.kind === 'mlp') {
    spec.hidden.forEach((units, i) => {
      hidden = dropout(`dropout_${i}`, dense(`hidden_${i}`, units, 'relu').apply(hidden) as tfl.SymbolicTensor);
    });
  }
  const output = dense('output', outputs, 'linear').apply(hidden) as tfl.SymbolicTensor;
  return tfl.model({ inputs: input, outputs: output, name: spec.kind });
}

/**
 * The model's inputs from a batch of feature rows: the whole row for ridge and mlp; for the cnn, the lag window
 * unfolded into patches [rows, positions, kernelSize] (patch p holds window columns p…p+kernelSize−1), plus the
 * remaining columns. Call inside tf.tidy.
 */
export function modelInputs(x: tf.Tensor2D, spec: ModelSpec, sequence: SequenceColumns | null): tf.Tensor | tf.Tensor[] {
  if (spec.kind !== 'cnn' || !sequence) return x;
  const [rows, width] = x.shape;
  const { start, length } = sequence;
  const kernelSize = cnnKernelSize(spec, sequence);
  const positions = length - kernelSize + 1;
  const taps = Array.from({ length: kernelSize }, (_, j) => tf.slice(x, [0, start + j], [rows, positions]));
  const patches = tf.stack(taps, 2);
  const before = start > 0 ? [tf.slice(x, [0, 0], [rows, start])] : [];
  const after = start + length < width ? [tf.slice(x, [0, start + length], [rows, width - start - length])] : [];
  const rest = [...before, ...after];
  if (rest.length === 0) return [patches];
  return [patches, rest.length === 1 ? (rest[0] as tf.Tensor) : tf.concat(rest, 1)];
}

function cnnKernelSize(spec: ModelSpec, sequence: SequenceColumns): number {
  return Math.max(1, Math.min(spec.kernelSize, sequence.length));
}

export type LossFunction = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Scalar;

/**
 * The training loss, as the mean over rows (and quantiles) so it does not depend on the batch size.
 *
 * A direct multi-horizon model (spec.steps) predicts [rows, steps × outputs] against targets [rows, steps] in which a
 * step beyond the rows' window is NaN (train/direct-targets): the loss is the mean over the known cells only, so the
 * NaN neither counts nor reaches a gradient.
 */
export function lossFunction(spec: Pick<ModelSpec, 'loss' | 'quantiles' | 'steps'>): LossFunction {
  const perCell = cellLoss(spec);
  const steps = spec.steps ?? 1;
  if (steps === 1) return (yTrue, yPred) => tf.mean(perCell(yTrue, yPred));
  const outputs = spec.loss === 'quantile' ? spec.quantiles.length : 1;
  return (yTrue, yPred) => {
    const rows = yTrue.shape[0] as number;
    const y = tf.reshape(yTrue, [rows, steps, 1]);
    const known = tf.logicalNot(tf.isNaN(y));
    const cells = perCell(tf.where(known, y, tf.zerosLike(y)), tf.reshape(yPred, [rows, steps, outputs]));
    const weight = tf.cast(known, 'float32');
    return tf.div(tf.sum(tf.mul(cells, weight)), tf.maximum(tf.mul(tf.sum(weight), outputs), 1)) as tf.Scalar;
  };
}

/** The loss of each predicted value against its target (broadcast over the quantile axis). */
function cellLoss(spec: Pick<ModelSpec, 'loss' | 'quantiles'>): (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor {
  switch (spec.loss) {
    case 'mae':
      return (yTrue, yPred) => tf.abs(tf.sub(yTrue, yPred));
    case 'mse':
      return (yTrue, yPred) => tf.squaredDifference(yTrue, yPred);
    case 'huber':
      // delta = 1 on the scaled target: quadratic within one unit of error, linear beyond.
      return (yTrue, yPred) => {
        const error = tf.abs(tf.sub(yTrue, yPred));
        const quadratic = tf.minimum(error, 1);
        return tf.add(tf.mul(0.5, tf.square(quadratic)), tf.sub(error, quadratic));
      };
    case 'quantile': {
      const levels = spec.quantiles;
      // Pinball loss, one column per quantile: q·e when under-predicting (e = y − ŷ > 0), (q − 1)·e when over.
      return (yTrue, yPred) => {
        const q = tf.tensor1d(levels);
        const error = tf.sub(yTrue, yPred);
        return tf.maximum(tf.mul(q, error), tf.mul(tf.sub(q, 1), error));
      };
    }
  }
}

/** The model's weights as plain arrays (copies: safe to transfer or store). */
export async function readWeights(model: tfl.LayersModel): Promise<SerializedWeight[]> {
  return Promise.all(
    model.weights.map(async (weight) => ({
      name: weight.originalName,
      shape: weight.shape.map((size) => size ?? 0),
      dtype: 'float32' as const,
      data: new Float32Array(await weight.read().data()),
    })),
  );
}

/** Loads stored weights into a freshly built model of the same spec; throws when they do not match it. */
export function writeWeights(model: tfl.LayersModel, weights: SerializedWeight[]): void {
  const expected = model.weights;
  if (expected.length !== weights.length) throw new Error(trainMessages.weightsMismatch(`${weights.length} tensors, expected ${expected.length}`));
  expected.forEach((weight, i) => {
    const stored = weights[i] as SerializedWeight;
    const shape = weight.shape.map((size) => size ?? 0);
    const size = shape.reduce((a, b) => a * b, 1);
    if (stored.name !== weight.originalName || stored.shape.join() !== shape.join() || stored.data.length !== size) {
      throw new Error(trainMessages.weightsMismatch(`${stored.name} [${stored.shape.join('×')}] where ${weight.originalName} [${shape.join('×')}] belongs`));
    }
  });
  const tensors = weights.map((weight) => tf.tensor(weight.data, weight.shape, 'float32'));
  model.setWeights(tensors);
  tf.dispose(tensors);
}

/**
 * Dropout whose mask changes every training step yet replays: step k uses seed + k. (tfjs's own dropout layer,
 * given a seed, draws the same mask on every step; without one it uses Math.random and cannot replay.)
 */
class SeededDropout extends tfl.layers.Layer {
  static readonly className = 'ForecastLabSeededDropout';
  private readonly rate: number;
  private readonly seed: number;
  private steps = 0;

  constructor({ name, rate, seed }: { name: string; rate: number; seed: number }) {
    super({ name });
    this.rate = rate;
    this.seed = seed;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: { training?: boolean }): tf.Tensor {
    const input = Array.isArray(inputs) ? (inputs[0] as tf.Tensor) : inputs;
    if (kwargs.training !== true) return input;
    this.steps += 1;
    return tf.dropout(input, this.rate, undefined, this.seed + this.steps);
  }
}
