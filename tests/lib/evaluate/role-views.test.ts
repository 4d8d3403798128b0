import { describe, expect, it } from 'vitest';
import { comparisonModels, defaultModel, roleViews } from '../../../src/lib/evaluate/role-views';
import { testWindow } from '../../../src/lib/evaluate/leaderboard';
import type { RunMetrics } from '../../../src/lib/runs/types';
import { expectClose } from './expect-close';
import { makeRunMetrics } from './make-run-metrics';

const { metrics } = makeRunMetrics();
const model = (m: RunMetrics, name: string) => m.models.find((x) => x.name === name)!;

describe('roleViews', () => {
  const views = roleViews(metrics, 'mlp')!;
  const mlp = model(metrics, 'mlp');
  const test = testWindow(mlp)!.evaluation;

  it('roleViews(metrics, model) gives the data scientist’s metrics on the test window and their mean over the selection folds', () => {
    expect(views.dataScientist.rows.map((r) => r.metric)).toEqual(['mae', 'rmse', 'wape', 'smape', 'mase', 'bias', 'pinballP10', 'pinballP50', 'pinballP90', 'coverage80']);
    const mae = views.dataScientist.rows[0]!;
    expect(mae.test).toBe(test.dataScientist.mae);
    // The folds alone, as the leaderboard's selection column: the test window is not in the mean.
    const folds = mlp.windows.filter((w) => w.window !== 'test');
    expect(folds).toHaveLength(2);
    expectClose(mae.backtest!, folds.reduce((s, w) => s + w.evaluation.dataScientist.mae!, 0) / 2);
    expectClose(views.dataScientist.rows.find((r) => r.metric === 'wape')!.backtest!, mlp.backtest.wape!);
    expect(views.dataScientist.rows.find((r) => r.metric === 'coverage80')).toMatchObject({ format: 'fraction', test: test.dataScientist.coverage80 });
    expect(views).toMatchObject({ model: 'mlp', window: 'test', windows: 2, baseline: 'seasonal-naive' });
    for (const view of [views.dataScientist, views.expert, views.business]) for (const r of view.rows) expect(r.help, r.metric).toBeTruthy();
  });

  it('roleViews(metrics, model) gives the planner stock figures and bias on holiday and promo rows', () => {
    const keys = views.expert.rows.map((r) => r.metric);
    expect(keys).toEqual(['stockoutUnits', 'stockoutPeriods', 'overstockUnits', 'serviceLevel', 'fillRate', 'mape', 'biasPercent', 'biasOn:holiday', 'biasOff:holiday', 'biasOn:promo', 'biasOff:promo']);
    const holiday = views.expert.rows.find((r) => r.metric === 'biasOn:holiday')!;
    expect(holiday.test).toBe(test.expert.byFlag.find((b) => b.flag === 'holiday')!.on!.biasPercent);
    expect(holiday.label).toBe('Bias on “holiday” rows (% of actual)');
    // Ridge was simulated to miss 30% of the holiday uplift: it under-forecasts holidays.
    expect(roleViews(metrics, 'ridge')!.expert.rows.find((r) => r.metric === 'biasOn:holiday')!.test).toBeLessThan(-10);
  });

  it('roleViews(metrics, model) gives the business the cost of error, savings and the yearly value', () => {
    const row = (key: string) => views.business.rows.find((r) => r.metric === key)!;
    expect(row('errorCost').test).toBe(test.business.errorCost);
    expect(row('savings').test).toBe(test.business.savings);
    expect(row('savings').test).toBeGreaterThan(0);
    expect(row('valuePerYear').test).toBe(test.business.value!.perYear);
    expect(views.value).toEqual(test.business.value);
    expectClose(row('holdingCost').test! + row('lostMargin').test! + row('stockoutPenalty').test!, row('errorCost').test!);
    expect(roleViews(metrics, 'seasonal-naive')!.business.rows.find((r) => r.metric === 'savings')!.test).toBe(0);
  });

  it('roleViews(metrics, model) is null for a model the run does not have', () => {
    expect(roleViews({ ...metrics, models: metrics.models.slice(0, 3) }, 'mlp')).toBeNull();
  });

  it('defaultModel(metrics, wanted) keeps a model the run has, else the best, else the first', () => {
    expect(defaultModel(metrics, 'cnn')).toBe('cnn');
    expect(defaultModel(metrics, null)).toBe('mlp');
    expect(defaultModel({ ...metrics, models: metrics.models.slice(0, 3) }, 'cnn')).toBe('naive');
    expect(defaultModel({ ...metrics, models: [] }, null)).toBeNull();
  });

  it('comparisonModels(metrics, model) pairs the model with seasonal naive, once', () => {
    expect(comparisonModels(metrics, 'cnn')).toEqual(['cnn', 'seasonal-naive']);
    expect(comparisonModels(metrics, 'seasonal-naive')).toEqual(['seasonal-naive']);
    expect(comparisonModels({ ...metrics, models: metrics.models.filter((m) => m.name !== 'seasonal-naive') }, 'cnn')).toEqual(['cnn']);
  });
});
