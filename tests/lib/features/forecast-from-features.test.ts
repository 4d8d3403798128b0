import { describe, expect, it } from 'vitest';
import { addMonths } from '../../../src/lib/core/days';
import type { SalesData } from '../../../src/lib/data/types';
import { applyFeatures } from '../../../src/lib/features/apply-features';
import { buildFeatures } from '../../../src/lib/features/build-features';
import { defaultFeatureSpec } from '../../../src/lib/features/default-feature-spec';
import { fitFeatureState } from '../../../src/lib/features/fit-feature-state';
import { forecastFromFeatures, type PredictFn } from '../../../src/lib/features/forecast-from-features';
import type { FeatureSpec, FeatureState } from '../../../src/lib/features/types';
import { featureMessages } from '../../../src/lib/messages/features';
import { makeSales } from '../eda/make-sales';
import { exampleSales } from './example-sales';
import { countNonFinite, PLAIN_SPEC } from './feature-fixtures';

/** A "model" that returns one unscaled feature as its prediction, in one column or as a (½, 1, 2)× band. */
function echo(state: FeatureState, name: string, band = false): PredictFn {
  const j = state.names.indexOf(name);
  const width = state.names.length;
  const mean = state.scaler?.mean[j] ?? 0;
  const std = state.scaler?.std[j] ?? 1;
  return (x, rows) => {
    const out = new Float32Array(rows * (band ? 3 : 1));
    for (let r = 0; r < rows; r++) {
      const z = (x[r * width + j] as number) * std + mean;
      if (band) out.set([z / 2, z, z * 2], r * 3);
      else out[r] = z;
    }
    return out;
  };
}

const data = exampleSales({ stores: 2, products: 2, days: 200 });
const cutoff = (data.date[0] as number) + 150;
const spec = defaultFeatureSpec(data);
const state = fitFeatureState(data, spec, { trainEnd: cutoff });
const lastSales = (s: number) => {
  for (let i = data.date.length - 1; i >= 0; i--) if (data.series[i] === s && (data.date[i] as number) <= cutoff) return data.sales[i] as number;
  return NaN;
};

