import { finiteOrNull } from '../core/finite';
import { bias } from './bias';
import { biasPercent } from './bias-percent';
import { mae } from './mae';
import { mape } from './mape';
import { rmse } from './rmse';
import { smape } from './smape';
import { wape } from './wape';

export type GroupKey = number | string;

/** Point-error metrics of one group of rows; null where a metric is undefined (see ./mae.ts). */
export interface GroupMetrics {
  key: GroupKey;
  /** Rows with both an actual and a forecast. */
  n: number;
  actualSum: number;
  forecastSum: number;
  mae: number | null;
  rmse: number | null;
  wape: number | null;
  mape: number | null;
  smape: number | null;
  bias: number | null;
  biasPercent: number | null;
}

/**
 * Error broken down by any per-row key: horizon step, series, store, product, a holiday or promotion flag.
 * Rows whose key is NaN, null or undefined are left out. Groups come sorted by key (numbers ascending, then strings).
 */
export function metricsBy(
  actual: ArrayLike<number>,
  forecast: ArrayLike<number>,
  groups: ArrayLike<GroupKey | null | undefined>,
): GroupMetrics[] {
  const rowsOf = new Map<GroupKey, number[]>();
  for (let i = 0; i < actual.length; i++) {
    const key = groups[i];
    if (key === null || key === undefined || (typeof key === 'number' && Number.isNaN(key))) continue;
    let rows = rowsOf.get(key);
    if (!rows) rowsOf.set(key, (rows = []));
    rows.push(i);
  }
  const keys = [...rowsOf.keys()].sort(compareKeys);
  return keys.map((key) => {
    const rows = rowsOf.get(key)!;
    const y = Float64Array.from(rows, (i) => actual[i] as number);
    const f = Float64Array.from(rows, (i) => forecast[i] as number);
    let n = 0;
    let actualSum = 0;
    let forecastSum = 0;
    for (let j = 0; j < y.length; j++) {
      if (Number.isNaN(y[j] as number) || Number.isNaN(f[j] as number)) continue;
      n++;
      actualSum += y[j] as number;
      forecastSum += f[j] as number;
    }
    return {
      key,
      n,
      actualSum,
      forecastSum,
      mae: finiteOrNull(mae(y, f)),
      rmse: finiteOrNull(rmse(y, f)),
      wape: finiteOrNull(wape(y, f)),
      mape: finiteOrNull(mape(y, f)),
      smape: finiteOrNull(smape(y, f)),
      bias: finiteOrNull(bias(y, f)),
      biasPercent: finiteOrNull(biasPercent(y, f)),
    };
  });
}

function compareKeys(a: GroupKey, b: GroupKey): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
