/**
 * Jensen–Shannon distance between two distributions given as counts or shares over the same bins (normalised here,
 * as scipy.spatial.distance.jensenshannon does), in base 2 so it lies in [0, 1]: 0 for identical distributions,
 * 1 for disjoint ones. It is the square root of the JS divergence ½·KL(p‖m) + ½·KL(q‖m), m = (p + q)/2, which
 * unlike PSI or KL stays finite when a bin is empty on one side — so no epsilon is needed.
 * NaN when the lengths differ or a side sums to 0.
 */
export function jensenShannonDistance(p: readonly number[], q: readonly number[]): number {
  if (p.length !== q.length) return NaN;
  const sumP = p.reduce((a, b) => a + b, 0);
  const sumQ = q.reduce((a, b) => a + b, 0);
  if (!(sumP > 0) || !(sumQ > 0)) return NaN;
  let left = 0;
  let right = 0;
  p.forEach((rawP, i) => {
    const pi = rawP / sumP;
    const qi = (q[i] as number) / sumQ;
    const mi = (pi + qi) / 2;
    left += _relativeEntropy(pi, mi);
    right += _relativeEntropy(qi, mi);
  });
  // Rounding can leave a hair below 0 for identical inputs; the divergence itself cannot be negative.
  return Math.sqrt(Math.max(0, (left + right) / Math.LN2 / 2));
}

/** scipy.special.rel_entr: x·ln(x/y), 0 where x = 0. */
function _relativeEntropy(x: number, y: number): number {
  if (x === 0) return 0;
  return x * Math.log(x / y);
}
