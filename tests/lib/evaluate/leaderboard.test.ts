import { describe, expect, it } from 'vitest';
import {
  comparisonModels,
  defaultModel,
  formatImprovement,
  improvementPercent,
  kindOf,
  leaderboard,
  leaderboardColumns,
  metricsFileName,
  metricsTableRows,
  metricsToJson,
  QUALITY_BAR_PERCENT,
  roleViews,
  testImprovement,
  testImprovementText,
  testWindow,
} from '../../../src/lib/evaluate/leaderboard';
import { dayToIso } from '../../../src/lib/core/days';
import { metricsToCsv } from '../../../src/lib/evaluate/metrics-to-csv';
import type { MetricName } from '../../../src/lib/notebook/stage-configs';
import type { RunMetrics } from '../../../src/lib/runs/types';
import { expectClose } from './expect-close';
import { makeRunMetrics } from './make-run-metrics';

const { metrics } = makeRunMetrics();
const clone = (m: RunMetrics): RunMetrics => structuredClone(m);
const model = (m: RunMetrics, name: string) => m.models.find((x) => x.name === name)!;
const PRIMARIES: MetricName[] = ['wape', 'mae', 'rmse', 'smape', 'mase'];

describe('make-run-metrics fixture', () => {
  it('makeRunMetrics() has 3 baselines and 3 neural models over 2 folds and the test, with histories and importance', () => {
    expect(metrics.models.map((m) => [m.name, m.family, m.windows.map((w) => w.window)])).toEqual([
      ['naive', 'baseline', ['fold 1', 'fold 2', 'test']],
      ['seasonal-naive', 'baseline', ['fold 1', 'fold 2', 'test']],
      ['moving-average', 'baseline', ['fold 1', 'fold 2', 'test']],
      ['ridge', 'neural', ['fold 1', 'fold 2', 'test']],
      ['mlp', 'neural', ['fold 1', 'fold 2', 'test']],
      ['cnn', 'neural', ['fold 1', 'fold 2', 'test']],
    ]);
    for (const m of metrics.models) {
      expect(m.importance === null).toBe(m.family === 'baseline');
      for (const w of m.windows) expect(w.history.length > 0).toBe(m.family === 'neural');
    }
    expect(metrics.best).toBe('mlp');
    // Same seed, same run.
    expect(JSON.stringify(makeRunMetrics().metrics)).toBe(JSON.stringify(metrics));
  });
});

describe('leaderboard', () => {
  it.each(PRIMARIES)('leaderboard(metrics, {primary: %s}) ranks every model by its backtest value, lowest first', (primary) => {
    const rows = leaderboard(metrics, { primary });
    expect(rows).toHaveLength(6);
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    const values = rows.map((r) => r.primary as number);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    for (const r of rows) expect(r.primary).toBe(model(metrics, r.name).backtest[primary]);
  });

  it('leaderboard(metrics, {primary}) flags the best model and seasonal naive, and gives the % below seasonal naive', () => {
    const rows = leaderboard(metrics, { primary: 'wape' });
    expect(rows.filter((r) => r.best).map((r) => r.name)).toEqual(['mlp']);
    expect(rows[0]!.name).toBe('mlp');
    const reference = rows.find((r) => r.reference)!;
    expect(reference.name).toBe('seasonal-naive');
    expect(reference.improvement).toBe(0);
    const sn = model(metrics, 'seasonal-naive').backtest.wape!;
    for (const r of rows) expectClose(r.improvement!, ((sn - r.primary!) / sn) * 100);
    expect(rows.find((r) => r.name === 'naive')!.improvement).toBeLessThan(0);
    expect(rows[0]!.label).toBe('MLP');
  });

  it('leaderboard(metrics, {primary}) puts models without the metric last, in run order', () => {
    const m = clone(metrics);
    model(m, 'mlp').backtest.mase = null;
    model(m, 'ridge').backtest.mase = null;
    const rows = leaderboard(m, { primary: 'mase' });
    expect(rows.slice(-2).map((r) => [r.name, r.primary, r.improvement])).toEqual([
      ['ridge', null, null],
      ['mlp', null, null],
    ]);
  });

  it('leaderboard(metrics, {primary}) has no improvement without a seasonal naive', () => {
    const m = clone(metrics);
    m.models = m.models.filter((x) => x.name !== 'seasonal-naive');
    expect(leaderboard(m, { primary: 'wape' }).every((r) => r.improvement === null && !r.reference)).toBe(true);
  });

  it('leaderboardColumns(primary) puts the primary metric first, then the others, bias, coverage and cost', () => {
    expect(leaderboardColumns('mase').map((c) => c.key)).toEqual(['mase', 'wape', 'mae', 'rmse', 'smape', 'bias', 'coverage80', 'cost']);
    expect(leaderboardColumns('wape')[0]).toMatchObject({ key: 'wape', label: 'WAPE', format: 'fraction' });
    for (const c of leaderboardColumns('mae')) expect(c.help.length).toBeGreaterThan(20);
  });

  it('improvementPercent(value, reference) is (reference − value) / reference in %, null when undefined', () => {
    expect(improvementPercent(0.15, 0.3)).toBe(50);
    expect(improvementPercent(0.45, 0.3)).toBeCloseTo(-50, 12);
    expect(improvementPercent(null, 0.3)).toBeNull();
    expect(improvementPercent(0.1, 0)).toBeNull();
    expect(improvementPercent(0.1, Number.NaN)).toBeNull();
  });
});

