import type { SalesData } from '../data/types';
import { applyFeatures } from './apply-features';
import { fitFeatureState, type FitFeatureStateOptions } from './fit-feature-state';
import type { FeatureMatrix, FeatureSpec, FeatureState } from './types';

export interface BuildFeaturesOptions {
  /** Fit the state on the rows dated ≤ fit.trainEnd. */
  fit: FitFeatureStateOptions;
}

/**
 * The Features stage in one call:
 *
 *   SalesData + FeatureSpec ──► fitFeatureState (training rows only) ──► FeatureState (JSON)
 *                           ──► applyFeatures (every row)             ──► FeatureMatrix
 *
 * Keep the state with the run: forecasting (forecastFromFeatures) and replay need the very same one.
 */
export function buildFeatures(data: SalesData, spec: FeatureSpec, { fit }: BuildFeaturesOptions): { matrix: FeatureMatrix; state: FeatureState } {
  const state = fitFeatureState(data, spec, fit);
  return { matrix: applyFeatures(data, spec, state), state };
}
