import type { ModelSpec } from './types';

/** Values the model predicts per row: one per quantile for the quantile loss, else one point forecast. */
export function modelOutputWidth(spec: Pick<ModelSpec, 'loss' | 'quantiles'>): number {
  return spec.loss === 'quantile' ? spec.quantiles.length : 1;
}
