import type { ModelSpec } from '../models/types';

/** Fewest optimiser steps an epoch should take: below this, small tables are left barely trained. */
export const MIN_STEPS_PER_EPOCH = 20;

/**
 * The spec's batch size is an upper bound. A small table (a single monthly series has ~250 training rows) would fit
 * in one batch of 512, leaving the model one Adam step per epoch — 30 steps in all, far from converged, and a
 * recursive forecast from half-trained weights can run away. So an epoch takes at least MIN_STEPS_PER_EPOCH steps
 * (batches no smaller than 8). Big tables keep the spec's batch size.
 */
export function fitBatchSize(spec: ModelSpec, rows: number): ModelSpec {
  const batchSize = Math.max(8, Math.min(spec.batchSize, Math.floor(rows / MIN_STEPS_PER_EPOCH)));
  return batchSize === spec.batchSize ? spec : { ...spec, batchSize };
}
