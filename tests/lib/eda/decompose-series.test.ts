import { describe, expect, it } from 'vitest';
import { decomposeSeries, fitTrendAndPattern, seasonalPeriod } from '../../../src/lib/eda/decompose-series';
import { Scratch } from '../../../src/lib/core/scratch';
import { createRng } from '../../../src/lib/random/rng';

const WEEKLY = [5, 3, 1, 0, -1, -3, -5];

function synthetic(n: number, { noise = 0, seed = 1 } = {}): number[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, t) => 100 + 0.5 * t + (WEEKLY[t % 7] as number) + noise * rng.normal());
}

describe('decomposeSeries', () => {
  it('decomposeSeries(values, {period: 7}) recovers a linear trend and a weekly pattern exactly', () => {
    const result = decomposeSeries(synthetic(70), { period: 7 });
    if (!result.ok) throw new Error(result.reason);
    // A 7-point centred average of a line plus a full cycle is the line itself.
    expect(result.trend[3]).toBeCloseTo(100 + 0.5 * 3, 10);
    expect(result.trend[66]).toBeCloseTo(100 + 0.5 * 66, 10);
    expect(result.trend.slice(0, 3).every(Number.isNaN)).toBe(true);
    expect(result.trend.slice(67).every(Number.isNaN)).toBe(true);
    result.pattern.forEach((v, k) => expect(v).toBeCloseTo(WEEKLY[k] as number, 10));
    expect(result.seasonalAmplitude).toBeCloseTo(10, 10);
    expect(Math.max(...result.residual.filter((r) => r === r).map(Math.abs))).toBeLessThan(1e-9);
  });

  it('decomposeSeries(values, {period: 7}) recovers the seasonal amplitude within 10% under noise', () => {
    const result = decomposeSeries(synthetic(364, { noise: 1.5, seed: 5 }), { period: 7 });
    if (!result.ok) throw new Error(result.reason);
    expect(result.seasonalAmplitude).toBeGreaterThan(9);
    expect(result.seasonalAmplitude).toBeLessThan(11);
    expect(result.seasonalStrength).toBeGreaterThan(0.8);
    expect(result.trendStrength).toBeGreaterThan(0.9);
    expect(result.pattern.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 10);
  });

  it('decomposeSeries(values, {period: 12}) uses the 2×12 centred average for an even period', () => {
    const values = Array.from({ length: 48 }, (_, t) => t + (t % 12 === 11 ? 24 : 0));
    const result = decomposeSeries(values, { period: 12 });
    if (!result.ok) throw new Error(result.reason);
    // Hand-computed at t = 6: (0.5·v0 + v1 + … + v11 + 0.5·v12) / 12 = (0 + 66 + 24 + 6) / 12 = 8.
    expect(result.trend[6]).toBeCloseTo(8, 12);
    expect(result.trend[5]).toBeNaN();
    expect(result.pattern.indexOf(Math.max(...result.pattern))).toBe(11);
  });

  it('decomposeSeries(values, {period}) bridges missing values for the trend and leaves them out of the residual', () => {
    const values = synthetic(70);
    values[20] = NaN;
    values[41] = NaN;
    const result = decomposeSeries(values, { period: 7 });
    if (!result.ok) throw new Error(result.reason);
    expect(result.residual[20]).toBeNaN();
    expect(result.trend[20]).toBeCloseTo(110, 3);
    expect(result.seasonal[20]).toBeCloseTo(WEEKLY[20 % 7] as number, 4);
    expect(result.pattern[6]).toBeCloseTo(-5, 4);
  });

  it('decomposeSeries(values, {period}) gives a reason instead of a result for fewer than two cycles', () => {
    const short = decomposeSeries(synthetic(13), { period: 7 });
    expect(short.ok).toBe(false);
    if (!short.ok) expect(short.reason).toMatch(/at least 14/);
    const sparse = decomposeSeries([...synthetic(10), ...new Array<number>(20).fill(NaN)], { period: 7 });
    expect(sparse.ok).toBe(false);
    if (!sparse.ok) expect(sparse.reason).toMatch(/missing/);
  });

  it('fitTrendAndPattern(values, {scratch}) gives decomposeSeries\' trend and pattern, in memory an earlier fit left dirty', () => {
    const scratch = new Scratch();
    for (const slotAverage of ['mean', 'median'] as const) {
      const values = synthetic(90, { noise: 2, seed: 11 });
      values[30] = NaN;
      values[31] = NaN;
      values[64] = NaN;
      fitTrendAndPattern(synthetic(120, { noise: 5, seed: 2 }), { period: 7, slotAverage, scratch });
      scratch.reset();
      const fit = fitTrendAndPattern(values, { period: 7, slotAverage, scratch });
      const full = decomposeSeries(values, { period: 7, slotAverage });
      if (!fit.ok || !full.ok) throw new Error('not decomposed');
      expect([fit.trend, fit.pattern]).toEqual([full.trend, full.pattern]);
    }
  });

  it('seasonalPeriod(frequency) is 7 for daily, 52 for weekly, 12 for monthly data', () => {
    expect([seasonalPeriod('daily'), seasonalPeriod('weekly'), seasonalPeriod('monthly')]).toEqual([7, 52, 12]);
  });
});
