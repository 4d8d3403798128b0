import { roundHalfEven } from './round-half-even';

/**
 * Exact two-sided p-value of the two-sample Kolmogorov–Smirnov statistic d for samples of sizes n1 and n2, as
 * scipy 1.10's `_attempt_exact_2kssamp`: P(D ≥ d) under the null that both come from one continuous distribution.
 *
 * D only takes values h/lcm(n1, n2), so d is first snapped to the nearest such value (and that is the statistic
 * scipy reports). Each ordering of the pooled sample is a lattice path from (0, 0) to (n1, n2); the p-value is the
 * share of paths that leave the band |x/n1 − y/n2| < d.
 * - n1 = n2: a closed form (an alternating sum of binomial ratios, evaluated Horner-fashion so it does not cancel).
 * - otherwise: Hodges' "inside" recursion over the lattice, kept column by column in a sliding window, in the form of
 *   Viehmann (2021), which carries the probability of having left the band rather than of staying in it. Computing
 *   1 − p directly keeps tiny p-values (1e-300 and below, as for a level shift on thousands of rows) instead of
 *   rounding them to 0.
 *
 * Returns null where scipy gives up on the exact method — lcm(n1, n2) past an int32 (the lattice would be too long
 * to walk), or a probability outside [0, 1] — and the caller falls back to the asymptotic p-value as scipy does.
 */
export function ksExactTwoSided(n1: number, n2: number, d: number): { statistic: number; pValue: number } | null {
  const g = _gcd(n1, n2);
  if (n1 / g >= INT32_MAX / (n2 / g)) return null;
  const lcm = (n1 / g) * n2;
  const h = roundHalfEven(d * lcm);
  const statistic = h / lcm;
  if (h === 0) return { statistic, pValue: 1 };
  const pValue = n1 === n2 ? _outsideSquare(n1, h) : _outsideBand(n1, n2, g, h);
  return pValue >= 0 && pValue <= 1 ? { statistic, pValue } : null;
}

const INT32_MAX = 2 ** 31 - 1;

/** P(D ≥ h/n) for two samples of n: 2·Σₖ (−1)^(k+1) C(2n, n − kh)/C(2n, n), nested as A₁(1 − A₂(1 − A₃(…))). */
function _outsideSquare(n: number, h: number): number {
  let p = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    // C(2n, n − kh)/C(2n, n) ÷ the same for k − 1: h factors, each below 1.
    let ratio = 1;
    for (let j = 0; j < h; j++) ratio = ((n - k * h - j) * ratio) / (n + k * h + j + 1);
    p = ratio * (1 - p);
  }
  return 2 * p;
}

/**
 * The share of lattice paths (0, 0) → (m, n) that touch or cross |x/m − y/n| ≥ h/lcm. Column i holds, for each y in
 * the band, the probability that a uniformly drawn path to (i, y) has already left it; points outside the band hold 1.
 * A path to (i, y) arrives from the left with probability i/(i + y) and from below with y/(i + y).
 */
function _outsideBand(n1: number, n2: number, g: number, h: number): number {
  const m = Math.max(n1, n2);
  const n = Math.min(n1, n2);
  const mg = m / g;
  const ng = n / g;
  // Every y outside the current window reads as 1 ("already left"), so the column starts as all ones.
  const column = new Float64Array(n + 2).fill(1);
  let low = 0;
  let high = Math.min(Math.ceil(h / mg), n + 1);
  column.fill(0, low, high);
  let length = high - low;
  for (let i = 1; i <= m; i++) {
    const lastLow = low;
    const lastLength = length;
    low = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    high = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    // The band has closed: every path has left it.
    if (high <= low) return 1;
    let below = low === 0 ? 0 : 1;
    for (let k = 0; k < high - low; k++) {
      const y = k + low;
      below = ((column[k + low - lastLow] as number) * i + below * y) / (i + y);
      column[k] = below;
    }
    length = high - low;
    // Slots the window no longer covers read as "outside" again.
    if (lastLength > length) column.fill(1, length, lastLength);
  }
  return column[high - low - 1] as number;
}

function _gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
