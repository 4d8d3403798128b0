import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { arimaAicc, fitArima, forecastArimaFit } from '../../../../src/lib/models/classical/arima-fit';
import type { ArimaOrder } from '../../../../src/lib/models/classical/arima-parameters';
import { arimaParams, forecastArima } from '../../../../src/lib/models/classical/arima';

/**
 * Golden values from R 4.2.2 / forecast 8.20, written by tests/tools/classical-golden-arima.R:
 * `auto.arima(y)` and `Arima(y, order, seasonal, include.drift)`, each then `forecast(fit, h, level = 80)`.
 */
interface GoldenFit {
  order: number[];
  seasonal: number[];
  form: string;
  coef: Record<string, number>;
  sigma2: number;
  loglik: number;
  aicc: number;
  mean: number[];
  lower: number[];
  upper: number[];
}
interface GoldenAuto extends GoldenFit {
  name: string;
  m: number;
  h: number;
  y: number[];
}
interface GoldenFixed extends GoldenFit {
  series: string;
  drift: boolean;
}
const golden = JSON.parse(
  readFileSync(new URL('../../../fixtures/classical/arima-golden.json', import.meta.url), 'utf8'),
) as { auto: GoldenAuto[]; fixed: GoldenFixed[] };
const seriesByName = new Map(golden.auto.map((c) => [c.name, c]));

function maxRelative(ours: ArrayLike<number>, theirs: number[]): number {
  let worst = 0;
  theirs.forEach((v, i) => (worst = Math.max(worst, Math.abs((ours[i] as number) - v) / Math.max(1e-9, Math.abs(v)))));
  return worst;
}

/** Interval bounds compared through their distance from R's point forecast (relative to R's half-width). */
function maxRelativeWidth(ours: ArrayLike<number>, theirs: number[], centre: number[]): number {
  let worst = 0;
  theirs.forEach((v, i) => {
    const half = Math.abs(v - (centre[i] as number));
    worst = Math.max(worst, Math.abs((ours[i] as number) - v) / Math.max(1e-9, half));
  });
  return worst;
}

describe('fitArima(y, { order, constant, method: "CSS-ML" }) reproduces R’s Arima()', () => {
  for (const g of golden.fixed) {
    const s = seriesByName.get(g.series) as GoldenAuto;
    it(`${g.series} ${g.form}: coefficients ±2e-3 (relative), loglik ±0.01, AICc ±0.02, forecasts and 80 % bounds within 0.1 %; arimaParams as R's Arima object`, () => {
      const order: ArimaOrder = { p: g.order[0]!, d: g.order[1]!, q: g.order[2]!, P: g.seasonal[0]!, D: g.seasonal[1]!, Q: g.seasonal[2]!, period: s.m };
      const constant = g.drift || order.d + order.D === 0;
      const fit = fitArima(Float64Array.from(s.y), { order, constant, method: 'CSS-ML' });
      expect(fit.coefNames).toEqual(Object.keys(g.coef));
      Object.values(g.coef).forEach((v, i) => expect(Math.abs((fit.coef[i] as number) - v)).toBeLessThan(2e-3 * Math.max(1, Math.abs(v))));
      expect(Math.abs(fit.loglik - g.loglik)).toBeLessThan(0.01);
      expect(Math.abs(arimaAicc(fit) - g.aicc)).toBeLessThan(0.02);
      expect(Math.abs(fit.sigma2 / g.sigma2 - 1)).toBeLessThan(1e-3);
      const fc = forecastArimaFit(fit, s.h);
      expect(maxRelative(fc.mean, g.mean)).toBeLessThan(1e-3);
      expect(maxRelativeWidth(fc.lower, g.lower, g.mean)).toBeLessThan(1e-3);
      expect(maxRelativeWidth(fc.upper, g.upper, g.mean)).toBeLessThan(1e-3);
      const params = arimaParams(fit) as unknown as GoldenParams;
      expect([params.order, params.seasonal, params.period]).toEqual([g.order, g.seasonal, s.m]);
      expect(Object.keys(params.coef)).toEqual(Object.keys(g.coef));
      expect([params.sigma2, params.loglik, params.aicc]).toEqual([fit.sigma2, fit.loglik, arimaAicc(fit)]);
    });
  }
});

/** What forecastArima reports as params: R's orders, coef(fit) by name, sigma2, loglik, aicc, nobs. */
interface GoldenParams {
  order: number[];
  seasonal: number[];
  period: number;
  coef: Record<string, number>;
  sigma2: number;
  loglik: number;
  aicc: number;
  nobs: number;
}

