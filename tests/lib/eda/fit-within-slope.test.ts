import { describe, expect, it } from 'vitest';
import { fitWithinSlope } from '../../../src/lib/eda/fit-within-slope';
import { createRng } from '../../../src/lib/random/rng';

function panel({ slope, groups, perGroup, seed }: { slope: number; groups: number; perGroup: number; seed: number }) {
  const rng = createRng(seed);
  const n = groups * perGroup;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const group = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const g = Math.floor(i / perGroup);
    group[i] = g;
    // Groups with higher x also have much higher y: pooled, the slope would come out positive.
    x[i] = g + 0.1 * rng.normal();
    y[i] = 10 * g + slope * (x[i]! - g) + 0.01 * rng.normal();
  }
  return { x, y, group, groupCount: groups };
}

describe('fitWithinSlope', () => {
  it('fitWithinSlope(input) removes each group’s own level before fitting the slope', () => {
    const fit = fitWithinSlope(panel({ slope: -1.5, groups: 5, perGroup: 200, seed: 1 }));
    expect(fit.slope).toBeCloseTo(-1.5, 2);
    expect(fit.groups).toEqual([0, 1, 2, 3, 4]);
    expect(fit.r2).toBeGreaterThan(0.9);
  });

  it('fitWithinSlope(input, {trimZ}) is not dragged by a single wild row', () => {
    const input = panel({ slope: -1.5, groups: 5, perGroup: 200, seed: 2 });
    const i = input.x.reduce((best, v, k, xs) => (v - input.group[k]! > xs[best]! - input.group[best]! ? k : best), 0);
    input.y[i] = input.y[i]! + 8;
    const fit = fitWithinSlope(input);
    expect(fit.trimmed).toBeGreaterThanOrEqual(1);
    expect(fit.slope).toBeCloseTo(-1.5, 2);
    expect(fitWithinSlope(input, { trimZ: Infinity }).slope).toBeGreaterThan(-1.4);
  });

  it('fitWithinSlope(input) has no slope when x is constant within every group', () => {
    const fit = fitWithinSlope({ x: Float64Array.of(1, 1, 2, 2), y: Float64Array.of(1, 2, 3, 4), group: Int32Array.of(0, 0, 1, 1), groupCount: 2 });
    expect(fit.slope).toBeNull();
    expect(fit.rows).toBe(4);
  });
});
