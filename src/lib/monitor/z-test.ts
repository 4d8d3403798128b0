import erfc from '@stdlib/math-base-special-erfc';

/**
 * Evidently's `z` drift test for a binary column: the two-proportion Z-test with a pooled proportion.
 * Counts are per category in the same order on both sides; the first category (Evidently takes the first in sorted
 * order) is "0", every other one "1". With p₁, p₂ the shares of "1" in reference and current and
 * P = (x₁ + x₂)/(n₁ + n₂) the pooled share:
 *   z = (p₁ − p₂) / √(P(1 − P)(1/n₁ + 1/n₂)),   p-value = 2·(1 − Φ(|z|)) = erfc(|z|/√2)
 * Evidently writes 2·(1 − Φ(|z|)), which rounds to 0 once p < 1e-16; erfc keeps the digits. z² equals the 2 × 2
 * Pearson chi-square without Yates' correction. When only one value occurs at all: z = 0, p-value 1 (Evidently's
 * special case). An empty side gives NaN.
 */
export function zTest(referenceCounts: readonly number[], currentCounts: readonly number[]): { statistic: number; pValue: number } {
  const n1 = referenceCounts.reduce((a, b) => a + b, 0);
  const n2 = currentCounts.reduce((a, b) => a + b, 0);
  if (!(n1 > 0) || !(n2 > 0)) return { statistic: NaN, pValue: NaN };
  const x1 = n1 - (referenceCounts[0] ?? 0);
  const x2 = n2 - (currentCounts[0] ?? 0);
  const pooled = (x1 + x2) / (n1 + n2);
  if (pooled === 0 || pooled === 1) return { statistic: 0, pValue: 1 };
  const statistic = (x1 / n1 - x2 / n2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  return { statistic, pValue: erfc(Math.abs(statistic) / Math.SQRT2) };
}
