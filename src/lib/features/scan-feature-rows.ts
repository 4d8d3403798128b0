import type { SalesData } from '../data/types';
import type { CompiledFeatures, RowInput } from './compile-features';
import { seriesHistory } from './series-history';
import { seriesRows } from './series-rows';
import { transformTarget } from './target-transform';
import type { FeatureSpec } from './types';

export interface ScanFeatureRowsOptions {
  target: FeatureSpec['target'];
  /** Fill `values` before each visit; false only counts (cheap: no feature is computed). */
  write: boolean;
  /** Called for every matrix row in data order, with its data row, transformed target and raw features. */
  visit(row: number, y: number, values: Float64Array): void;
}

/**
 * Walks the rows that become matrix rows, series by series: a row needs a sales value (its target) and a full
 * history, i.e. at least `warmup` periods since the series' first observed sales. Rows in that warm-up are DROPPED
 * (imputing whole windows would invent the very history the model learns from); gaps and NaN sales inside the
 * history are imputed by carrying the last value forward (see seriesHistory), so one missing day does not cost
 * the next `warmup` rows.
 */
export function scanFeatureRows(data: SalesData, compiled: CompiledFeatures, options: ScanFeatureRowsOptions): void {
  const { target, write, visit } = options;
  const { warmup, scaleOf } = compiled;
  const offsets = seriesRows(data);
  const values = new Float64Array(compiled.names.length);
  const input: RowInput = { z: values, pos: 0, date: 0, row: 0, series: 0 };
  for (let s = 0; s + 1 < offsets.length; s++) {
    const begin = offsets[s] as number;
    const end = offsets[s + 1] as number;
    const scale = scaleOf[s] as number;
    const history = seriesHistory(data, { begin, end, target, scale });
    if (history.firstObserved < 0) continue;
    const earliest = history.firstObserved + warmup;
    input.z = history.z;
    input.series = s;
    for (let pos = earliest; pos < history.rowAt.length; pos++) {
      const row = history.rowAt[pos] as number;
      if (row < 0) continue;
      const sales = data.sales[row] as number;
      if (!Number.isFinite(sales)) continue;
      if (write) {
        input.pos = pos;
        input.date = data.date[row] as number;
        input.row = row;
        compiled.write(input, values);
      }
      visit(row, transformTarget(target, sales, scale), values);
    }
  }
}
