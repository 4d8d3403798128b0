import { describe, expect, it } from 'vitest';
import { registryMessages as m } from '../../../src/lib/messages/registry';
import { evaluateForecast } from '../../../src/lib/evaluate/evaluate-forecast';
import { baselineForecast } from '../../../src/lib/models/baseline-forecast';
import { versionMetricsFromForecast, versionMetricsFromRun } from '../../../src/lib/registry/version-metrics';
import type { RunMetrics } from '../../../src/lib/runs/types';
import { defaultCostModel } from '../../../src/lib/scope/cost-model';
import { expectClose } from '../evaluate/expect-close';
import { makeRunMetrics } from '../evaluate/make-run-metrics';
import { exampleSales } from '../features/example-sales';
import { makeMetrics, makeRun } from '../runs/make-run';
import { METRICS } from './fixtures';

describe('versionMetricsFromRun(metrics, model, cost)', () => {
  it('reads the model’s test window and seasonal naive’s on the same window (stored run fixture)', () => {
    const stored = makeRun('run-1').metrics as unknown as RunMetrics;
    expect(versionMetricsFromRun(stored, 'mlp')).toEqual(METRICS);
  });

  it('uses the window labelled "test", not the folds', () => {
    const metrics = makeMetrics();
    const mlp = metrics.models.find((r) => r.name === 'mlp')!;
    mlp.windows[0]!.evaluation = { ...mlp.windows[0]!.evaluation, expert: { ...mlp.windows[0]!.evaluation.expert, wape: 0.9 } };
    expect(versionMetricsFromRun(metrics, 'mlp').wape).toBe(0.2);
  });

  it('reprices the stockout and overstock units under another cost model', () => {
    const cost = { unitPrice: 10, unitCost: 6, holdingCostPerUnitPerPeriod: 0.5, stockoutPenaltyPerUnit: 1 };
    // 12 overstock units × 0.5 + 10 stockout units × (10 − 6 + 1) = 56, for the model and for seasonal naive alike.
    const version = versionMetricsFromRun(makeMetrics(), 'mlp', cost);
    expect([version.cost, version.baselineCost]).toEqual([56, 56]);
  });

  it('on a run scored by the real evaluateForecast, repricing under the run’s own cost model gives its stored cost', () => {
    const { metrics } = makeRunMetrics({ horizon: 14, stores: 2, products: 3 });
    const test = (name: string) => metrics.models.find((r) => r.name === name)!.windows.find((w) => w.window === 'test')!.evaluation;
    const version = versionMetricsFromRun(metrics, 'mlp', defaultCostModel('daily'));
    expectClose(version.cost!, test('mlp').business.errorCost);
    expectClose(version.baselineCost!, test('seasonal-naive').business.errorCost);
    expect(version.wape).toBe(test('mlp').expert.wape);
    expect(version.baselineWape).toBe(test('seasonal-naive').expert.wape);
    expect(version.coverage80).toBe(test('mlp').dataScientist.coverage80);
  });

  it('a run without seasonal naive has no baseline figures; a metric stored as NaN reads as null', () => {
    const metrics = makeMetrics();
    metrics.models = metrics.models.filter((r) => r.name !== 'seasonal-naive');
    const mlp = metrics.models.find((r) => r.name === 'mlp')!;
    const test = mlp.windows.at(-1)!;
    test.evaluation = { ...test.evaluation, dataScientist: { ...test.evaluation.dataScientist, mase: Number.NaN } };
    const version = versionMetricsFromRun(metrics, 'mlp');
    expect([version.baselineWape, version.baselineCost, version.mase]).toEqual([null, null, null]);
  });

  it('throws for a model the run does not have, and for a model without a test window', () => {
    const metrics = makeMetrics();
    expect(() => versionMetricsFromRun(metrics, 'lstm')).toThrow(m.unknownModel('lstm', metrics.models.map((r) => r.name)));
    metrics.models.find((r) => r.name === 'cnn')!.windows.pop();
    expect(() => versionMetricsFromRun(metrics, 'cnn')).toThrow(m.noTestWindow('cnn'));
  });
});

describe('versionMetricsFromForecast({ data, forecast, cutoff, horizon, cost })', () => {
  const data = exampleSales({ stores: 1, products: 2, days: 120, seed: 3 });
  const cutoff = data.date.reduce((m, d) => Math.max(m, d), -Infinity) - 14;
  const cost = defaultCostModel('daily');
  const forecastOf = (kind: 'seasonal-naive' | 'moving-average') => baselineForecast(kind, data, { cutoff, horizon: 14 }).forecast;

  it('scores the forecast on the periods after the cutoff as evaluateForecast does, beside seasonal naive from the same cutoff', () => {
    const naive = versionMetricsFromForecast({ data, forecast: forecastOf('seasonal-naive'), cutoff, horizon: 14, cost });
    const evaluation = evaluateForecast({ data, forecast: forecastOf('seasonal-naive'), cutoff, cost });
    expect([naive.wape, naive.cost, naive.serviceLevel]).toEqual([evaluation.expert.wape, evaluation.business.errorCost, evaluation.business.serviceLevel]);
    // Seasonal naive is its own baseline.
    expect([naive.baselineWape, naive.baselineCost]).toEqual([naive.wape, naive.cost]);
    const average = versionMetricsFromForecast({ data, forecast: forecastOf('moving-average'), cutoff, horizon: 14, cost });
    expect([average.baselineWape, average.baselineCost]).toEqual([naive.wape, naive.cost]);
    expect(average.wape).not.toBe(naive.wape);
  });
});
