import type { SalesData } from '../data/types';
import { checkState } from './check-state';
import { compileFeatures } from './compile-features';
import { scaleRow } from './scale-row';
import { scanFeatureRows } from './scan-feature-rows';
import type { FeatureMatrix, FeatureSpec, FeatureState } from './types';

/**
 * Apply, apart from fit: the feature matrix of every row that has a target and a full history (see
 * scanFeatureRows), train and test alike, using only what `state` learnt from the training rows.
 * Rows come in (series, date) order; the same spec, state and data give byte-identical arrays.
 *
 * Two passes: one counts the rows (no features computed) so the matrix is allocated once at its exact size,
 * one writes them.
 */
export function applyFeatures(data: SalesData, spec: FeatureSpec, state: FeatureState): FeatureMatrix {
  const compiled = compileFeatures(data, spec, state);
  checkState({ data, spec, compiled, state });
  const width = compiled.names.length;
  let rows = 0;
  scanFeatureRows(data, compiled, { target: spec.target, write: false, visit: () => rows++ });

  const x = new Float32Array(rows * width);
  const y = new Float32Array(rows);
  const series = new Int32Array(rows);
  const date = new Int32Array(rows);
  let r = 0;
  scanFeatureRows(data, compiled, {
    target: spec.target,
    write: true,
    visit: (row, target, values) => {
      scaleRow(values, state.scaler, x, r * width);
      y[r] = target;
      series[r] = data.series[row] as number;
      date[r] = data.date[row] as number;
      r++;
    },
  });
  return { names: [...compiled.names], x, y, rows, series, date };
}
