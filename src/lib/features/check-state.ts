import type { SalesData } from '../data/types';
import { featureMessages } from '../messages/features';
import type { CompiledFeatures } from './compile-features';
import type { FeatureSpec, FeatureState } from './types';

export interface CheckStateInput {
  data: SalesData;
  spec: FeatureSpec;
  compiled: CompiledFeatures;
  state: FeatureState;
}

/** Throws when a state was fit for other features (columns, scaling) or other data than it is applied to. */
export function checkState({ data, spec, compiled, state }: CheckStateInput): void {
  if (state.frequency !== data.frequency) throw new Error(featureMessages.frequencyMismatch(state.frequency, data.frequency));
  const { names } = compiled;
  const sameNames = state.names.length === names.length && names.every((name, j) => state.names[j] === name);
  const scaler = state.scaler;
  const sameScaling = spec.scale === 'standard' ? scaler !== null && scaler.mean.length === names.length && scaler.std.length === names.length : scaler === null;
  if (!sameNames || !sameScaling) throw new Error(featureMessages.stateMismatch);
}
