/** Root mean squared error: √mean (ŷ − y)². NaN pairs left out (see ./mae.ts). */
export function rmse(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < actual.length; i++) {
    const e = (forecast[i] as number) - (actual[i] as number);
    if (Number.isNaN(e)) continue;
    sum += e * e;
    n++;
  }
  return n === 0 ? NaN : Math.sqrt(sum / n);
}