describe('forecastArima(y, { season, horizon }) follows R’s auto.arima()', () => {
  for (const g of golden.auto) {
    it(`${g.name} (m = ${g.m}, n = ${g.y.length}): R chose ${g.form}`, () => {
      const f = forecastArima(Float64Array.from(g.y), { season: g.m, horizon: g.h });
      expect(f.p50).toHaveLength(g.h);
      if (f.form === g.form) {
        // Same model: the only differences left are the optimiser's last digits.
        expect(maxRelative(f.p50, g.mean)).toBeLessThan(1e-3);
        expect(maxRelativeWidth(f.p10, g.lower, g.mean)).toBeLessThan(1e-3);
        expect(maxRelativeWidth(f.p90, g.upper, g.mean)).toBeLessThan(1e-3);
        // And the parameters it reports are R's, by R's names, within the tolerances of the fixed fits above.
        const params = f.params as unknown as GoldenParams;
        expect([params.order, params.seasonal]).toEqual([g.order, g.seasonal]);
        expect(Object.keys(params.coef)).toEqual(Object.keys(g.coef));
        for (const [name, v] of Object.entries(g.coef)) expect(Math.abs((params.coef[name] as number) - v), name).toBeLessThan(2e-3 * Math.max(1, Math.abs(v)));
        expect(Math.abs(params.loglik - g.loglik)).toBeLessThan(0.01);
        expect(Math.abs(params.aicc - g.aicc)).toBeLessThan(0.02);
        expect(Math.abs(params.sigma2 / g.sigma2 - 1)).toBeLessThan(1e-3);
        expect(params.nobs).toBe(Math.min(g.y.length, 730) - g.order[1]! - g.seasonal[1]! * g.m);
      } else {
        // A different choice must be a near-tie on AICc (within 1 %) with forecasts within 5 % and bounds within
        // half of R's half-width.
        const ours = parseForm(f.form, g.m);
        const fit = fitArima(Float64Array.from(g.y), { order: ours.order, constant: ours.constant, method: 'CSS-ML' });
        expect(Math.abs(arimaAicc(fit) / g.aicc - 1)).toBeLessThan(0.01);
        expect(maxRelative(f.p50, g.mean)).toBeLessThan(0.05);
        expect(maxRelativeWidth(f.p10, g.lower, g.mean)).toBeLessThan(0.5);
        expect(maxRelativeWidth(f.p90, g.upper, g.mean)).toBeLessThan(0.5);
      }
    });
  }

  it('chooses R’s order on at least 7 of the 8 golden series', () => {
    const same = golden.auto.filter((g) => forecastArima(Float64Array.from(g.y), { season: g.m, horizon: g.h }).form === g.form);
    expect(same.length).toBeGreaterThanOrEqual(7);
  });
});

function parseForm(form: string, m: number): { order: ArimaOrder; constant: boolean } {
  const match = /^ARIMA\((\d+),(\d+),(\d+)\)(?:\((\d+),(\d+),(\d+)\)\[\d+\])?/.exec(form);
  if (!match) throw new Error(`unexpected form ${form}`);
  const n = (i: number): number => Number(match[i] ?? 0);
  return {
    order: { p: n(1), d: n(2), q: n(3), P: n(4), D: n(5), Q: n(6), period: m },
    constant: form.includes('with drift') || form.includes('non-zero mean'),
  };
}

describe('forecastArima(y, options) on awkward series never throws nor returns NaN', () => {
  const ramp = Float64Array.from({ length: 40 }, (_, i) => i);
  const seasonalNegative = Float64Array.from({ length: 60 }, (_, i) => -50 + 10 * Math.sin((2 * Math.PI * i) / 12) + (i % 5) - 2);
  const cases: [string, Float64Array, number][] = [
    ['empty', new Float64Array(0), 12],
    ['one value', Float64Array.of(5), 12],
    ['two values', Float64Array.of(5, 7), 1],
    ['five values, seasonal', Float64Array.of(3, 1, 4, 1, 5), 12],
    ['constant', new Float64Array(50).fill(7), 7],
    ['all zeros', new Float64Array(100), 7],
    ['mostly zeros (intermittent)', Float64Array.from({ length: 120 }, (_, i) => (i % 17 === 0 ? 3 : 0)), 7],
    ['negative values with a season', seasonalNegative, 12],
    ['a straight line', ramp, 1],
    ['a seasonal straight line', Float64Array.from({ length: 60 }, (_, i) => 2 * i + (i % 4)), 4],
    ['shorter than two seasons', Float64Array.from({ length: 20 }, (_, i) => (i * 7) % 5), 12],
    ['with NaN and Infinity', Float64Array.from({ length: 48 }, (_, i) => (i === 10 ? NaN : i === 20 ? Infinity : 10 + (i % 3))), 12],
  ];
  for (const [name, y, season] of cases) {
    it(name, () => {
      const f = forecastArima(y, { season, horizon: 8 });
      for (const a of [f.p10, f.p50, f.p90]) {
        expect(a).toHaveLength(8);
        expect(Array.from(a).every(Number.isFinite)).toBe(true);
      }
      for (let h = 0; h < 8; h++) {
        expect(f.p10[h]).toBeLessThanOrEqual(f.p50[h] as number);
        expect(f.p90[h]).toBeGreaterThanOrEqual(f.p50[h] as number);
      }
      expect(f.form.length).toBeGreaterThan(0);
    });
  }

  it('a constant series is forecast as that constant with a zero-width interval (as auto.arima)', () => {
    const f = forecastArima(new Float64Array(30).fill(4.5), { season: 12, horizon: 3 });
    expect(Array.from(f.p50)).toEqual([4.5, 4.5, 4.5]);
    expect(Array.from(f.p10)).toEqual([4.5, 4.5, 4.5]);
    expect(f.form).toBe('ARIMA(0,0,0) with non-zero mean');
    // auto.arima's own fit of a constant: Arima(x, order = c(0, 0, 0), fixed = mean(x)).
    expect(f.params).toEqual({ order: [0, 0, 0], seasonal: [0, 0, 0], period: 12, coef: { intercept: 4.5 }, sigma2: 0, nobs: 30 });
  });
});