describe('testImprovement', () => {
  it('testImprovement(metrics) compares the best model with seasonal naive on the test window, by WAPE', () => {
    const t = testImprovement(metrics);
    const mlp = testWindow(model(metrics, 'mlp'))!.evaluation.expert.wape!;
    const sn = testWindow(model(metrics, 'seasonal-naive'))!.evaluation.expert.wape!;
    expect(t).toMatchObject({ model: 'mlp', modelWape: mlp, referenceWape: sn, target: QUALITY_BAR_PERCENT, meetsBar: true });
    expectClose(t.percent!, ((sn - mlp) / sn) * 100);
    // Measured on the test window, not the backtest mean.
    expect(t.modelWape).not.toBe(model(metrics, 'mlp').backtest.wape);
    expect(testImprovementText(t)).toMatch(/^On the test window, MLP’s WAPE \(\d+\.\d%\) is \d+\.\d% lower than seasonal naive’s \(\d+\.\d%\): meets the quality bar/);
  });

  it('testImprovement(metrics) says when the bar is missed or cannot be measured', () => {
    const m = clone(metrics);
    const test = testWindow(model(m, 'mlp'))!;
    test.evaluation.expert.wape = testWindow(model(m, 'seasonal-naive'))!.evaluation.expert.wape! * 0.9;
    const missed = testImprovement(m);
    expectClose(missed.percent!, 10);
    expect(missed.meetsBar).toBe(false);
    expect(testImprovementText(missed)).toContain('short of the quality bar (at least 25% lower)');
    expect(testImprovement({ ...m, best: null })).toMatchObject({ model: null, percent: null, meetsBar: null });
    expect(testImprovementText(testImprovement({ ...m, best: null }))).toMatch(/cannot be computed/);
  });
});

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
});

