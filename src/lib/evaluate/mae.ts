/**
 * Point-error metrics share these conventions: `actual` and `forecast` are aligned row by row; a pair with NaN on
 * either side (an actual that never arrived, a series the model could not forecast) is left out; a metric over no
 * pairs is NaN (shown as "–").
 */

/** Mean absolute error: mean |ŷ − y|. */
export function mae(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < actual.length; i++) {
    const e = (forecast[i] as number) - (actual[i] as number);
    if (Number.isNaN(e)) continue;
    sum += Math.abs(e);
    n++;
  }
  return n === 0 ? NaN : sum / n;
}
