import { describe, expect, it } from 'vitest';
import { compareDeterminism } from '../../../src/lib/train/compare-determinism';
import type { RunMetrics } from '../../../src/lib/runs/types';

function run(maes: Record<string, number[]>): RunMetrics {
  return {
    backend: 'wasm',
    featureSpec: {} as RunMetrics['featureSpec'],
    horizon: 7,
    folds: 1,
    best: null,
    baseline: 'seasonal-naive',
    models: Object.entries(maes).map(([name, values]) => ({
      name: name as RunMetrics['models'][number]['name'],
      family: 'neural',
      spec: null,
      importance: null,
      backtest: { wape: null, mae: null, rmse: null, smape: null, mase: null, bias: null, coverage80: null, cost: null },
      windows: values.map((mae, i) => ({
        window: i === values.length - 1 ? 'test' : `fold ${i + 1}`,
        cutoff: i,
        history: [],
        bestEpoch: null,
        stoppedEarly: false,
        durationMs: 0,
        evaluation: { dataScientist: { mae } } as RunMetrics['models'][number]['windows'][number]['evaluation'],
      })),
    })),
  };
}

describe('compareDeterminism(first, second)', () => {
  it('calls two bit-identical runs identical', () => {
    const report = compareDeterminism(run({ mlp: [1.5, 2.25] }), run({ mlp: [1.5, 2.25] }));
    expect(report.identical).toBe(true);
    expect(report.maxDifference).toBe(0);
    expect(report.rows.map((r) => r.window)).toEqual(['fold 1', 'test']);
  });
  it('reports the largest difference when a window differs, and a missing model as a difference', () => {
    const report = compareDeterminism(run({ mlp: [1.5, 2.25], cnn: [3] }), run({ mlp: [1.5, 2.5] }));
    expect(report.identical).toBe(false);
    expect(report.rows.find((r) => r.model === 'mlp' && r.window === 'test')?.difference).toBe(0.25);
    expect(report.maxDifference).toBe(Infinity);
  });
});
