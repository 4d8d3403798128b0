import { describe, expect, it } from 'vitest';
import { seasonalStrength } from '../../../../src/lib/models/classical/arima';
import { stl } from '../../../../src/lib/models/classical/stl';
import golden from '../../../fixtures/classical/stl-golden.json';
import { expectRelative } from '../../monitor/expect-relative';

// Golden values: tests/fixtures/classical/stl-golden.json, written by tests/tools/classical-golden-stl.R with R 4.2.2
// and forecast 8.20: stl(y, s.window = 11) (what mstl(y) runs on a one-period series), forecast:::seas.heuristic(y)
// and nsdiffs(y).

interface Components {
  seasonal: number[];
  trend: number[];
  remainder: number[];
}

/**
 * Every component within 1e-9 of the series' largest |value|. Absolute, because seasonal and remainder values cross
 * zero, where a relative test means nothing; the port agrees with stl.f to about 1e-14 of that scale.
 */
function expectComponents(ours: Record<keyof Components, Float64Array>, theirs: Components, y: number[]): void {
  const tolerance = 1e-9 * Math.max(...y.map(Math.abs));
  for (const key of ['seasonal', 'trend', 'remainder'] as const) {
    expect(ours[key]).toHaveLength(theirs[key].length);
    let worst = 0;
    theirs[key].forEach((v, i) => (worst = Math.max(worst, Math.abs((ours[key][i] as number) - v))));
    expect(worst, key).toBeLessThanOrEqual(tolerance);
  }
}

describe('stl against R’s stats::stl (tests/tools/classical-golden-stl.R)', () => {
  for (const c of golden.cases) {
    it(`stl(x, { period: ${c.m}, sWindow: ${c.s_window} }) reproduces R’s stats::stl on '${c.name}'`, () => {
      expectComponents(stl(Float64Array.from(c.y), { period: c.m, sWindow: c.s_window }), c, c.y);
    });
  }
});

describe('seasonalStrength against forecast:::seas.heuristic (tests/tools/classical-golden-stl.R)', () => {
  for (const c of golden.cases) {
    it(`seasonalStrength(x, ${c.m}) = R’s ${c.seas_heuristic.toFixed(4)} on '${c.name}' (nsdiffs ${c.nsdiffs})`, () => {
      const strength = seasonalStrength(Float64Array.from(c.y), c.m);
      expectRelative(strength, c.seas_heuristic, 1e-6);
      expect(strength > 0.64 ? 1 : 0).toBe(c.nsdiffs);
    });
  }
});

describe('stl(x, options) and seasonalStrength(x, m) where R’s stl stops', () => {
  it('stl(x, { period, sWindow }) throws a RangeError for two periods or fewer, or a period below 2', () => {
    expect(() => stl(Float64Array.from({ length: 24 }, (_, i) => i), { period: 12, sWindow: 11 })).toThrow(RangeError);
    expect(() => stl(Float64Array.from({ length: 24 }, (_, i) => i), { period: 1, sWindow: 11 })).toThrow(RangeError);
  });

  // A constant series is not one of these: R's heuristic gives rounding noise there (0.15 on rep(3, 40)), and
  // nsdiffs, like chooseSeasonalD, returns 0 before asking it.
  it('seasonalStrength(x, m) is 0 there (the D that nsdiffs falls back to)', () => {
    expect(seasonalStrength(Float64Array.from({ length: 24 }, (_, i) => i % 12), 12)).toBe(0);
    expect(seasonalStrength(Float64Array.from({ length: 40 }, (_, i) => i % 12), 1)).toBe(0);
  });
});
