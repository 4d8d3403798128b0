import type { ModelSpec } from './types';

/**
 * Values the model predicts per row: one per quantile for the quantile loss, else one point forecast; a direct
 * multi-horizon model predicts as many for each of its steps (step-major: step 1's values first).
 */
export function modelOutputWidth(spec: Pick<ModelSpec, 'loss' | 'quantiles' | 'steps'>): number {
  return (spec.loss === 'quantile' ? spec.quantiles.length : 1) * (spec.steps ?? 1);
}
