import { describe, expect, it } from 'vitest';
import {
  formatImprovement,
  improvementPercent,
  kindOf,
  leaderboard,
  leaderboardColumns,
  QUALITY_BAR_PERCENT,
  testImprovement,
  testImprovementText,
  testWindow,
} from '../../../src/lib/evaluate/leaderboard';
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

  it('kindOf(model) calls ridge linear (it trains like the networks, but is not one)', () => {
    expect(kindOf({ name: 'ridge', family: 'neural' })).toBe('linear');
    expect(kindOf({ name: 'mlp', family: 'neural' })).toBe('neural');
    expect(kindOf({ name: 'seasonal-naive', family: 'baseline' })).toBe('baseline');
    const ridge = { ...metrics, models: metrics.models.map((m) => (m.name === 'mlp' ? { ...m, name: 'ridge' as const } : m)) };
    expect(leaderboard(ridge, { primary: 'wape' }).find((r) => r.name === 'ridge')?.family).toBe('linear');
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

describe('formatting', () => {
  it('formatImprovement(percent) says lower or higher', () => {
    expect(formatImprovement(31.24)).toBe('31.2% lower');
    expect(formatImprovement(-4)).toBe('4.0% higher');
    expect(formatImprovement(null)).toBe('–');
  });
});
