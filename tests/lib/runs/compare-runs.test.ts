import { describe, expect, it } from 'vitest';
import { compareRuns, curveModels, formatParamValue, formatRelative, judgeDelta, metricMatrix } from '../../../src/lib/runs/compare-runs';
import { makeRun } from './make-run';

const reference = makeRun('ref-000001', { epochs: 10 });
const better = makeRun('better-0002', { errorScale: 0.5, seed: 7, mlpHidden: [32], epochs: 8 });
const interrupted = makeRun('cut-000003', { status: 'interrupted', lags: [1, 7] });

describe('compareRuns(records)', () => {
  it('compareRuns([a, b]) names the runs, the first being the reference', () => {
    const { runs } = compareRuns([reference, better]);
    expect(runs).toEqual([
      { id: 'ref-000001', label: 'Run ref-0000', created: reference.created, status: 'done', reference: true },
      { id: 'better-0002', label: 'Run better-0', created: better.created, status: 'done', reference: false },
    ]);
  });

  it('compareRuns([a, b]) gives each model’s metric deltas against the reference, lower-is-better for errors and cost', () => {
    const { metrics } = compareRuns([reference, better]);
    expect(metrics).toHaveLength(6 * 8);
    const wape = metrics.find((row) => row.model === 'mlp' && row.metric === 'wape');
    expect(wape?.reference).toBe(0.2);
    expect(wape?.others[0]).toEqual({ value: 0.1, delta: -0.1, relative: -0.5, verdict: 'better' });
    const cost = metrics.find((row) => row.model === 'naive' && row.metric === 'cost');
    expect(cost?.others[0]?.verdict).toBe('better');
    // Bias: closer to zero is better (−0.1 → −0.05).
    expect(metrics.find((row) => row.model === 'mlp' && row.metric === 'bias')?.others[0]?.verdict).toBe('better');
    // Same coverage in both runs.
    expect(metrics.find((row) => row.model === 'mlp' && row.metric === 'coverage80')?.others[0]?.verdict).toBe('same');
    // Reversed, the same deltas are worse.
    const reversed = compareRuns([better, reference]).metrics.find((row) => row.model === 'mlp' && row.metric === 'wape');
    expect(reversed?.others[0]?.verdict).toBe('worse');
  });

  it('compareRuns([a, b]) lists only the config params that differ, never the stage in view', () => {
    const stageOnly = makeRun('stage', { stage: 'evaluate' });
    expect(compareRuns([reference, stageOnly]).params).toEqual([]);
    expect(compareRuns([reference, better]).params).toEqual([
      { path: 'seed', values: [42, 7], changed: [false, true] },
      { path: 'models.candidates[1].hidden', values: [[64, 32], [32]], changed: [false, true] },
    ]);
  });

  it('compareRuns([a, b, c]) takes the union of differences, with every run’s value', () => {
    const { params, metrics } = compareRuns([reference, better, interrupted]);
    expect(params).toEqual([
      { path: 'seed', values: [42, 7, 42], changed: [false, true, false] },
      { path: 'models.candidates[1].hidden', values: [[64, 32], [32], [64, 32]], changed: [false, true, false] },
      { path: 'features.lags', values: [[1, 7, 14], [1, 7, 14], [1, 7]], changed: [false, false, true] },
    ]);
    // The interrupted run has no results: its cells are empty, not zero.
    const wape = metrics.find((row) => row.model === 'mlp' && row.metric === 'wape');
    expect(wape?.others[1]).toEqual({ value: null, delta: null, relative: null, verdict: null });
  });

  it('compareRuns(records) gives each run’s learning curves on its first window (trained from the seed), neural models only', () => {
    const { curves } = compareRuns([reference, better, interrupted]);
    expect(curves.map((c) => c.label)).toEqual(['Run ref-0000', 'Run better-0', 'Run cut-0000']);
    expect(curves[0]?.models.map((m) => [m.model, m.window, m.epochs.length])).toEqual([
      ['ridge', 'fold 1', 10],
      ['mlp', 'fold 1', 10],
      ['cnn', 'fold 1', 10],
    ]);
    expect(curves[1]?.models[0]?.epochs).toHaveLength(8);
    expect(curves[2]?.models).toEqual([]);
  });

  it('metricMatrix(comparison) has a column per metric and a row per model × run, runs without results left out', () => {
    const matrix = metricMatrix(compareRuns([reference, better, interrupted]));
    expect(matrix.metrics).toEqual(['wape', 'mase', 'mae', 'rmse', 'smape', 'bias', 'coverage80', 'cost']);
    expect(matrix.models.map((m) => m.model)).toEqual(['ridge', 'mlp', 'cnn', 'naive', 'seasonal-naive', 'moving-average']);
    const mlp = matrix.models[1];
    expect(mlp?.runs.map((r) => r.run.id)).toEqual(['ref-000001', 'better-0002']);
    expect(mlp?.runs[0]?.cells[0]).toEqual({ value: 0.2, delta: null, relative: null, verdict: null });
    expect(mlp?.runs[1]?.cells[0]).toEqual({ value: 0.1, delta: -0.1, relative: -0.5, verdict: 'better' });
  });

  it('compareRuns(records) rejects fewer than 2 or more than 4 runs', () => {
    expect(() => compareRuns([reference])).toThrow(RangeError);
    expect(() => compareRuns([reference, better, better, better, better])).toThrow(RangeError);
  });

  it('compareRuns(records) survives a malformed record', () => {
    const comparison = compareRuns([reference, { id: 'junk', status: 'done', config: null }]);
    expect(comparison.runs[1]?.status).toBe('unreadable');
    expect(comparison.metrics.every((row) => row.others[0]?.value === null)).toBe(true);
  });
});

describe('judgeDelta(metric, reference, value)', () => {
  it('judgeDelta(metric, reference, value) knows which way is better', () => {
    expect(judgeDelta('wape', 0.2, 0.3).verdict).toBe('worse');
    expect(judgeDelta('cost', 100, 90).verdict).toBe('better');
    expect(judgeDelta('bias', -2, 1).verdict).toBe('better');
    expect(judgeDelta('coverage80', 0.7, 0.95).verdict).toBe('worse');
    expect(judgeDelta('mase', 1, 1 + 1e-12).verdict).toBe('same');
    expect(judgeDelta('mae', 0, 1)).toEqual({ value: 1, delta: 1, relative: null, verdict: 'worse' });
    expect(judgeDelta('mae', null, 1)).toEqual({ value: 1, delta: null, relative: null, verdict: null });
  });
});

describe('curveModels(runs)', () => {
  it('curveModels(runs) lists each model once', () => {
    const curve = (model: string) => ({ model, window: 'test', epochs: [] });
    expect(curveModels([{ label: 'a', models: [curve('mlp')] }, { label: 'b', models: [curve('cnn'), curve('mlp')] }])).toEqual(['mlp', 'cnn']);
  });
});

describe('comparison text', () => {
  it('formatRelative(relative) is signed', () => {
    expect([formatRelative(-0.5), formatRelative(0.051), formatRelative(0), formatRelative(null)]).toEqual(['−50%', '+5.1%', '0%', '']);
  });

  it('formatParamValue(value) shows arrays and objects compactly, and absent values', () => {
    expect(formatParamValue([64, 32])).toBe('[64, 32]');
    expect(formatParamValue({ window: 7, stats: ['mean'] })).toBe('{window: 7, stats: ["mean"]}');
    expect(formatParamValue(null)).toBe('null');
    expect(formatParamValue(undefined)).toBe('(not set)');
    expect(formatParamValue('x'.repeat(500))).toHaveLength(160);
  });
});
