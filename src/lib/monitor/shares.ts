/** Counts as shares of their total (each in 0..1, summing to 1); NaN for every entry when the total is 0. */
export function shares(counts: readonly number[]): number[] {
  let total = 0;
  for (const c of counts) total += c;
  return counts.map((c) => c / total);
}
