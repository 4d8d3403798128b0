/** Mean error ŷ − y: positive = the forecast is too high on average (overstock), negative = too low (stockouts). */
export function bias(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < actual.length; i++) {
    const e = (forecast[i] as number) - (actual[i] as number);
    if (Number.isNaN(e)) continue;
    sum += e;
    n++;
  }
  return n === 0 ? NaN : sum / n;
}
