import type { SalesData } from '../data/types';
import { compileFeatures, type FeatureBasis } from './compile-features';
import { scanFeatureRows } from './scan-feature-rows';
import { seriesRows } from './series-rows';
import { seriesScale } from './target-transform';
import type { FeatureSpec, FeatureState } from './types';

export interface FitFeatureStateOptions {
  /** The last training date (days since epoch, inclusive). Nothing dated later is read. */
  trainEnd: number;
}

/**
 * Fit, apart from apply (as tfjs-examples' `fitScaler`): everything the features learn from data, learnt from the
 * TRAINING rows only (dates ≤ trainEnd), returned as plain JSON.
 *
 *   1. per series: mean training sales → the 'series-scale' divisor and the level feature; the one-hot list
 *   2. per covariate: training mean → the value a missing cell takes
 *   3. per feature: mean and std over the training matrix rows → the standard scaler
 *
 * Step 3 streams the rows (Welford's update) instead of building the matrix, so fitting costs no matrix memory.
 */
export function fitFeatureState(data: SalesData, spec: FeatureSpec, { trainEnd }: FitFeatureStateOptions): FeatureState {
  // 1. Series.
  const offsets = seriesRows(data);
  const series: FeatureState['series'] = [];
  for (let s = 0; s + 1 < offsets.length; s++) {
    let sum = 0;
    let count = 0;
    for (let i = offsets[s] as number; i < (offsets[s + 1] as number); i++) {
      const value = data.sales[i] as number;
      if ((data.date[i] as number) > trainEnd || !Number.isFinite(value)) continue;
      sum += value;
      count++;
    }
    if (count > 0) series.push({ label: data.seriesLabels[s] as string, scale: seriesScale(sum / count) });
  }
  const fallbackScale = median(series.map((s) => s.scale));

  // 2. Covariate fills.
  const fill: Record<string, number> = {};
  for (const name of spec.covariates) {
    const values = data.covariates[name];
    if (values) fill[name] = trainingMean(values, data.date, trainEnd);
  }

  // 3. Scaler.
  const basis: FeatureBasis = { series, fallbackScale, fill };
  const compiled = compileFeatures(data, spec, basis);
  const width = compiled.names.length;
  let scaler: FeatureState['scaler'] = null;
  if (spec.scale === 'standard') {
    const mean = new Float64Array(width);
    const m2 = new Float64Array(width);
    let n = 0;
    scanFeatureRows(data, compiled, {
      target: spec.target,
      write: true,
      visit: (row, _y, values) => {
        if ((data.date[row] as number) > trainEnd) return;
        n++;
        for (let j = 0; j < width; j++) {
          const x = values[j] as number;
          const delta = x - (mean[j] as number);
          mean[j] = (mean[j] as number) + delta / n;
          m2[j] = (m2[j] as number) + delta * (x - (mean[j] as number));
        }
      },
    });
    const std = Array.from(m2, (m) => Math.sqrt(m / n) || 1);
    scaler = {
      mean: Array.from(mean, (m, j) => (compiled.oneHot[j] ? 0 : m)),
      std: std.map((sd, j) => (compiled.oneHot[j] || !Number.isFinite(sd) ? 1 : sd)),
    };
  }
  return {
    version: 1,
    frequency: data.frequency,
    trainEnd,
    names: compiled.names,
    warmup: compiled.warmup,
    series,
    fallbackScale,
    fill,
    scaler,
  };
}

function trainingMean(values: Float64Array, date: Int32Array, trainEnd: number): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if ((date[i] as number) > trainEnd || !Number.isFinite(value)) continue;
    sum += value;
    count++;
  }
  return count > 0 ? sum / count : 0;
}

function median(values: number[]): number {
  if (values.length === 0) return 1;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
