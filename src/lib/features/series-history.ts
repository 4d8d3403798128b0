import { periodIndex } from '../core/periods';
import type { SalesData } from '../data/types';
import { transformTarget } from './target-transform';
import type { FeatureSpec } from './types';

/**
 * One series laid on its regular period grid (days, weeks or months; see `periodIndex`), which is what lags count
 * in: lag k of the row at grid position p is the value at p − k, whatever rows are missing in between.
 */
export interface SeriesHistory {
  /** Period index of grid position 0 (the series' first row). */
  start: number;
  /** Per grid position, the data row stamped in that period (the last one if several), or −1. */
  rowAt: Int32Array;
  /**
   * Per grid position, the transformed sales, with a missing period or a NaN carried forward from the last observed
   * value (NaN before the first one). Only values up to and including `until` are read; later positions stay NaN
   * for the caller to fill (recursive forecasting writes its predictions there).
   */
  z: Float64Array;
  /** Grid position of the first observed value, −1 when there is none up to `until`. */
  firstObserved: number;
}

export interface SeriesHistoryOptions {
  /** Rows [begin, end) of one series. */
  begin: number;
  end: number;
  target: FeatureSpec['target'];
  scale: number;
  /**
   * Sales dated after this day are never read (a forecast's cutoff), and the last value is carried forward through
   * the period that holds it. Default: every row is read, carried through the last row's period.
   */
  until?: number;
  /** Extend the grid through this period index at least (a forecast's last step). */
  through?: number;
}

/**
 * Missing history is imputed by carrying the last observed value forward, never backward: the value at position q
 * depends on sales at positions ≤ q only, so a feature read at p − k (k ≥ 1) still sees nothing at or after p.
 */
export function seriesHistory(data: SalesData, options: SeriesHistoryOptions): SeriesHistory {
  const { begin, end, target, scale, until = Infinity } = options;
  const { frequency, date, sales } = data;
  if (end <= begin) return { start: 0, rowAt: new Int32Array(0), z: new Float64Array(0), firstObserved: -1 };
  const start = periodIndex(date[begin] as number, frequency);
  const lastRow = periodIndex(date[end - 1] as number, frequency) - start;
  const length = Math.max(lastRow, (options.through ?? -Infinity) - start) + 1;
  const rowAt = new Int32Array(Math.max(length, 0)).fill(-1);
  const z = new Float64Array(rowAt.length).fill(NaN);
  for (let i = begin; i < end; i++) {
    const day = date[i] as number;
    const pos = periodIndex(day, frequency) - start;
    rowAt[pos] = i;
    const value = sales[i] as number;
    if (day <= until && Number.isFinite(value)) z[pos] = transformTarget(target, value, scale);
  }
  const last = Math.min(until === Infinity ? lastRow : periodIndex(until, frequency) - start, rowAt.length - 1);
  let firstObserved = -1;
  let carried = NaN;
  for (let pos = 0; pos <= last; pos++) {
    const value = z[pos] as number;
    if (Number.isNaN(value)) z[pos] = carried;
    else {
      carried = value;
      if (firstObserved < 0) firstObserved = pos;
    }
  }
  return { start, rowAt, z, firstObserved };
}