describe('downloads', () => {
  it('metricsTableRows(metrics) has one row per model × window × metric the Evaluate views show, under the role that shows it', () => {
    const rows = metricsTableRows(metrics);
    const views = roleViews(metrics, 'naive')!;
    const shown = [views.dataScientist, views.expert, views.business].flatMap((v) => v.rows.map((r) => `${v.role}/${r.metric}`));
    const firstWindow = rows.filter((r) => r.model === 'naive' && r.window === 'fold 1');
    expect(firstWindow.map((r) => `${r.role}/${r.metric}`)).toEqual(shown);
    expect(rows).toHaveLength(6 * 3 * shown.length);
    // WAPE and bias are the data scientist's on the page, so in the file too.
    expect(rows.find((r) => r.metric === 'wape')?.role).toBe('dataScientist');
    expect(rows.find((r) => r.metric === 'bias')?.role).toBe('dataScientist');
    expect(rows[0]).toEqual({
      model: 'naive',
      family: 'baseline',
      window: 'fold 1',
      cutoff: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      role: 'dataScientist',
      metric: 'mae',
      label: 'MAE',
      value: metrics.models[0]!.windows[0]!.evaluation.dataScientist.mae,
    });
    const csv = metricsToCsv(rows).trimEnd().split('\n');
    expect(csv[0]).toBe('model,family,window,cutoff,role,metric,label,value');
    expect(csv).toHaveLength(rows.length + 1);
  });

  it('metricsTableRows(metrics) adds the Scope’s custom metrics of each window, as the JSON has them', () => {
    const custom = [{ name: 'units short', value: 12.5, error: null }, { name: 'broken', value: null, error: 'unknown column' }];
    const withCustom = { ...metrics, models: metrics.models.map((m) => ({ ...m, windows: m.windows.map((w) => ({ ...w, custom })) })) };
    const rows = metricsTableRows(withCustom).filter((r) => r.role === 'custom');
    expect(rows).toHaveLength(6 * 3 * 2);
    expect(rows[0]).toMatchObject({ model: 'naive', window: 'fold 1', metric: 'units short', label: 'units short', value: 12.5 });
    expect(rows[1]).toMatchObject({ metric: 'broken', value: null });
  });

  it('kindOf(model) calls ridge linear (it trains like the networks, but is not one), in the leaderboard and the CSV', () => {
    expect(kindOf({ name: 'ridge', family: 'neural' })).toBe('linear');
    expect(kindOf({ name: 'mlp', family: 'neural' })).toBe('neural');
    expect(kindOf({ name: 'seasonal-naive', family: 'baseline' })).toBe('baseline');
    const ridge = { ...metrics, models: metrics.models.map((m) => (m.name === 'mlp' ? { ...m, name: 'ridge' as const } : m)) };
    expect(leaderboard(ridge, { primary: 'wape' }).find((r) => r.name === 'ridge')?.family).toBe('linear');
    expect(metricsTableRows(ridge).find((r) => r.model === 'ridge')?.family).toBe('linear');
  });

  it('metricsToJson(metrics) is the RunMetrics, pretty-printed, with the windows’ days as dates', () => {
    const json = metricsToJson(metrics);
    const parsed = JSON.parse(json) as typeof metrics;
    const window = metrics.models[0]!.windows[0]!;
    expect(parsed.models[0]!.windows[0]!.cutoff).toBe(dayToIso(window.cutoff));
    expect(parsed.models[0]!.windows[0]!.cutoff).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const undated = { ...parsed, models: parsed.models.map((m) => ({ ...m, windows: m.windows.map((w, i) => ({ ...w, cutoff: metrics.models[parsed.models.indexOf(m)]!.windows[i]!.cutoff })) })) };
    expect(undated).toEqual(JSON.parse(JSON.stringify(metrics)));
    expect(json).toContain('\n  "backend": "wasm",');
  });

  it('metricsFileName(extension, date) is dated in local time', () => {
    expect(metricsFileName('csv', new Date(2024, 4, 1, 23, 30))).toBe('forecast-lab-metrics-2024-05-01.csv');
    expect(metricsFileName('json', new Date(2025, 11, 31))).toBe('forecast-lab-metrics-2025-12-31.json');
  });
});

describe('formatting', () => {
  it('formatImprovement(percent) says lower or higher', () => {
    expect(formatImprovement(31.24)).toBe('31.2% lower');
    expect(formatImprovement(-4)).toBe('4.0% higher');
    expect(formatImprovement(null)).toBe('–');
  });
});

describe('comparisonModels', () => {
  it('comparisonModels(metrics, model) pairs the model with seasonal naive, once', () => {
    expect(comparisonModels(metrics, 'cnn')).toEqual(['cnn', 'seasonal-naive']);
    expect(comparisonModels(metrics, 'seasonal-naive')).toEqual(['seasonal-naive']);
    expect(comparisonModels({ ...metrics, models: metrics.models.filter((m) => m.name !== 'seasonal-naive') }, 'cnn')).toEqual(['cnn']);
  });
});
