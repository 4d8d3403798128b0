/**
 * Mean absolute scaled error: mean |ŷ − y| / scale, the scale being the seasonal naive in-sample MAE of the training
 * series (`seasonalNaiveScale`). Below 1 = better than the seasonal naive was on the training data.
 *
 * Across many series (`scale` per row, each row carrying its own series' scale): each error is divided by its series'
 * scale, then all scaled errors are averaged (Hyndman & Koehler 2006, mean of |q_t|). With equal horizons this is the
 * mean of the per-series MASEs (as in the M4 competition), and for one series it is MAE / scale. Rows whose scale is
 * not a positive number (a constant or too short training series) are left out, as are NaN pairs.
 */
export function mase(actual: ArrayLike<number>, forecast: ArrayLike<number>, scale: number | ArrayLike<number>): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < actual.length; i++) {
    const q = typeof scale === 'number' ? scale : (scale[i] as number);
    const e = (forecast[i] as number) - (actual[i] as number);
    if (Number.isNaN(e) || !(q > 0) || !Number.isFinite(q)) continue;
    sum += Math.abs(e) / q;
    n++;
  }
  return n === 0 ? NaN : sum / n;
}
