/**
 * Mean pinball (quantile) loss of a forecast of the `alpha` quantile, as sklearn's `mean_pinball_loss`:
 * mean of α·(y − q) where y ≥ q, and (1 − α)·(q − y) where y < q. At α = 0.5 it is half the MAE.
 * NaN pairs left out (see ./mae.ts).
 */
export function pinballLoss(actual: ArrayLike<number>, quantile: ArrayLike<number>, alpha: number): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < actual.length; i++) {
    const diff = (actual[i] as number) - (quantile[i] as number);
    if (Number.isNaN(diff)) continue;
    sum += diff >= 0 ? alpha * diff : (alpha - 1) * diff;
    n++;
  }
  return n === 0 ? NaN : sum / n;
}
