/**
 * The MASE scale: the in-sample MAE of the seasonal naive forecast on the training series, mean |y_t − y_{t−m}|
 * over t = m … n−1. `training` is laid on the frequency's regular grid (one slot per period, NaN for a period without
 * sales; see ../data/sales-on-grid); pairs with a NaN are left out. NaN when no pair is left.
 */
export function seasonalNaiveScale(training: ArrayLike<number>, season: number): number {
  let sum = 0;
  let n = 0;
  for (let t = season; t < training.length; t++) {
    const d = (training[t] as number) - (training[t - season] as number);
    if (Number.isNaN(d)) continue;
    sum += Math.abs(d);
    n++;
  }
  return n === 0 ? NaN : sum / n;
}
