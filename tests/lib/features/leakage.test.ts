import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addMonths } from '../../../src/lib/core/days';
import type { Frequency, SalesData } from '../../../src/lib/data/types';
import { applyFeatures } from '../../../src/lib/features/apply-features';
import { fitFeatureState } from '../../../src/lib/features/fit-feature-state';
import { forecastFromFeatures } from '../../../src/lib/features/forecast-from-features';
import type { FeatureSpec } from '../../../src/lib/features/types';
import { makeSales, type SalesRow } from '../eda/make-sales';
import { rowsUpTo } from './feature-fixtures';

// Leakage: nothing a row dated t is given may depend on sales at t or later, nothing fit may depend on sales after
// the training end, and no forecast may depend on sales after its cutoff. Checked on random panels (gaps, NaN sales,
// all three frequencies) and random specs, with fast-check's fixed seed 42 so a failure replays.

const START = 18_262; // 2020-01-01
const dateOf = (frequency: Frequency, t: number): number =>
  frequency === 'daily' ? START + t : frequency === 'weekly' ? START + 7 * t : addMonths(START + 14, t);

const sales = fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 60 }) }, { weight: 1, arbitrary: fc.constant(NaN) });
const period = fc.record({
  sales,
  present: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  price: fc.integer({ min: 1, max: 9 }),
  promo: fc.integer({ min: 0, max: 1 }),
  hol: fc.oneof({ weight: 8, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constant(1) }),
});
const panel = fc.record({
  frequency: fc.constantFrom<Frequency>('daily', 'weekly', 'monthly'),
  series: fc.array(fc.array(period, { minLength: 12, maxLength: 45 }), { minLength: 1, maxLength: 3 }),
});
const spec = fc.record({
  version: fc.constant(1 as const),
  lags: fc.uniqueArray(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 4 }),
  rolling: fc.uniqueArray(fc.integer({ min: 2, max: 8 }), { maxLength: 2 }).map((windows) => windows.map((window) => ({ window, stats: ['mean', 'std'] as ('mean' | 'std')[] }))),
  calendar: fc.record({
    dayOfWeek: fc.boolean(),
    month: fc.boolean(),
    weekOfYear: fc.boolean(),
    holiday: fc.constantFrom(null, 'hol'),
    holidayDistance: fc.boolean(),
  }),
  covariates: fc.subarray(['price', 'promo']),
  seriesIdentity: fc.constantFrom<FeatureSpec['seriesIdentity']>('none', 'one-hot', 'level'),
  target: fc.constantFrom<FeatureSpec['target']>('none', 'log1p', 'series-scale'),
  scale: fc.constantFrom<FeatureSpec['scale']>('none', 'standard'),
});
/** Where the future starts (an index into the periods) and what replaces the sales from there on. */
const future = fc.record({ at: fc.integer({ min: 1, max: 44 }), replacements: fc.array(sales, { minLength: 1, maxLength: 20 }) });

type Panel = typeof panel extends fc.Arbitrary<infer T> ? T : never;

/** A panel as SalesData; a series' first period is always a row, so every series exists. */
function toSales({ frequency, series }: Panel): SalesData {
  const rows: SalesRow[] = [];
  series.forEach((periods, s) =>
    periods.forEach((p, t) => {
      if (p.present || t === 0) rows.push({ date: dateOf(frequency, t), sales: p.sales, id: `S${s}`, price: p.price, promo: p.promo, hol: p.hol });
    }),
  );
  return makeSales(rows, { keys: ['id'], covariates: ['price', 'promo', 'hol'], frequency });
}

/**
 * The same data with every sales value dated ≥ t0 replaced: at t0 by another number (so the rows dated t0 stay rows),
 * later by anything, NaN included.
 */
function perturb(data: SalesData, t0: number, replacements: number[]): SalesData {
  const sales = data.sales.slice();
  let k = 0;
  for (let i = 0; i < sales.length; i++) {
    const day = data.date[i] as number;
    if (day < t0) continue;
    const next = replacements[k++ % replacements.length] as number;
    if (day > t0) sales[i] = next;
    else if (Number.isFinite(sales[i] as number)) sales[i] = Number.isFinite(next) ? next + 1000 : 999;
  }
  return { ...data, sales };
}

/** A fixed, bounded "model": a weighted sum of the features squashed to (0.5, 1.5), and a band of ±0.2 around it. */
function fakeModel(width: number) {
  return (x: Float32Array, rows: number): Float32Array => {
    const out = new Float32Array(rows * 3);
    for (let r = 0; r < rows; r++) {
      let sum = 0;
      for (let j = 0; j < width; j++) sum += (((j * 7919) % 13) - 6) * 0.1 * (x[r * width + j] as number);
      const z = 1 + 0.5 * Math.tanh(sum);
      out.set([z - 0.2, z, z + 0.2], r * 3);
    }
    return out;
  };
}

describe('features leak nothing from the future (fast-check, seed 42)', () => {
  it('applyFeatures(data, spec, state): every feature of a row dated t is unchanged when sales dated ≥ t change', () => {
    let checked = 0;
    fc.assert(
      fc.property(panel, spec, future, (p, s, f) => {
        const data = toSales(p);
        const t0 = dateOf(p.frequency, f.at);
        const state = fitFeatureState(data, s, { trainEnd: t0 - 1 });
        const before = rowsUpTo(applyFeatures(data, s, state), t0);
        const after = rowsUpTo(applyFeatures(perturb(data, t0, f.replacements), s, state), t0);
        expect(after).toEqual(before);
        if (before.length > 0) checked++;
      }),
      { seed: 42, numRuns: 200 },
    );
    expect(checked).toBeGreaterThan(100); // not vacuous: most runs had rows to compare
  });

  it('fitFeatureState(data, spec, { trainEnd }) is unchanged when sales after trainEnd change', () => {
    fc.assert(
      fc.property(panel, spec, future, (p, s, f) => {
        const data = toSales(p);
        const trainEnd = dateOf(p.frequency, f.at) - 1;
        expect(fitFeatureState(perturb(data, trainEnd + 1, f.replacements), s, { trainEnd })).toEqual(fitFeatureState(data, s, { trainEnd }));
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('forecastFromFeatures({ cutoff, … }) is unchanged when sales after the cutoff change', async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(panel, spec, future, fc.integer({ min: 1, max: 6 }), async (p, s, f, horizon) => {
        const data = toSales(p);
        const cutoff = dateOf(p.frequency, f.at) - 1;
        const state = fitFeatureState(data, s, { trainEnd: cutoff });
        const predict = fakeModel(state.names.length);
        const run = (d: SalesData) => forecastFromFeatures({ data: d, spec: s, state, cutoff, horizon, predict });
        const forecast = await run(data);
        expect(await run(perturb(data, cutoff + 1, f.replacements))).toEqual(forecast);
        if (forecast.p50.length > 0) checked++;
      }),
      { seed: 42, numRuns: 150 },
    );
    expect(checked).toBeGreaterThan(50); // not vacuous: many runs had series with enough history to forecast
  });
});
