import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { learningCurvePoints, learningCurvesSpec } from '../../../src/lib/charts/learning-curves-spec';
import { hasChartData } from '../../../src/lib/charts/has-chart-data';
import { compareRuns } from '../../../src/lib/runs/compare-runs';
import { compileSpec } from '../charts/compile-spec';
import { makeRun } from './make-run';

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const { curves } = compareRuns([makeRun('aaaa1111', { epochs: 6 }), makeRun('bbbb2222', { epochs: 4, errorScale: 0.8 })]);

describe('learningCurvesSpec(runs)', () => {
  it('learningCurvesSpec(runs) compiles with vega-lite, without warnings, to lines and points', () => {
    const compiled = compileSpec(learningCurvesSpec(curves));
    expect(compiled.warnings).toEqual([]);
    expect(compiled.marks).toEqual(['line', 'symbol']);
  });

  it('learningCurvesSpec(runs) colours by run in order, dashes validation, shapes by model', () => {
    const spec = learningCurvesSpec(curves) as Loose;
    expect(spec.width).toBe('container');
    expect(spec.title).toBeTruthy();
    expect(spec.encoding.color.field).toBe('run');
    expect(spec.encoding.color.scale.domain).toEqual(['Run aaaa1111', 'Run bbbb2222']);
    expect(spec.layer[0].encoding.strokeDash.field).toBe('curve');
    expect(spec.layer[0].encoding.strokeDash.scale.domain).toEqual(['training', 'validation']);
    expect(spec.layer[0].encoding.detail.field).toBe('model');
    expect(spec.layer[1].encoding.shape.field).toBe('model');
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });

  it('learningCurvePoints(runs) has a training and a validation point per run × model × epoch', () => {
    const points = learningCurvePoints(curves);
    expect(points).toHaveLength(2 * 3 * (6 + 4));
    expect(points[0]).toEqual({ run: 'Run aaaa1111', model: 'ridge', curve: 'training', epoch: 1, loss: expect.any(Number) });
    expect(points.filter((p) => p.model === 'mlp')).toHaveLength(2 * (6 + 4));
  });

  it('learningCurvesSpec(runs, {model}) keeps one model; missing losses are left out', () => {
    const spec = learningCurvesSpec(curves, { model: 'cnn' }) as Loose;
    expect(new Set(spec.data.values.map((v: Loose) => v.model))).toEqual(new Set(['cnn']));
    const gappy = [{ label: 'Run x', models: [{ model: 'mlp', window: 'test', epochs: [{ epoch: 1, loss: 1, valLoss: null }] }] }];
    expect(learningCurvePoints(gappy)).toEqual([{ run: 'Run x', model: 'mlp', curve: 'training', epoch: 1, loss: 1 }]);
  });

  it('learningCurvesSpec(runs, {title: null}) has no title of its own', () => {
    expect('title' in learningCurvesSpec(curves, { title: null })).toBe(false);
    expect(compileSpec(learningCurvesSpec(curves, { title: null })).warnings).toEqual([]);
  });

  it('learningCurvesSpec([]) has no data to chart', () => {
    expect(hasChartData(learningCurvesSpec([]) as TopLevelSpec)).toBe(false);
  });
});
