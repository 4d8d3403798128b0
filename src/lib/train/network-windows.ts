/**
 * How a network trains on each backtest window. Windows run oldest first, and each one's training rows include
 * every row the previous window trained on, so a window may start from the previous window's weights (a warm start)
 * without seeing anything it is then scored on:
 *
 *   fold 1      from the seed; early stopping on its validation periods chooses the epochs and the weights
 *   fold k > 1  from fold k−1's weights; early stopping again (the warm start's own weights count as epoch 0)
 *   test        trained as the last fold was (from the seed with one fold, from the last fold's weights with more),
 *               on every row up to its cutoff — validation periods included, so the newest periods are learnt —
 *               for the epochs the last fold chose, at least one
 *
 * Why: a network that starts from the seed on every window spends most of its epochs relearning what the previous
 * window knew; continuing from there, a later window stops after a few epochs, and the test window needs no early
 * stopping of its own (which would also have held out its newest periods). The fit before registering
 * (finalFitOf) repeats the test window's step one window on: from its weights, on every row, for its epochs.
 */
import type { MatrixInput } from '../models/train-types';

export type NetworkStep =
  | { kind: 'early-stopping'; warmStart: boolean }
  | { kind: 'fit'; warmStart: boolean; epochs: number };

/**
 * The step for window `window` of `windows` (the last is the test window). `lastFoldBestEpoch` is the best epoch
 * early stopping found on the last fold (needed for the test window).
 */
export function networkStep(window: number, windows: number, lastFoldBestEpoch?: number): NetworkStep {
  const folds = windows - 1;
  if (window < folds) return { kind: 'early-stopping', warmStart: window > 0 };
  if (lastFoldBestEpoch === undefined) throw new Error('networkStep: the test window needs the last fold’s best epoch');
  return { kind: 'fit', warmStart: folds > 1, epochs: Math.max(1, lastFoldBestEpoch) };
}

/** The test window's fit rows: the training rows, then the validation periods after them (same width). */
export function concatRows(train: MatrixInput, validation: MatrixInput): MatrixInput {
  const x = new Float32Array(train.x.length + validation.x.length);
  x.set(train.x);
  x.set(validation.x, train.x.length);
  const y = new Float32Array(train.y.length + validation.y.length);
  y.set(train.y);
  y.set(validation.y, train.y.length);
  return { x, y, rows: train.rows + validation.rows, width: train.width, ...(train.targets ? { targets: train.targets } : {}) };
}
