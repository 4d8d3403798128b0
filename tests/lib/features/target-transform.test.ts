import { describe, expect, it } from 'vitest';
import { inverseTransformTarget, seriesScale, transformTarget } from '../../../src/lib/features/target-transform';
import type { FeatureSpec } from '../../../src/lib/features/types';

const KINDS: FeatureSpec['target'][] = ['none', 'log1p', 'series-scale'];
// 0 and a tiny value (log1p/expm1 must not lose it to cancellation), a store's monthly sales, a chain's.
const SALES = [0, 1e-9, 0.5, 1, 3, 1234.5, 400_000, 1e7];
const SCALE = 382_517.25;

describe('transformTarget(kind, sales, scale) / inverseTransformTarget(kind, z, scale)', () => {
  it.each(KINDS)('inverseTransformTarget(%s, transformTarget(…)) gives the sales back to 1e-9 relative', (kind) => {
    for (const sales of SALES) {
      const back = inverseTransformTarget(kind, transformTarget(kind, sales, SCALE), SCALE);
      expect(Math.abs(back - sales)).toBeLessThanOrEqual(1e-9 * sales);
    }
  });

  it.each(KINDS)('transformTarget(%s, …) is increasing (feedbackBounds and the quantiles rely on it)', (kind) => {
    const z = SALES.map((sales) => transformTarget(kind, sales, SCALE));
    z.slice(1).forEach((value, i) => expect(value).toBeGreaterThan(z[i] as number));
  });

  it("transformTarget('log1p', …) counts negative sales (net returns) as 0, as documented", () => {
    expect(transformTarget('log1p', -5, 1)).toBe(0);
    expect(transformTarget('log1p', -1e7, 1)).toBe(0);
    expect(inverseTransformTarget('log1p', transformTarget('log1p', -5, 1), 1)).toBe(0);
  });

  it("transformTarget('log1p', 400 000) is about 12.9 and 'series-scale' puts a series' mean at 1", () => {
    expect(transformTarget('log1p', 400_000, 1)).toBeCloseTo(Math.log(400_001), 12);
    expect(transformTarget('series-scale', SCALE, SCALE)).toBe(1);
    expect(transformTarget('none', -2, SCALE)).toBe(-2);
  });

  it('seriesScale(mean) is the mean, or 1 when it is not a positive finite number', () => {
    expect(seriesScale(400_000)).toBe(400_000);
    expect([0, -3, NaN, Infinity].map(seriesScale)).toEqual([1, 1, 1, 1]);
  });
});
