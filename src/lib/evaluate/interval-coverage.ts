/**
 * Share of actuals inside their interval [lower, upper], bounds included; for P10–P90 a calibrated forecast covers
 * about 0.8. Rows with a NaN actual or bound are left out.
 */
export function intervalCoverage(actual: ArrayLike<number>, lower: ArrayLike<number>, upper: ArrayLike<number>): number {
  let inside = 0;
  let n = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i] as number;
    const lo = lower[i] as number;
    const hi = upper[i] as number;
    if (Number.isNaN(y) || Number.isNaN(lo) || Number.isNaN(hi)) continue;
    if (y >= lo && y <= hi) inside++;
    n++;
  }
  return n === 0 ? NaN : inside / n;
}
