/**
 * Bias as a percentage of what was sold: 100 · Σ(ŷ − y) / Σy. NaN when the actuals sum to 0.
 * NaN pairs left out (see ./mae.ts).
 */
export function biasPercent(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  let errors = 0;
  let total = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i] as number;
    const e = (forecast[i] as number) - y;
    if (Number.isNaN(e)) continue;
    errors += e;
    total += y;
  }
  return total === 0 ? NaN : (100 * errors) / total;
}
