import { describe, expect, it } from 'vitest';
import { chiSquareSf } from '../../../src/lib/monitor/chi-square-sf';
import { zTest } from '../../../src/lib/monitor/z-test';
import { expectRelative } from './expect-relative';

// ../shared/reference/drift.json has no Z-test values; these are derived by hand from the closed form
//   z = (p₁ − p₂) / √(P(1 − P)(1/n₁ + 1/n₂)),   P = (x₁ + x₂)/(n₁ + n₂),   p = 2(1 − Φ(|z|)).

describe('zTest(referenceCounts, currentCounts)', () => {
  it('zTest([50, 50], [30, 70]) is z = −5/√3 by hand', () => {
    // p₁ = 50/100 = 0.5, p₂ = 70/100 = 0.7, P = 120/200 = 0.6;
    // z = −0.2 / √(0.6 · 0.4 · 0.02) = −0.2 / √0.0048 = −√(0.04/0.0048) = −√(25/3) = −5/√3 ≈ −2.88675.
    const { statistic, pValue } = zTest([50, 50], [30, 70]);
    expectRelative(statistic, -5 / Math.sqrt(3), 1e-14);
    // Two-sided normal tail at 2.88675: 2(1 − Φ) ≈ 0.00389 (tables give Φ(2.89) ≈ 0.99807).
    expect(pValue).toBeCloseTo(0.00389, 5);
  });

  it('zTest’s p-value equals the chi-square (1 dof) tail at z²: the uncorrected 2 × 2 Pearson test, computed another way', () => {
    for (const [ref, cur] of [
      [
        [1612, 388],
        [1033, 467],
      ],
      [
        [50, 50],
        [30, 70],
      ],
      [
        [9, 1],
        [5, 5],
      ],
    ]) {
      const { statistic, pValue } = zTest(ref!, cur!);
      expectRelative(pValue, chiSquareSf(statistic * statistic, 1), 1e-10);
    }
  });

  it('zTest keeps tiny p-values that 2(1 − Φ(|z|)) would round to 0', () => {
    // binary_promo's mix (388/2000 vs 467/1500): z ≈ −8.0, p ≈ 1.3e-15, where 1 − Φ(|z|) keeps hardly a digit.
    const { statistic, pValue } = zTest([1612, 388], [1033, 467]);
    expect(statistic).toBeLessThan(-7.9);
    expect(pValue).toBeGreaterThan(0);
    expect(pValue).toBeLessThan(1e-14);
  });

  it('zTest compares the first category with all the others (more than two categories)', () => {
    expect(zTest([50, 20, 30], [30, 40, 30])).toEqual(zTest([50, 50], [30, 70]));
  });

  it('zTest gives z = 0, p = 1 when one value occurs everywhere, and NaN for an empty side', () => {
    expect(zTest([10, 0], [7, 0])).toEqual({ statistic: 0, pValue: 1 });
    expect(zTest([0, 0], [3, 4]).pValue).toBeNaN();
  });
});
