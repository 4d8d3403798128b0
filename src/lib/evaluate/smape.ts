/**
 * Symmetric MAPE, in percent: 100 · mean 2|ŷ − y| / (|y| + |ŷ|), a pair counting 0 when both are 0.
 * Bounded by 200. NaN pairs left out (see ./mae.ts).
 */
export function smape(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i] as number;
    const f = forecast[i] as number;
    if (Number.isNaN(y) || Number.isNaN(f)) continue;
    const denominator = Math.abs(y) + Math.abs(f);
    if (denominator !== 0) sum += (2 * Math.abs(f - y)) / denominator;
    n++;
  }
  return n === 0 ? NaN : (100 * sum) / n;
}
