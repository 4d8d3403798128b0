import { describe, expect, it } from 'vitest';
import { durbinMatrixCdf } from '../../../src/lib/monitor/durbin-matrix-cdf';
import { kolmogorovSf } from '../../../src/lib/monitor/kolmogorov-sf';
import { pelzGoodCdf } from '../../../src/lib/monitor/pelz-good-cdf';
import { smirnovSf } from '../../../src/lib/monitor/smirnov-sf';
import { expectRelative } from './expect-relative';

// The p-values these feed are checked against scipy in ks-two-sample.test.ts (../shared/reference/drift.json); here
// each piece is checked against closed forms, published values and its neighbours across the method boundaries.

const factorialOverPower = (n: number): number => {
  let p = 1;
  for (let i = 1; i <= n; i++) p *= i / n;
  return p;
};

describe('kolmogorovSf(n, x)', () => {
  it('kolmogorovSf(10, 0.274) is 1 − 0.6284796154565043 (Marsaglia, Tsang & Wang 2003, their worked example)', () => {
    expectRelative(1 - kolmogorovSf(10, 0.274), 0.6284796154565043, 1e-12);
    expectRelative(durbinMatrixCdf(10, 0.274), 0.6284796154565043, 1e-12);
  });

  it('kolmogorovSf(n, x) follows the Ruben–Gambino closed forms at both ends', () => {
    // 1/(2n) < x ≤ 1/n: CDF = n!/nⁿ · (2nx − 1)ⁿ (past n ≈ 10 it is too small to show in 1 − CDF).
    for (const n of [2, 3, 5, 8]) {
      const x = 0.9 / n;
      expectRelative(kolmogorovSf(n, x), 1 - factorialOverPower(n) * (2 * n * x - 1) ** n, 1e-12);
      expect(kolmogorovSf(n, 0.4 / n)).toBe(1);
    }
    // x ≥ 1 − 1/n: SF = 2(1 − x)ⁿ.
    for (const n of [5, 50, 140, 141, 1000]) {
      const y = 1 - 0.5 / n;
      expectRelative(kolmogorovSf(n, y), 2 * (1 - y) ** n, 1e-12);
    }
  });

  it('kolmogorovSf(n, x) is 1 at x ≤ 0, 0 at x ≥ 1, NaN for a non-integer n', () => {
    expect(kolmogorovSf(20, 0)).toBe(1);
    expect(kolmogorovSf(20, 1)).toBe(0);
    expect(kolmogorovSf(20.5, 0.3)).toBeNaN();
    expect(kolmogorovSf(20, NaN)).toBeNaN();
  });

  it('kolmogorovSf(n, x) decreases in x and stays in [0, 1] across every method boundary', () => {
    for (const n of [3, 26, 136, 140, 141, 373, 2222, 100_000, 100_001]) {
      let previous = 1;
      for (let i = 1; i <= 150; i++) {
        const x = (i / 150) ** 2;
        const p = kolmogorovSf(n, x);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(previous + 1e-12);
        previous = p;
      }
    }
  });

  it('kolmogorovSf is continuous where it switches method (the neighbouring methods agree there)', () => {
    const eps = 1e-9;
    // n ≤ 140: Durbin's matrix up to nx² = 4, twice the one-sided tail above.
    const x4 = Math.sqrt(4 / 100);
    expectRelative(kolmogorovSf(100, x4 - eps), kolmogorovSf(100, x4 + eps), 1e-6);
    // n > 140: Durbin / Pelz–Good below nx² = 2.2, twice the one-sided tail above.
    const x22 = Math.sqrt(2.2 / 5000);
    expectRelative(kolmogorovSf(5000, x22 - eps), kolmogorovSf(5000, x22 + eps), 1e-5);
    // Durbin's matrix and Pelz–Good's expansion on either side of n·x^1.5 = 1.4.
    const x14 = (1.4 / 5000) ** (2 / 3);
    expectRelative(1 - durbinMatrixCdf(5000, x14), 1 - pelzGoodCdf(5000, x14), 1e-6);
  });

  it('kolmogorovSf(n, x) for large n approaches the limiting Kolmogorov distribution at x·√n fixed', () => {
    // Q(λ) = 2 Σ (−1)^(k−1) e^(−2k²λ²); the finite-n tail is larger by about O(1/√n).
    const limit = (lambda: number): number => {
      let s = 0;
      for (let k = 1; k < 100; k++) s += 2 * (-1) ** (k - 1) * Math.exp(-2 * k * k * lambda * lambda);
      return s;
    };
    for (const lambda of [0.6, 1, 1.36, 2]) {
      const n = 1_000_000;
      expect(Math.abs(kolmogorovSf(n, lambda / Math.sqrt(n)) - limit(lambda))).toBeLessThan(2e-3);
    }
  });
});

describe('smirnovSf(n, x)', () => {
  it('smirnovSf(n, x) matches the Birnbaum–Tingey sum written out for n = 3', () => {
    // P(D⁺₃ ≥ x) = x Σ_{v ≤ 3(1−x)} C(3, v) (x + v/3)^(v−1) (1 − x − v/3)^(3−v).
    for (const x of [0.1, 0.25, 0.5, 0.7]) {
      let s = 0;
      const binomial = [1, 3, 3, 1];
      for (let v = 0; v <= Math.floor(3 * (1 - x)); v++) s += (binomial[v] as number) * (x + v / 3) ** (v - 1) * (1 - x - v / 3) ** (3 - v);
      expectRelative(smirnovSf(3, x), x * s, 1e-13);
    }
  });

  it('smirnovSf(n, x) has the one-sided closed forms: x ≤ 1/n and x ≥ 1 − 1/n', () => {
    expectRelative(smirnovSf(10, 0.05), 1 - 0.05 * 1.05 ** 9, 1e-14);
    expectRelative(smirnovSf(10, 0.95), 0.05 ** 10, 1e-12);
    expect(smirnovSf(1, 0.3)).toBeCloseTo(0.7, 15);
    expect(smirnovSf(10, 0)).toBe(1);
    expect(smirnovSf(10, 1)).toBe(0);
  });

  it('smirnovSf(n, x) tends to e^(−2nx²) (Smirnov) for large n', () => {
    const n = 200_000;
    const x = 1 / Math.sqrt(n);
    // The leading correction is a factor e^(−(2/3)x(1 + …)): tiny at this n.
    expectRelative(smirnovSf(n, x), Math.exp(-2 * n * x * x), 5e-3);
  });
});
