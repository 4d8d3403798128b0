import type { FeatureState } from './types';

/**
 * Stores one row of raw features into the matrix, standardised with the state's scaler: (x − mean) / std, computed
 * in float64 and rounded to float32 once. Training rows and forecast steps both go through here.
 */
export function scaleRow(values: Float64Array, scaler: FeatureState['scaler'], out: Float32Array, offset: number): void {
  const width = values.length;
  if (scaler === null) {
    out.set(values, offset);
    return;
  }
  const { mean, std } = scaler;
  for (let j = 0; j < width; j++) out[offset + j] = ((values[j] as number) - (mean[j] as number)) / (std[j] as number);
}
