/**
 * Pearson's r over the pairs where both values are finite, in two passes (means, then centred sums), which keeps
 * full float64 accuracy where the one-pass textbook formula cancels. NaN when fewer than two pairs remain or either
 * side is constant.
 */
export function pearsonCorrelation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  let count = 0;
  let sumA = 0;
  let sumB = 0;
  for (let i = 0; i < n; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    count++;
    sumA += x;
    sumB += y;
  }
  if (count < 2) return NaN;
  const meanA = sumA / count;
  const meanB = sumB / count;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const dx = x - meanA;
    const dy = y - meanB;
    sab += dx * dy;
    saa += dx * dx;
    sbb += dy * dy;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : NaN;
}
