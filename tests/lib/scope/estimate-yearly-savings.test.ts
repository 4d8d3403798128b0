import { describe, expect, it } from 'vitest';
import { CURRENT_METHOD, estimateYearlySavings } from '../../../src/lib/scope/estimate-yearly-savings';
import { PERIODS_PER_YEAR } from '../../../src/lib/scope/cost-model';
import type { FeatureSpec } from '../../../src/lib/features/types';
import type { HeadlineMetrics, ModelName, ModelResult, RunMetrics } from '../../../src/lib/runs/types';

const NO_METRICS: HeadlineMetrics = { wape: null, mae: null, rmse: null, smape: null, mase: null, bias: null, coverage80: null, cost: null };

function model(name: ModelName, cost: number | null): ModelResult {
  const family = name === 'ridge' || name === 'mlp' || name === 'cnn' ? 'neural' : 'baseline';
  return { name, family, spec: null, windows: [], backtest: { ...NO_METRICS, cost }, importance: null };
}

function run(overrides: Partial<RunMetrics> = {}): RunMetrics {
  return {
    backend: 'cpu',
    featureSpec: {} as FeatureSpec,
    horizon: 28,
    folds: 2,
    models: [model('naive', 900), model('seasonal-naive', 700), model('ridge', 600), model('mlp', 560)],
    best: 'mlp',
    baseline: 'seasonal-naive',
    ...overrides,
  };
}

describe('estimateYearlySavings(result, { frequency })', () => {
  it('annualises the best model’s backtest saving over seasonal naive: (700 − 560) / 28 days × 365', () => {
    // Worked by hand: 140 saved per 28-day window = 5 a day; 5 × 365 = 1825.
    expect(estimateYearlySavings(run(), { frequency: 'daily' })).toEqual({
      ok: true,
      best: 'mlp',
      currentMethod: 'seasonal-naive',
      bestCost: 560,
      currentCost: 700,
      horizon: 28,
      periodsPerYear: 365,
      perPeriod: 5,
      perYear: 1825,
    });
  });

  it.each([
    ['weekly', 8, 52],
    ['monthly', 12, 12],
  ] as const)('uses %s periods per year (horizon %i)', (frequency, horizon, periodsPerYear) => {
    const estimate = estimateYearlySavings(run({ horizon }), { frequency });
    expect(PERIODS_PER_YEAR[frequency]).toBe(periodsPerYear);
    expect(estimate).toMatchObject({ ok: true, periodsPerYear, perYear: ((700 - 560) / horizon) * periodsPerYear });
  });

  it('compares with seasonal naive, the current method, whatever baseline the run ranked against', () => {
    expect(CURRENT_METHOD).toBe('seasonal-naive');
    expect(estimateYearlySavings(run({ baseline: 'naive' }), { frequency: 'daily' })).toMatchObject({ currentCost: 700 });
  });

  it('gives negative savings when the best model costs more than the current method', () => {
    const result = run({ models: [model('seasonal-naive', 500), model('mlp', 528)] });
    expect(estimateYearlySavings(result, { frequency: 'daily' })).toMatchObject({ ok: true, perPeriod: -1, perYear: -365 });
  });

  it('says why there is no estimate: no best model, no seasonal naive result, or a missing cost', () => {
    expect(estimateYearlySavings(run({ best: null }), { frequency: 'daily' })).toEqual({ ok: false, reason: 'no-best-model' });
    expect(estimateYearlySavings(run({ best: 'cnn' }), { frequency: 'daily' })).toEqual({ ok: false, reason: 'no-best-model' });
    expect(estimateYearlySavings(run({ models: [model('mlp', 560)] }), { frequency: 'daily' })).toEqual({ ok: false, reason: 'no-current-method' });
    expect(estimateYearlySavings(run({ models: [model('seasonal-naive', null), model('mlp', 560)] }), { frequency: 'daily' })).toEqual({ ok: false, reason: 'no-cost' });
    expect(estimateYearlySavings(run({ horizon: 0 }), { frequency: 'daily' })).toEqual({ ok: false, reason: 'no-cost' });
  });
});