describe('forecastFromFeatures({ data, spec, state, cutoff, horizon, predict })', () => {
  it('forecastFromFeatures(…) feeds each step back as the next lag: echoing lag_1 repeats the last sales before the cutoff', async () => {
    const forecast = await forecastFromFeatures({ data, spec, state, cutoff, horizon: 5, predict: echo(state, 'lag_1') });
    expect(Array.from(forecast.series)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3]);
    expect(Array.from(forecast.step)).toEqual(Array.from({ length: 20 }, (_, i) => (i % 5) + 1));
    expect(Array.from(forecast.date)).toEqual(Array.from({ length: 20 }, (_, i) => cutoff + (i % 5) + 1));
    forecast.p50.forEach((p, i) => expect(p).toBeCloseTo(lastSales(forecast.series[i] as number), 4));
    expect(forecast.p10).toBeUndefined();
  });

  it('forecastFromFeatures(…, steps) predicts once, from the first step’s rows, and reads step h from the h-th block of outputs', async () => {
    // A direct "model" whose step h echoes lag_h of the first step's row (sales h − 1 days before the cutoff), as a band.
    const echoes = [1, 2, 3, 4, 5].map((lag) => echo(state, `lag_${lag}`, true));
    const calls: number[] = [];
    const direct: PredictFn = (x, rows) => {
      calls.push(rows);
      const blocks = echoes.map((e) => e(x, rows) as Float32Array);
      const out = new Float32Array(rows * 15);
      for (let r = 0; r < rows; r++) blocks.forEach((b, h) => out.set(b.subarray(r * 3, r * 3 + 3), r * 15 + h * 3));
      return out;
    };
    const forecast = await forecastFromFeatures({ data, spec, state, cutoff, horizon: 5, predict: direct, steps: 5 });
    expect(calls).toEqual([4]);
    expect(Array.from(forecast.step)).toEqual(Array.from({ length: 20 }, (_, i) => (i % 5) + 1));
    const salesOn = (s: number, day: number) => data.sales[data.date.findIndex((d, i) => d === day && data.series[i] === s)] as number;
    forecast.p50.forEach((p, i) => {
      const expected = salesOn(forecast.series[i] as number, cutoff + 1 - (forecast.step[i] as number));
      expect(p).toBeCloseTo(expected, 4);
      expect(forecast.p10?.[i]).toBeCloseTo(expected / 2, 4);
      expect(forecast.p90?.[i]).toBeCloseTo(expected * 2, 4);
    });
    // A model of 7 steps serves a horizon of 5 (its first five blocks); one of 3 steps cannot.
    const longer: PredictFn = (x, rows) => {
      const five = direct(x, rows) as Float32Array;
      const out = new Float32Array(rows * 21);
      for (let r = 0; r < rows; r++) out.set(five.subarray(r * 15, r * 15 + 15), r * 21);
      return out;
    };
    expect((await forecastFromFeatures({ data, spec, state, cutoff, horizon: 5, predict: longer, steps: 7 })).p50).toEqual(forecast.p50);
    await expect(forecastFromFeatures({ data, spec, state, cutoff, horizon: 5, predict: direct, steps: 3 })).rejects.toThrow(featureMessages.badSteps(3, 5));
  });

  it('forecastFromFeatures(…) with quantile outputs keeps P10/P90 per step and feeds back only the median', async () => {
    const forecast = await forecastFromFeatures({ data, spec, state, cutoff, horizon: 4, predict: echo(state, 'lag_1', true) });
    forecast.p50.forEach((p, i) => {
      expect(p).toBeCloseTo(lastSales(forecast.series[i] as number), 4);
      expect(forecast.p10?.[i]).toBeCloseTo(p / 2, 4);
      expect(forecast.p90?.[i]).toBeCloseTo(p * 2, 4);
    });
  });

  it('forecastFromFeatures(…) builds each step exactly as applyFeatures builds that date when the fed-back values are the actuals', async () => {
    const raw: FeatureSpec = { ...spec, target: 'none' }; // integer sales survive float32 exactly, so the histories match bit for bit
    const rawState = fitFeatureState(data, raw, { trainEnd: cutoff });
    const matrix = applyFeatures(data, raw, rawState);
    const width = matrix.names.length;
    const rowOf = new Map(Array.from(matrix.date, (d, r) => [`${matrix.series[r]}@${d}`, r]));
    let step = 0;
    const oracle: PredictFn = async (x, rows) => {
      step++;
      const out = new Float32Array(rows);
      for (let s = 0; s < rows; s++) {
        const r = rowOf.get(`${s}@${cutoff + step}`) as number;
        expect(Array.from(x.subarray(s * width, (s + 1) * width))).toEqual(Array.from(matrix.x.subarray(r * width, (r + 1) * width)));
        out[s] = matrix.y[r] as number;
      }
      return out;
    };
    const forecast = await forecastFromFeatures({ data, spec: raw, state: rawState, cutoff, horizon: 10, predict: oracle });
    expect(step).toBe(10);
    forecast.p50.forEach((p, i) => expect(p).toBe(matrix.y[rowOf.get(`${forecast.series[i]}@${forecast.date[i]}`) as number]));
  });

  it('forecastFromFeatures(…) on the example is unchanged when every sales value after the cutoff is changed or removed', async () => {
    const tampered: SalesData = { ...data, sales: data.sales.map((v, i) => ((data.date[i] as number) > cutoff ? (i % 3 === 0 ? NaN : v * 10 + 7) : v)) };
    const predict = echo(state, 'rolling_mean_7', true);
    const clean = await forecastFromFeatures({ data, spec, state, cutoff, horizon: 28, predict });
    expect(await forecastFromFeatures({ data: tampered, spec, state, cutoff, horizon: 28, predict })).toEqual(clean);
  });

  it("forecastFromFeatures(…) reads known covariates at the target date, and the training fill for a date beyond the data", async () => {
    const rows = [1, 2, 3, 4, 5, 6].map((t) => ({ date: 19_723 + t, sales: t, promo: t + 0.5 }));
    const promoData = makeSales(rows, { covariates: ['promo'] });
    const promoSpec: FeatureSpec = { ...PLAIN_SPEC, lags: [1], covariates: ['promo'] };
    const promoState = fitFeatureState(promoData, promoSpec, { trainEnd: 19_723 + 4 });
    const forecast = await forecastFromFeatures({ data: promoData, spec: promoSpec, state: promoState, cutoff: 19_723 + 4, horizon: 3, predict: echo(promoState, 'promo') });
    expect(Array.from(forecast.p50)).toEqual([5.5, 6.5, promoState.fill.promo]);
    expect(Array.from(forecast.date)).toEqual([19_728, 19_729, 19_730]);
  });

  it('forecastFromFeatures(…) caps run-away feedback at twice the observed range beyond it, and never forecasts negative sales', async () => {
    const rows = [1, 2, 3, 4, 5].map((t) => ({ date: 19_723 + t, sales: t }));
    const data = makeSales(rows);
    const spec: FeatureSpec = { ...PLAIN_SPEC, lags: [1] };
    const state = fitFeatureState(data, spec, { trainEnd: 19_728 });
    const explode = await forecastFromFeatures({ data, spec, state, cutoff: 19_728, horizon: 2, predict: (_x, n) => new Float32Array(n).fill(1e6) });
    // Observed sales 1…5: width max(5 − 1, 5) = 5, so the cap is 5 + 2 × 5 = 15.
    expect(Array.from(explode.p50)).toEqual([15, 15]);
    const negative = await forecastFromFeatures({ data, spec, state, cutoff: 19_728, horizon: 1, predict: (_x, n) => new Float32Array(n).fill(-3) });
    expect(Array.from(negative.p50)).toEqual([0]);
  });

  describe('forecastFromFeatures(…) caps feedback in SALES space under every target transform', () => {
    // Three years of monthly retail near 400 000 (a seasonal swing of ± 60 000): the case where log1p's bounds,
    // once widened in log space (z ≈ 12.9 → 39), let an MLP forecast ~2·10¹¹.
    const retail = makeSales(
      Array.from({ length: 36 }, (_, t) => ({ date: addMonths(19_723, t), sales: 400_000 + 60_000 * Math.sin((2 * Math.PI * t) / 12) })),
      { frequency: 'monthly' },
    );
    const last = retail.date[35] as number;
    const observed = Array.from(retail.sales);
    const lo = Math.min(...observed);
    const hi = Math.max(...observed);
    // feedbackBounds: hi + 2·max(hi − lo, |hi|), here 3·hi ≈ 1.38 million.
    const cap = hi + 2 * Math.max(hi - lo, hi);
    const run = async (target: FeatureSpec['target'], value: number, quantiles = false) => {
      const retailSpec: FeatureSpec = { ...PLAIN_SPEC, lags: [1, 12], rolling: [{ window: 3, stats: ['mean', 'std'] }], target, scale: 'standard' };
      const retailState = fitFeatureState(retail, retailSpec, { trainEnd: last });
      const predict: PredictFn = (_x, rows) => new Float32Array(rows * (quantiles ? 3 : 1)).fill(value);
      return forecastFromFeatures({ data: retail, spec: retailSpec, state: retailState, cutoff: last, horizon: 6, predict });
    };

    it.each(['log1p', 'series-scale', 'none'] as const)('forecastFromFeatures(target %s) with a run-away model stays finite and ≤ max + 2 × width', async (target) => {
      // 1e30 in z is what a diverging network emits; Infinity is a float32 overflow.
      for (const value of [1e30, Infinity]) {
        const forecast = await run(target, value, true);
        for (const band of [forecast.p50, forecast.p10, forecast.p90]) {
          expect(band).toBeDefined();
          for (const p of band ?? []) {
            expect(Number.isFinite(p)).toBe(true);
            expect(p).toBeLessThanOrEqual(cap * (1 + 1e-9));
            expect(p).toBeCloseTo(cap, -1);
          }
        }
      }
      const negative = await run(target, -1e30);
      expect(Array.from(negative.p50)).toEqual([0, 0, 0, 0, 0, 0]);
    });

    it("buildFeatures then forecastFromFeatures(target 'log1p') on sales near 400 000: finite features, and an echo of lag_1 repeats the last sales", async () => {
      // The whole log1p path at a large level: transform, lags and rolling stats in log space, the scaler fit on them,
      // float32 rows, the model's z back through expm1. float32 holds z ≈ 12.9 to ~1e-7, i.e. sales to ~1e-6.
      const logSpec: FeatureSpec = { ...PLAIN_SPEC, lags: [1, 12], rolling: [{ window: 3, stats: ['mean', 'std'] }], target: 'log1p', scale: 'standard' };
      const { matrix, state: logState } = buildFeatures(retail, logSpec, { fit: { trainEnd: last } });
      expect(matrix.rows).toBe(36 - 12);
      expect(countNonFinite(matrix.x) + countNonFinite(matrix.y)).toBe(0);
      expect(Math.max(...matrix.y)).toBeCloseTo(Math.log1p(hi), 5);
      const forecast = await forecastFromFeatures({ data: retail, spec: logSpec, state: logState, cutoff: last, horizon: 6, predict: echo(logState, 'lag_1') });
      for (const p of forecast.p50) expect(Math.abs(p - (observed[35] as number))).toBeLessThan(1e-5 * (observed[35] as number));
    });

    it("forecastFromFeatures(target 'log1p') on a series near 400 000 caps at a few million, not expm1(≈ 39) ≈ 10¹⁶", async () => {
      // The old bound, widened in log space: log1p(hi) + 2 · max(range, |log1p(hi)|), about 39.
      const oldCap = Math.expm1(3 * Math.log1p(hi));
      expect(oldCap).toBeGreaterThan(1e16);
      const forecast = await run('log1p', 1e30);
      expect(Math.max(...forecast.p50)).toBeLessThan(2e6);
      expect(Math.max(...forecast.p50)).toBeGreaterThan(hi);
    });
  });

  it('forecastFromFeatures(…) dates steps past the data a week or a calendar month apart', async () => {
    const weekly = makeSales([0, 1, 2, 3].map((t) => ({ date: 19_727 + 7 * t, sales: 5 })), { frequency: 'weekly' });
    const wState = fitFeatureState(weekly, { ...PLAIN_SPEC, lags: [1] }, { trainEnd: 19_748 });
    const w = await forecastFromFeatures({ data: weekly, spec: { ...PLAIN_SPEC, lags: [1] }, state: wState, cutoff: 19_748, horizon: 2, predict: echo(wState, 'lag_1') });
    expect(Array.from(w.date)).toEqual([19_755, 19_762]);
    const monthly = makeSales(['2023-11-30', '2023-12-31', '2024-01-31'].map((date) => ({ date, sales: 5 })), { frequency: 'monthly' });
    const last = monthly.date[2] as number;
    const mState = fitFeatureState(monthly, { ...PLAIN_SPEC, lags: [1] }, { trainEnd: last });
    const m = await forecastFromFeatures({ data: monthly, spec: { ...PLAIN_SPEC, lags: [1] }, state: mState, cutoff: last, horizon: 2, predict: echo(mState, 'lag_1') });
    expect(Array.from(m.date)).toEqual([addMonths(last, 1), addMonths(last, 2)]); // 2024-02-29, 2024-03-31
  });

  it('forecastFromFeatures(…) skips a series without a full warm-up of history at the cutoff', async () => {
    const rows = [...[0, 1, 2, 3, 4].map((t) => ({ date: 19_723 + t, sales: 1, id: 'long' })), ...[3, 4].map((t) => ({ date: 19_723 + t, sales: 1, id: 'short' }))];
    const two = makeSales(rows, { keys: ['id'] });
    const twoSpec: FeatureSpec = { ...PLAIN_SPEC, lags: [1, 2, 3] };
    const twoState = fitFeatureState(two, twoSpec, { trainEnd: 19_727 });
    const forecast = await forecastFromFeatures({ data: two, spec: twoSpec, state: twoState, cutoff: 19_727, horizon: 2, predict: echo(twoState, 'lag_1') });
    expect(Array.from(forecast.series)).toEqual([0, 0]);
  });

  it('forecastFromFeatures(…) rejects a bad horizon, and a model output that does not fit the rows or the quantiles', async () => {
    const base = { data, spec, state, cutoff };
    await expect(forecastFromFeatures({ ...base, horizon: 0, predict: echo(state, 'lag_1') })).rejects.toThrow(featureMessages.badHorizon(0));
    await expect(forecastFromFeatures({ ...base, horizon: 1, predict: (_x, rows) => new Float32Array(rows + 1) })).rejects.toThrow(featureMessages.badPrediction(5, 4));
    await expect(forecastFromFeatures({ ...base, horizon: 1, predict: (_x, rows) => new Float32Array(rows * 2) })).rejects.toThrow(featureMessages.badQuantiles(2, []));
    const ok = await forecastFromFeatures({ ...base, horizon: 1, quantiles: [0.5, 0.9], predict: (_x, rows) => new Float32Array(rows * 2).fill(1) });
    expect(ok.p90).toBeDefined();
    expect(ok.p10).toBeUndefined();
  });

  it('buildFeatures(…) then forecastFromFeatures(…) with the same state are independent of how the state was stored', async () => {
    const { state: built } = buildFeatures(data, spec, { fit: { trainEnd: cutoff } });
    const stored = JSON.parse(JSON.stringify(built)) as FeatureState;
    const predict = echo(built, 'rolling_mean_28');
    expect(await forecastFromFeatures({ data, spec, state: stored, cutoff, horizon: 7, predict })).toEqual(
      await forecastFromFeatures({ data, spec, state: built, cutoff, horizon: 7, predict }),
    );
  });
});
