/**
 * Early stopping as a pure reducer over validation losses (Keras semantics): the best epoch is the one with the
 * lowest finite validation loss; training stops once `patience` epochs in a row have not improved on it.
 */
export interface EarlyStoppingState {
  patience: number;
  bestLoss: number;
  /** 0 until an epoch has a finite validation loss. */
  bestEpoch: number;
  /** Epochs since the best one. */
  waited: number;
  /** The latest epoch is the new best (its weights are the ones to keep). */
  improved: boolean;
  stop: boolean;
}

export function startEarlyStopping(patience: number): EarlyStoppingState {
  return { patience: Math.max(0, Math.floor(patience)), bestLoss: Infinity, bestEpoch: 0, waited: 0, improved: false, stop: false };
}

export function stepEarlyStopping(state: EarlyStoppingState, epoch: { epoch: number; valLoss: number }): EarlyStoppingState {
  if (Number.isFinite(epoch.valLoss) && epoch.valLoss < state.bestLoss) {
    return { ...state, bestLoss: epoch.valLoss, bestEpoch: epoch.epoch, waited: 0, improved: true, stop: false };
  }
  const waited = state.waited + 1;
  return { ...state, waited, improved: false, stop: waited >= state.patience };
}
