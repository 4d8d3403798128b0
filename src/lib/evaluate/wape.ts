/**
 * Weighted absolute percentage error, as a fraction: Σ|ŷ − y| / Σ|y| (0.05 = 5 %). Big sellers weigh more, zero sales
 * are no problem. NaN when the actuals sum to 0. NaN pairs left out (see ./mae.ts).
 */
export function wape(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  let errors = 0;
  let total = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i] as number;
    const e = (forecast[i] as number) - y;
    if (Number.isNaN(e)) continue;
    errors += Math.abs(e);
    total += Math.abs(y);
  }
  return total === 0 ? NaN : errors / total;
}
