/**
 * Mean absolute percentage error, in percent: 100 · mean |ŷ − y| / |y| over the pairs with y ≠ 0 (zero sales are left
 * out rather than dividing by zero; sklearn's `mean_absolute_percentage_error` instead divides by a tiny epsilon and
 * explodes). NaN pairs left out (see ./mae.ts).
 */
export function mape(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i] as number;
    const e = (forecast[i] as number) - y;
    if (Number.isNaN(e) || y === 0) continue;
    sum += Math.abs(e) / Math.abs(y);
    n++;
  }
  return n === 0 ? NaN : (100 * sum) / n;
}
