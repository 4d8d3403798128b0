import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { autocorrelations, forecastTheta } from '../../../../src/lib/models/classical/theta';
import golden from '../../../fixtures/classical/ets-theta-golden.json';

// Golden values: tests/fixtures/classical/ets-theta-golden.json, written by tests/tools/classical-golden-ets-theta.R
// with R's forecast 8.20: thetaf(y, h, level = 80).

/** max |a − b| over the horizon relative to the largest |b|. */
function scaledDifference(actual: ArrayLike<number>, expected: readonly number[]): number {
  let worst = 0;
  let scale = 0;
  expected.forEach((e, i) => {
    worst = Math.max(worst, Math.abs((actual[i] as number) - e));
    scale = Math.max(scale, Math.abs(e));
  });
  return worst / scale;
}

describe('forecastTheta against R forecast::thetaf (tests/tools/classical-golden-ets-theta.R)', () => {
  // Deterministic given the SES fit, and the SES fit follows R's Nelder–Mead path to the same optimum: 1e-6.

  it.each(golden.cases)("case $name (m = $m): thetaf's mean and 80 % interval; its model's alpha, drift and sigma2 as params", (c) => {
    const result = forecastTheta(Float64Array.from(c.y), { season: c.m, horizon: c.h });
    expect(result.form).toBe('Theta');
    expect(scaledDifference(result.p50, c.theta.mean)).toBeLessThan(1e-6);
    expect(scaledDifference(result.p10, c.theta.lower)).toBeLessThan(1e-6);
    expect(scaledDifference(result.p90, c.theta.upper)).toBeLessThan(1e-6);
    const params = result.params as { alpha: number; drift: number; sigma2: number; nobs: number; seasonal: { m: number; indices: number[] } | null };
    expect(params.alpha / c.theta.alpha - 1).toBeCloseTo(0, 6);
    expect(params.drift / c.theta.drift - 1).toBeCloseTo(0, 6);
    expect(params.sigma2 / c.theta.sigma2 - 1).toBeCloseTo(0, 6);
    expect(params.nobs).toBe(c.y.length);
    if (params.seasonal) expect(params.seasonal.indices).toHaveLength(c.m);
  });
});

describe('autocorrelations(y, maxLag)', () => {
  it("matches R's acf(c(1, 3, 2, 5, 4), plot = FALSE): 0, 0.1, -0.4", () => {
    const r = autocorrelations(Float64Array.from([1, 3, 2, 5, 4]), 3);
    expect(Array.from(r).map((v) => Number(v.toFixed(10)))).toEqual([0, 0.1, -0.4]);
  });
});

describe('forecastTheta(y, options) edge cases', () => {
  const finite = (r: { p50: Float64Array; p10: Float64Array; p90: Float64Array }) =>
    [r.p50, r.p10, r.p90].every((a) => a.every(Number.isFinite));

  it('1 to 3 points and constant series forecast the last value', () => {
    for (const values of [[5], [5, 7], [5, 7, 6]]) {
      const r = forecastTheta(Float64Array.from(values), { season: 12, horizon: 4 });
      expect(Array.from(r.p50)).toEqual(Array<number>(4).fill(values[values.length - 1] as number));
      expect(finite(r)).toBe(true);
    }
    const constant = forecastTheta(new Float64Array(40).fill(3), { season: 7, horizon: 2 });
    expect(Array.from(constant.p50)).toEqual([3, 3]);
    expect(Array.from(constant.p90)).toEqual([3, 3]);
  });

  it('zeros, negative values and a zero trend window keep every number finite', () => {
    const zeros = Float64Array.from({ length: 60 }, (_, i) => (i % 7 < 3 ? 0 : 10));
    const negative = Float64Array.from({ length: 60 }, (_, i) => Math.sin((2 * Math.PI * i) / 7) * 5);
    for (const y of [zeros, negative]) expect(finite(forecastTheta(y, { season: 7, horizon: 14 }))).toBe(true);
  });

  it('never returns NaN or an inverted interval (fast-check, fixed seed)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { minLength: 0, maxLength: 40 }),
        fc.constantFrom(1, 4, 7, 12),
        (values, season) => {
          const r = forecastTheta(Float64Array.from(values), { season, horizon: 6 });
          expect(r.p50).toHaveLength(6);
          expect(finite(r)).toBe(true);
          expect(r.p10.every((v, i) => v <= (r.p90[i] as number))).toBe(true);
        },
      ),
      { seed: 20240601, numRuns: 100 },
    );
  });
});
