import * as v from 'valibot';
import type { Frequency } from '../data/types';
import { limitSchema, numberIn, wholeIn } from '../notebook/setting-limit';
import type { ClassicalKind, ModelKind, ModelSpec } from './types';

/**
 * The three model families with defaults meant to do well on sales data nobody has seen, not tuned to any file:
 * inputs are standardised and the target is scaled per series (see features), so one learning rate fits all;
 * early stopping on the validation periods decides the real number of epochs; P10/P50/P90 come from the
 * quantile loss, which also makes the point forecast a median (robust to promotion spikes).
 */
export function defaultModelSpec(kind: ModelKind): ModelSpec {
  const common = { loss: 'quantile', quantiles: [0.1, 0.5, 0.9], dropout: 0, learningRate: 0.003, epochs: 30, batchSize: 512, patience: 4 } as const;
  switch (kind) {
    case 'ridge':
      return { ...common, kind, quantiles: [...common.quantiles], hidden: [], kernelSize: 3, l2: 1e-4, learningRate: 0.01 };
    case 'mlp':
      return { ...common, kind, quantiles: [...common.quantiles], hidden: [64, 32], kernelSize: 3, l2: 1e-5, dropout: 0.1 };
    case 'cnn':
      return { ...common, kind, quantiles: [...common.quantiles], hidden: [16, 32], kernelSize: 3, l2: 1e-5 };
  }
}

export const MODEL_KINDS: readonly ModelKind[] = ['ridge', 'mlp', 'cnn'];

/**
 * Training rows (of the final window) from which the MLP and the CNN join a run by default. Below it they have about
 * as many weights as rows to learn from (the MLP's 64-32 layers hold some 4,000), so they fit the noise: on the
 * small shipped files (293 monthly, ~650 weekly training rows) they ranked below every baseline on the selection
 * folds, and cost most of the run's time. The linear model has a weight per feature and always joins. Either can be
 * ticked on the Train stage.
 */
export const MIN_ROWS_FOR_NETWORKS = 2000;

/** The neural candidates a run trains when the link does not list them: see MIN_ROWS_FOR_NETWORKS. */
export function defaultNeuralSpecs(trainRows: number): ModelSpec[] {
  return MODEL_KINDS.filter((kind) => kind === 'ridge' || trainRows >= MIN_ROWS_FOR_NETWORKS).map(defaultModelSpec);
}

/**
 * The classical candidates a run tries when the link does not say: all four on weekly and monthly data, where R's
 * ets and auto.arima are what a forecaster reaches for first; Theta and the calendar regression on daily data.
 * ETS and ARIMA are left out there by default (both can be ticked on the Train stage): on daily sales neither has won
 * a fold or joined a picked ensemble on any file tried here, while they cost most of a run. ETS's fifteen forms with
 * a weekly season took ~150 ms a series a window (17 s of the default example's run, 36 s of 82 series × 5 years,
 * where it ranked below Theta on the folds; bench section 9); ARIMA's state grows with weekday terms and one series
 * of two years takes 1–2 s to choose.
 */
export function defaultClassicalKinds(frequency: Frequency): ClassicalKind[] {
  return frequency === 'daily' ? ['theta', 'calendar'] : ['ets', 'theta', 'arima', 'calendar'];
}

/**
 * What the Train stage lets a spec hold: a dropout above 0.9 leaves a layer almost nothing to learn from. A number
 * field steps from its minimum, so the learning rate's (0.0001) is also a step that keeps its values round.
 */
export const MODEL_SPEC_LIMITS = {
  hiddenLayers: wholeIn(0, 6),
  hiddenWidth: wholeIn(1, 1024),
  kernelSize: wholeIn(1, 64),
  dropout: numberIn(0, 0.9),
  l2: numberIn(0, 1),
  learningRate: numberIn(0.0001, 1),
  epochs: wholeIn(1, 1000),
  batchSize: wholeIn(1, 65536),
  patience: wholeIn(0, 1000),
} as const;

const L = MODEL_SPEC_LIMITS;

/** Model specs arrive from links and stored runs: validated before use. */
export const ModelSpecSchema = v.strictObject({
  kind: v.picklist(['ridge', 'mlp', 'cnn']),
  loss: v.picklist(['mae', 'mse', 'huber', 'quantile']),
  quantiles: v.pipe(v.array(v.pipe(v.number(), v.gtValue(0), v.ltValue(1))), v.maxLength(9)),
  hidden: v.pipe(v.array(limitSchema(L.hiddenWidth)), v.maxLength(L.hiddenLayers.max)),
  kernelSize: limitSchema(L.kernelSize),
  dropout: limitSchema(L.dropout),
  l2: limitSchema(L.l2),
  learningRate: limitSchema(L.learningRate),
  epochs: limitSchema(L.epochs),
  batchSize: limitSchema(L.batchSize),
  patience: limitSchema(L.patience),
  rowsPerEpoch: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000_000))),
  steps: v.optional(v.pipe(v.number(), v.integer(), v.minValue(2), v.maxValue(366))),
});
