import type { ModelSpec } from '../models/types';

/** Fewest optimiser steps an epoch should take: below this, small tables are left barely trained. */
export const MIN_STEPS_PER_EPOCH = 5;

/**
 * The spec's batch size is an upper bound. A small table (a single monthly series has ~250 training rows) would fit
 * in one batch of 512, leaving the model one Adam step per epoch — 30 steps in all, far from converged. So an epoch
 * takes at least MIN_STEPS_PER_EPOCH steps (batches no smaller than 8). Five, not more: every candidate trains on
 * every backtest window (and again for the refit), so steps multiply, and on a small table the classical models are
 * the ones to beat anyway; a recursive forecast cannot run away (the feedback bounds), and selection on the folds
 * drops a model that did not converge. Big tables keep the spec's batch size.
 */
export function fitBatchSize(spec: ModelSpec, rows: number): ModelSpec {
  const batchSize = Math.max(8, Math.min(spec.batchSize, Math.floor(rows / MIN_STEPS_PER_EPOCH)));
  const rowsPerEpoch = spec.rowsPerEpoch ?? (rows > MAX_ROWS_PER_EPOCH ? MAX_ROWS_PER_EPOCH : undefined);
  if (batchSize === spec.batchSize && rowsPerEpoch === spec.rowsPerEpoch) return spec;
  return { ...spec, batchSize, ...(rowsPerEpoch !== undefined ? { rowsPerEpoch } : {}) };
}

/**
 * Above this many training rows an epoch is a fresh sample of them (ModelSpec.rowsPerEpoch), unless the spec says
 * otherwise: 16 steps of 512. On the default example (45,000 rows a window) an epoch then costs a fifth, and the
 * validation loss, which early stopping reads, is still measured on every validation row.
 */
export const MAX_ROWS_PER_EPOCH = 8192;
