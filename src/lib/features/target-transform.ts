import type { FeatureSpec } from './types';

/**
 * The target transform, both ways. Sales-derived inputs (lags, rolling stats) go through the same map as the
 * target, so a lag and the value it predicts are on one scale.
 *
 *   'series-scale'  z = sales / scale[series]     (scale = the series' mean training sales; see seriesScale)
 *   'log1p'         z = log(1 + max(sales, 0))    (negative sales, i.e. net returns, count as 0)
 *   'none'          z = sales
 *
 * All three are increasing, so a quantile of z maps to the same quantile of sales, and a range of sales maps to a
 * range of z (forecastFromFeatures caps its feedback in sales and maps the cap through here).
 */
export function transformTarget(kind: FeatureSpec['target'], sales: number, scale: number): number {
  if (kind === 'series-scale') return sales / scale;
  if (kind === 'log1p') return Math.log1p(sales > 0 ? sales : 0);
  return sales;
}

export function inverseTransformTarget(kind: FeatureSpec['target'], z: number, scale: number): number {
  if (kind === 'series-scale') return z * scale;
  if (kind === 'log1p') return Math.expm1(z);
  return z;
}

/** The divisor of 'series-scale' for a series whose mean training sales is `mean`: 1 when that is not positive. */
export function seriesScale(mean: number): number {
  return mean > 0 && Number.isFinite(mean) ? mean : 1;
}
