// User-facing texts for the Train stage (the train worker, src/adapters/tf-*, src/lib/models).
import type { ModelSpec } from '../models/types';
import type { ModelsConfig } from '../notebook/stage-configs';

export const trainMessages = {
  backendUnavailable: (backend: string, reason: string) =>
    `The ${backend} backend cannot be used in this browser: ${reason}. Choose another backend or “auto”.`,
  noBackendAvailable: (reasons: string) =>
    `No TensorFlow.js backend could start in this browser (${reasons}), so models cannot be trained here.`,
  webglNoCanvas: 'this browser offers no OffscreenCanvas in workers, which WebGL training needs',
  webglNoContext: 'a WebGL context could not be created (WebGL is off, blocked, or has no driver)',
  wasmUnsupported: 'this browser does not support WebAssembly',
  backendInitFailed: 'it failed to start (the browser console has the details)',
  noSelectionFold: 'No backtest fold fits before the test window, so no model can be chosen without looking at the test window. Shorten the horizon or the validation periods, or use a longer history.',
  trainingCancelled: 'Training was cancelled: no new result, and the run is listed as cancelled in the Runs table.',
  restoredFromStorage: (when: string, took: string) =>
    `Stored run of ${when} (it took ${took} to train): the same data and settings, so its results are shown as they were, without training again. Press Run to train anew.`,
  trainingBusy: 'The model worker is already busy with another training or prediction; wait for it or cancel it first.',
  finalFitProgress: (model: string, epoch: number, epochs: number, rows: number, eta: string) =>
    `Fitting ${model} on every row (${rows.toLocaleString('en-US')}) before registering it: epoch ${epoch} of ${epochs} ${eta}`.trim(),
  trainingDiverged: (epoch: number) =>
    `Training diverged at epoch ${epoch} (the loss is no longer a number). Lower the learning rate or scale the inputs, then train again.`,
  matrixShape: (label: string, detail: string) => `The ${label} data has the wrong shape: ${detail}.`,
  matrixEmpty: (label: string) => `The ${label} data has no rows, so there is nothing to ${label === 'validation' ? 'validate on' : 'learn from'}.`,
  matrixNotFinite: (label: string, row: number) =>
    `The ${label} data has a missing or infinite value in row ${row + 1}; features and targets must be finite numbers.`,
  widthMismatch: (train: number, other: number, label: string) =>
    `The ${label} data has ${other} feature columns but the model was trained on ${train}.`,
  specInvalid: (field: string, limit: { min: number; max: number; whole: boolean }) =>
    `The model setting “${field}” is invalid: it takes ${limit.whole ? 'a whole number' : 'a number'} from ${limit.min} to ${limit.max}.`,
  hiddenInvalid: (layers: number, width: { min: number; max: number }) =>
    `The model setting “hidden” is invalid: it takes at most ${layers} layers, each a whole number of units from ${width.min} to ${width.max}.`,
  quantilesInvalid: 'Quantile loss needs at least one quantile, each strictly between 0 and 1 and in increasing order.',
  cnnNeedsSequence: 'The CNN model needs to know which feature columns are the lag window (a contiguous run of lag columns).',
  sequenceInvalid: (start: number, length: number, width: number) =>
    `The lag window (columns ${start}–${start + length - 1}) does not fit inside the ${width} feature columns.`,
  weightsMismatch: (detail: string) => `The stored weights do not fit this model (${detail}); train the model again.`,
} as const;

/** The Train stage's labels: the candidates table, the backend and seed, progress and the run's summary. */
export const trainPanelTexts = {
  intro:
    "Baselines (last value, same period last season, moving average) always run beside these, and the best is picked on the backtest folds before the test window, whatever its kind. A network starts from its seed on the first fold and continues from the previous window's weights on each later one, so later windows take only a few epochs. Training waits for a click: press Run (or Shift+Enter here).",
  classicalLegend: 'Classical models (fitted in the data worker, no tfjs)',
  columns: {
    model: 'Model',
    loss: 'Loss',
    hidden: 'Hidden / filters',
    epochs: 'Epochs',
    learningRate: 'Learning rate',
    batchSize: 'Batch',
    patience: 'Patience',
    dropout: 'Dropout',
    l2: 'L2',
  },
  /** A field's name in the candidates table, for a screen reader (the column heading and the row's model). */
  fieldLabel: (model: string, column: string) => `${model}: ${column}`,
  lossHelp: 'quantile: learns the P10, P50 and P90 of each forecast, so it has an 80 % interval',
  losses: { quantile: 'quantile', mae: 'MAE', mse: 'MSE', huber: 'Huber' } satisfies Record<ModelSpec['loss'], string>,
  notTrained: 'not trained',
  strategy: 'Multi-step forecasts',
  backend: 'Backend',
  backends: {
    auto: 'auto (measure and pick the fastest)',
    webgl: 'WebGL',
    wasm: 'WebAssembly',
    cpu: 'CPU (plain JavaScript)',
  } satisfies Record<ModelsConfig['backend'], string>,
  seed: 'Seed',
  trainedOn: 'Trained on:',
  progress: (label: string, percent: number, eta: string) => `${label} — ${percent}% ${eta}`,
  cancel: 'Cancel',
  lossChart: 'Training and validation loss per epoch',
  checkDeterminism: 'Check determinism: train again with the same seed and compare',
  best: 'Best model:',
  noBest: 'none',
  modelWape: (model: string, wape: string) => `${model}: WAPE ${wape}`,
} as const;
