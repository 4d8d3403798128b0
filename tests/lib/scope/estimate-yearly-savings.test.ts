import { describe, expect, it } from 'vitest';
import { CURRENT_METHOD, estimateYearlySavings } from '../../../src/lib/scope/estimate-yearly-savings';
import { valueEstimate } from '../../../src/lib/evaluate/value-estimate';
import type { Frequency } from '../../../src/lib/data/types';
import type { FeatureSpec } from '../../../src/lib/features/types';
import type { HeadlineMetrics, ModelName, ModelResult, RunMetrics, WindowResult } from '../../../src/lib/runs/types';

const NO_METRICS: HeadlineMetrics = { wape: null, mae: null, rmse: null, smape: null, mase: null, bias: null, coverage80: null, cost: null };

/**
 * A test window whose business view says the model's cost of forecast error is `cost` against the current method's
 * `current` over `horizon` periods, annualised as evaluateForecast does (valueEstimate of the savings).
 */
function testWindow(cost: number, current: number | null, horizon: number, frequency: Frequency): WindowResult {
  const savings = current === null ? null : current - cost;
  const business = { errorCost: cost, baselineErrorCost: current, savings, value: savings === null ? null : valueEstimate(savings, { periods: horizon, frequency }) };
  const evaluation = { cutoff: 0, horizon, business, dataScientist: {}, expert: { byFlag: [] } };
  return { window: 'test', cutoff: 0, evaluation, history: [], bestEpoch: null, stoppedEarly: false, durationMs: 0 } as unknown as WindowResult;
}

function model(name: ModelName, windows: WindowResult[] = []): ModelResult {
  return { name, family: name === 'seasonal-naive' ? 'baseline' : 'neural', spec: null, windows, backtest: NO_METRICS, test: null, importance: null };
}

function run(best: ModelName | null, models: ModelResult[]): RunMetrics {
  return { backend: 'cpu', featureSpec: {} as FeatureSpec, horizon: 28, folds: 2, models, best, baseline: 'seasonal-naive' };
}

describe('estimateYearlySavings(result): the Scope’s value, the same figure as the Evaluate stage’s', () => {
  it('annualises the pick’s test-window saving over seasonal naive: (700 − 560) / 28 days × 365', () => {
    // Worked by hand: 140 saved per 28-day window = 5 a day; 5 × 365 = 1825.
    const window = testWindow(560, 700, 28, 'daily');
    const metrics = run('mlp', [model('seasonal-naive'), model('mlp', [window])]);
    expect(estimateYearlySavings(metrics)).toEqual({
      ok: true, best: 'mlp', currentMethod: 'seasonal-naive', bestCost: 560, currentCost: 700, horizon: 28, periodsPerYear: 365, perPeriod: 5, perYear: 1825,
    });
    // One value estimate: the Evaluate stage's business view shows this same field of the test window (roleViews().value).
    expect(window.evaluation.business.value?.perYear).toBe(1825);
  });

  it.each([
    ['weekly', 8, 52],
    ['monthly', 12, 12],
  ] as const)('uses %s periods per year (horizon %i)', (frequency, horizon, periodsPerYear) => {
    const metrics = run('ridge', [model('seasonal-naive'), model('ridge', [testWindow(560, 700, horizon, frequency)])]);
    expect(estimateYearlySavings(metrics)).toMatchObject({ ok: true, periodsPerYear, perYear: ((700 - 560) / horizon) * periodsPerYear });
  });

  it('gives negative savings when the pick costs more than the current method', () => {
    expect(CURRENT_METHOD).toBe('seasonal-naive');
    const metrics = run('mlp', [model('seasonal-naive'), model('mlp', [testWindow(528, 500, 28, 'daily')])]);
    expect(estimateYearlySavings(metrics)).toMatchObject({ ok: true, perPeriod: -1, perYear: -365 });
  });

  it('says why there is no estimate: no pick, no seasonal naive result, or no cost on the test window', () => {
    const window = testWindow(560, 700, 28, 'daily');
    expect(estimateYearlySavings(run(null, [model('seasonal-naive'), model('mlp', [window])]))).toEqual({ ok: false, reason: 'no-best-model' });
    expect(estimateYearlySavings(run('cnn', [model('seasonal-naive'), model('mlp', [window])]))).toEqual({ ok: false, reason: 'no-best-model' });
    expect(estimateYearlySavings(run('mlp', [model('mlp', [window])]))).toEqual({ ok: false, reason: 'no-current-method' });
    expect(estimateYearlySavings(run('mlp', [model('seasonal-naive'), model('mlp', [testWindow(560, null, 28, 'daily')])]))).toEqual({ ok: false, reason: 'no-cost' });
    expect(estimateYearlySavings(run('mlp', [model('seasonal-naive'), model('mlp')]))).toEqual({ ok: false, reason: 'no-cost' });
  });
});
